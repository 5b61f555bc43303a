"""The report's "events" table the database reads (for the timeline figure) says what the
report model's articles say: each article's claims about events, numbered in report order,
each claim's events in the model's order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.reports.conftest import reuters_claim_id
from tests.reports.golden import generated_case
from workbench.reports import event_lines as el
from workbench.reports.model import Report
from workbench.reports.timeline_figure import figure_svg
from workbench.services import Project
from workbench.services.events import create_event
from workbench.services.links import link_event
from workbench.services.reporting import build_report


def _from_database(report: Report) -> list[el.ArticleEvents]:
    return list(el.article_events(report))


def _from_articles(report: Report) -> list[el.ArticleEvents]:
    return list(el._of_articles(report))


@pytest.fixture
def two_more_events(sample_project: Project) -> Project:
    """The sample with two more events on the Reuters claim, linked out of name order."""
    claim = reuters_claim_id(sample_project)
    for title in ("strike", "Raid"):
        event = create_event(sample_project, title, start_date=date(2025, 6, 20))
        link_event(sample_project, claim, event, "describes")
    return sample_project


def test_the_database_reads_each_claims_events_as_the_model_lists_them(
    two_more_events: Project,
) -> None:
    """Every article with its claims about events agrees with the model, "Raid" before "strike"."""
    report = build_report(two_more_events)
    entries = _from_database(report)
    assert entries == _from_articles(report)
    refs = [ref for entry in entries for _number, found in entry.claims for ref in found]
    assert refs.index(next(r for r in refs if r.startswith("Raid|"))) < refs.index(
        next(r for r in refs if r.startswith("strike|"))
    )


def test_a_filtered_report_numbers_its_claims_alike(two_more_events: Project) -> None:
    """Choosing claims by status keeps the model's claim numbers in the events table."""
    report = build_report(two_more_events, statuses=["unverified"])
    assert _from_database(report) == _from_articles(report)


def test_a_generated_case_agrees_across_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the benchmark's generated case, read three articles at a time, the table agrees and
    the timeline figure drawn from it is the one drawn from the articles."""
    monkeypatch.setattr("workbench.services.report_data.BATCH", 3)
    with generated_case(tmp_path) as project:
        report = build_report(project)
        entries = _from_database(report)
        assert entries == _from_articles(report)
        assert sum(1 for entry in entries if entry.claims) > 3
        from_table = figure_svg(report)
        monkeypatch.setattr(el, "TABLE", "no such table")
        assert figure_svg(report) == from_table
