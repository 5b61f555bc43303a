"""Moving everything that points at a duplicate record onto its survivor."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select

from workbench.domain import Tagging
from workbench.domain.annotations import Note
from workbench.domain.base import Base
from workbench.store import UnitOfWork

_Annotation = TypeVar("_Annotation", Tagging, Note)


def move_links(
    uow: UnitOfWork,
    model: type[Base],
    owner: str,
    from_id: int,
    to_id: int,
    unique: tuple[str, ...],
) -> int:
    """Point rows of `model` from one owner to another; drop rows the survivor already has."""
    column = getattr(model, owner)
    rows = list(uow.session.scalars(select(model).where(column == from_id)))
    kept = {
        _identity(row, unique) for row in uow.session.scalars(select(model).where(column == to_id))
    }
    for row in rows:
        if unique and _identity(row, unique) in kept:
            uow.session.delete(row)
        else:
            setattr(row, owner, to_id)
            kept.add(_identity(row, unique))
    uow.session.flush()
    return len(rows)


def _identity(row: Any, columns: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(getattr(row, column) for column in columns)


def move_annotations(uow: UnitOfWork, kind: str, from_id: int, to_id: int) -> None:
    """Notes and tags of the duplicate go to the survivor (a tag it already has is not doubled)."""
    _move_annotations(uow, Tagging, kind, from_id, to_id)
    _move_annotations(uow, Note, kind, from_id, to_id)
    uow.session.flush()


def _move_annotations(
    uow: UnitOfWork, model: type[_Annotation], kind: str, from_id: int, to_id: int
) -> None:
    rows = uow.session.scalars(
        select(model).where(model.target_kind == kind, model.target_id.in_([from_id, to_id]))
    )
    owned = {getattr(row, "tag_id", None) for row in rows if row.target_id == to_id}
    moving = uow.session.scalars(
        select(model).where(model.target_kind == kind, model.target_id == from_id)
    )
    for row in moving:
        tag_id = getattr(row, "tag_id", None)
        if tag_id is not None and tag_id in owned:
            uow.session.delete(row)
        else:
            row.target_id = to_id
