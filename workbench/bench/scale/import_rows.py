"""Rows: importing saved news pages into the case — the first import of a session beside a later
one in the same session (the first may cost at most 1.2× a later one: nothing is re-read or
re-sketched per session), and the importer's peak memory beside a child that only opens."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from workbench.bench.importing import generated_corpus
from workbench.bench.scale.case import Case
from workbench.bench.scale.generate import cache_dir
from workbench.bench.scale.table import Measurement, Target
from workbench.bench.scale.timing import counting_cpu, python, run_process

PAGES = 1000  # per batch (issue 10: 1,000 real-like pages); BENCH_SCALE_PAGES overrides
FIRST = Target(ratio=1.2)
MEMORY = Target(ratio=1.0, slack=300.0)


def prepare() -> None:
    """Make the pages once before parts run side by side (two sizes' imports at once would both
    write the same folder of the cache)."""
    generated_corpus(cache_dir(), 2 * _pages())


def _pages() -> int:
    return int(os.environ.get("BENCH_SCALE_PAGES", PAGES))


def rows(case: Case) -> Iterator[Measurement]:
    pages = _pages()
    first, later = _batches(case.scratch, pages)
    probe = [python(), "-m", "workbench.bench.scale.probe"]
    baseline = run_process([*probe, "open", str(case.path)])
    run = run_process([*probe, "import", str(case.path), str(first), str(later)])
    times = json.loads(run.stdout)
    clock = "cpu_ms" if counting_cpu() else "ms"
    done = times["files"]
    yield Measurement(
        f"import {pages:,} pages: first of a session",
        case.size,
        times["first"][clock],
        times["later"][clock],
        FIRST,
        note=f"floor: the next {pages:,} in the same session; {done[0]} + {done[1]} files",
    )
    yield Measurement(
        "importer memory", case.size, run.peak_mb, baseline.peak_mb, MEMORY, unit="MB"
    )


def _batches(scratch: Path, pages: int) -> tuple[Path, Path]:
    """Two folders of `pages` different pages each, from the import benchmark's generator."""
    corpus = generated_corpus(cache_dir(), 2 * pages)
    files = sorted(corpus.glob("*.html"))
    folders = (scratch / "pages-first", scratch / "pages-later")
    for folder, share in zip(folders, (files[:pages], files[pages:]), strict=True):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        for page in share:
            shutil.copyfile(page, folder / page.name)
    return folders
