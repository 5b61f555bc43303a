"""Type-ahead for the window: sources, actors and events by name or alias, as the analyst types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from workbench.domain import Event
from workbench.domain.name_keys import name_key
from workbench.services.names import NameMatch, find_by_name, suggest
from workbench.services.project import Project

SUGGESTIONS = 12


def suggest_names(
    project: Project,
    typed: str,
    kinds: tuple[str, ...] = ("source", "actor"),
    limit: int = SUGGESTIONS,
) -> list[NameMatch]:
    """Sources and/or actors whose name or alias matches what was typed, best match first."""
    wanted = name_key(typed)
    with project.reading() as session:
        found = [match for kind in kinds for match in suggest(session, kind, typed, limit)]
    found.sort(key=lambda match: _rank(match, wanted, kinds))
    return found[:limit]


def _rank(match: NameMatch, typed: str, kinds: tuple[str, ...]) -> tuple[int, int, int, str]:
    shown = name_key(match.matched_alias or match.name)
    exact = 0 if shown == typed or name_key(match.name) == typed else 1
    starts = 0 if shown.startswith(typed) else 1
    return (exact, starts, kinds.index(match.kind), shown)


def named(project: Project, kind: str, name: str) -> int | None:
    """The id of the source or actor called `name` (by name or alias, any case), if any."""
    with project.reading() as session:
        return find_by_name(session, kind, name)


@dataclass(frozen=True)
class EventMatch:
    id: int
    title: str
    start_date: date | None


def suggest_events(project: Project, typed: str, limit: int = SUGGESTIONS) -> list[EventMatch]:
    """Events whose title contains every word typed, the latest first."""
    query = select(Event.id, Event.title, Event.start_date)
    for word in typed.lower().split():
        query = query.where(func.lower(Event.title).like(f"%{_escape(word)}%", escape="\\"))
    query = query.order_by(Event.start_date.desc().nulls_last(), Event.title)
    with project.reading() as session:
        return [EventMatch(*row) for row in session.execute(query.limit(limit))]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
