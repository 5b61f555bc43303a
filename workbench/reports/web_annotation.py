"""The report as W3C Web Annotations (JSON-LD): an `AnnotationCollection` for exchange.

Each claim is an annotation on its article: a `TextQuoteSelector` and a `TextPositionSelector`
(code-point offsets, as the model defines them); bodies for the summary (describing), kind,
status and credibility (classifying / assessing), the attribution chain, linked actors and
events (linking), tags (tagging) and notes (commenting). Actor mentions are `identifying`
annotations, claim relations `linking` ones. Anything the W3C vocabulary has no word for sits
under the `wb:` namespace — including the articles themselves (text and metadata), sources,
actors and events, so `workbench import` can rebuild them in another project.

Written as it is read, one record or annotation a line: first the articles with their text
(`wb:articles`, a pass without claims), then the sources, actors and events, then the page of
annotations (a pass without the articles' text), and "total" last. The records come before the
annotations that use them, so the importer can stream the file in one pass. Text is kept exactly
(JSON escapes control characters), so a file re-imports losslessly.
"""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from workbench.reports import ach_jsonld
from workbench.reports import web_vocabulary as vocab
from workbench.reports.model import (
    ACTOR,
    Actor,
    Article,
    Claim,
    Event,
    Hop,
    Mention,
    Relation,
    Report,
    Source,
)

Json = dict[str, Any]
PASSES = 2
SECTIONS = ("hypotheses",)  # the ACH matrix travels in the file (ach_jsonld); corroboration not


def write(report: Report, out: BinaryIO) -> None:
    stream = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    for part in _parts(report):
        stream.write(part)
    stream.flush()
    stream.detach()


def web_annotations(report: Report) -> Json:
    """The report as one JSON-LD AnnotationCollection with a single embedded page (in memory)."""
    found: Json = json.loads("".join(_parts(report)))
    return found


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _parts(report: Report) -> Iterator[str]:
    collection = f"urn:uuid:{uuid.uuid4()}"
    head: Json = {
        "@context": vocab.CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "label": report.title,
        "generator": {"type": "Software", "name": report.generator},
        "generated": vocab.timestamp(report.created),
    }
    if report.analyst:
        head["creator"] = {"type": "Person", "name": report.analyst}
    head["wb:scope"] = list(report.scope)
    yield _dumps(head)[:-1]
    articles = (_article(a) for batch in report.batches(claims=False) for a in batch)
    yield from _array("wb:articles", articles)
    yield from _array("wb:sources", map(_source, report.sources))
    yield from _array("wb:actors", map(_actor, report.actors))
    yield from _array("wb:events", map(_event, report.events))
    yield from ach_jsonld.part(report)  # the competing hypotheses, if any
    page = {"id": f"{collection}#page-1", "type": "AnnotationPage", "partOf": collection}
    yield f',\n"first":{_dumps({**page, "startIndex": 0})[:-1]},"items":['
    total = 0
    for item in _items(report):
        yield ("\n" if total == 0 else ",\n") + _dumps(item)
        total += 1
    yield f'\n]}},\n"last":{_dumps(page["id"])},\n"total":{total}}}\n'


def _array(key: str, values: Iterable[Json]) -> Iterator[str]:
    yield f",\n{_dumps(key)}:["
    first = True
    for value in values:
        yield ("\n" if first else ",\n") + _dumps(value)
        first = False
    yield "\n]"


def _items(report: Report) -> Iterator[Json]:
    """Every annotation: each article's claims, mentions and tags/notes, then the relations,
    then the tags and notes of sources, actors and events."""
    for batch in report.batches(text=False):
        for article in batch:
            yield from (_claim(article, claim) for claim in article.claims)
            yield from (_mention(article, mention) for mention in article.mentions)
            yield from _on_records([(vocab.article_iri(article.ref), article.tags, article.notes)])
    yield from map(_relation, report.relations)
    yield from _record_annotations(report)


def claim_iri(claim: Claim) -> str:
    return vocab.iri("claim", claim.ref)


def _target(article: Article, exact: str, prefix: str, suffix: str, start: int, end: int) -> Json:
    quote: Json = {"type": "TextQuoteSelector", "exact": exact}
    if prefix:
        quote["prefix"] = prefix
    if suffix:
        quote["suffix"] = suffix
    return {
        "type": "SpecificResource",
        "source": vocab.article_iri(article.ref),
        "selector": [quote, {"type": "TextPositionSelector", "start": start, "end": end}],
    }


def _claim(article: Article, claim: Claim) -> Json:
    annotation: Json = {
        "id": claim_iri(claim),
        "type": "Annotation",
        "motivation": "assessing",
    }
    for key, moment in (("created", claim.created), ("modified", claim.modified)):
        if moment is not None:
            annotation[key] = vocab.timestamp(moment)
    annotation["body"] = _claim_bodies(claim)
    annotation["target"] = _target(
        article, claim.exact, claim.prefix, claim.suffix, claim.start, claim.end
    )
    if claim.orphaned:
        annotation["wb:orphaned"] = True
    return annotation


def _claim_bodies(claim: Claim) -> list[Json]:
    bodies: list[Json] = []
    if claim.summary:
        bodies.append(_text(claim.summary, "describing", vocab.SUMMARY))
    bodies.append(_text(claim.kind, "classifying", vocab.KIND))
    bodies.append(_text(claim.status, "assessing", vocab.STATUS))
    credibility = _text(claim.credibility_label, "assessing", vocab.CREDIBILITY)
    bodies.append({**credibility, "wb:grade": claim.credibility})
    if claim.attribution:
        chain = _text(claim.chain_text, "describing", vocab.ATTRIBUTION)
        bodies.append({**chain, "wb:hops": [_hop(hop) for hop in claim.attribution]})
    bodies += [
        _link(vocab.iri("actor", a.ref.casefold()), vocab.ACTOR_LINK, a.role) for a in claim.actors
    ]
    bodies += [_link(vocab.iri("event", e.ref), vocab.EVENT_LINK, e.role) for e in claim.events]
    bodies += [_text(tag, "tagging") for tag in claim.tags]
    bodies += [_text(note, "commenting") for note in claim.notes]
    return bodies


def _text(value: str, purpose: str, about: str | None = None) -> Json:
    body: Json = {"type": "TextualBody", "purpose": purpose, "value": value}
    if purpose in {"describing", "commenting"}:
        body["format"] = "text/plain"
    if about is not None:
        body["wb:property"] = about
    return body


def _link(target: str, about: str, role: str) -> Json:
    return {
        "type": "SpecificResource",
        "purpose": "linking",
        "source": target,
        "wb:property": about,
        "wb:role": role,
    }


def _hop(hop: Hop) -> Json:
    kind = "actor" if hop.kind == ACTOR else "source"
    found: Json = {f"wb:{kind}": vocab.iri(kind, hop.name.casefold()), "wb:name": hop.name}
    found["wb:role"] = hop.role
    if hop.cue:
        found["wb:cue"] = hop.cue
    if hop.anonymous:
        found["wb:anonymous"] = True
    if hop.reliability:
        found["wb:reliability"] = hop.reliability
    return found


def _mention(article: Article, mention: Mention) -> Json:
    key = f"{article.ref}:{mention.start}-{mention.end}:{mention.actor.casefold()}"
    return {
        "id": vocab.iri("mention", key),
        "type": "Annotation",
        "motivation": "identifying",
        "body": {
            "type": "SpecificResource",
            "purpose": "identifying",
            "source": vocab.iri("actor", mention.actor.casefold()),
        },
        "target": _target(
            article, mention.exact, mention.prefix, mention.suffix, mention.start, mention.end
        ),
    }


def _relation(relation: Relation) -> Json:
    source, target = vocab.iri("claim", relation.from_claim), vocab.iri("claim", relation.to_claim)
    return {
        "id": vocab.iri("relation", f"{relation.from_claim}|{relation.kind}|{relation.to_claim}"),
        "type": "Annotation",
        "motivation": "linking",
        "body": {
            "type": "SpecificResource",
            "purpose": "linking",
            "source": target,
            "wb:property": vocab.RELATION,
            "wb:relation": relation.kind,
        },
        "target": source,
    }


def _record_annotations(report: Report) -> list[Json]:
    """Tags and notes on sources, actors and events, as annotations on their IRIs."""
    records: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    records += [(vocab.iri("source", s.name.casefold()), s.tags, s.notes) for s in report.sources]
    records += [(vocab.iri("actor", a.name.casefold()), a.tags, a.notes) for a in report.actors]
    records += [(vocab.iri("event", e.ref), e.tags, e.notes) for e in report.events]
    return _on_records(records)


def _on_records(records: list[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> list[Json]:
    return [
        {
            "id": vocab.iri("annotations-of", target),
            "type": "Annotation",
            "motivation": "commenting" if notes else "tagging",
            "body": [_text(tag, "tagging") for tag in tags]
            + [_text(note, "commenting") for note in notes],
            "target": target,
        }
        for target, tags, notes in records
        if tags or notes
    ]


def _article(article: Article) -> Json:
    found: Json = {
        "id": vocab.article_iri(article.ref),
        "type": "Text",
        "format": "text/plain",
        "wb:contentHash": article.ref,
        "wb:title": article.title,
    }
    if article.language:
        found["language"] = article.language
    optional = {
        "wb:outlet": article.outlet,
        "wb:authors": list(article.authors),
        "wb:url": article.url,
        "wb:published": article.published.isoformat() if article.published else "",
    }
    found.update({key: value for key, value in optional.items() if value})
    found["wb:text"] = article.text
    return found


def _source(source: Source) -> Json:
    return {
        "id": vocab.iri("source", source.name.casefold()),
        "type": "wb:Source",
        "wb:name": source.name,
        "wb:kind": source.kind,
        "wb:reliability": source.reliability,
        "wb:reliabilityLabel": source.reliability_label,
        "wb:aliases": list(source.aliases),
        "wb:description": source.description,
    }


def _actor(actor: Actor) -> Json:
    return {
        "id": vocab.iri("actor", actor.name.casefold()),
        "type": "wb:Actor",
        "wb:name": actor.name,
        "wb:kind": actor.kind,
        "wb:reliability": actor.reliability,
        "wb:reliabilityLabel": actor.reliability_label,
        "wb:aliases": list(actor.aliases),
        "wb:description": actor.description,
    }


def _event(event: Event) -> Json:
    found: Json = {
        "id": vocab.iri("event", event.ref),
        "type": "wb:Event",
        "wb:title": event.title,
        "wb:kind": event.kind,
        "wb:startPrecision": event.start_precision,
        "wb:endPrecision": event.end_precision,
        "wb:place": event.place,
        "wb:description": event.description,
        "wb:participants": [
            {"wb:actor": vocab.iri("actor", p.actor.casefold()), "wb:role": p.role}
            for p in event.participants
        ],
    }
    if event.start_date is not None:
        found["wb:startDate"] = event.start_date.isoformat()
    if event.end_date is not None:
        found["wb:endDate"] = event.end_date.isoformat()
    return found
