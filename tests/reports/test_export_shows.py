"""An export works out only what its format shows: JSON-LD the competing hypotheses but not the
corroboration; CSV not the sources, actors, events or relations either."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from workbench.reports import sections_shown, shows_records
from workbench.services import Project, report_data, reporting
from workbench.services.reporting import export_report


def test_each_format_names_what_it_shows() -> None:
    """JSON-LD shows only the hypotheses of the sections; CSV no records; HTML everything."""
    assert sections_shown("jsonld") == {"hypotheses"}
    assert sections_shown("html") == {"hypotheses", "corroboration"}
    assert sections_shown("csv") == set()
    assert not shows_records("csv") and shows_records("jsonld") and shows_records("html")


def test_a_jsonld_export_does_not_wait_for_the_corroboration_section(
    sample_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exchange file is written without working out corroboration, records and all."""
    worked_out: list[str] = []

    def corroboration(*_arguments: object) -> None:
        worked_out.append("corroboration")

    monkeypatch.setattr(reporting, "corroboration_section", corroboration)
    out = export_report(sample_project, "jsonld", tmp_path / "case.jsonld")
    assert worked_out == []
    assert json.loads(out.read_text(encoding="utf-8"))["wb:sources"]


def test_a_csv_export_reads_no_records(
    sample_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CSV is written without counting which sources and actors the claims use."""

    def usage(*_arguments: object) -> None:
        raise AssertionError("the CSV read the records' usage")

    monkeypatch.setattr(report_data, "read_usage", usage)
    out = export_report(sample_project, "csv", tmp_path / "claims.csv")
    with out.open(encoding="utf-8-sig", newline="") as rows:
        assert len(list(csv.reader(rows))) == 1 + 6  # the header and the sample's claims
