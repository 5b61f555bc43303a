"""The whole HTML and Markdown reports, every section included, kept as files: the proof that the
streamed report (its sections read in batches and written as they come) writes the very bytes
the report model wrote before.

`full_exports(project)` renders both with the date, analyst and version held still (unlike
`golden.exports`, nothing is left out: corroboration, competing hypotheses and the timeline are
in). `python -m tests.reports.full_golden` writes `tests/reports/golden/full-*` again from the
current code: do that only when a change of the output is intended, and say so in the commit.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from tests.reports.golden import ANALYST, CREATED, GENERATOR, GOLDEN, held_still, sample
from workbench.reports import render
from workbench.services import Project
from workbench.services.reporting import build_report

FORMATS = ("md", "html")
CASE_SIZE = 40  # articles of the generated case: repeats, corroborated claims, copies
SMALL_BATCH = 7  # articles read at a time: batch edges are crossed


def full_exports(project: Project, batch: int | None = None) -> dict[str, bytes]:
    """The whole project's Markdown and HTML reports, every section in."""
    with held_still(batch):
        made = build_report(project, analyst=ANALYST)
        report = replace(made, created=CREATED, generator=GENERATOR)
        return {fmt: render(report, fmt) for fmt in FORMATS}


def full_path(name: str, fmt: str) -> Path:
    return GOLDEN / f"full-{name}.{fmt}"


@contextmanager
def syndicated_case(folder: Path) -> Iterator[Project]:
    """The scale benchmark's generated case of CASE_SIZE articles, some of them marked as copies
    of others (so same quotes cluster), as a project named `case`."""
    import sqlite3

    from workbench.bench.scale.generate import ensure_case

    made = ensure_case(CASE_SIZE, folder / "cache", say=lambda _text: None)
    path = folder / "case.wbproj"
    shutil.copyfile(made, path)
    database = sqlite3.connect(path)
    with database:  # every fifth article a copy of the one before it: its quotes cluster
        database.execute(
            "UPDATE articles SET near_duplicate_of_id = id - 1 WHERE id % 5 = 0 AND id > 1"
        )
        database.execute(  # and the copy repeats the original's quotes word for word
            "UPDATE claims SET exact = coalesce((SELECT o.exact FROM claims o"
            " WHERE o.article_id = claims.article_id - 1 ORDER BY o.start LIMIT 1), exact)"
            " WHERE article_id % 5 = 0 AND start = (SELECT min(start) FROM claims m"
            " WHERE m.article_id = claims.article_id)"
        )
        database.execute(  # every seventh claim contradicts the one after the next
            "INSERT INTO claim_relations (from_claim_id, to_claim_id, kind)"
            " SELECT c.id, c.id + 2, 'contradicts' FROM claims c"
            " WHERE c.id % 7 = 0 AND EXISTS (SELECT 1 FROM claims d WHERE d.id = c.id + 2)"
        )
        database.execute(  # the copies' claims marked corroborated: circular reporting
            "UPDATE claims SET status = 'corroborated' WHERE article_id % 5 = 0"
        )
    database.close()
    with Project.open(path, read_only=True) as project:
        yield project


def write_full_golden(folder: Path) -> None:
    with sample(folder / "sample") as project:
        for fmt, data in full_exports(project).items():
            full_path("sample", fmt).write_bytes(data)
    with syndicated_case(folder / "case") as project:
        for fmt, data in full_exports(project, SMALL_BATCH).items():
            full_path("case", fmt).write_bytes(data)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        for part in ("sample", "case"):
            (Path(scratch) / part).mkdir()
        write_full_golden(Path(scratch))
    print(f"wrote the full Markdown and HTML reports in {GOLDEN}", file=sys.stderr)
