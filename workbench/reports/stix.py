"""STIX 2.1 bundle of a report (`workbench export --format stix`), for OpenCTI, MISP and other
threat-intelligence platforms; valid under `stix2-validator` with no errors.

A report per article (its claims' notes and opinions in `object_refs`), a note per claim, an
opinion for its grades, identities for sources and for persons, organisations and states,
threat-actors for groups, incidents for events, a grouping for the whole case, and
`related-to` relationships for attribution hops, claim–actor and claim–event links, event
participants and claim relations (each described: "attribution 2: reported by — told
Reuters"). The bundle is written object by object as the articles are read, so memory stays
flat; only the ids of the reports are kept for the grouping at the end.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from workbench.reports import model as rm
from workbench.reports import stix_objects as stix
from workbench.reports.model import Report

PASSES = 1
SECTIONS = False  # an exchange file carries records, not the analysis sections


def write(report: Report, out: BinaryIO) -> None:
    """Write the report as one STIX 2.1 bundle to `out`."""
    bundle_id = stix.stix_id("bundle", report.title, report.analyst)
    out.write(f'{{"type": "bundle", "id": "{bundle_id}", "objects": [\n'.encode())
    separator = b""
    for made in _objects(report):
        text = made[1] if isinstance(made, tuple) else _ENCODE(made)
        out.write(separator + text.encode("utf-8"))
        separator = b",\n"
    out.write(b"\n]}\n")


Written = dict[str, Any] | stix.Made  # an object, or its id and JSON already written
_ENCODE = json.JSONEncoder(check_circular=False).encode  # as json.dumps writes (no cycles)


def _objects(report: Report) -> Iterator[Written]:
    created = report.created
    author, definition = stix.extension(report.analyst, created)
    yield from (author, definition)
    kinds = {actor.name.casefold(): actor.kind for actor in report.actors}
    yield from (stix.source_identity(source, created) for source in report.sources)
    yield from (stix.actor_object(actor, created) for actor in report.actors)
    for event in report.events:
        yield stix.event_incident(event, created)
        incident = stix.stix_id("incident", event.ref)
        for taking_part in event.participants:
            actor = stix.record_id(
                rm.ACTOR, taking_part.actor, kinds.get(taking_part.actor.casefold(), "")
            )
            yield stix.relationship(incident, actor, f"participant: {taking_part.role}", created)
    reports = []
    for batch in report.batches():
        for article in batch:
            refs: list[str] = []
            for claim in article.claims:
                for made in _claim_objects(claim, article, kinds, created):
                    refs.append(made[0] if isinstance(made, tuple) else made["id"])
                    yield made
            made_report = stix.article_report(article, refs, created, author["id"])
            reports.append(made_report["id"])
            yield made_report
    for relation in report.relations:
        notes = [stix.stix_id("note", ref) for ref in (relation.from_claim, relation.to_claim)]
        yield stix.relationship(notes[0], notes[1], relation.kind, created)
    if reports:
        yield _grouping(report, reports)


def _claim_objects(
    claim: rm.Claim, article: rm.Article, kinds: dict[str, str], created: Any
) -> Iterator[Written]:
    note = stix.claim_note(claim, article, created)
    yield note
    opinion = stix.claim_opinion(claim, created)
    if opinion is not None:
        yield opinion
    for position, hop in enumerate(claim.attribution, start=1):
        target = stix.record_id(hop.kind, hop.name, kinds.get(hop.name.casefold(), ""))
        said = f"attribution {position}: {hop.role}" + (" (anonymous)" if hop.anonymous else "")
        yield stix.relationship(
            note["id"], target, said + (f" — {hop.cue}" if hop.cue else ""), created
        )
    for link in claim.actors:
        target = stix.record_id(rm.ACTOR, link.name, kinds.get(link.name.casefold(), ""))
        yield stix.relationship(note["id"], target, f"actor: {link.role}", created)
    for link in claim.events:
        yield stix.relationship(
            note["id"], stix.stix_id("incident", link.ref), f"event: {link.role}", created
        )


def _grouping(report: Report, reports: list[str]) -> dict[str, Any]:
    return stix.grouping(
        stix.stix_id("grouping", report.title, report.analyst),
        report.title,
        "; ".join(report.scope) or None,
        reports,
        report.created,
    )
