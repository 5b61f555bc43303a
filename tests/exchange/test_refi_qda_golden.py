"""The .qdpx export writes the very `project.qde` and source texts it wrote before its writer
was made faster (the sample project, and a generated case read a few articles at a time).

`python -m tests.exchange.test_refi_qda_golden` writes the files in `golden/` again from the
current code: do that only when a change of the output is intended, and say so in the commit.
"""

from __future__ import annotations

import hashlib
import sys
import zipfile
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest

from tests.reports.golden import (
    ANALYST,
    CREATED,
    GENERATOR,
    SMALL_BATCH,
    generated_case,
    held_still,
    sample,
)
from workbench.reports import render
from workbench.services import Project
from workbench.services.reporting import report_for

GOLDEN = Path(__file__).parent / "golden"
HOW = "if the change is intended, run `python -m tests.exchange.test_refi_qda_golden`"


def qdpx_contents(project: Project, batch: int | None = None) -> bytes:
    """The archive's `project.qde`, then the name, date and SHA-256 of every entry."""
    with held_still(batch):
        report = report_for(project, "qdpx", analyst=ANALYST)
        data = render(replace(report, created=CREATED, generator=GENERATOR), "qdpx")
    with zipfile.ZipFile(BytesIO(data)) as archive:
        entries = [
            f"{hashlib.sha256(archive.read(info)).hexdigest()}  {info.date_time}  {info.filename}\n"
            for info in archive.infolist()
        ]
        return archive.read("project.qde") + b"\n" + "".join(entries).encode()


def test_the_sample_projects_qdpx_is_unchanged(tmp_path: Path) -> None:
    """The sample project's project.qde and texts are byte for byte what they were."""
    with sample(tmp_path) as project:
        found = qdpx_contents(project)
    assert found == (GOLDEN / "sample.qdpx.txt").read_bytes(), HOW


@pytest.mark.slow
def test_a_generated_cases_qdpx_is_unchanged(tmp_path: Path) -> None:
    """The same for a generated case of a dozen articles (chains, links, mentions, tags,
    relations, notes), read a few articles at a time so batch edges are crossed."""
    with generated_case(tmp_path) as project:
        found = qdpx_contents(project, SMALL_BATCH)
    assert found == (GOLDEN / "case.qdpx.txt").read_bytes(), HOW


def write_golden(folder: Path) -> None:
    GOLDEN.mkdir(exist_ok=True)
    with sample(folder) as project:
        (GOLDEN / "sample.qdpx.txt").write_bytes(qdpx_contents(project))
    with generated_case(folder) as project:
        (GOLDEN / "case.qdpx.txt").write_bytes(qdpx_contents(project, SMALL_BATCH))


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        write_golden(Path(scratch))
    print(f"wrote the .qdpx golden files in {GOLDEN}", file=sys.stderr)
