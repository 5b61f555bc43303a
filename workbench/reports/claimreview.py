"""schema.org ClaimReview JSON-LD (`workbench export --format claimreview`) for fact-checkers:
one review for each claim with a verdict (corroborated, disputed, refuted); unverified claims
have none and are left out.

Each review names the claim reviewed (its summary, else its quote), the analyst as author,
the date of the verdict, and a rating from the status and the credibility (`rating`); the
item reviewed is a Claim whose author is the first-hand source (the chain's first hop), whose
appearances are the article it was marked in and the articles of the claims that repeat it,
and whose first appearance is the earliest published of those.

Two passes without the articles' text: the first notes where the claims that repeat one
another appear, the second writes the reviews one by one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from workbench.domain.grades import credibility_wording
from workbench.reports import model as rm
from workbench.reports.model import Report

PASSES = 2
SECTIONS = False  # an exchange file carries records, not the analysis sections
VERDICTS = {"refuted": "Refuted", "disputed": "Disputed", "corroborated": "Corroborated"}
Json = dict[str, Any]


def rating(status: str, credibility: int) -> tuple[int, str]:
    """The rating (1 false … 5 true) and its name for a claim's verdict and credibility:
    refuted 1; disputed 2 (3 when the claim is still possibly true, credibility 1–3);
    corroborated 4 (5 when confirmed by independent sources, credibility 1)."""
    if status == "refuted":
        return 1, VERDICTS[status]
    if status == "disputed":
        return (3 if credibility <= 3 else 2), VERDICTS[status]
    return (5 if credibility == 1 else 4), VERDICTS[status]


def write(report: Report, out: BinaryIO) -> None:
    """Write the reviews as one JSON-LD document (`@graph`) to `out`."""
    appearances = _appearances(report)
    out.write(b'{"@context": "https://schema.org", "@graph": [\n')
    for index, review in enumerate(_reviews(report, appearances)):
        text = _ENCODE(review)
        out.write((",\n" if index else "").encode() + text.encode("utf-8"))
    out.write(b"\n]}\n")


_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode  # made once, not per review


def _work(article: rm.Article) -> Json:
    """An article as the CreativeWork a claim appears in."""
    work: Json = {"@type": "NewsArticle", "headline": article.title}
    if article.url:
        work["url"] = article.url
    if article.published is not None:
        work["datePublished"] = article.published.isoformat()
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.authors:
        work["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    return work


def _appearances(report: Report) -> dict[str, list[tuple[str, Json]]]:
    """For each claim in a "repeats" relation, where the claims it is one with appear."""
    repeated: dict[str, set[str]] = {}
    for relation in report.relations:
        if relation.kind == "repeats":
            together = {relation.from_claim, relation.to_claim}
            for ref in together:
                repeated.setdefault(ref, set()).update(together)
    where: dict[str, tuple[str, Json]] = {}
    for batch in report.batches(text=False):
        for article in batch:
            for claim in article.claims:
                if claim.ref in repeated:
                    published = article.published.isoformat() if article.published else "~"
                    where[claim.ref] = (published, _work(article))
    return {
        ref: sorted((where[other] for other in others if other in where), key=lambda w: w[0])
        for ref, others in repeated.items()
    }


def _reviews(report: Report, appearances: dict[str, list[tuple[str, Json]]]) -> Iterator[Json]:
    for batch in report.batches(text=False):
        for article in batch:
            for claim in article.claims:
                if claim.status in VERDICTS:
                    yield _review(report, article, claim, appearances.get(claim.ref, []))


def _review(
    report: Report, article: rm.Article, claim: rm.Claim, repeated: list[tuple[str, Json]]
) -> Json:
    value, name = rating(claim.status, claim.credibility)
    published = article.published.isoformat() if article.published else "~"
    seen = repeated or [(published, _work(article))]
    works = [work for _, work in seen]
    item: Json = {"@type": "Claim", "appearance": works, "firstAppearance": works[0]}
    first = claim.attribution[0] if claim.attribution else None
    if first is not None and not first.anonymous:
        kind = "Person" if first.kind == rm.ACTOR else "Organization"
        item["author"] = {"@type": kind, "name": first.name}
    if seen[0][0] != "~":
        item["datePublished"] = seen[0][0][:10]
    moment = claim.modified or claim.created or report.created
    review: Json = {
        "@type": "ClaimReview",
        "@id": f"urn:workbench:claim:{claim.ref}#review",
        "claimReviewed": claim.summary or claim.exact,
        "datePublished": moment.date().isoformat(),
        "author": {"@type": "Person", "name": report.analyst or "analyst"},
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
            "ratingExplanation": (
                f"{name} (credibility {claim.credibility}: "
                f"{credibility_wording(claim.credibility)}; grade {claim.grade})"
            ),
        },
    }
    return review
