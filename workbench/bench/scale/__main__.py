"""`python -m workbench.bench.scale [--sizes 10000,100000] [--only NAME,NAME] [--cache DIR]
[--jobs N]`."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
from pathlib import Path

from workbench.bench.scale.runner import cores, run_sizes
from workbench.bench.scale.schedule import parts
from workbench.bench.scale.side_by_side import run_side_by_side
from workbench.bench.scale.timing import count_cpu_time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="workbench.bench.scale", description=__doc__)
    parser.add_argument("--sizes", default="10000,100000", help="articles per case, by commas")
    parser.add_argument(
        "--only",
        default="",
        help="run only producers whose name holds one of these words, by commas",
    )
    parser.add_argument("--cache", type=Path, default=None, help="where generated cases are kept")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per in-process row")
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default=os.environ.get("BENCH_SCALE_CLOCK", "wall"),
        help="time rows by wall time, or by CPU time (fair on a machine others load too)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=int(os.environ.get("BENCH_SCALE_JOBS", cores())),
        help="parts run side by side, each a process of its own, at most one a core (default:"
        " the cores, or BENCH_SCALE_JOBS); 1 runs everything one after another in this process",
    )
    parser.add_argument("--part", type=int, default=None, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    try:
        sizes = [int(size.replace("_", "")) for size in arguments.sizes.split(",") if size.strip()]
    except ValueError:
        parser.error(f"--sizes takes whole numbers separated by commas, not {arguments.sizes!r}")
    if not sizes or min(sizes) < 10:
        parser.error("--sizes needs at least one size of 10 articles or more")
    if arguments.jobs < 1:
        parser.error("--jobs needs at least 1")
    split = parts(arguments.only)
    if not split:
        parser.error(f"--only {arguments.only!r} names none of the producers")
    if arguments.part is not None and not 0 <= arguments.part < len(split):
        parser.error(f"--part {arguments.part} is not one of the {len(split)} parts")
    if arguments.part is not None:
        # A part stops on its run's interrupt even when the run was started in the background
        # (with SIGINT ignored, which its processes inherit), and cleans up its working copy.
        signal.signal(signal.SIGINT, signal.default_int_handler)
    count_cpu_time(arguments.clock == "cpu")
    units = len(set(sizes)) * len(split)
    if arguments.part is None and arguments.jobs > 1 and units > 1:
        jobs = min(arguments.jobs, units, cores())  # one core each
        run_side_by_side(sizes, arguments.cache, arguments.only, arguments.repeat, jobs)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as scratch:
        run_sizes(
            sizes, Path(scratch), arguments.cache, arguments.only, arguments.repeat,
            part=arguments.part,
        )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
