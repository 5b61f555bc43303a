"""Use cases on sources and actors: create, edit, grade, alias, merge, delete."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute

from workbench.domain import (
    Actor,
    ActorAlias,
    ActorMention,
    AttributionHop,
    ClaimActor,
    EventActor,
    Source,
    SourceAlias,
)
from workbench.domain.grades import ActorKind, Reliability, SourceKind
from workbench.domain.name_keys import name_key
from workbench.domain.text import plural
from workbench.services.annotations import remove_annotations_of
from workbench.services.errors import InvalidInput, NameTaken, StillInUse
from workbench.services.merging import move_annotations, move_links
from workbench.services.names import clean_name, find_by_name
from workbench.services.project import Project
from workbench.services.vocabulary import chosen
from workbench.store import UnitOfWork

KINDS = {"source": SourceKind, "actor": ActorKind}
ALIAS_MODEL: dict[str, tuple[type[SourceAlias] | type[ActorAlias], str]] = {
    "source": (SourceAlias, "source_id"),
    "actor": (ActorAlias, "actor_id"),
}


def vocabulary_value(kind: str, value: str) -> str:
    return chosen(KINDS[kind], value, f"kind of {kind}")


def reliability_grade(value: str) -> str:
    try:
        return Reliability(value.strip().upper()).value
    except ValueError:
        raise InvalidInput(f"reliability is a grade A–F, not {value!r}") from None


def _ensure_free(uow: UnitOfWork, kind: str, name: str, owner_id: int | None = None) -> None:
    uow.hold_name(kind, name_key(name))  # on a shared store, one analyst at a time per name
    existing = find_by_name(uow.session, kind, name)
    if existing is not None and existing != owner_id:
        raise NameTaken(f"a {kind} named “{name}” already exists ({kind} {existing})", existing)


def create_source(
    project: Project,
    name: str,
    kind: str = SourceKind.OTHER,
    reliability: str = Reliability.F,
    aliases: Iterable[str] = (),
    description: str = "",
) -> int:
    """A new source, graded A–F (F: reliability cannot be judged)."""
    name = clean_name(name, "source")
    row = Source(
        name=name,
        kind=vocabulary_value("source", kind),
        reliability=reliability_grade(reliability),
        description=description.strip(),
    )
    return _create(project, "source", row, aliases)


def create_actor(
    project: Project,
    name: str,
    kind: str = ActorKind.PERSON,
    aliases: Iterable[str] = (),
    description: str = "",
    reliability: str = Reliability.F,
) -> int:
    """A new actor (person, organisation, state or group) with its aliases; graded A–F as the
    origin of what it says (F: reliability cannot be judged)."""
    name = clean_name(name, "actor")
    row = Actor(
        name=name,
        kind=vocabulary_value("actor", kind),
        reliability=reliability_grade(reliability),
        description=description.strip(),
    )
    return _create(project, "actor", row, aliases)


def _create(project: Project, kind: str, row: Source | Actor, aliases: Iterable[str]) -> int:
    with project.command(f"New {kind} “{row.name}”") as uow:
        _ensure_free(uow, kind, row.name)
        uow.session.add(row)
        uow.session.flush()
        for alias in aliases:
            _add_alias(uow, kind, row.id, alias)
        return row.id


def edit_source(project: Project, source_id: int, **fields: str) -> None:
    """Rename, re-kind, re-grade or describe a source."""
    _edit(project, "source", source_id, fields)


def edit_actor(project: Project, actor_id: int, **fields: str) -> None:
    """Rename, re-kind, re-grade or describe an actor."""
    _edit(project, "actor", actor_id, fields)


def grade_source(project: Project, source_id: int, reliability: str) -> None:
    """Set a source's Admiralty reliability (A completely reliable … F cannot be judged)."""
    _edit(project, "source", source_id, {"reliability": reliability})


def grade_actor(project: Project, actor_id: int, reliability: str) -> None:
    """Set the Admiralty reliability of an actor as the origin of what it says (the Kremlin
    through its spokesman): A completely reliable … F cannot be judged."""
    _edit(project, "actor", actor_id, {"reliability": reliability})


def _edit(project: Project, kind: str, record_id: int, fields: dict[str, str]) -> None:
    allowed = {"name", "kind", "description", "reliability"}
    if set(fields) - allowed:
        raise InvalidInput(f"a {kind} has no field {sorted(set(fields) - allowed)[0]!r}")
    if "reliability" in fields:
        fields["reliability"] = reliability_grade(fields["reliability"])
    label = f"Grade {kind} {fields['reliability']}" if set(fields) == {"reliability"} else None
    with project.command(label or f"Edit {kind}") as uow:
        row = getattr(uow, f"{kind}s").get(record_id)
        if "name" in fields:
            fields["name"] = clean_name(fields["name"], kind)
            _ensure_free(uow, kind, fields["name"], record_id)
        if "kind" in fields:
            fields["kind"] = vocabulary_value(kind, fields["kind"])
        for name, value in fields.items():
            setattr(row, name, value.strip() if name == "description" else value)


def add_alias(project: Project, kind: str, record_id: int, alias: str) -> None:
    """Another name the source or actor goes by ("Supreme Leader" for Ali Khamenei)."""
    with project.command(f"Add alias “{alias.strip()}”") as uow:
        getattr(uow, f"{kind}s").get(record_id)
        _add_alias(uow, kind, record_id, alias)


def _add_alias(uow: UnitOfWork, kind: str, record_id: int, alias: str) -> None:
    alias = clean_name(alias, f"{kind} alias")
    _ensure_free(uow, kind, alias, record_id)
    model, owner = ALIAS_MODEL[kind]
    if find_by_name(uow.session, kind, alias) is None:
        uow.session.add(model(name=alias, **{owner: record_id}))
        uow.session.flush()


def remove_alias(project: Project, kind: str, record_id: int, alias: str) -> None:
    model, owner = ALIAS_MODEL[kind]
    with project.command(f"Remove alias “{alias}”") as uow:
        row = uow.session.scalar(
            select(model).where(
                getattr(model, owner) == record_id, model.name_key == name_key(alias)
            )
        )
        if row is None:
            raise InvalidInput(f"{kind} {record_id} has no alias “{alias}”")
        uow.session.delete(row)


def merge_sources(project: Project, survivor_id: int, duplicate_id: int) -> None:
    """Fold a duplicate source into another: chains, aliases, notes and tags move over."""
    with project.command("Merge sources") as uow:
        _check_pair(uow, "source", survivor_id, duplicate_id)
        move_links(uow, AttributionHop, "source_id", duplicate_id, survivor_id, ())
        _merge_names_and_delete(uow, "source", survivor_id, duplicate_id)


def merge_actors(project: Project, survivor_id: int, duplicate_id: int) -> None:
    """Fold a duplicate actor into another: claims, events, mentions, chains and aliases move."""
    with project.command("Merge actors") as uow:
        _check_pair(uow, "actor", survivor_id, duplicate_id)
        move_links(uow, AttributionHop, "actor_id", duplicate_id, survivor_id, ())
        move_links(uow, ClaimActor, "actor_id", duplicate_id, survivor_id, ("claim_id", "role"))
        move_links(uow, EventActor, "actor_id", duplicate_id, survivor_id, ("event_id", "role"))
        move_links(uow, ActorMention, "actor_id", duplicate_id, survivor_id, ())
        _merge_names_and_delete(uow, "actor", survivor_id, duplicate_id)


def _check_pair(uow: UnitOfWork, kind: str, survivor_id: int, duplicate_id: int) -> None:
    if survivor_id == duplicate_id:
        raise InvalidInput(f"choose two different {kind}s to merge")
    repository = getattr(uow, f"{kind}s")
    repository.get(survivor_id)
    repository.get(duplicate_id)


def _merge_names_and_delete(
    uow: UnitOfWork, kind: str, survivor_id: int, duplicate_id: int
) -> None:
    model, owner = ALIAS_MODEL[kind]
    repository = getattr(uow, f"{kind}s")
    duplicate = repository.get(duplicate_id)
    names = [duplicate.name, *duplicate.alias_names]
    move_annotations(uow, kind, duplicate_id, survivor_id)
    repository.delete(duplicate)
    survivor_names = {n.lower() for n in [repository.get(survivor_id).name]}
    survivor_names |= {a.lower() for a in repository.get(survivor_id).alias_names}
    for name in names:
        if name.lower() not in survivor_names:
            uow.session.add(model(name=name, **{owner: survivor_id}))
            survivor_names.add(name.lower())
    uow.session.flush()


def delete_source(project: Project, source_id: int) -> None:
    """Delete a source no attribution chain rests on."""
    _delete(project, "source", source_id, AttributionHop.source_id)


def delete_actor(project: Project, actor_id: int) -> None:
    """Delete an actor no attribution chain rests on (its links and mentions go with it)."""
    _delete(project, "actor", actor_id, AttributionHop.actor_id)


def _delete(
    project: Project, kind: str, record_id: int, hop_column: InstrumentedAttribute[int | None]
) -> None:
    with project.command(f"Delete {kind}") as uow:
        row = getattr(uow, f"{kind}s").get(record_id)
        uses = uow.session.scalar(select(func.count()).where(hop_column == record_id)) or 0
        if uses:
            raise StillInUse(
                f"{row.name} is named in {plural(uses, 'attribution chain')}; merge it into another"
                f" {kind} or take it out of those chains first"
            )
        if kind == "actor":
            for model in (ClaimActor, EventActor):
                for link in uow.session.scalars(select(model).where(model.actor_id == record_id)):
                    uow.session.delete(link)
        remove_annotations_of(uow, kind, record_id)
        getattr(uow, f"{kind}s").delete(row)
