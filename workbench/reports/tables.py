"""The report's summary tables: sources with the claims resting on them, actors, events by date."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.domain.grades import combined_grade
from workbench.reports.claim_lines import ClaimLine, claim_lines
from workbench.reports.model import (
    ACTOR,
    SOURCE,
    Actor,
    Event,
    Report,
    Source,
    credibility_label,
)

CLAIMS_TABLE = "claims-table"  # the anchor of the claims table


@dataclass(frozen=True)
class SourceRow:
    source: Source
    claims: int


@dataclass(frozen=True)
class ActorRow:
    actor: Actor
    claims: int


def source_rows(report: Report) -> list[SourceRow]:
    """Each source with how many of the report's claims rest on it (name it in their chain)."""
    if report.counts is not None:
        found = report.counts.sources
        return [SourceRow(s, found.get(s.name.casefold(), 0)) for s in report.sources]
    counts: dict[str, int] = {}
    for claim in report.claims:
        named = {hop.name.casefold() for hop in claim.attribution if hop.kind == SOURCE}
        for name in named:
            counts[name] = counts.get(name, 0) + 1
    return [SourceRow(source, counts.get(source.name.casefold(), 0)) for source in report.sources]


def actor_rows(report: Report) -> list[ActorRow]:
    """Each actor with how many claims link to it or name it in their chain."""
    if report.counts is not None:
        found = report.counts.actors
        return [ActorRow(a, found.get(a.name.casefold(), 0)) for a in report.actors]
    counts: dict[str, int] = {}
    for claim in report.claims:
        named = {link.name.casefold() for link in claim.actors}
        named |= {hop.name.casefold() for hop in claim.attribution if hop.kind == ACTOR}
        for name in named:
            counts[name] = counts.get(name, 0) + 1
    return [ActorRow(actor, counts.get(actor.name.casefold(), 0)) for actor in report.actors]


def events_in_order(report: Report) -> list[Event]:
    """Events chronologically; undated ones last, by title."""
    return sorted(
        report.events,
        key=lambda event: (event.start_date is None, event.start_date or 0, event.title.casefold()),
    )


@dataclass(frozen=True)
class Table:
    """One summary table as plain text cells, with the share of the width each column takes."""

    title: str
    anchor: str
    header: tuple[str, ...]
    rows: Iterable[list[str]]
    widths: tuple[float, ...]


def summary_tables(report: Report) -> list[Table]:
    """The report's closing tables: claims, sources, actors, events by date.

    The claims table's rows are read as they are used (a pass over the report's claim lines,
    which the project assembles itself: `reports.claim_lines`)."""
    claims = map(claim_row, itertools.chain.from_iterable(claim_lines(report)))
    sources = [
        [r.source.name, r.source.kind, r.source.reliability_label, str(r.claims)]
        for r in source_rows(report)
    ]
    actors = [
        [
            r.actor.name,
            r.actor.kind,
            r.actor.reliability_label,
            ", ".join(r.actor.aliases),
            str(r.claims),
        ]
        for r in actor_rows(report)
    ]
    events = [
        [
            e.when,
            e.title,
            e.kind,
            e.place,
            ", ".join(f"{p.actor} ({p.role})" for p in e.participants),
        ]
        for e in events_in_order(report)
    ]
    from workbench.reports.ach_section import tables as hypotheses_tables  # it uses Table
    from workbench.reports.corroboration_section import tables as corroboration_tables

    return [
        Table(
            "Claims",
            CLAIMS_TABLE,
            ("#", "Art", "Claim", "Status", "Grade", "Credibility", "Attribution"),
            claims,
            (0.05, 0.06, 0.29, 0.14, 0.07, 0.14, 0.25),
        ),
        Table(
            "Sources",
            "sources-table",
            ("Source", "Kind", "Reliability", "Claims"),
            sources,
            (0.32, 0.22, 0.34, 0.12),
        ),
        Table(
            "Actors",
            "actors-table",
            ("Actor", "Kind", "Reliability", "Also known as", "Claims"),
            actors,
            (0.22, 0.14, 0.26, 0.28, 0.10),
        ),
        Table(
            "Events",
            "events-table",
            ("Date", "Event", "Kind", "Place", "Participants"),
            events,
            (0.15, 0.3, 0.15, 0.12, 0.28),
        ),
        *hypotheses_tables(report),
        *corroboration_tables(report),
    ]


def claim_row(line: ClaimLine) -> list[str]:
    """A claim's row in the claims table: #, article, claim, status, grade, credibility, chain."""
    return [
        str(line.number),
        str(line.article),
        line.summary or line.exact,
        line.status,
        combined_grade(line.first_reliability, line.credibility),
        credibility_label(line.credibility),
        line.chain,
    ]
