"""FollowTheMoney entities (`workbench export --format ftm`): one JSON entity a line, as Aleph,
OpenAleph and the `ftm` tools read them, each made with the `followthemoney` library (which
cleans every value into its type) so that its schema validates it.

Sources and actors are Person, Organization or PublicBody (by kind); events are Event (dates as
precise as known: "2018", "2018-06"; participants as `involved`); articles are Article (text,
authors, outlet as publisher, URL, language); each claim is a Documentation of the article
about the one who said it (the chain's first hop, else its first actor, else the article), its
kind the role, its status the status, its quote the description; each actor mention a Mention
resolved to its actor. FtM has no place for the rest of ours (spans, credibility, chains'
roles and cues, claim relations): each entity carries them under a top-level `workbench` key,
which FtM readers pass over, so our own files come back losslessly.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, BinaryIO

from followthemoney import model, registry

from workbench.reports import model as rm
from workbench.reports.exchange_model import dumped
from workbench.reports.model import Report

PASSES = 1
SECTIONS = False  # an exchange file carries records, not the analysis sections
OURS = "workbench"
CREATOR = ("created_by",)  # who made a claim is the importing project's own record, not carried
SCHEMA_OF = {"person": "Person", "government body": "PublicBody", "state": "PublicBody"}


@lru_cache(maxsize=1 << 14)
def entity_id(*key: object) -> str:
    """A stable id from what identifies the record (FtM ids are opaque strings); an article's
    and a party's are asked for again by each claim, so the last ones are kept."""
    return "wb-" + hashlib.sha1("\x1f".join(map(str, key)).encode()).hexdigest()


def record_id(kind: str, name: str) -> str:
    return entity_id(kind, name.casefold())


def write(report: Report, out: BinaryIO) -> None:
    """Write the report's entities to `out`, one JSON object a line."""
    for entity in _entities(report):
        out.write(_ENCODE(entity).encode("utf-8") + b"\n")


_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode  # made once, not per line


def _made(schema: str, entity_id: str, ours: dict[str, Any], **values: Any) -> dict[str, Any]:
    """An entity of `schema` with the values FtM can clean (empty ones left out)."""
    proxy = model.make_entity(schema)
    proxy.id = entity_id
    for name, value in values.items():
        items = value if isinstance(value, list | tuple) else (value,)
        texts = [_text(item) for item in items if item not in ("", None)]
        if not texts:
            continue
        prop = proxy.schema.get(name)
        if prop is not None and prop.type is registry.date:  # few distinct ones: cleaned once
            dates = [day for text in texts if (day := clean_date(text, prop.format)) is not None]
            proxy.add(prop, dates, cleaned=True)
        else:
            proxy.add(name, texts)
    return proxy.to_dict() | {OURS: ours}


def _text(item: Any) -> str:
    return item.isoformat() if hasattr(item, "isoformat") else str(item)


@lru_cache(maxsize=1 << 14)
def clean_date(text: str, format: str | None = None) -> str | None:
    """A date as FtM cleans it when it is added (`registry.date.clean`, which parses it every
    time: here once for each distinct date; a test holds the two equal)."""
    return registry.date.clean(text, format=format)


def _entities(report: Report) -> Iterator[dict[str, Any]]:
    relations: dict[str, list[rm.Relation]] = {}
    for relation in report.relations:
        relations.setdefault(relation.from_claim, []).append(relation)
    for kind, records in ((rm.SOURCE, report.sources), (rm.ACTOR, report.actors)):
        for record in records:
            yield _party(kind, record)
    for event in report.events:
        yield _event(event)
    for batch in report.batches():
        for article in batch:
            yield _article(article)
            for claim in article.claims:
                yield _claim(article, claim, relations.get(claim.ref, []))
            for index, mention in enumerate(article.mentions):
                yield _mention(article, index, mention)


def _party(kind: str, record: rm.Source | rm.Actor) -> dict[str, Any]:
    return _made(
        SCHEMA_OF.get(record.kind, "Organization"),
        record_id(kind, record.name),
        {"record": kind, **dumped(record)},
        name=record.name,
        alias=record.aliases,
        description=record.description,
        keywords=record.tags,
        notes=record.notes,
    )


def _event(event: rm.Event) -> dict[str, Any]:
    return _made(
        "Event",
        entity_id("event", event.ref),
        {"record": "event", **dumped(event)},
        name=event.title,
        startDate=_dated(event.start_date, event.start_precision),
        endDate=_dated(event.end_date, event.end_precision),
        location=event.place,
        description=event.description,
        involved=[record_id(rm.ACTOR, p.actor) for p in event.participants],
        keywords=event.tags,
        notes=event.notes,
    )


def _dated(day: Any, precision: str) -> str:
    """FtM dates are prefixes: as precise as the analyst knows the date."""
    if day is None:
        return ""
    text = day.isoformat()
    return {"year": text[:4], "decade": text[:4], "month": text[:7]}.get(precision, text)


def _article(article: rm.Article) -> dict[str, Any]:
    return _made(
        "Article",
        entity_id("article", article.ref),
        {"record": "article", **dumped(article, leave_out=("text", "claims", "mentions"))},
        title=article.title,
        bodyText=article.text,
        author=article.authors,
        publisher=article.outlet,
        publishedAt=article.published,
        sourceUrl=article.url,
        language=article.language,
        keywords=article.tags,
        notes=article.notes,
    )


def _claim(article: rm.Article, claim: rm.Claim, relations: list[rm.Relation]) -> dict[str, Any]:
    """The claim as a Documentation of the article about whoever it rests on."""
    first = claim.attribution[0] if claim.attribution else None
    if first is not None:
        about = record_id(first.kind, first.name)
    elif claim.actors:
        about = record_id(rm.ACTOR, claim.actors[0].name)
    else:
        about = entity_id("article", article.ref)
    ours = {"record": "claim", "article": article.ref, **dumped(claim, leave_out=CREATOR)}
    ours["relations"] = [dumped(relation) for relation in relations]
    return _made(
        "Documentation",
        entity_id("claim", claim.ref),
        ours,
        document=entity_id("article", article.ref),
        entity=about,
        role=claim.kind,
        status=claim.status,
        summary=claim.summary,
        description=claim.exact,
        date=claim.created.date() if claim.created else "",
    )


def _mention(article: rm.Article, index: int, mention: rm.Mention) -> dict[str, Any]:
    return _made(
        "Mention",
        entity_id("mention", article.ref, index, mention.start, mention.end),
        {"record": "mention", "article": article.ref, **dumped(mention)},
        document=entity_id("article", article.ref),
        name=mention.exact,
        resolved=record_id(rm.ACTOR, mention.actor),
    )
