"""One annotation of an exchange file read into the report model: a claim, an actor mention,
a claim relation, or tags and notes on a record (`parse_item`), checked as it is read so that a
malformed annotation is refused with a one-line reason naming it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.reports import web_vocabulary as vocab
from workbench.reports.model import ACTOR, SOURCE, Claim, Hop, Link, Mention, Relation
from workbench.reports.web_records import (
    ExchangeFormatError,
    Records,
    as_list,
    json_object,
    text_of,
    types_of,
)

Json = dict[str, Any]


@dataclass(frozen=True)
class ClaimPiece:
    """A claim on the article with IRI `article` (its `ref` is the annotation's id)."""

    article: str
    claim: Claim


@dataclass(frozen=True)
class MentionPiece:
    article: str
    mention: Mention


@dataclass(frozen=True)
class NotesPiece:
    """Tags and notes on a whole record (an article, source, actor, event or web page)."""

    target: str
    tags: tuple[str, ...]
    notes: tuple[str, ...]


Piece = ClaimPiece | MentionPiece | NotesPiece | Relation | None


def as_list_of_items(value: object) -> list[Json]:
    return [json_object(item, "an annotation") for item in as_list(value)]


def parse_item(item: object, records: Records) -> Piece:
    """What one annotation says (None: a mention of an actor the file does not describe)."""
    item = json_object(item, "an annotation")
    name = _name(item)
    if "Annotation" not in types_of(item):
        raise ExchangeFormatError(f"{name} is not an Annotation")
    target = _first(item.get("target"), f"{name} has no target")
    if not isinstance(target, str | dict):
        raise ExchangeFormatError(
            f"{name}: its target must be an IRI or an object, not {_json_type(target)}"
        )
    motivations = {str(m) for m in as_list(item.get("motivation"))}
    if isinstance(target, str) or "selector" not in target:
        return _on_record(item, target if isinstance(target, str) else text_of(target, "id"))
    if "identifying" in motivations:
        return _mention(item, target, records)
    return _claim(item, target, motivations, records)


def _name(item: Json) -> str:
    identifier = item.get("id")
    return f"annotation {identifier}" if isinstance(identifier, str) else "an annotation"


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return f"the number {value}"
    return "a list" if isinstance(value, list) else "null" if value is None else "that"


def _on_record(item: Json, target: str) -> Piece:
    if not target:
        raise ExchangeFormatError(f"{_name(item)}: its target names nothing")
    bodies = [json_object(body, "a body") for body in as_list(item.get("body"))]
    relation = next((b for b in bodies if b.get("wb:property") == vocab.RELATION), None)
    if relation is not None:
        kind = text_of(relation, "wb:relation", "supports")
        return Relation(target, text_of(relation, "source"), kind)
    tags: list[str] = []
    notes: list[str] = []
    default = next(iter(as_list(item.get("motivation"))), "commenting")
    for body in bodies:
        purpose = text_of(body, "purpose", str(default))
        (tags if purpose == "tagging" else notes).append(text_of(body, "value"))
    return NotesPiece(target, tuple(tags), tuple(notes))


def _mention(item: Json, target: Json, records: Records) -> Piece:
    body = json_object(_first(item.get("body"), "a mention names no actor"), "a body")
    actor = records.actors.get(text_of(body, "source"))
    if actor is None:
        return None
    source, exact, prefix, suffix, start, end = _selected(item, target)
    return MentionPiece(source, Mention(actor.name, start, end, exact, prefix, suffix))


def _claim(item: Json, target: Json, motivations: set[str], records: Records) -> Piece:
    source, exact, prefix, suffix, start, end = _selected(item, target)
    bodies = [_body(body) for body in as_list(item.get("body"))]
    fields = _claim_fields(bodies, motivations, records)
    iri = text_of(item, "id") or f"{source}#{start}-{end}"
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
    return ClaimPiece(source, claim)


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
    reliability = named.reliability if named is not None else hop.get("wb:reliability")
    return Hop(
        name=name,
        role=text_of(hop, "wb:role", "speaker"),
        kind=kind,
        cue=text_of(hop, "wb:cue"),
        anonymous=hop.get("wb:anonymous") is True,
        reliability=reliability if isinstance(reliability, str) else None,
    )
