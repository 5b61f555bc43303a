"""Search benchmark of `make bench`: the rows of `search_scale` on the news-like search corpus.

The same fair measurement as `make bench-scale` (Whoosh and SQLite FTS5 each built and queried
in a single process of its own, CPU and wall, cold and warm; see `search_scale`), on the
generated corpus of `search_corpus` (longer wire stories, a Zipf vocabulary with a long tail).
Sizes: `WORKBENCH_SEARCH_SIZES=2000,10000` (articles, by commas; default 10,000). Each row is
printed as it is measured, so a stopped run keeps what it printed.

An earlier version of this benchmark flattered Whoosh: it built with several worker processes
against one FTS5 thread, timed FTS5 inside the build process, left out preparing the facet
tables, and printed only at the end. Its numbers are not comparable with these.
"""

from __future__ import annotations

import os
import platform
import shutil
from pathlib import Path

from workbench.bench.scale.case import Case
from workbench.bench.scale.table import header, line
from workbench.bench.search_corpus import ensure_corpus
from workbench.bench.search_scale import rows

DEFAULT_SIZES = "10000"


def say(text: str) -> None:
    print(text, flush=True)


def sizes() -> list[int]:
    """The corpus sizes to measure, from WORKBENCH_SEARCH_SIZES."""
    listed = os.environ.get("WORKBENCH_SEARCH_SIZES", DEFAULT_SIZES)
    try:
        found = [int(size.replace("_", "")) for size in listed.split(",") if size.strip()]
    except ValueError:
        raise SystemExit(
            f"WORKBENCH_SEARCH_SIZES takes whole numbers by commas, not {listed!r}"
        ) from None
    if not found or min(found) < 10:
        raise SystemExit("WORKBENCH_SEARCH_SIZES needs sizes of at least 10 articles")
    return found


def run(cache: Path) -> None:
    say(f"machine: {platform.machine()}, {len(os.sched_getaffinity(0))} cores (shared?)")
    say(header())
    for size in sizes():
        corpus = ensure_corpus(cache, size, progress=lambda text: say(f"# {text.strip()}"))
        work = cache / f"work-{size}"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        copy = work / corpus.name
        shutil.copyfile(corpus, copy)
        case = Case(size, copy, work)
        try:
            for measurement in rows(case):
                say(line(measurement))
        finally:
            case.close()
            shutil.rmtree(work, ignore_errors=True)
