"""Mention-scan benchmark: the Suggestions dock's project-wide scan on a generated case.

- The scan (`services.suggestion_scan.scan_mentions`: every article's text a batch at a time,
  the marked mentions and decided suggestions of each batch, the known names matched) against
  two floors measured in the same run: every article's text read by one plain SQL query through
  Python's sqlite3, and that read with the same matcher run over each text (the scan's work
  without its batches and its checks).

Wall and CPU time (the machine may be shared: say so). The case is the scale benchmark's
(`make bench-scale`'s cache, generated or upgraded once). `python -m workbench.bench.mention_scan
--articles 1000` runs a small case.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from workbench.bench.scale.generate import ensure_case
from workbench.services import Project
from workbench.services.assist_inputs import known_names
from workbench.services.suggestion_scan import scan_mentions

T = TypeVar("T")
ARTICLES = 10_000
TEXTS_SQL = "SELECT id, text FROM articles ORDER BY id"


def _timed(work: Callable[[], T]) -> tuple[float, float, T]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def _row(what: str, wall: float, cpu: float, floor: float | None = None) -> None:
    ratio = f"  {wall / floor:5.1f}× floor" if floor else ""
    print(f"  {what:<52} {wall:8.2f} s wall {cpu:8.2f} s CPU{ratio}", flush=True)


def _read_texts(path: Path) -> int:
    connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return sum(len(text) for _id, text in connection.execute(TEXTS_SQL))
    finally:
        connection.close()


def _read_and_match(path: Path, project: Project) -> int:
    from workbench.assist import MentionMatcher

    matcher = MentionMatcher(known_names(project))
    connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return sum(len(matcher.find(text)) for _id, text in connection.execute(TEXTS_SQL))
    finally:
        connection.close()


def run(cache: Path, articles: int = ARTICLES) -> None:
    """Print the scan's time beside its floors on a case of `articles` articles."""
    case = ensure_case(articles, say=lambda text: print(f"  {text}", flush=True))
    print(f"  case: {articles:,} articles ({case.name})", flush=True)
    with Project.open(case, read_only=True) as project:
        _read_texts(case)  # the file in the page cache for every row alike
        wall_sql, cpu_sql, _chars = _timed(lambda: _read_texts(case))
        wall_match, cpu_match, found = _timed(lambda: _read_and_match(case, project))
        wall, cpu, scan = _timed(lambda: scan_mentions(project))
    _row("floor: every text read by plain SQL (sqlite3)", wall_sql, cpu_sql)
    _row(f"floor: read + the same matcher ({found:,} names found)", wall_match, cpu_match)
    _row(f"scan: {scan.summary()}"[:52], wall, cpu, wall_match)
    print(f"  scan beside the plain read alone: {wall / wall_sql:.1f}×", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="workbench.bench.mention_scan")
    parser.add_argument("--articles", type=int, default=ARTICLES)
    arguments = parser.parse_args(argv)
    run(Path(), arguments.articles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
