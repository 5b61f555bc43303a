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
    Actor,
    Article,
    Claim,
    Event,
    Mention,
    Relation,
    Report,
    Source,
)
from workbench.reports.web_items import (
    ClaimPiece,
    MentionPiece,
    NotesPiece,
    parse_item,
)
from workbench.reports.web_records import (
    ExchangeFormatError,
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
        piece = parse_item(item, self.records)
        if isinstance(piece, ClaimPiece):
            self.claim_iris.add(piece.claim.ref)
            self.claims.setdefault(piece.article, []).append(piece.claim)
        elif isinstance(piece, MentionPiece):
            self.mentions.setdefault(piece.article, []).append(piece.mention)
        elif isinstance(piece, Relation):
            self.relations.append(piece)
        elif isinstance(piece, NotesPiece):
            tags, notes = self.annotations.setdefault(piece.target, ([], []))
            tags += piece.tags
            notes += piece.notes

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
