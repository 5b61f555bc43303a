"""Use cases for free annotation: tags and notes on articles, claims, sources, actors, events."""

from __future__ import annotations

from sqlalchemy import select

from workbench.domain import Note, Tag, Tagging
from workbench.domain.annotations import Target
from workbench.domain.name_keys import name_key
from workbench.services.errors import InvalidInput
from workbench.services.project import Project
from workbench.store import UnitOfWork

_REPOSITORY = {
    Target.ARTICLE: "articles",
    Target.CLAIM: "claims",
    Target.SOURCE: "sources",
    Target.ACTOR: "actors",
    Target.EVENT: "events",
}


def _target(uow: UnitOfWork, kind: str, target_id: int) -> Target:
    try:
        target = Target(kind)
    except ValueError:
        raise InvalidInput(f"notes and tags go on {', '.join(Target)}; not on {kind!r}") from None
    getattr(uow, _REPOSITORY[target]).get(target_id)
    return target


def clean_tag_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput("a tag needs a name")
    if len(cleaned) > 100:
        raise InvalidInput("a tag name is at most 100 characters")
    return cleaned


def _tag_named(uow: UnitOfWork, name: str) -> Tag:
    found = uow.session.scalar(select(Tag).where(Tag.name_key == name_key(name)).limit(1))
    return found if found is not None else uow.tags.add(Tag(name=name))


def add_tag(project: Project, kind: str, target_id: int, name: str) -> None:
    """Tag a record; tags match case-insensitively, so 'Nuclear' and 'nuclear' are one tag."""
    name = clean_tag_name(name)
    with project.command(f"Tag “{name}”") as uow:
        target = _target(uow, kind, target_id)
        tag = _tag_named(uow, name)
        if _tagging(uow, tag.id, target, target_id) is None:
            uow.session.add(Tagging(tag_id=tag.id, target_kind=target.value, target_id=target_id))


def remove_tag(project: Project, kind: str, target_id: int, name: str) -> None:
    with project.command(f"Remove tag “{name}”") as uow:
        target = _target(uow, kind, target_id)
        tag = uow.session.scalar(select(Tag).where(Tag.name_key == name_key(name)).limit(1))
        tagging = _tagging(uow, tag.id, target, target_id) if tag is not None else None
        if tagging is None:
            raise InvalidInput(f"{kind} {target_id} is not tagged “{name}”")
        uow.session.delete(tagging)


def _tagging(uow: UnitOfWork, tag_id: int, target: Target, target_id: int) -> Tagging | None:
    return uow.session.scalar(
        select(Tagging).where(
            Tagging.tag_id == tag_id,
            Tagging.target_kind == target.value,
            Tagging.target_id == target_id,
        )
    )


def set_tags(project: Project, kind: str, target_id: int, names: list[str]) -> None:
    """Make a record's tags exactly these (one undo step)."""
    wanted = {clean_tag_name(name).lower(): clean_tag_name(name) for name in names}
    with project.command("Set tags") as uow:
        target = _target(uow, kind, target_id)
        for tagging, tag in _taggings_of(uow, target.value, target_id):
            if tag.name.lower() not in wanted:
                uow.session.delete(tagging)
            wanted.pop(tag.name.lower(), None)
        for name in wanted.values():
            uow.session.add(
                Tagging(tag_id=_tag_named(uow, name).id, target_kind=target, target_id=target_id)
            )


def _taggings_of(uow: UnitOfWork, kind: str, target_id: int) -> list[tuple[Tagging, Tag]]:
    rows = uow.session.execute(
        select(Tagging, Tag)
        .join(Tag)
        .where(Tagging.target_kind == kind, Tagging.target_id == target_id)
    )
    return [(tagging, tag) for tagging, tag in rows]


def add_note(project: Project, kind: str, target_id: int, body: str) -> int:
    if not body.strip():
        raise InvalidInput("a note needs some text")
    with project.command("Add note") as uow:
        target = _target(uow, kind, target_id)
        note = Note(target_kind=target.value, target_id=target_id, body=body.strip())
        return uow.notes.add(note).id


def edit_note(project: Project, note_id: int, body: str) -> None:
    if not body.strip():
        raise InvalidInput("a note needs some text; delete it instead")
    with project.command("Edit note") as uow:
        uow.notes.get(note_id).body = body.strip()


def delete_note(project: Project, note_id: int) -> None:
    with project.command("Delete note") as uow:
        uow.notes.delete(uow.notes.get(note_id))


def remove_annotations_of(uow: UnitOfWork, kind: str, target_id: int) -> None:
    """Delete the notes and tags on a record that is itself being deleted."""
    for tagging, _tag in _taggings_of(uow, kind, target_id):
        uow.session.delete(tagging)
    notes = select(Note).where(Note.target_kind == kind, Note.target_id == target_id)
    for note in uow.session.scalars(notes):
        uow.session.delete(note)
