"""Run every benchmark: `python -m workbench.bench [--cache DIR] [--only NAME]`.

Each module listed has `run(cache: Path) -> None`, which prints a table. Generated corpora are
cached outside the repository (default: the user cache folder), so later runs are quicker.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from platformdirs import user_cache_dir

BENCHMARKS: dict[str, str] = {
    "assist": "workbench.bench.assist",
    "charts": "workbench.bench.charts",
    "charts-window": "workbench.ui.link_chart_bench",
    "corroboration": "workbench.bench.corroboration",
    "import": "workbench.bench.importing",
    "mention-scan": "workbench.bench.mention_scan",
    "reader": "workbench.ui.bench_reader",
    "reanchoring": "workbench.bench.reanchoring",
    "search": "workbench.bench.search",
    "startup": "workbench.bench.startup",
    "team": "workbench.bench.team",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="workbench.bench")
    parser.add_argument("--cache", type=Path, default=Path(user_cache_dir("analyst-workbench")))
    parser.add_argument("--only", choices=sorted(BENCHMARKS), help="run one benchmark")
    arguments = parser.parse_args(argv)
    if not BENCHMARKS:
        print("no benchmarks yet")
        return 0
    arguments.cache.mkdir(parents=True, exist_ok=True)
    for name, module in BENCHMARKS.items():
        if arguments.only in (None, name):
            print(f"\n== {name} ==", flush=True)
            importlib.import_module(module).run(arguments.cache / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
