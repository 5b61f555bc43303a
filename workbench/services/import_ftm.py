"""Importing FollowTheMoney entities (JSON lines): ours back losslessly (from the `workbench` key
each of our entities carries), and other tools' entities as FtM describes them: Person,
Organization, PublicBody and Company as actors, Event as events, Article and other documents
with text as articles, Mention as actor mentions found in their document's text.

Each line is checked by the `followthemoney` schema it names before anything is written; the
whole file is then written in one command, so a malformed line changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.exc import FollowTheMoneyException

from workbench.reports import model as rm
from workbench.reports.exchange_model import loaded
from workbench.reports.ftm import OURS
from workbench.reports.web_records import ExchangeFormatError
from workbench.services.errors import InvalidInput
from workbench.services.exchange import ExchangeSummary
from workbench.services.import_exchange import ExchangeContents, import_contents
from workbench.services.project import Project

Json = dict[str, Any]
ACTOR_KIND = {"Person": "person", "Organization": "organisation", "Company": "organisation"}
ACTOR_KIND |= {"PublicBody": "organisation", "LegalEntity": "organisation"}
DOCUMENTS = ("Article", "Document", "PlainText", "HyperText", "Pages", "Email")


def import_ftm(project: Project, path: Path | str) -> ExchangeSummary:
    """Read a FollowTheMoney JSON-lines file into the project (all of it, or nothing)."""
    path = Path(path)
    entities = _entities(path)
    try:
        contents = _Reader().contents(entities)
    except ExchangeFormatError as error:
        raise InvalidInput(f"{path.name}: {error}") from None
    return import_contents(project, path, contents, "FollowTheMoney")


def _entities(path: Path) -> list[Json]:
    """Every line's entity, checked by its FtM schema; a bad line is named by its number."""
    if not path.is_file():
        raise InvalidInput(f"no file at {path}")
    found = []
    with path.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                found.append(_checked(line, number, path))
    return found


def _checked(line: str, number: int, path: Path) -> Json:
    try:
        entity = json.loads(line)
    except ValueError:
        raise InvalidInput(f"{path.name}: line {number} is not JSON") from None
    schema = model.get(entity.get("schema", "")) if isinstance(entity, dict) else None
    if schema is None:
        raise InvalidInput(f"{path.name}: line {number} names no FollowTheMoney schema")
    try:
        schema.validate(entity)
    except FollowTheMoneyException as error:
        raise InvalidInput(
            f"{path.name}: line {number} ({schema.name}) is not valid: {error}"
        ) from None
    return entity


class _Reader:
    def __init__(self) -> None:
        self.contents_ = ExchangeContents()
        self.claims: dict[str, list[rm.Claim]] = {}
        self.mentions: dict[str, list[rm.Mention]] = {}
        self.names: dict[str, str] = {}  # entity id → actor name

    def contents(self, entities: list[Json]) -> ExchangeContents:
        for entity in entities:
            if entity["schema"] in ACTOR_KIND:
                self.names[entity.get("id", "")] = _first(entity, "name")
        for entity in entities:
            ours = entity.get(OURS)
            if isinstance(ours, dict):
                self._ours(ours, _first(entity, "bodyText"))
            else:
                self._foreign(entity)
        found = self.contents_
        found.articles = [
            (
                iri,
                replace(
                    a,
                    claims=tuple(self.claims.get(iri, ())),
                    mentions=tuple(self.mentions.get(iri, ())),
                ),
            )
            for iri, a in found.articles
        ]
        return found

    def _ours(self, ours: Json, text: str) -> None:
        record, found = ours.get("record"), self.contents_
        if found.keep_record(record, ours):
            return
        if record == "article":
            found.articles.append((str(ours.get("ref", "")), loaded(rm.Article, ours, text=text)))
        elif record == "claim":
            claim = loaded(rm.Claim, ours)
            self.claims.setdefault(str(ours.get("article", "")), []).append(claim)
            found.relations += [loaded(rm.Relation, r) for r in ours.get("relations", [])]
        elif record == "mention":
            self.mentions.setdefault(str(ours.get("article", "")), []).append(
                loaded(rm.Mention, ours)
            )
        else:
            raise ExchangeFormatError(f"an entity says it is a {record!r}, which we do not know")

    def _foreign(self, entity: Json) -> None:
        schema, entity_id = entity["schema"], entity.get("id", "")
        if schema in ACTOR_KIND and _first(entity, "name"):
            actor = rm.Actor(
                _first(entity, "name"),
                ACTOR_KIND[schema],
                tuple(_all(entity, "alias")),
                _first(entity, "description"),
                notes=tuple(_all(entity, "notes")),
            )
            self.contents_.actors.append((f"actor:{actor.name.casefold()}", actor))
        elif schema == "Event" and _first(entity, "name"):
            self.contents_.events.append((entity_id, _event(entity, self.names)))
        elif schema in DOCUMENTS and _first(entity, "bodyText").strip():
            self.contents_.articles.append((entity_id, _document(entity)))
        elif schema == "Mention":
            self._mention(entity)

    def _mention(self, entity: Json) -> None:
        actor = self.names.get(_first(entity, "resolved"), "")
        if actor:
            name = _first(entity, "name")
            self.mentions.setdefault(_first(entity, "document"), []).append(
                rm.Mention(actor, 0, 0, name)
            )


def _first(entity: Json, prop: str) -> str:
    values = _all(entity, prop)
    return values[0] if values else ""


def _all(entity: Json, prop: str) -> list[str]:
    values = entity.get("properties", {}).get(prop, [])
    return [str(value) for value in values] if isinstance(values, list) else []


def _event(entity: Json, names: dict[str, str]) -> rm.Event:
    start, start_precision = _day(_first(entity, "startDate") or _first(entity, "date"))
    end, end_precision = _day(_first(entity, "endDate"))
    involved = [names[ref] for ref in _all(entity, "involved") if ref in names]
    return rm.Event(
        ref=entity.get("id", ""),
        title=_first(entity, "name"),
        start_date=start,
        start_precision=start_precision,
        end_date=end,
        end_precision=end_precision,
        place=_first(entity, "location"),
        description=_first(entity, "description") or _first(entity, "summary"),
        participants=tuple(rm.Participant(name, "participant") for name in involved),
    )


def _day(value: str) -> tuple[date | None, str]:
    """An FtM date prefix ("2018", "2018-06", "2018-06-21…") as a day and its precision."""
    if len(value) < 4:
        return None, "day"
    precision = {4: "year", 7: "month"}.get(len(value), "day")
    padded = (value[:10] + "-01-01"[len(value[:10]) - 4 :]) if len(value) < 10 else value[:10]
    return date.fromisoformat(padded), precision


def _document(entity: Json) -> rm.Article:
    published = _first(entity, "publishedAt") or _first(entity, "date")
    return rm.Article(
        ref=entity.get("id", ""),
        title=_first(entity, "title") or _first(entity, "name") or _first(entity, "fileName"),
        text=_first(entity, "bodyText"),
        outlet=_first(entity, "publisher"),
        authors=tuple(_all(entity, "author")),
        url=_first(entity, "sourceUrl"),
        published=datetime.fromisoformat(published) if len(published) >= 10 else None,
        language=_first(entity, "language"),
        notes=tuple(_all(entity, "notes")),
    )
