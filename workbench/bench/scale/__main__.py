"""`python -m workbench.bench.scale [--sizes 10000,100000] [--only NAME,NAME] [--cache DIR]`."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from workbench.bench.scale.runner import run_sizes
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
    arguments = parser.parse_args(argv)
    try:
        sizes = [int(size.replace("_", "")) for size in arguments.sizes.split(",") if size.strip()]
    except ValueError:
        parser.error(f"--sizes takes whole numbers separated by commas, not {arguments.sizes!r}")
    if not sizes or min(sizes) < 10:
        parser.error("--sizes needs at least one size of 10 articles or more")
    count_cpu_time(arguments.clock == "cpu")
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as scratch:
        run_sizes(sizes, Path(scratch), arguments.cache, arguments.only, arguments.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
