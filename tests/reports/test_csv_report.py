"""The claims CSV: a BOM for spreadsheets, one row per claim, formulas neutralised."""

from __future__ import annotations

import csv
import io

import pytest

from tests.reports.conftest import REUTERS_QUOTE, reuters_claim_id
from workbench.reports import render
from workbench.reports.csv_report import HEADER, neutralise
from workbench.services import Project
from workbench.services.annotations import add_note, add_tag
from workbench.services.claims import edit_claim
from workbench.services.queries import claim_views
from workbench.services.reporting import build_report


def _rows(project: Project) -> tuple[bytes, list[dict[str, str]]]:
    data = render(build_report(project), "csv")
    text = data.decode("utf-8-sig")
    return data, list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_row_per_claim_with_its_chain_and_grades(sample_project: Project) -> None:
    """Six rows; the Reuters row has the quote, the chain, the grades and the note."""
    data, rows = _rows(sample_project)
    assert data.startswith(b"\xef\xbb\xbf")
    assert len(rows) == 6 and list(rows[0]) == list(HEADER)
    reuters = next(row for row in rows if row["Quote"].startswith(REUTERS_QUOTE))
    assert reuters["Attribution"] == (
        "unnamed sources (speaker) → Reuters (reported by) → Deftechtimes (published by)"
    )
    assert reuters["Source reliability"] == "unnamed sources: F; Reuters: B; Deftechtimes: C"
    assert reuters["Credibility"] == "3 — possibly true"
    assert reuters["Actors"] == "Iran (speaker), Russia (target)"
    assert reuters["Events"] == "Araqchi's visit to Moscow with Khamenei's letter (refers to)"


def test_hostile_cells_are_neutralised(sample_project: Project) -> None:
    """A summary, tag or note starting with =, +, -, @, tab or CR reaches the sheet as text."""
    claim_id = reuters_claim_id(sample_project)
    edit_claim(sample_project, claim_id, summary='=HYPERLINK("http://evil","x")')
    for tag in ("+cmd", "-2+3", "@SUM(A1)"):
        add_tag(sample_project, "claim", claim_id, tag)
    unnoted = next(view.id for view in claim_views(sample_project) if not view.notes)
    add_note(sample_project, "claim", unnoted, "=1+1")
    _data, rows = _rows(sample_project)
    reuters = next(row for row in rows if row["Quote"].startswith(REUTERS_QUOTE))
    assert reuters["Summary"] == '\'=HYPERLINK("http://evil","x")'
    assert reuters["Tags"].startswith("'+cmd")
    assert "'=1+1" in [row["Notes"] for row in rows]
    for row in rows:
        for value in row.values():
            assert not value.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("  =cmd", "'  =cmd"),
        ("plain", "plain"),
        ("a=b", "a=b"),
    ],
)
def test_neutralise(cell: str, safe: str) -> None:
    """Each dangerous first character gets an apostrophe; harmless text is left alone."""
    assert neutralise(cell) == safe
