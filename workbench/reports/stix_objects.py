"""STIX 2.1 objects for the report model's records: an identity for each source and for each
person, organisation or state among the actors, a threat-actor for each group, an incident for
each event, a report for each article, a note for each claim with an opinion for its grades,
relationships for chains and links.

Each object is a plain dict of the JSON that `stix2` writes for the same fields: properties
that are None or empty left out, `type` and `spec_version` first, timestamps formatted by
stix2's own `format_datetime` at its precision (created and modified: at least milliseconds).
Making a stix2 object checks every property as it is made, which costs about a millisecond an
object (minutes for a case); the checks are kept where they belong, in the tests: every kind of
object made here is parsed back by `stix2.parse` and must serialize to the same JSON, and every
bundle passes `stix2-validator` (tests/exchange/test_stix*.py).

Every object carries our own fields under `x_workbench` (a top-level property extension,
declared once by `EXTENSION`), so a bundle we wrote is read back losslessly; other platforms
read the standard properties. Ids are UUIDs derived from what identifies each record, so the
same project gives the same bundle.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from workbench.domain.grades import credibility_wording
from workbench.reports import model as rm
from workbench.reports.exchange_model import dumped

_SPACE = uuid.UUID("1b0f2d8e-51a4-4c1e-9f55-8f7e8b2d3c40")
_NAMED = hashlib.sha1(_SPACE.bytes, usedforsecurity=False)  # fed the namespace once
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}  # RFC 4122
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


def derived_id(kind: str, *key: object) -> str:
    """A STIX id for `key`, the same every time: the name-based (SHA-1) UUID of RFC 4122, as
    `uuid.uuid5` makes it, marked version 4 (STIX requires v4 for most object types) as
    `uuid.UUID(bytes=..., version=4)` marks it (a test holds the two equal), made straight
    from the digest's hex digits."""
    digest = _NAMED.copy()
    digest.update("\x1f".join([kind, *map(str, key)]).encode("utf-8"))
    h = digest.hexdigest()
    return f"{kind}--{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


@lru_cache(maxsize=1 << 16)
def stix_id(kind: str, *key: object) -> str:
    """`derived_id`, remembered: records', articles' and notes' ids are asked for again."""
    return derived_id(kind, *key)


def record_id(kind: str, name: str, actor_kind: str = "") -> str:
    """The id of a source's or actor's object, by its name in any case."""
    if kind == rm.ACTOR and actor_kind in THREAT_ACTOR_KINDS:
        return stix_id("threat-actor", name.casefold())
    return stix_id("identity", kind, name.casefold())


@lru_cache(maxsize=1 << 12)
def timestamp(moment: datetime, *, milliseconds: bool = True) -> str:
    """A STIX timestamp as stix2's `format_datetime` writes it (a test holds the two equal):
    in UTC (a naive time is UTC), `created`/`modified` with at least milliseconds, others
    (`published`) with only the digits they have."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    fraction = f"{moment.microsecond:06d}".rstrip("0") if moment.microsecond else ""
    if milliseconds:
        fraction = fraction.ljust(3, "0")
    return f"{moment:%Y-%m-%dT%H:%M:%S}{'.' if fraction else ''}{fraction}Z"


def _object(
    kind: str, object_id: str, created: datetime, modified: datetime | None = None
) -> dict[str, Any]:
    made = timestamp(created)
    changed = made if modified is None or modified == created else timestamp(modified)
    return {
        "type": kind,
        "spec_version": "2.1",
        "id": object_id,
        "created": made,
        "modified": changed,
    }


def _with(made: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """`made` with the fields that have a value (stix2 leaves out None and empty lists)."""
    for name, value in fields.items():
        if value is not None and value != []:
            made[name] = value
    return made


def _ours(made: dict[str, Any], ours: dict[str, Any]) -> dict[str, Any]:
    """`made` with our own fields, declared by the extension."""
    made["extensions"] = EXTENDED
    made[OURS] = ours
    return made


def extension(analyst: Any, created: datetime) -> list[dict[str, Any]]:
    """The identity of the workbench (the bundle's author) and our extension's definition."""
    author = _with(
        _object("identity", stix_id("identity", "workbench", analyst), created),
        name=analyst or "Analyst Workbench",
        identity_class="individual" if analyst else "system",
    )
    defined = datetime(2026, 1, 1, tzinfo=created.tzinfo)
    definition = _with(
        _object("extension-definition", EXTENSION_ID, defined),
        created_by_ref=author["id"],
        name="Analyst Workbench fields",
        description="Claims, attribution chains, grades and spans as Analyst Workbench keeps them",
        schema=SCHEMA,
        version="1.0.0",
        extension_types=["toplevel-property-extension"],
        extension_properties=[OURS],
    )
    return [_ours(author, {"record": "author"}), definition]


def source_identity(source: rm.Source, created: datetime) -> dict[str, Any]:
    made = _with(
        _object("identity", record_id(rm.SOURCE, source.name), created),
        name=source.name,
        description=source.description or None,
        identity_class=IDENTITY_CLASS.get(source.kind, "organization"),
        sectors=["government-national"] if source.kind == "government body" else None,
        labels=list(source.tags) or None,
    )
    return _ours(made, {"record": "source", **dumped(source)})


def actor_object(actor: rm.Actor, created: datetime) -> dict[str, Any]:
    """A threat-actor for a group, else an identity (a state is a national government)."""
    object_id = record_id(rm.ACTOR, actor.name, actor.kind)
    kind = "threat-actor" if actor.kind in THREAT_ACTOR_KINDS else "identity"
    made = _with(
        _object(kind, object_id, created),
        name=actor.name,
        description=actor.description or None,
        labels=list(actor.tags) or None,
    )
    if kind == "threat-actor":
        _with(made, aliases=list(actor.aliases) or None)
    else:
        _with(
            made,
            identity_class=IDENTITY_CLASS.get(actor.kind, "organization"),
            sectors=["government-national"] if actor.kind == "state" else None,
        )
    return _ours(made, {"record": "actor", **dumped(actor)})


def event_incident(event: rm.Event, created: datetime) -> dict[str, Any]:
    made = _with(
        _object("incident", stix_id("incident", event.ref), created),
        name=event.title,
        description=event.description or None,
        labels=list(event.tags) or None,
    )
    return _ours(made, {"record": "event", **dumped(event)})


def article_report(
    article: rm.Article, refs: list[str], created: datetime, author: str
) -> dict[str, Any]:
    """The article as a report: its text the description, its URL and content hash an
    external reference; `refs` the objects its claims made (never empty: else its author)."""
    reference: dict[str, Any] = {"source_name": article.outlet or "article"}
    if article.url:
        reference["url"] = article.url
    reference |= {"hashes": {"SHA-256": article.ref}, "external_id": article.ref}
    made = _with(
        _object("report", stix_id("report", article.ref), created),
        created_by_ref=author,
        name=article.title or "(untitled article)",
        description=article.text,
        report_types=["threat-report"],
        published=timestamp(article.published or created, milliseconds=False),
        object_refs=refs or [author],
        labels=list(article.tags) or None,
        external_references=[reference],
    )
    return _ours(made, {"record": "article", **dumped(article, leave_out=("text", "claims"))})


def claim_note(claim: rm.Claim, article: rm.Article, created: datetime) -> dict[str, Any]:
    """A claim as a note on its article: the summary its abstract, the quote its content."""
    made = _with(
        _object("note", stix_id("note", claim.ref), claim.created or created, claim.modified),
        abstract=claim.summary or None,
        content=claim.exact,
        object_refs=[stix_id("report", article.ref)],
        labels=list(claim.tags) or None,
    )
    return _ours(made, {"record": "claim", "article": article.ref, **dumped(claim)})


def claim_opinion(claim: rm.Claim, created: datetime) -> dict[str, Any] | None:
    """The analyst's grades of a claim as an opinion on its note (None: ungraded)."""
    opinion = OPINION.get(claim.credibility) or STATUS_OPINION.get(claim.status)
    if opinion is None:
        return None
    wording = f"credibility {claim.credibility} ({credibility_wording(claim.credibility)})"
    when = claim.modified or claim.created or created
    return _with(
        _object("opinion", stix_id("opinion", claim.ref), when),
        explanation=f"Status {claim.status}; {wording}; combined grade {claim.grade}",
        opinion=opinion,
        object_refs=[stix_id("note", claim.ref)],
    )


def relationship(source: str, target: str, description: str, created: datetime) -> Made:
    """A `related-to` relationship, as the JSON `json.dumps` writes of its fields (every field
    has a value: none to leave out): the most numerous object of a bundle, written from its
    ids and timestamp (our own ASCII, nothing to escape) and its description, quoted by
    `json.dumps` (a test holds each one equal to `json.dumps` of what stix2 parses of it)."""
    object_id = derived_id("relationship", source, target, description)
    made = timestamp(created)
    return object_id, (
        f'{{"type": "relationship", "spec_version": "2.1", "id": "{object_id}", '
        f'"created": "{made}", "modified": "{made}", "relationship_type": "related-to", '
        f'"description": {_quoted(description)}, "source_ref": "{source}", '
        f'"target_ref": "{target}"}}'
    )


Made = tuple[str, str]  # an object's id and its JSON


@lru_cache(maxsize=1 << 12)  # descriptions are roles and cues: few, said again and again
def _quoted(text: str) -> str:
    return json.dumps(text)


def grouping(
    object_id: str, name: str, description: str | None, refs: list[str], created: datetime
) -> dict[str, Any]:
    return _with(
        _object("grouping", object_id, created),
        name=name,
        description=description,
        context="unspecified",
        object_refs=refs,
    )
