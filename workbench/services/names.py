"""Looking sources and actors up by name or alias, as the analyst types them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from workbench.domain import Actor, ActorAlias, Source, SourceAlias
from workbench.domain.name_keys import name_key
from workbench.services.errors import InvalidInput

NamedModel = type[Source] | type[Actor]
AliasModel = type[SourceAlias] | type[ActorAlias]

NAMED: dict[str, tuple[NamedModel, AliasModel, str]] = {
    "source": (Source, SourceAlias, "source_id"),
    "actor": (Actor, ActorAlias, "actor_id"),
}


@dataclass(frozen=True)
class NameMatch:
    """A type-ahead suggestion: which record, its name, and the alias that matched (if any)."""

    kind: str
    id: int
    name: str
    matched_alias: str = ""
    record_kind: str = ""


def clean_name(name: str, noun: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput(f"a {noun} needs a name")
    if len(cleaned) > 300:
        raise InvalidInput(f"a {noun} name is at most 300 characters")
    return cleaned


def find_by_name(session: Session, kind: str, name: str) -> int | None:
    """The id of the source or actor whose name or alias is `name` in any case (one index probe)."""
    model, alias_model, owner = NAMED[kind]
    wanted = name_key(name)
    found = session.scalar(select(model.id).where(model.name_key == wanted).limit(1))
    if found is None:
        found = session.scalar(
            select(getattr(alias_model, owner)).where(alias_model.name_key == wanted).limit(1)
        )
    return found


def suggest(session: Session, kind: str, typed: str, limit: int = 12) -> list[NameMatch]:
    """Records whose name or an alias starts with, or contains a word starting with, `typed`."""
    model, alias_model, owner = NAMED[kind]
    typed = name_key(typed)
    if not typed:
        rows = session.execute(
            select(model.id, model.name, model.kind).order_by(model.name_key).limit(limit)
        )
        return [NameMatch(kind, i, n, "", k) for i, n, k in rows]
    words = f"% {_escape(typed)}%"

    def matching(column: InstrumentedAttribute[str]) -> ColumnElement[bool]:
        return or_(_starts_with(column, typed), column.like(words, escape="\\"))

    by_name = select(model.id, model.name, model.kind).where(matching(model.name_key))
    by_alias = (
        select(model.id, model.name, model.kind, alias_model.name)
        .join(alias_model, getattr(alias_model, owner) == model.id)
        .where(matching(alias_model.name_key))
    )
    matches = {i: NameMatch(kind, i, n, "", k) for i, n, k in session.execute(by_name)}
    for i, n, k, alias in session.execute(by_alias):
        matches.setdefault(i, NameMatch(kind, i, n, alias, k))
    ranked = sorted(matches.values(), key=lambda m: _rank(m, typed))
    return ranked[:limit]


def _starts_with(key: InstrumentedAttribute[str], typed: str) -> ColumnElement[bool]:
    """Keys starting with `typed`, as a range the name_key index serves (LIKE would scan)."""
    return (key >= typed) & (key < typed + "\U0010ffff")


def _rank(match: NameMatch, typed: str) -> tuple[int, int, str]:
    shown = name_key(match.matched_alias or match.name)
    return (0 if shown.startswith(typed) else 1, len(shown), name_key(match.name))


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
