"""A file made from the case (an export) is reused only while the case is unchanged."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from workbench.bench.scale.case import Case
from workbench.services import Project


def test_a_kept_export_serves_until_the_case_changes(tiny_case: Path, tmp_path: Path) -> None:
    """Reading the case keeps the export usable; a write to the case or losing the file makes
    the next producer export again."""
    case = Case(200, shutil.copyfile(tiny_case, tmp_path / "case.wbproj"), tmp_path)
    export = tmp_path / "export.jsonld"
    export.write_text("{}", "utf-8")
    assert case.kept("export.jsonld") is None
    case.keep("export.jsonld", export)
    with Project.open(case.path, read_only=True) as project:
        assert project.name
    assert case.kept("export.jsonld") == export
    assert case.scalar("SELECT count(*) FROM claims") > 0
    assert case.kept("export.jsonld") == export
    case.close()
    database = sqlite3.connect(case.path)
    database.execute(
        "UPDATE claims SET summary = 'changed' WHERE id = (SELECT min(id) FROM claims)"
    )
    database.commit()
    database.close()
    assert case.kept("export.jsonld") is None
    case.keep("export.jsonld", export)
    export.unlink()
    assert case.kept("export.jsonld") is None
