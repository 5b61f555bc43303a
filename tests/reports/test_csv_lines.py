"""The CSV lines the database finishes (services.csv_table) are byte for byte what the csv
writer makes of the claim lines, hostile cells included, and every formula is neutralised."""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from workbench.reports import csv_report, render
from workbench.services import Project
from workbench.services import csv_table as ct
from workbench.services.reporting import build_report

FORMULA_STARTS = sorted(csv_report.FORMULA_CHARACTERS)
HOSTILE = [
    *[f"{char}cmd" for char in FORMULA_STARTS],
    *[f"  {char}cmd" for char in FORMULA_STARTS],
    '=HYPERLINK("http://evil","x")',
    ' "quoted", with a comma',
    "line\r\nbreak",
    "only\rreturn",
    "only\nnewline",
    "a=b, 'c'",
    '🦊 fox, "den"',
    "",
    "   ",
    "-",
]


@pytest.fixture
def case(generated: Path, tmp_path: Path) -> Iterator[Project]:
    """A copy of the generated case of a dozen articles, for one test."""
    path = tmp_path / "case.wbproj"
    shutil.copyfile(generated, path)
    with Project.open(path, read_only=True) as project:
        yield project


def _summaries(project: Project, values: list[str]) -> None:
    """The first claims' summaries set to `values`, straight into the file."""
    database = sqlite3.connect(project.store.location)
    with database:
        ids = [row[0] for row in database.execute("SELECT id FROM claims ORDER BY id")]
        for claim_id, value in zip(ids, values, strict=False):
            database.execute("UPDATE claims SET summary = ? WHERE id = ?", (value, claim_id))
    database.close()


def _with_hostile_cells(project: Project, values: list[str]) -> None:
    """Every text the CSV shows (title, outlet, URL, summary, kind, note, tag, actor, event
    and source names) given the hostile values in turn, written straight into the file."""
    database = sqlite3.connect(project.store.location)
    tables = [
        ("articles", "title"),
        ("articles", "outlet"),
        ("articles", "url"),
        ("claims", "summary"),
        ("claims", "kind"),
        ("claims", "exact"),
        ("notes", "body"),
        ("tags", "name"),
        ("actors", "name"),
        ("events", "title"),
        ("sources", "name"),
    ]
    with database:
        for table, column in tables:
            ids = [row[0] for row in database.execute(f"SELECT id FROM {table} ORDER BY id")]
            for at, row_id in enumerate(ids):
                value = values[at % len(values)]
                unique = f"{value}{at}" if table in {"tags", "actors", "sources"} else value
                database.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (unique, row_id))
    database.close()


def _both_ways(
    project: Project, monkeypatch: pytest.MonkeyPatch, **filters: Any
) -> tuple[bytes, bytes, list[type]]:
    """The CSV as the database finishes it, as the csv writer writes the claim lines, and
    what each batch of the first came as."""
    made: list[type] = []
    finish = ct._batch

    def spied(*arguments: Any) -> Any:
        lines = finish(*arguments)
        made.extend({type(line) for line in lines})
        return lines

    monkeypatch.setattr(ct, "_batch", spied)
    monkeypatch.setattr("workbench.services.report_data.BATCH", 3)
    finished = render(build_report(project, **filters), "csv")
    monkeypatch.setattr(csv_report, "TABLE", "no table of finished lines")
    written = render(build_report(project, **filters), "csv")
    return finished, written, made


def _cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_finished_lines_are_the_writers_bytes(
    case: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the generated case, three articles a batch, the database's lines are the writer's."""
    finished, written, made = _both_ways(case, monkeypatch)
    assert made == [bytes] * len(made) and made
    assert finished == written
    assert len(_cells(finished)) > 40


def test_hostile_cells_are_neutralised_and_quoted_alike(
    case: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cells starting with every formula sign (after spaces too), quotes, commas and line
    breaks come out as the csv writer puts them, each formula behind an apostrophe."""
    _with_hostile_cells(case, HOSTILE)
    finished, written, made = _both_ways(case, monkeypatch)
    assert set(made) == {bytes}
    assert finished == written
    rows = _cells(finished)[1:]
    for row in rows:
        for value in row:
            first = value.lstrip(" ")[:1]
            assert not (first and first in csv_report.FORMULA_CHARACTERS), value
    quoted = [value for row in rows for value in row]
    assert '\'=HYPERLINK("http://evil","x")' in quoted
    assert "'  ＝cmd" in quoted and "line\r\nbreak" in quoted


def test_a_character_xml_forbids_takes_the_careful_way(
    case: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A summary "\\x01=cmd" loses its control character and then its formula: the batch
    holding it is written from claim lines, the others finished, the bytes the writer's."""
    _summaries(case, ["\x01=cmd", "ok\x00fine", "\ufffe+1", "\uffff-1"])
    finished, written, made = _both_ways(case, monkeypatch)
    assert bytes in made and csv_report.ClaimLine in made
    assert finished == written
    summaries = [row[6] for row in _cells(finished)[1:]]
    assert "'=cmd" in summaries and "okfine" in summaries and "'+1" in summaries


def test_a_filtered_report_numbers_its_lines_alike(
    case: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claims chosen by status keep the writer's claim and article numbers."""
    finished, written, made = _both_ways(case, monkeypatch, statuses=["disputed"])
    assert made and finished == written
    assert 1 < len(_cells(finished)) < 40


@pytest.mark.parametrize("summary", ["\x01=cmd", "ok\x00fine", "\x1f-1", "\ufffe+1", "\uffff@1"])
def test_each_character_xml_forbids_alone_takes_the_careful_way(
    case: Project, monkeypatch: pytest.MonkeyPatch, summary: str
) -> None:
    """One claim's summary holding one forbidden character sends its batch the careful way, and
    the bytes are still the writer's, the character dropped and the formula behind it marked."""
    _summaries(case, [summary])
    finished, written, made = _both_ways(case, monkeypatch)
    assert csv_report.ClaimLine in made and bytes in made
    assert finished == written
    first = _cells(finished)[1][6]
    assert first.startswith("'") or first == "okfine"


@pytest.mark.parametrize("table", ["sources", "actors"])
def test_a_grade_cannot_start_a_formula(case: Project, table: str) -> None:
    """The grade cell is written as it is: a reliability other than A-F is refused by the file."""
    database = sqlite3.connect(case.store.location)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        database.execute(f"UPDATE {table} SET reliability = '='")
    database.close()
