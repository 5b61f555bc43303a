"""Repositories: get, add and remove one kind of record, with a clear error for a missing one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.domain.base import Base
from workbench.store.errors import RecordNotFound

Model = TypeVar("Model", bound=Base)


class Repository(Generic[Model]):
    def __init__(self, session: Session, model: type[Model], noun: str) -> None:
        self.session = session
        self.model = model
        self.noun = noun

    def get(self, record_id: int) -> Model:
        record = self.session.get(self.model, record_id)
        if record is None:
            raise RecordNotFound(f"{self.noun} {record_id} does not exist (was it deleted?)")
        return record

    def find(self, record_id: int) -> Model | None:
        return self.session.get(self.model, record_id)

    def add(self, record: Model) -> Model:
        self.session.add(record)
        self.session.flush()
        return record

    def delete(self, record: Model) -> None:
        self.session.delete(record)
        self.session.flush()

    def all(self) -> Sequence[Model]:
        return self.session.scalars(select(self.model).order_by(self.model.id)).all()  # type: ignore[attr-defined]

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(self.model)) or 0
