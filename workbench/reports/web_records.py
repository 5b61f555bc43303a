"""The records an exchange file describes under `wb:` — articles with their text, sources,
actors and events — read into the report model, keyed by their IRIs; and the small JSON
helpers the reader shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from workbench.domain.text import content_hash
from workbench.reports.model import Actor, Article, Event, Participant, Source

Json = dict[str, Any]


class ExchangeFormatError(ValueError):
    """The file is not Web Annotation JSON-LD we can read; the message says what is wrong."""


def json_object(value: object, what: str) -> Json:
    if not isinstance(value, dict):
        raise ExchangeFormatError(f"{what} must be a JSON object, not {type(value).__name__}")
    return value


def types_of(node: Json) -> set[str]:
    kinds = node.get("type", node.get("@type"))
    return {kinds} if isinstance(kinds, str) else {str(kind) for kind in as_list(kinds)}


def as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def text_of(node: Json, key: str, default: str = "") -> str:
    value = node.get(key, default)
    return value if isinstance(value, str) else default


@dataclass
class Records:
    articles: dict[str, Article] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)


def read_records(top: Json) -> Records:
    """The articles, sources, actors and events the file describes, by IRI."""
    records = Records()
    for node in _nodes(top, "wb:articles"):
        records.articles[text_of(node, "id")] = article_record(node)
    for node in _nodes(top, "wb:sources"):
        records.sources[text_of(node, "id")] = source_record(node)
    for node in _nodes(top, "wb:actors"):
        records.actors[text_of(node, "id")] = actor_record(node)
    for node in _nodes(top, "wb:events"):
        records.events[text_of(node, "id")] = event_record(node, records)
    return records


def source_record(node: object) -> Source:
    """A `wb:Source` entry as the report model's Source."""
    node = json_object(node, "an entry of wb:sources")
    return Source(
        name=_name(node),
        kind=text_of(node, "wb:kind", "other"),
        reliability=text_of(node, "wb:reliability", "F"),
        aliases=_aliases(node),
        description=text_of(node, "wb:description"),
    )


def actor_record(node: object) -> Actor:
    """A `wb:Actor` entry as the report model's Actor."""
    node = json_object(node, "an entry of wb:actors")
    return Actor(
        name=_name(node),
        kind=text_of(node, "wb:kind", "person"),
        reliability=text_of(node, "wb:reliability", "F"),
        aliases=_aliases(node),
        description=text_of(node, "wb:description"),
    )


def _aliases(node: Json) -> tuple[str, ...]:
    aliases = as_list(node.get("wb:aliases"))
    if not all(isinstance(alias, str) for alias in aliases):
        raise ExchangeFormatError(f"{node.get('id', 'a record')}: every alias must be text")
    return tuple(aliases)


def _nodes(top: Json, key: str) -> list[Json]:
    return [json_object(node, f"an entry of {key}") for node in as_list(top.get(key))]


def _name(node: Json) -> str:
    name = text_of(node, "wb:name").strip()
    if not name:
        raise ExchangeFormatError(f"{node.get('id', 'a record')} has no wb:name")
    return name


def article_record(node: object) -> Article:
    """A `wb:articles` entry (metadata and the whole text) as the report model's Article."""
    node = json_object(node, "an entry of wb:articles")
    text = text_of(node, "wb:text")
    if not text.strip():
        raise ExchangeFormatError(f"article {node.get('id', '')} carries no wb:text")
    published = text_of(node, "wb:published")
    try:
        when = datetime.fromisoformat(published) if published else None
    except ValueError:
        raise ExchangeFormatError(f"article date {published!r} is not an ISO date") from None
    return Article(
        ref=text_of(node, "wb:contentHash") or content_hash(text),
        title=text_of(node, "wb:title"),
        text=text,
        outlet=text_of(node, "wb:outlet"),
        authors=tuple(str(author) for author in as_list(node.get("wb:authors"))),
        url=text_of(node, "wb:url"),
        published=when,
        language=text_of(node, "language"),
    )


def event_record(node: object, records: Records) -> Event:
    """A `wb:Event` entry; its participants are named by the actors in `records`."""
    node = json_object(node, "an entry of wb:events")
    title = text_of(node, "wb:title").strip()
    if not title:
        raise ExchangeFormatError(f"{node.get('id', 'an event')} has no wb:title")
    participants = []
    for entry in as_list(node.get("wb:participants")):
        actor = records.actors.get(text_of(json_object(entry, "a participant"), "wb:actor"))
        if actor is not None:
            participants.append(Participant(actor.name, text_of(entry, "wb:role", "participant")))
    return Event(
        ref=text_of(node, "id"),
        title=title,
        kind=text_of(node, "wb:kind"),
        start_date=_date(node, "wb:startDate"),
        start_precision=text_of(node, "wb:startPrecision", "day"),
        end_date=_date(node, "wb:endDate"),
        end_precision=text_of(node, "wb:endPrecision", "day"),
        place=text_of(node, "wb:place"),
        description=text_of(node, "wb:description"),
        participants=tuple(participants),
    )


def _date(node: Json, key: str) -> date | None:
    value = text_of(node, key)
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise ExchangeFormatError(f"{key} {value!r} is not an ISO date") from None
