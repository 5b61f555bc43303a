"""A DOCX or REFI-QDA export that fails midway leaves the previous file as it was, no
half-written file beside it, and none of its spool files (footnotes, sources, notes, links)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from workbench.services import Project
from workbench.services.reporting import export_report


class WriterBroke(RuntimeError):
    """What the failing progress callback raises, after the first batch is written."""


def _fail_after_first_batch(done: int, total: int) -> None:
    raise WriterBroke(f"stopped at {done} of {total}")


@pytest.mark.parametrize("fmt", ["docx", "qdpx"])
def test_a_failed_export_leaves_the_old_file_and_no_spool(
    sample_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """The export stops midway: the old report is intact, the folder and the spool folder hold
    nothing new."""
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / f"r.{fmt}"
    out.write_bytes(b"the good report")
    with pytest.raises(WriterBroke):
        export_report(sample_project, fmt, out, progress=_fail_after_first_batch)
    assert out.read_bytes() == b"the good report"
    assert [path.name for path in folder.iterdir()] == [out.name]
    assert list(spool.iterdir()) == []
