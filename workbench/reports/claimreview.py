"""schema.org ClaimReview JSON-LD (`workbench export --format claimreview`) for fact-checkers:
one review for each claim with a verdict (corroborated, disputed, refuted); unverified claims
have none and are left out.

Each review names the claim reviewed (its summary, else its quote), the analyst as author,
the date of the verdict, and a rating from the status and the credibility (`rating`); the
item reviewed is a Claim whose author is the first-hand source (the chain's first hop), whose
appearances are the article it was marked in and the articles of the claims that repeat it,
and whose first appearance is the earliest published of those.

Two passes without the articles' text: the first notes where the claims that repeat one
another appear, the second writes the reviews one by one. The first reads only the articles
those claims are in, found by the claims' report numbers (which the project counts,
`RecordCounts.claim_numbers`) against each article's count of claims (`Report.outline`), and
reads them without their claims; a report without those numbers (one built in memory) has its
claims read instead. The second pass checks that each repeated claim is in the article the
first found for it.
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


def _appearances(report: Report) -> Appearances:
    """For each claim in a "repeats" relation, where the claims it is one with appear, and
    the ref of the article each of those claims is in."""
    repeated: dict[str, set[str]] = {}
    for relation in report.relations:
        if relation.kind == "repeats":
            together = {relation.from_claim, relation.to_claim}
            for ref in together:
                repeated.setdefault(ref, set()).update(together)
    where = _where(report, set(repeated)) if repeated else {}
    seen = {
        ref: sorted((where[other][1:] for other in others if other in where), key=lambda w: w[0])
        for ref, others in repeated.items()
    }
    return seen, {ref: found[0] for ref, found in where.items()}


Appearances = tuple[dict[str, list[tuple[str, Json]]], dict[str, str]]
Where = dict[str, tuple[str, str, Json]]  # claim ref → its article's ref, date and work


def _where(report: Report, refs: set[str]) -> Where:
    """Where the claims `refs` are: their articles read without claims, found by number."""
    numbers = report.counts.claim_numbers if report.counts is not None else {}
    if not isinstance(report.articles, rm.ArticleStream) or not refs <= numbers.keys():
        return _where_read(report, refs)
    by_number = sorted((numbers[ref], ref) for ref in refs)
    holding: dict[int, list[str]] = {}  # article's index in the report → its repeated claims
    at, first = 0, 1  # the report number of the article's first claim
    for index, (_number, _title, count) in enumerate(report.outline()):
        first += count
        while at < len(by_number) and by_number[at][0] < first:
            holding.setdefault(index, []).append(by_number[at][1])
            at += 1
    where: Where = {}
    articles = (a for batch in report.batches(text=False, claims=False) for a in batch)
    for index, article in enumerate(articles):
        for ref in holding.get(index, ()):
            where[ref] = _placed(article)
    return where


def _where_read(report: Report, refs: set[str]) -> Where:
    """Where the claims `refs` are, from every article's claims."""
    where: Where = {}
    for batch in report.batches(text=False):
        for article in batch:
            for claim in article.claims:
                if claim.ref in refs:
                    where[claim.ref] = _placed(article)
    return where


def _placed(article: rm.Article) -> tuple[str, str, Json]:
    published = article.published.isoformat() if article.published else "~"
    return article.ref, published, _work(article)


def _reviews(report: Report, appearances: Appearances) -> Iterator[Json]:
    seen, holders = appearances
    for batch in report.batches(text=False):
        for article in batch:
            for claim in article.claims:
                holder = holders.get(claim.ref)
                if holder is not None and holder != article.ref:
                    raise ValueError(
                        f"claim {claim.ref} is in article {article.ref}, not in {holder} as "
                        "the report's claim numbers say"
                    )
                if claim.status in VERDICTS:
                    yield _review(report, article, claim, seen.get(claim.ref, []))


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
