"""How every renderer words a claim's facts, so HTML, PDF, DOCX and Markdown say the same."""

from __future__ import annotations

from collections.abc import Iterable
from string import Formatter
from typing import TYPE_CHECKING

from workbench.domain.text import plural

if TYPE_CHECKING:  # only named in annotations: the model itself words its chain with HOP
    from workbench.reports.model import Claim, Hop, Link, Report

STATUSES = ("unverified", "corroborated", "disputed", "refuted")

# A claim's chain, links, tags and notes on one line each (the CSV's cells, the JSON-LD chain
# body). Templates, so that the database can build the very same text: services/claim_table.py
# turns each into SQL with `template_parts`, and a test holds the two to agreeing.
HOP = "{name} ({role})"  # Reuters (reported by)
CHAIN_JOIN = " → "
HOP_RELIABILITY = "{name}: {reliability}"  # Reuters: B
RELIABILITIES_JOIN = "; "
LINK = "{name} ({role})"  # Iran (speaker)
LINKS_JOIN = ", "
TAGS_JOIN = "; "
NOTES_JOIN = "\n\n"
# The labels of `link_facts`, and what an orphaned claim's anchor says (named once: the database
# words the HTML and Markdown claim notes with them too, services/note_table.py).
ACTORS, EVENTS, RELATED, TAGS, ANCHOR = "Actors", "Events", "Related", "Tags", "Anchor"
ORPHANED = "orphaned: the quote was not found in the text"
RELATED_JOIN = "; "
TAG_LIST_JOIN = ", "


def template_parts(template: str) -> list[tuple[str, str | None]]:
    """A template as (literal text, field name or None) pieces, in order."""
    return [(literal, field) for literal, field, _spec, _conv in Formatter().parse(template)]


def hop_details(hop: Hop) -> str:
    """speaker · anonymous · reliability F — reliability cannot be judged · cue “Sources told”"""
    parts = [hop.role]
    if hop.anonymous:
        parts.append("anonymous")
    if hop.reliability:
        parts.append(f"reliability {hop.reliability_label}")
    if hop.cue:
        parts.append(f"cue “{hop.cue}”")
    return " · ".join(parts)


def chain_details(claim: Claim) -> str:
    """The chain with each source's reliability: unnamed sources (speaker; F) → Reuters (...)"""
    return chain_details_of(claim.attribution)


def chain_details_of(hops: Iterable[Hop]) -> str:
    """`chain_details` of a chain's hops."""
    return CHAIN_JOIN.join(
        f"{hop.name} ({hop.role}{'; ' + hop.reliability if hop.reliability else ''})"
        for hop in hops
    )


def links_text(links: tuple[Link, ...]) -> str:
    """Iran (speaker), Russia (target)"""
    return LINKS_JOIN.join(LINK.format(name=link.name, role=link.role) for link in links)


def link_pairs_text(pairs: list[tuple[str, str]]) -> str:
    """`links_text` of (name, role) pairs in any order, sorted as the report model sorts
    links (by case-folded name, then role; the name breaks ties as its ref would)."""
    if len(pairs) > 1:
        pairs = sorted(pairs, key=lambda pair: (pair[0].casefold(), pair[1], pair[0]))
    return LINKS_JOIN.join(LINK.format(name=name, role=role) for name, role in pairs)


def relations_by_claim(report: Report) -> dict[str, list[str]]:
    """For each claim ref: "supports claim 1", "claim 3 supports this" …"""
    if not report.relations:
        return {}
    if report.counts is not None:
        numbers = dict(report.counts.claim_numbers)
    else:
        numbers = {claim.ref: claim.number for claim in report.claims}
    found: dict[str, list[str]] = {}
    for relation in report.relations:
        source, target = numbers.get(relation.from_claim), numbers.get(relation.to_claim)
        if source is None or target is None:
            continue
        found.setdefault(relation.from_claim, []).append(f"{relation.kind} claim {target}")
        found.setdefault(relation.to_claim, []).append(f"claim {source} {relation.kind} this")
    return found


def claim_facts(claim: Claim, relations: list[str] | None = None) -> list[tuple[str, str]]:
    """The labelled facts shown under a claim's quote, leaving out the empty ones."""
    facts = [
        ("Status", claim.status),
        ("Kind", claim.kind),
        ("Grade", claim.grade),
        ("Credibility", claim.credibility_label),
        ("Attribution", chain_details(claim) or "not recorded"),
    ]
    return [(label, value) for label, value in facts if value] + link_facts(claim, relations)


def link_facts(claim: Claim, relations: list[str] | None = None) -> list[tuple[str, str]]:
    """The last of `claim_facts`, what the claim is linked to: actors, events, related claims,
    tags, and whether its quote is lost (the HTML report's list under each claim)."""
    facts = []
    if claim.actors:
        facts.append((ACTORS, links_text(claim.actors)))
    if claim.events:
        facts.append((EVENTS, links_text(claim.events)))
    if relations:
        facts.append((RELATED, RELATED_JOIN.join(relations)))
    if claim.tags:
        facts.append((TAGS, TAG_LIST_JOIN.join(claim.tags)))
    if claim.orphaned:
        facts.append((ANCHOR, ORPHANED))
    return [(label, value) for label, value in facts if value]


def article_count(report: Report) -> str:
    """ "1 article, 2 claims" """
    return f"{plural(len(report.articles), 'article')}, {plural(report.claim_count, 'claim')}"
