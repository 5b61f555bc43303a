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

import json
import uuid
from collections.abc import Generator, Iterable, Iterator, Sequence
from typing import Any, BinaryIO

from workbench.reports import ach_jsonld
from workbench.reports import web_annotation_items as items
from workbench.reports import web_vocabulary as vocab
from workbench.reports.model import Actor, Article, ArticleStream, Event, Report, Source

Json = dict[str, Any]
PASSES = 2
COUNTS = False  # no claim counts per source or actor: the reader counts what it imports
SECTIONS = ("hypotheses",)  # the ACH matrix travels in the file (ach_jsonld); corroboration not
claim_iri = items.claim_iri


# The stream's table of the articles' records as finished text (services.annotation_articles),
# if it has one.
ARTICLE_TABLE = "web article records"
WRITTEN_TOGETHER = 2048  # records or annotations joined into one piece of text to write


def write(report: Report, out: BinaryIO) -> None:
    """The file, in UTF-8: the annotations come as bytes already (`web_annotation_items`)."""
    for part in _parts(report):
        out.write(_bytes(part))


def web_annotations(report: Report) -> Json:
    """The report as one JSON-LD AnnotationCollection with a single embedded page (in memory)."""
    found: Json = json.loads(b"".join(_bytes(part) for part in _parts(report)))
    return found


def _bytes(part: str | bytes) -> bytes:
    return part if isinstance(part, bytes) else part.encode()


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _parts(report: Report) -> Iterator[str | bytes]:
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
    yield ',\n"wb:articles":['
    yield from _listed(_article_records(report))
    yield "\n]"
    yield from _array("wb:sources", map(_source, report.sources))
    yield from _array("wb:actors", map(_actor, report.actors))
    yield from _array("wb:events", map(_event, report.events))
    yield from ach_jsonld.part(report)  # the competing hypotheses, if any
    page = {"id": f"{collection}#page-1", "type": "AnnotationPage", "partOf": collection}
    yield f',\n"first":{_dumps({**page, "startIndex": 0})[:-1]},"items":['
    total = yield from _listed(_items(report))
    yield f'\n]}},\n"last":{_dumps(page["id"])},\n"total":{total}}}\n'


def _listed(groups: Iterable[Sequence[str] | Sequence[bytes]]) -> Generator[str | bytes, None, int]:
    """The values of a JSON array (given as JSON text, str or UTF-8, in groups), one a line, a
    few thousand joined into one piece of text at a time; returns how many there were."""
    separator, count = "\n", 0
    for group in groups:
        joined = b",\n".join if group and isinstance(group[0], bytes) else ",\n".join
        for at in range(0, len(group), WRITTEN_TOGETHER):
            yield separator  # apart: joined to the values, it would copy them all again
            yield joined(group[at : at + WRITTEN_TOGETHER])  # type: ignore[arg-type]
            separator = ",\n"
        count += len(group)
    return count


def _array(key: str, values: Iterable[Json]) -> Iterator[str | bytes]:
    yield f",\n{_dumps(key)}:["
    yield from _listed([[_dumps(value) for value in values]])
    yield "\n]"


def _items(report: Report) -> Iterator[Sequence[bytes]]:
    """Every annotation as JSON text (`web_annotation_items`), in groups: each article's
    claims, mentions and tags/notes, then the relations, then the tags and notes of sources,
    actors and events."""
    yield from _article_items(report)
    yield [items.relation(relation) for relation in report.relations]
    yield list(_record_annotations(report))


def _article_items(report: Report) -> Iterator[Sequence[bytes]]:
    """Each article's annotations: finished by the project where it assembles them (the
    stream's `items.TABLE`, a batch of articles at a time), else written here from the
    articles' claims and mentions."""
    stream = report.articles
    table = stream.table(items.TABLE) if isinstance(stream, ArticleStream) else None
    if table is not None:
        for _articles, texts in table:
            yield texts
        return
    for batch in report.batches(text=False):
        hops: items.HopTexts = {}
        for article in batch:
            iri = vocab.article_iri(article.ref)
            source = items.encoded(iri)
            found = [items.claim(source, claim, hops) for claim in article.claims]
            found += [items.mention(source, article.ref, m) for m in article.mentions]
            if article.tags or article.notes:
                found.append(items.on_record(iri, article.tags, article.notes))
            yield found


def _record_annotations(report: Report) -> Iterator[bytes]:
    """Tags and notes on sources, actors and events, as annotations on their IRIs."""
    records: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    records += [(vocab.iri("source", s.name.casefold()), s.tags, s.notes) for s in report.sources]
    records += [(vocab.iri("actor", a.name.casefold()), a.tags, a.notes) for a in report.actors]
    records += [(vocab.iri("event", e.ref), e.tags, e.notes) for e in report.events]
    for target, tags, notes in records:
        if tags or notes:
            yield items.on_record(target, tags, notes)


def _article_records(report: Report) -> Iterator[Sequence[bytes]]:
    """The articles' records, a batch at a time: written by the project where it reads them
    (the stream's `ARTICLE_TABLE`), else from the report model's articles."""
    stream = report.articles
    table = stream.table(ARTICLE_TABLE) if isinstance(stream, ArticleStream) else None
    if table is not None:
        for _articles, records in table:
            yield records
        return
    for batch in report.batches(claims=False):
        yield [_article(article) for article in batch]


def _article(article: Article) -> bytes:
    published = article.published.isoformat() if article.published else ""
    encoded = items.encoded
    return article_record(
        article.ref,
        encoded(article.title),
        encoded(article.language),
        encoded(article.outlet),
        article.authors,
        encoded(article.url),
        published,
        encoded(article.text),
    )


def article_record(
    ref: str,
    title: bytes,
    language: bytes,
    outlet: bytes,
    authors: Sequence[str],
    url: bytes,
    published: str,
    text: bytes,
) -> bytes:
    """An article's record as JSON text in UTF-8: what `_dumps` writes of its dict (the same
    keys in the same order, strings by the encoder's own `encode_basestring`), without making
    the dict; its title, language, outlet, url and text given as JSON already (`encoded`),
    `published` in ISO form ("" for none)."""
    encoded, empty = items.encoded, items.EMPTY
    parts = [
        b'{"id":%s,"type":"Text","format":"text/plain","wb:contentHash":%s,"wb:title":%s'
        % (encoded(vocab.article_iri(ref)), encoded(ref), title)
    ]
    if language != empty:
        parts.append(b',"language":' + language)
    if outlet != empty:
        parts.append(b',"wb:outlet":' + outlet)
    if authors:
        parts.append(b',"wb:authors":[%s]' % b",".join(map(encoded, authors)))
    if url != empty:
        parts.append(b',"wb:url":' + url)
    if published:
        parts.append(b',"wb:published":' + encoded(published))
    parts.append(b',"wb:text":%s}' % text)
    return b"".join(parts)


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
