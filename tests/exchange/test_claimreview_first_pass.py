"""ClaimReview's first pass finds the articles of repeated claims by their report numbers and
reads them without claims; the reviews are those of a pass over every claim."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from io import BytesIO
from pathlib import Path

import pytest

from workbench.domain.anchoring import Span
from workbench.reports import claimreview
from workbench.reports import model as rm
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim
from workbench.services.links import relate_claims
from workbench.services.reporting import build_report

TEXT = "The dam burst on Friday, officials said. Roads closed. Water rose. Help came late."


@pytest.fixture
def repeating(project: Project) -> Project:
    """Four articles of four claims each, with claims that repeat one another across them."""
    claims = []
    for day in (9, 3, 7, 5):
        article = add_article(
            project,
            NewArticle(
                text=f"{TEXT} Day {day}.",
                title=f"Day {day}",
                url=f"https://example.org/{day}",
                published=datetime(2025, 3, day),
            ),
        )
        spans = [(0, 23), (41, 53), (55, 65), (67, 81)]
        statuses = ["refuted", "unverified", "disputed", "corroborated"]
        claims.append(
            [
                create_claim(project, article, Span(*span), status=status)
                for span, status in zip(spans, statuses, strict=True)
            ]
        )
    relate_claims(project, claims[0][0], claims[1][0], "repeats")
    relate_claims(project, claims[2][3], claims[3][2], "repeats")
    relate_claims(project, claims[3][3], claims[0][2], "repeats")
    relate_claims(project, claims[1][1], claims[2][1], "supports")
    return project


def _written(report: rm.Report) -> bytes:
    out = BytesIO()
    claimreview.write(report, out)
    return out.getvalue()


def _in_memory(report: rm.Report) -> rm.Report:
    """The same report with its articles read into a tuple (no claim numbers to go by)."""
    return dataclasses.replace(report, articles=tuple(a for b in report.batches() for a in b))


@pytest.mark.parametrize("statuses", [None, ["refuted", "disputed", "corroborated"]])
def test_reviews_are_those_of_a_pass_over_every_claim(
    repeating: Project, statuses: list[str] | None
) -> None:
    """Reviews (with every appearance of a repeated claim) match those found claim by claim."""
    report = build_report(repeating, statuses=statuses, sections=False)
    written = _written(report)
    assert written == _written(_in_memory(report))
    assert written.count(b"https://example.org/5") >= 3


def test_the_first_pass_reads_no_claims(repeating: Project) -> None:
    """The pass that finds where repeated claims appear reads the articles without claims."""
    report = build_report(repeating, sections=False)
    stream = report.articles
    assert isinstance(stream, rm.ArticleStream)
    asked: list[tuple[bool, bool]] = []

    def read(text: bool, claims: bool):  # type: ignore[no-untyped-def]
        asked.append((text, claims))
        return stream.batches(text=text, claims=claims)

    watched = rm.ArticleStream(stream.count, stream.claim_count, read, stream.outline)
    _written(dataclasses.replace(report, articles=watched))
    assert asked == [(False, False), (False, True)]


def test_claim_numbers_that_disagree_with_the_articles_are_refused(
    repeating: Project, tmp_path: Path
) -> None:
    """A repeated claim found in another article than its number says stops the export."""
    report = build_report(repeating, sections=False)
    assert report.counts is not None
    numbers = dict(report.counts.claim_numbers)
    first, second = sorted(numbers, key=numbers.__getitem__)[:2]
    numbers[first], numbers[second] = numbers[second] + 4, numbers[first]
    counts = dataclasses.replace(report.counts, claim_numbers=numbers)
    with pytest.raises(ValueError, match="as the report's claim numbers say"):
        _written(dataclasses.replace(report, counts=counts))
