"""ClaimReview: a review for each claim with a verdict, ratings from status and credibility, and
the claim's appearances (with the earliest first) in the articles that carry it."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from workbench.domain.anchoring import Span
from workbench.reports.claimreview import rating
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim, edit_claim
from workbench.services.links import relate_claims
from workbench.services.queries import claim_views
from workbench.services.reporting import export_report


def _reviews(project: Project, tmp_path: Path) -> list[dict]:
    written = json.loads(export_report(project, "claimreview", tmp_path / "r.json").read_text())
    assert written["@context"] == "https://schema.org"
    return written["@graph"]


def test_only_claims_with_a_verdict_are_reviewed(sample_project: Project, tmp_path: Path) -> None:
    """One ClaimReview per claim with a verdict, each with what fact-check readers need."""
    reviews = _reviews(sample_project, tmp_path)
    verdicts = [v for v in claim_views(sample_project) if v.status != "unverified"]
    assert len(reviews) == len(verdicts) > 0
    for review in reviews:
        assert review["@type"] == "ClaimReview" and review["claimReviewed"]
        assert review["author"]["name"]
        assert review["reviewRating"]["alternateName"] in ("Refuted", "Disputed", "Corroborated")
        assert review["itemReviewed"]["@type"] == "Claim"


@pytest.mark.parametrize(
    ("status", "credibility", "value"),
    [
        ("refuted", 2, 1),
        ("disputed", 5, 2),
        ("disputed", 3, 3),
        ("corroborated", 2, 4),
        ("corroborated", 1, 5),
    ],
)
def test_the_rating_follows_status_then_credibility(
    status: str, credibility: int, value: int
) -> None:
    """Refuted is 1; disputed 2, or 3 while possibly true; corroborated 4, or 5 when confirmed."""
    assert rating(status, credibility)[0] == value


def test_a_repeated_claim_appears_in_both_articles_earliest_first(
    project: Project, tmp_path: Path
) -> None:
    """A repeated claim appears in both articles; the earlier is its first appearance."""
    text = "The dam burst on Friday, officials said."
    later = add_article(
        project,
        NewArticle(
            text=text, title="Later", url="https://b.example/2", published=datetime(2025, 3, 9)
        ),
    )
    earlier = add_article(
        project,
        NewArticle(
            text=text + " More.",
            title="Earlier",
            url="https://a.example/1",
            published=datetime(2025, 3, 7),
        ),
    )
    span = Span(0, text.index(","))
    refuted = create_claim(project, later, span, status="refuted", credibility=5)
    repeated = create_claim(project, earlier, span)
    relate_claims(project, repeated, refuted, "repeats")
    edit_claim(project, refuted, summary="The dam burst")
    [review] = _reviews(project, tmp_path)
    claim = review["itemReviewed"]
    assert [work["url"] for work in claim["appearance"]] == [
        "https://a.example/1",
        "https://b.example/2",
    ]
    assert claim["firstAppearance"]["headline"] == "Earlier"
    assert claim["datePublished"] == "2025-03-07"
    assert review["claimReviewed"] == "The dam burst"
