"""Reading W3C Web Annotations (JSON-LD) back into the report model.

Our own exchange files carry everything (articles with their text, sources, actors, events);
annotations from other tools are read as far as the W3C model allows: a text annotation becomes
a claim (its quote, and a summary, tags and notes from its bodies), and its article is left for
the importer to find in the project by URL (`Article.text` is then empty).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeVar

from workbench.reports import web_vocabulary as vocab
from workbench.reports.model import (
    ACTOR,
    SOURCE,
    Actor,
    Article,
    Claim,
    Event,
    Hop,
    Link,
    Mention,
    Relation,
    Report,
    Source,
)
from workbench.reports.web_records import (
    ExchangeFormatError,
    Records,
    as_list,
    json_object,
    read_records,
    text_of,
    types_of,
)

Json = dict[str, Any]
Annotated = TypeVar("Annotated", Article, Source, Actor, Event)
MAX_PAGES = 10_000


def read_web_annotations(data: object) -> Report:
    """The report an exchange file describes (a collection, a page, an annotation or a list)."""
    document = _Document.of(data)
    reader = _Reader(document)
    for item in document.items:
        reader.read(item)
    return reader.report()


@dataclass
class _Document:
    top: Json
    items: list[Json]

    @classmethod
    def of(cls, data: object) -> _Document:
        if isinstance(data, list):
            return cls({}, [json_object(item, "an annotation") for item in data])
        top = json_object(data, "the file")
        kinds = types_of(top)
        if "AnnotationCollection" in kinds:
            return cls(top, _collection_items(top))
        if "AnnotationPage" in kinds:
            return cls(top, _page_items(top))
        if "Annotation" in kinds:
            return cls(top, [top])
        raise ExchangeFormatError(
            "this is not a W3C Web Annotation file (no AnnotationCollection, page or annotation)"
        )


def _collection_items(collection: Json) -> list[Json]:
    page = collection.get("first")
    items: list[Json] = []
    for _ in range(MAX_PAGES):
        if page is None:
            return items
        if isinstance(page, str):
            raise ExchangeFormatError(
                f"the annotations are on a page that is not in the file ({page}); "
                "the workbench reads files only, it fetches nothing"
            )
        page = json_object(page, "an annotation page")
        items += _page_items(page)
        page = page.get("next")
    raise ExchangeFormatError("the collection's pages never end")


def _page_items(page: Json) -> list[Json]:
    items = page.get("items", [])
    if not isinstance(items, list):
        raise ExchangeFormatError("an annotation page's items must be a list")
    return [json_object(item, "an annotation") for item in items]


class _Reader:
    """Collects claims, mentions, relations and record annotations, then builds the Report."""

    def __init__(self, document: _Document) -> None:
        self.top = document.top
        self.records = read_records(document.top)
        self.claims: dict[str, list[Claim]] = {}
        self.mentions: dict[str, list[Mention]] = {}
        self.relations: list[Relation] = []
        self.annotations: dict[str, tuple[list[str], list[str]]] = {}
        self.claim_iris: set[str] = set()

    def read(self, item: Json) -> None:
        if "Annotation" not in types_of(item):
            raise ExchangeFormatError(f"{item.get('id', 'an item')} is not an Annotation")
        target = _first(item.get("target"), f"annotation {item.get('id', '')} has no target")
        motivations = {str(m) for m in as_list(item.get("motivation"))}
        if isinstance(target, str) or "selector" not in target:
            self._on_record(item, target if isinstance(target, str) else text_of(target, "id"))
        elif "identifying" in motivations:
            self._mention(item, target)
        else:
            self._claim(item, target, motivations)

    def _on_record(self, item: Json, target: str) -> None:
        bodies = [json_object(body, "a body") for body in as_list(item.get("body"))]
        relation = next((b for b in bodies if b.get("wb:property") == vocab.RELATION), None)
        if relation is not None:
            kind = text_of(relation, "wb:relation", "supports")
            self.relations.append(Relation(target, text_of(relation, "source"), kind))
            return
        tags, notes = self.annotations.setdefault(target, ([], []))
        default = next(iter(as_list(item.get("motivation"))), "commenting")
        for body in bodies:
            purpose = text_of(body, "purpose", str(default))
            (tags if purpose == "tagging" else notes).append(text_of(body, "value"))

    def _mention(self, item: Json, target: Json) -> None:
        body = json_object(_first(item.get("body"), "a mention names no actor"), "a body")
        actor = self.records.actors.get(text_of(body, "source"))
        if actor is None:
            return
        source, exact, prefix, suffix, start, end = _selected(item, target)
        self.mentions.setdefault(source, []).append(
            Mention(actor.name, start, end, exact, prefix, suffix)
        )

    def _claim(self, item: Json, target: Json, motivations: set[str]) -> None:
        source, exact, prefix, suffix, start, end = _selected(item, target)
        bodies = [_body(body) for body in as_list(item.get("body"))]
        fields = _claim_fields(bodies, motivations, self.records)
        iri = text_of(item, "id") or f"claim-{len(self.claim_iris)}"
        self.claim_iris.add(iri)
        claim = Claim(
            ref=iri,
            number=0,
            start=start,
            end=end,
            exact=exact,
            prefix=prefix,
            suffix=suffix,
            orphaned=item.get("wb:orphaned") is True,
            created=vocab.parse_timestamp(item.get("created")),
            modified=vocab.parse_timestamp(item.get("modified")),
            **fields,
        )
        self.claims.setdefault(source, []).append(claim)

    def report(self) -> Report:
        records = self.records
        numbers = iter(range(1, 1 + sum(len(claims) for claims in self.claims.values())))
        sources = [*records.articles, *self.claims, *self.mentions, *self._article_notes()]
        return Report(
            title=text_of(self.top, "label", "Imported annotations"),
            created=vocab.parse_timestamp(self.top.get("generated")) or datetime.now(),
            analyst=text_of(json_object(self.top.get("creator", {}), "the creator"), "name"),
            scope=tuple(str(line) for line in as_list(self.top.get("wb:scope"))),
            articles=tuple(self._article(source, numbers) for source in dict.fromkeys(sources)),
            sources=tuple(self._annotated(iri, s) for iri, s in records.sources.items()),
            actors=tuple(self._annotated(iri, a) for iri, a in records.actors.items()),
            events=tuple(self._annotated(iri, e) for iri, e in records.events.items()),
            relations=tuple(
                r for r in self.relations if {r.from_claim, r.to_claim} <= self.claim_iris
            ),
        )

    def _article_notes(self) -> list[str]:
        """Targets of whole-document notes and tags that are no record of ours: web pages."""
        records = self.records
        ours = {*records.sources, *records.actors, *records.events, *self.claim_iris}
        return [target for target in self.annotations if target not in ours]

    def _article(self, source: str, numbers: Iterator[int]) -> Article:
        known = self.records.articles.get(source)
        article = known or Article(ref="", title="", text="", url=source)
        claims = sorted(self.claims.get(source, []), key=lambda claim: (claim.start, claim.end))
        return replace(
            self._annotated(source, article),
            claims=tuple(replace(claim, number=next(numbers)) for claim in claims),
            mentions=tuple(self.mentions.get(source, ())),
        )

    def _annotated(self, iri: str, record: Annotated) -> Annotated:
        tags, notes = self.annotations.get(iri, ([], []))
        return replace(record, tags=tuple(tags), notes=tuple(notes))


def _first(value: object, missing: str) -> Any:
    found = as_list(value)
    if not found:
        raise ExchangeFormatError(missing)
    return found[0]


def _selected(item: Json, target: Json) -> tuple[str, str, str, str, int, int]:
    """The article IRI, quote, prefix, suffix, start and end an annotation's target selects."""
    name = item.get("id", "an annotation")
    source = target.get("source")
    source = text_of(source, "id") if isinstance(source, dict) else source
    if not isinstance(source, str) or not source:
        raise ExchangeFormatError(f"{name}: its target names no source document")
    quote: Json = {}
    position: Json = {}
    for selector in as_list(target.get("selector")):
        kinds = types_of(json_object(selector, "a selector"))
        quote = selector if "TextQuoteSelector" in kinds else quote
        position = selector if "TextPositionSelector" in kinds else position
    if not quote and not position:
        raise ExchangeFormatError(f"{name}: no TextQuoteSelector or TextPositionSelector")
    start, end = position.get("start", 0), position.get("end", 0)
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
        raise ExchangeFormatError(f"{name}: the text position {start!r}..{end!r} is not a range")
    exact = text_of(quote, "exact")
    return source, exact, text_of(quote, "prefix"), text_of(quote, "suffix"), start, end


def _body(body: object) -> Json:
    return body if isinstance(body, dict) else {"type": "SpecificResource", "source": body}


def _claim_fields(bodies: list[Json], motivations: set[str], records: Records) -> dict[str, Any]:
    """Summary, grades, chain, links, tags and notes from a claim annotation's bodies."""
    fields: dict[str, Any] = {"actors": [], "events": [], "tags": [], "notes": []}
    default_purpose = next(iter(sorted(motivations)), "commenting")
    for body in bodies:
        about = body.get("wb:property")
        value = text_of(body, "value")
        if about == vocab.SUMMARY:
            fields["summary"] = value
        elif about in (vocab.KIND, vocab.STATUS):
            fields[str(about)] = value
        elif about == vocab.CREDIBILITY:
            fields["credibility"] = _grade(body)
        elif about == vocab.ATTRIBUTION:
            fields["attribution"] = tuple(
                _hop(hop, records) for hop in as_list(body.get("wb:hops"))
            )
        elif about == vocab.ACTOR_LINK and text_of(body, "source") in records.actors:
            name = records.actors[text_of(body, "source")].name
            fields["actors"].append(Link(name, name, text_of(body, "wb:role", "subject")))
        elif about == vocab.EVENT_LINK and text_of(body, "source") in records.events:
            event = records.events[text_of(body, "source")]
            fields["events"].append(Link(event.ref, event.title, text_of(body, "wb:role")))
        elif about is None and value:
            _free_body(fields, text_of(body, "purpose", default_purpose), value)
    return {key: tuple(v) if isinstance(v, list) else v for key, v in fields.items()}


def _free_body(fields: dict[str, Any], purpose: str, value: str) -> None:
    """A body another tool wrote: a tag, the summary (first describing body) or a note."""
    if purpose == "tagging":
        fields["tags"].append(value)
    elif purpose == "describing" and "summary" not in fields:
        fields["summary"] = value
    else:
        fields["notes"].append(value)


def _grade(body: Json) -> int:
    grade = body.get("wb:grade")
    if isinstance(grade, int) and not isinstance(grade, bool):
        return grade
    leading = text_of(body, "value").strip()[:1]
    return int(leading) if leading.isdigit() else 6


def _hop(node: object, records: Records) -> Hop:
    hop = json_object(node, "an attribution hop")
    source, actor = (
        records.sources.get(text_of(hop, "wb:source")),
        records.actors.get(text_of(hop, "wb:actor")),
    )
    kind = ACTOR if "wb:actor" in hop else SOURCE
    named = source or actor
    name = named.name if named is not None else text_of(hop, "wb:name")
    if not name:
        raise ExchangeFormatError("an attribution hop names no source or actor")
    reliability = source.reliability if source else hop.get("wb:reliability")
    return Hop(
        name=name,
        role=text_of(hop, "wb:role", "speaker"),
        kind=kind,
        cue=text_of(hop, "wb:cue"),
        anonymous=hop.get("wb:anonymous") is True,
        reliability=reliability if kind == SOURCE and isinstance(reliability, str) else None,
    )
