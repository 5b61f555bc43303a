"""The report model built from a project: contents, numbering, filters and the title page."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.reports.conftest import CHAIN, REUTERS_QUOTE
from workbench.reports.model import Article, ArticleStream, RecordCounts, Report
from workbench.reports.tables import actor_rows, events_in_order, source_rows
from workbench.services import Project
from workbench.services.errors import InvalidInput
from workbench.services.reporting import build_report, write_report
from workbench.services.search import close_index
from workbench.store.errors import ProjectError


def test_sample_report_holds_every_claim_in_text_order(sample_project: Project) -> None:
    """The sample's six claims appear numbered 1–6 in the order they occur in the text."""
    report = build_report(sample_project, analyst="Jo Analyst", title="Iran and Russia")
    claims = report.claims
    assert [claim.number for claim in claims] == [1, 2, 3, 4, 5, 6]
    assert [claim.start for claim in claims] == sorted(claim.start for claim in claims)
    assert report.title == "Iran and Russia"
    assert report.analyst == "Jo Analyst"
    assert len(report.articles) == 1 and report.articles[0].text.startswith("⚖")


def test_reuters_claim_carries_its_three_hop_chain_with_reliability(
    sample_project: Project,
) -> None:
    """The Reuters claim's chain names its three sources, in order, with their grades."""
    report = build_report(sample_project)
    claim = next(c for c in report.claims if c.exact.startswith(REUTERS_QUOTE))
    assert tuple(hop.name for hop in claim.attribution) == CHAIN
    assert [hop.reliability for hop in claim.attribution] == ["F", "B", "C"]
    assert claim.attribution[1].reliability_label == "B — usually reliable"
    assert claim.chain_text == (
        "unnamed sources (speaker) → Reuters (reported by) → Deftechtimes (published by)"
    )
    assert claim.credibility_label == "3 — possibly true"
    assert claim.notes and "corroboration" in claim.notes[0]


def test_summary_tables_count_claims_per_source_and_order_events_by_date(
    sample_project: Project,
) -> None:
    """Deftechtimes carries all six claims, Reuters one; events run oldest first."""
    report = build_report(sample_project)
    counts = {row.source.name: row.claims for row in source_rows(report)}
    assert counts["Deftechtimes"] == 6 and counts["Reuters"] == 1
    actors = {row.actor.name: row.claims for row in actor_rows(report)}
    assert actors["Vladimir Putin"] == 3
    assert [event.when for event in events_in_order(report)] == [
        "2018",
        "21 June 2025",
        "23 June 2025",
    ]


def test_status_filter_keeps_only_matching_claims(sample_project: Project) -> None:
    """Asking for corroborated claims leaves out the unverified Reuters claim."""
    report = build_report(sample_project, statuses=["Corroborated"])
    assert {claim.status for claim in report.claims} == {"corroborated"}
    assert len(report.claims) == 3
    assert "Claims with status: corroborated" in report.scope
    assert [claim.number for claim in report.claims] == [1, 2, 3]


def test_tag_filter_chooses_claims_tagged_so(sample_project: Project) -> None:
    """A claim tag picks those claims (case-insensitively) and only the records they use."""
    report = build_report(sample_project, tags=["bushehr"])
    assert [claim.summary for claim in report.claims] == [
        "Putin says Israel promised to spare Russian workers at Bushehr"
    ]
    assert {source.name for source in report.sources} == {"Deftechtimes"}


def test_article_tag_filter_keeps_all_claims_of_the_tagged_article(
    sample_project: Project,
) -> None:
    """The sample article is tagged Russia, so all its claims come with it."""
    assert len(build_report(sample_project, tags=["Russia"]).claims) == 6


def test_date_filter_outside_the_articles_dates_gives_an_empty_report(
    sample_project: Project,
) -> None:
    """No article was published in 2024, and the title page says nothing matched."""
    report = build_report(sample_project, date_from="2024-01-01", date_to=date(2024, 12, 31))
    assert report.articles == ()
    assert "No article matches these filters" in report.scope
    inside = build_report(sample_project, date_from="2025-06-23", date_to="2025-06-23")
    assert len(inside.articles) == 1


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"statuses": ["maybe"]}, "'maybe' is not a claim status"),
        ({"article_ids": [99]}, "no article 99"),
        ({"date_from": "23/06/2025"}, "the start date must look like 2025-06-23"),
        ({"date_from": "2025-06-24", "date_to": "2025-06-01"}, "ends (2025-06-01) before"),
    ],
)
def test_bad_filters_get_a_clear_error(
    sample_project: Project, filters: dict, message: str
) -> None:
    """A wrong status, a missing article or a muddled date range is refused in one line."""
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(").replace(")", r"\)")):
        build_report(sample_project, **filters)


def test_a_search_query_chooses_the_articles_it_finds(sample_project: Project) -> None:
    """ "Reuters" finds the sample article; "zebra" finds nothing; the title page says which."""
    try:
        found = build_report(sample_project, query="source:Reuters")
        nothing = build_report(sample_project, query="zebra")
        with pytest.raises(ProjectError, match="not closed"):
            build_report(sample_project, query='"unbalanced')
    finally:
        close_index(sample_project)
    assert len(found.articles) == 1 and len(found.claims) == 6
    assert "Articles found by the search “source:Reuters”" in found.scope
    assert nothing.articles == () and "No article matches these filters" in nothing.scope


def test_tag_and_status_filters_combine(sample_project: Project) -> None:
    """Tag "nuclear" (the article has it) with status unverified leaves the 3 unverified claims."""
    report = build_report(sample_project, tags=["nuclear"], statuses=["unverified"])
    assert [claim.status for claim in report.claims] == ["unverified"] * 3
    assert "Claims tagged (or in articles tagged): nuclear" in report.scope


class _Batch(list[Article]):
    """A batch of articles that a weak reference can watch."""


def _watched_stream() -> tuple[Report, list[int]]:
    """A report of six articles read two at a time, and how many batches read before were
    still alive each time a batch was read."""
    made = [Article(ref=f"{n:064x}", title=f"Article {n}", text="Text.") for n in range(6)]
    batches: list[weakref.ref[_Batch]] = []
    alive: list[int] = []

    def batch(start: int) -> _Batch:
        alive.append(sum(ref() is not None for ref in batches))
        found = _Batch(made[start : start + 2])
        batches.append(weakref.ref(found))
        return found

    def read(_text: bool, _claims: bool) -> Iterator[list[Article]]:
        return (batch(start) for start in range(0, len(made), 2))

    stream = ArticleStream(len(made), 0, read, lambda: iter([(a.title, 0) for a in made]))
    counted = RecordCounts({}, {}, {})  # as a project's report: the tables count no claims
    created = datetime(2025, 6, 23)
    return Report(title="Batches", created=created, articles=stream, counts=counted), alive


def test_no_batch_is_held_while_the_next_is_read(tmp_path: Path) -> None:
    """Going through the numbered articles, and writing a DOCX with its progress watched,
    lets each batch go before the next is read (memory holds one batch, not two)."""
    report, alive = _watched_stream()
    assert [number for number, _article in report.numbered()] == [1, 2, 3, 4, 5, 6]
    assert alive == [0, 0, 0]
    report, alive = _watched_stream()
    write_report(report, "docx", tmp_path / "r.docx", progress=lambda _done, _total: None)
    assert len(alive) > 3 and set(alive) == {0}
