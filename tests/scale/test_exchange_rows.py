"""The JSON-LD round-trip rows: what they compare between a case and its round trip, and that
their floor inserts the very rows the import made."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from workbench.bench.scale import exchange_rows
from workbench.services import Project
from workbench.services.exchange import import_web_annotations
from workbench.services.reporting import export_report


@pytest.fixture(scope="module")
def round_trip(
    tiny_case: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path, Path]:
    """A copy of the tiny case, its JSON-LD export, and a new project the export was read into
    (made once for this module's tests)."""
    tmp_path = tmp_path_factory.mktemp("round-trip")
    case = shutil.copy(tiny_case, tmp_path / "case.wbproj")
    exported = tmp_path / "case.jsonld"
    with Project.open(case, read_only=True) as project:
        export_report(project, "jsonld", exported)
    back = tmp_path / "back.wbproj"
    with Project.create(back) as fresh:
        import_web_annotations(fresh, exported)
    return Path(case), exported, back


def test_a_round_trip_of_the_case_brings_the_same_records_back(
    round_trip: tuple[Path, Path, Path],
) -> None:
    """Nothing differs between the tiny case and its round trip; a changed summary is caught."""
    case, _exported, back = round_trip
    assert exchange_rows._differences(case, back) == ""
    with sqlite3.connect(back) as connection:
        connection.execute("UPDATE claims SET summary = summary || ' (changed)'")
    assert exchange_rows._differences(case, back).startswith("claim 1 in text order:")


def test_the_floor_inserts_every_row_the_import_made(
    round_trip: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    """The floor's database ends with as many rows in each table as the imported project."""
    _case, exported, back = round_trip
    floor = tmp_path / "floor.sqlite"
    assert exchange_rows._floor(exported, back, floor) > 0
    with sqlite3.connect(back) as ours, sqlite3.connect(floor) as theirs:
        for table in exchange_rows._filled_tables():
            query = f'SELECT count(*) FROM "{table}"'
            assert ours.execute(query).fetchone() == theirs.execute(query).fetchone(), table
