"""The records a report holds beside its articles: the sources, actors and events (with their
aliases, participants, tags and notes) as the plain report model, read with a few set-based
Core queries a chunk of ids at a time (`services.report_data` chooses which)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, select

from workbench.domain import Actor, ActorAlias, Event, EventActor, Source, SourceAlias
from workbench.reports import model as rm
from workbench.services.report_rows import annotations_of

CHUNK = 500


def chunks(ids: tuple[int, ...] | list[int], size: int = CHUNK) -> Iterator[list[int]]:
    """The ids `size` at a time (a query's IN list stays short)."""
    for at in range(0, len(ids), size):
        yield list(ids[at : at + size])


def participants_of(session: Connection, events: set[int]) -> set[int]:
    found: set[int] = set()
    for chunk in chunks(sorted(events)):
        found |= set(
            session.scalars(select(EventActor.actor_id).where(EventActor.event_id.in_(chunk)))
        )
    return found


def _aliases(session: Connection, owner: object, name: object) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for record_id, alias in session.execute(select(owner, name)):  # type: ignore[call-overload]
        found.setdefault(record_id, []).append(alias)
    return found


def _rows(session: Connection, model: type, columns: tuple, ids: set[int] | None) -> list:
    if ids is None:
        return list(session.execute(select(*columns)))
    rows: list = []
    for chunk in chunks(sorted(ids)):
        rows += session.execute(select(*columns).where(model.id.in_(chunk)))  # type: ignore[attr-defined]
    return rows


def _record_annotations(
    session: Connection, kind: str, ids: list[int]
) -> tuple[dict[int, tuple[str, ...]], dict[int, tuple[str, ...]]]:
    tags: dict[int, tuple[str, ...]] = {}
    notes: dict[int, tuple[str, ...]] = {}
    for chunk in chunks(ids):
        found_tags, found_notes = annotations_of(session, kind, chunk)
        tags.update(found_tags)
        notes.update(found_notes)
    return tags, notes


def read_sources(session: Connection, ids: set[int] | None) -> tuple[rm.Source, ...]:
    aliases = (SourceAlias.source_id, SourceAlias.name)
    return _read_named(session, ids, "source", rm.Source, Source, aliases)


def read_actors(session: Connection, ids: set[int] | None) -> tuple[rm.Actor, ...]:
    aliases = (ActorAlias.actor_id, ActorAlias.name)
    return _read_named(session, ids, "actor", rm.Actor, Actor, aliases)


def _read_named(
    session: Connection,
    ids: set[int] | None,
    kind: str,
    record: Any,
    table: Any,
    alias: tuple[Any, Any],
) -> Any:
    """The sources or actors (`table`, annotated as `kind`, read as `record`) with their
    aliases, tags and notes, by name regardless of case."""
    columns = (table.id, table.name, table.kind, table.reliability, table.description)
    rows = _rows(session, table, columns, ids)
    aliases = _aliases(session, *alias)
    tags, notes = _record_annotations(session, kind, [row.id for row in rows])
    return tuple(
        record(
            name=row.name,
            kind=row.kind,
            reliability=row.reliability,
            aliases=tuple(sorted(aliases.get(row.id, ()), key=str.casefold)),
            description=row.description,
            tags=tags.get(row.id, ()),
            notes=notes.get(row.id, ()),
        )
        for row in sorted(rows, key=lambda row: row.name.casefold())
    )


def read_events(
    session: Connection, ids: set[int] | None, refs: dict[int, str]
) -> tuple[rm.Event, ...]:
    columns = (
        Event.id,
        Event.title,
        Event.kind,
        Event.start_date,
        Event.start_precision,
        Event.end_date,
        Event.end_precision,
        Event.place,
        Event.description,
    )
    rows = _rows(session, Event, columns, ids)
    participants: dict[int, list[rm.Participant]] = {}
    query = select(EventActor.event_id, Actor.name, EventActor.role).join(
        Actor, Actor.id == EventActor.actor_id
    )
    for event_id, name, role in session.execute(query):
        participants.setdefault(event_id, []).append(rm.Participant(name, role))
    tags, notes = _record_annotations(session, "event", [row.id for row in rows])
    found = [
        rm.Event(
            ref=refs[row.id],
            title=row.title,
            kind=row.kind,
            start_date=row.start_date,
            start_precision=row.start_precision,
            end_date=row.end_date,
            end_precision=row.end_precision,
            place=row.place,
            description=row.description,
            participants=tuple(
                sorted(participants.get(row.id, ()), key=lambda p: (p.actor.casefold(), p.role))
            ),
            tags=tags.get(row.id, ()),
            notes=notes.get(row.id, ()),
        )
        for row in rows
    ]
    return tuple(sorted(found, key=lambda event: event.ref))
