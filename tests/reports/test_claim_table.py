"""The claims table the database assembles (the CSV's rows) says word for word what the report
model's articles say: the SQL built from `reports.wording` agrees with the Python wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reports.conftest import reuters_claim_id
from tests.reports.golden import generated_case
from workbench.reports import claim_lines as cl
from workbench.reports.model import Report
from workbench.services import Project
from workbench.services.annotations import add_note, add_tag
from workbench.services.entities import create_actor
from workbench.services.events import create_event
from workbench.services.links import link_actor, link_event
from workbench.services.reporting import build_report, export_report


def _from_database(report: Report) -> list[cl.ClaimLine]:
    return [line for lines in cl.claim_lines(report) for line in lines]


def _from_articles(report: Report) -> list[cl.ClaimLine]:
    return [line for lines in cl._lines_of_articles(report) for line in lines]


@pytest.fixture
def mixed_case_links(sample_project: Project) -> Project:
    """The sample with names whose byte order is not their case-folded order, on one claim,
    and two notes on it."""
    claim = reuters_claim_id(sample_project)
    for name in ("alpha", "Bravo", "Éclat", "ébloui"):
        link_actor(sample_project, claim, create_actor(sample_project, name), "mentioned")
        add_tag(sample_project, "claim", claim, f"{name} tag")
    for title in ("strike", "Raid"):
        link_event(sample_project, claim, create_event(sample_project, title), "describes")
    add_note(sample_project, "claim", claim, "first note")
    add_note(sample_project, "claim", claim, "second note")
    return sample_project


def test_the_database_words_every_claim_as_the_model_does(mixed_case_links: Project) -> None:
    """Chain, reliabilities, links, tags and notes from SQL equal the model's, in its order."""
    report = build_report(mixed_case_links)
    lines = _from_database(report)
    assert lines == _from_articles(report)
    reuters = next(line for line in lines if line.actors.startswith("alpha"))
    assert reuters.actors == (
        "alpha (mentioned), Bravo (mentioned), Iran (speaker), Russia (target),"
        " ébloui (mentioned), Éclat (mentioned)"
    )
    tags = reuters.tags.split("; ")
    assert [tag for tag in tags if tag.endswith(" tag")] == [
        "alpha tag",
        "Bravo tag",
        "ébloui tag",
        "Éclat tag",
    ]
    assert reuters.events.index("Raid (describes)") < reuters.events.index("strike (describes)")
    assert reuters.notes.endswith("\n\nfirst note\n\nsecond note")
    assert reuters.chain == (
        "unnamed sources (speaker) → Reuters (reported by) → Deftechtimes (published by)"
    )
    assert (reuters.first_reliability, reuters.reliabilities) == (
        "F",
        "unnamed sources: F; Reuters: B; Deftechtimes: C",
    )


def test_a_filtered_report_numbers_its_claims_alike(mixed_case_links: Project) -> None:
    """Choosing claims by status and reading one article at a time keeps the model's numbers."""
    report = build_report(mixed_case_links, statuses=["unverified"])
    assert [line.number for line in _from_database(report)] == [
        line.number for line in _from_articles(report)
    ]


def test_a_generated_case_agrees_across_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the benchmark's generated case, read three articles at a time, the lines agree."""
    monkeypatch.setattr("workbench.services.report_data.BATCH", 3)
    with generated_case(tmp_path) as project:
        report = build_report(project)
        lines = _from_database(report)
        assert lines == _from_articles(report)
        assert len({line.article for line in lines}) > 3


def test_the_csv_export_reports_progress_to_its_end(
    mixed_case_links: Project, tmp_path: Path
) -> None:
    """The CSV, read as the database's table, still reports progress up to the whole."""
    seen: list[tuple[int, int]] = []
    export_report(mixed_case_links, "csv", tmp_path / "r.csv", progress=lambda *p: seen.append(p))
    assert seen and seen[-1][0] == seen[-1][1]
