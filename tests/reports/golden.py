"""Today's exports kept as files, so a faster renderer is proved to write the very same bytes.

`exports(project)` renders every format of the report on a project with what changes from run
to run held still (the date, the analyst, the version, the collection's id, reportlab's
timestamps; DOCX is compared by the contents of its parts, as its zip stamps each part with the
time).
`python -m tests.reports.golden` writes the files in `tests/reports/golden/` again from the
current code: do that only when a change of the output is intended, and say so in the commit.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import shutil
import sqlite3
import sys
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from unittest import mock

from workbench.reports import Report, render
from workbench.services import Project, report_data
from workbench.services.reporting import build_report

GOLDEN = Path(__file__).parent / "golden"
FORMATS = ("html", "pdf", "docx", "md", "csv", "jsonld")  # the report formats kept here
CREATED = datetime(2025, 6, 24, 9, 30, tzinfo=UTC)
ANALYST = "A. N. Analyst"
GENERATOR = "Analyst Workbench 0.1.0"  # held still too: a release's version is not a change
MADE = "2025-06-24 09:30:00.000000"
CASE_SIZE = 12  # articles of the generated case (claims, chains, links, mentions, tags)
CORE = {"title", "created", "analyst", "scope", "articles", "sources", "actors", "events"}
CORE |= {"relations", "generator", "counts"}
SMALL_BATCH = 5  # articles read at a time for the generated case: batch edges are crossed
_BLANK_LINES = re.compile(rb"\n(?:[ \t]*\n)+")


@contextmanager
def held_still(batch: int | None = None) -> Iterator[None]:
    """Fixed collection ids and PDF timestamps (and, if given, the articles read per batch)."""
    from reportlab import rl_config

    ids = iter(uuid.UUID(int=number) for number in range(1, 1_000_000))
    invariant = rl_config.invariant
    rl_config.invariant = 1
    try:
        with mock.patch("uuid.uuid4", lambda: next(ids)):
            if batch is None:
                yield
            else:
                with mock.patch.object(report_data, "BATCH", batch):
                    yield
    finally:
        rl_config.invariant = invariant


def exports(project: Project, batch: int | None = None) -> dict[str, bytes]:
    """Every format of the whole project's report, as comparable bytes (PDF and DOCX, large
    with their fonts, by a SHA-256 digest of the file and of each DOCX part).

    Sections added to the report since (each a field of `Report` beyond CORE, with its own
    tests) are left out, so the files guard what the renderers wrote when they were made; in
    HTML, blank lines (which the template's hooks for those sections leave) count as one."""
    found = {}
    with held_still(batch):
        made = build_report(project, analyst=ANALYST)
        report = _core(replace(made, created=CREATED, generator=GENERATOR))
        for fmt in FORMATS:
            data = render(report, fmt)
            if fmt == "docx":
                found[fmt] = docx_digests(data)
            elif fmt == "pdf":
                digest = hashlib.sha256(data).hexdigest()
                found[fmt] = f"{digest}  report.pdf  fonts {pdf_fonts()}\n".encode()
            elif fmt == "html":
                found[fmt] = _BLANK_LINES.sub(b"\n", data)
            else:
                found[fmt] = data
    return found


def _core(report: Report) -> Report:
    later = {
        field.name: field.default
        for field in dataclasses.fields(report)
        if field.name not in CORE and field.default is not dataclasses.MISSING
    }
    return replace(report, **later)


def pdf_fonts() -> str:
    """A short digest of the font files the PDF embeds on this machine (the PDF's bytes
    depend on them, so its golden digest holds only where the same fonts are installed)."""
    from workbench.reports.pdf_fonts import CANDIDATES

    for files in CANDIDATES:
        if all(Path(name).is_file() for name in files):
            return hashlib.sha256(b"".join(Path(name).read_bytes() for name in files)).hexdigest()[
                :16
            ]
    return "reportlab-standard"


def docx_digests(data: bytes) -> bytes:
    """The SHA-256 of each of a DOCX file's parts, by name (the zip stamps each with the time)."""
    with zipfile.ZipFile(BytesIO(data)) as archive:
        lines = [
            f"{hashlib.sha256(archive.read(name)).hexdigest()}  {name}\n"
            for name in sorted(archive.namelist())
        ]
    return "".join(lines).encode()


def golden_path(name: str, fmt: str) -> Path:
    return GOLDEN / f"{name}.{fmt}"


@contextmanager
def generated_case(folder: Path) -> Iterator[Project]:
    """The scale benchmark's generated case of CASE_SIZE articles, as a project named `case`."""
    from workbench.bench.scale.generate import ensure_case

    made = ensure_case(CASE_SIZE, folder / "cache", say=lambda _text: None)
    path = folder / "case.wbproj"
    shutil.copyfile(made, path)
    with Project.open(path, read_only=True) as project:
        yield project


@contextmanager
def sample(folder: Path) -> Iterator[Project]:
    """The annotated sample project, as `workbench sample` makes it, its claims dated alike
    and made by nobody named."""
    from workbench.services.sample import build_sample

    path = folder / "sample.wbproj"
    with Project.create(path) as project:
        build_sample(project)
    database = sqlite3.connect(path)
    with database:
        database.execute("UPDATE claims SET created_at = ?, updated_at = ?", (MADE, MADE))
        # who built it is the login name, which differs from machine to machine: nobody named
        database.execute("UPDATE row_versions SET created_by = '', changed_by = ''")
    database.close()
    with Project.open(path, read_only=True) as project:
        yield project


def write_golden(folder: Path) -> None:
    """Write the golden files again from the current code."""
    GOLDEN.mkdir(exist_ok=True)
    with sample(folder) as project:
        for fmt, data in exports(project).items():
            golden_path("sample", fmt).write_bytes(data)
    with generated_case(folder) as project:
        for fmt, data in exports(project, SMALL_BATCH).items():
            golden_path("case", fmt).write_bytes(data)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        write_golden(Path(scratch))
    print(f"wrote {len(list(GOLDEN.iterdir()))} files in {GOLDEN}", file=sys.stderr)
