"""STIX 2.1 objects for the report model's records, made with the `stix2` library (which checks
each as it is made): an identity for each source and for each person, organisation or state
among the actors, a threat-actor for each group, an incident for each event, a report for each
article, a note for each claim with an opinion for its grades, relationships for chains and
links.

Every object carries our own fields under `x_workbench` (a top-level property extension,
declared once by `EXTENSION`), so a bundle we wrote is read back losslessly; other platforms
read the standard properties. Ids are UUIDs derived from what identifies each record, so the
same project gives the same bundle.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import stix2

from workbench.domain.grades import credibility_wording
from workbench.reports import model as rm
from workbench.reports.exchange_model import dumped

_SPACE = uuid.UUID("1b0f2d8e-51a4-4c1e-9f55-8f7e8b2d3c40")
OURS = "x_workbench"
EXTENSION_ID = "extension-definition--2b1f6c1e-8a4d-4f0e-b6a2-6f0d3f3f8a51"
SCHEMA = "https://analyst-workbench.invalid/stix/x_workbench.json"
EXTENDED = {EXTENSION_ID: {"extension_type": "toplevel-property-extension"}}
THREAT_ACTOR_KINDS = ("group",)  # actors of these kinds are threat-actors, not identities
IDENTITY_CLASS = {
    "person": "individual",
    "unnamed sources": "unknown",
    "group": "group",
}
OPINION = {1: "strongly-agree", 2: "agree", 3: "neutral", 4: "disagree", 5: "strongly-disagree"}
STATUS_OPINION = {"corroborated": "agree", "disputed": "disagree", "refuted": "strongly-disagree"}


def stix_id(kind: str, *key: object) -> str:
    """A STIX id for `key`, the same every time (a version-4 UUID made from a hash)."""
    made = uuid.uuid5(_SPACE, "\x1f".join(str(part) for part in (kind, *key)))
    return f"{kind}--{uuid.UUID(bytes=made.bytes, version=4)}"


def record_id(kind: str, name: str, actor_kind: str = "") -> str:
    """The id of a source's or actor's object, by its name in any case."""
    if kind == rm.ACTOR and actor_kind in THREAT_ACTOR_KINDS:
        return stix_id("threat-actor", name.casefold())
    return stix_id("identity", kind, name.casefold())


def _common(created: datetime, modified: datetime | None = None) -> dict[str, Any]:
    return {
        "created": created,
        "modified": modified or created,
        "extensions": EXTENDED,
        "allow_custom": True,
    }


def extension(analyst: Any, created: datetime) -> list[Any]:
    """The identity of the workbench (the bundle's author) and our extension's definition."""
    author = stix2.v21.Identity(
        id=stix_id("identity", "workbench", analyst),
        name=analyst or "Analyst Workbench",
        identity_class="individual" if analyst else "system",
        **{OURS: {"record": "author"}},
        **_common(created),
    )
    definition = stix2.v21.ExtensionDefinition(
        id=EXTENSION_ID,
        created_by_ref=author.id,
        name="Analyst Workbench fields",
        description="Claims, attribution chains, grades and spans as Analyst Workbench keeps them",
        schema=SCHEMA,
        version="1.0.0",
        extension_types=["toplevel-property-extension"],
        extension_properties=[OURS],
        created=datetime(2026, 1, 1, tzinfo=created.tzinfo),
        modified=datetime(2026, 1, 1, tzinfo=created.tzinfo),
    )
    return [author, definition]


def source_identity(source: rm.Source, created: datetime) -> Any:
    return stix2.v21.Identity(
        id=record_id(rm.SOURCE, source.name),
        name=source.name,
        description=source.description or None,
        identity_class=IDENTITY_CLASS.get(source.kind, "organization"),
        sectors=["government-national"] if source.kind == "government body" else None,
        labels=list(source.tags) or None,
        **{OURS: {"record": "source", **dumped(source)}},
        **_common(created),
    )


def actor_object(actor: rm.Actor, created: datetime) -> Any:
    """A threat-actor for a group, else an identity (a state is a national government)."""
    ours = {OURS: {"record": "actor", **dumped(actor)}}
    fields: dict[str, Any] = {
        "id": record_id(rm.ACTOR, actor.name, actor.kind),
        "name": actor.name,
        "description": actor.description or None,
        "labels": list(actor.tags) or None,
        **ours,
        **_common(created),
    }
    if actor.kind in THREAT_ACTOR_KINDS:
        return stix2.v21.ThreatActor(aliases=list(actor.aliases) or None, **fields)
    identity_class = IDENTITY_CLASS.get(actor.kind, "organization")
    sectors = ["government-national"] if actor.kind == "state" else None
    return stix2.v21.Identity(identity_class=identity_class, sectors=sectors, **fields)


def event_incident(event: rm.Event, created: datetime) -> Any:
    return stix2.v21.Incident(
        id=stix_id("incident", event.ref),
        name=event.title,
        description=event.description or None,
        labels=list(event.tags) or None,
        **{OURS: {"record": "event", **dumped(event)}},
        **_common(created),
    )


def article_report(article: rm.Article, refs: list[str], created: datetime, author: str) -> Any:
    """The article as a report: its text the description, its URL and content hash an
    external reference; `refs` the objects its claims made (never empty: else its author)."""
    reference: dict[str, Any] = {"source_name": article.outlet or "article"}
    reference |= {"external_id": article.ref, "hashes": {"SHA-256": article.ref}}
    if article.url:
        reference["url"] = article.url
    ours = dumped(article, leave_out=("text", "claims"))
    return stix2.v21.Report(
        id=stix_id("report", article.ref),
        name=article.title or "(untitled article)",
        description=article.text,
        published=article.published or created,
        report_types=["threat-report"],
        object_refs=refs or [author],
        external_references=[reference],
        labels=list(article.tags) or None,
        created_by_ref=author,
        **{OURS: {"record": "article", **ours}},
        **_common(created),
    )


def claim_note(claim: rm.Claim, article: rm.Article, created: datetime) -> Any:
    """A claim as a note on its article: the summary its abstract, the quote its content."""
    return stix2.v21.Note(
        id=stix_id("note", claim.ref),
        abstract=claim.summary or None,
        content=claim.exact,
        object_refs=[stix_id("report", article.ref)],
        labels=list(claim.tags) or None,
        **{OURS: {"record": "claim", "article": article.ref, **dumped(claim)}},
        **_common(claim.created or created, claim.modified),
    )


def claim_opinion(claim: rm.Claim, created: datetime) -> Any | None:
    """The analyst's grades of a claim as an opinion on its note (None: ungraded)."""
    opinion = OPINION.get(claim.credibility) or STATUS_OPINION.get(claim.status)
    if opinion is None:
        return None
    wording = f"credibility {claim.credibility} ({credibility_wording(claim.credibility)})"
    return stix2.v21.Opinion(
        id=stix_id("opinion", claim.ref),
        opinion=opinion,
        explanation=f"Status {claim.status}; {wording}; combined grade {claim.grade}",
        object_refs=[stix_id("note", claim.ref)],
        created=claim.modified or claim.created or created,
        modified=claim.modified or claim.created or created,
    )


def relationship(source: str, target: str, description: str, created: datetime) -> Any:
    return stix2.v21.Relationship(
        id=stix_id("relationship", source, target, description),
        relationship_type="related-to",
        source_ref=source,
        target_ref=target,
        description=description,
        created=created,
        modified=created,
    )
