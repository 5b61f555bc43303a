"""The unit of work: one transaction, its repositories, its recorded changes and outbox entries."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from workbench.domain import Actor, Article, Claim, Event, Note, Source, Tag
from workbench.domain.journal import ChangeRecord
from workbench.store.outbox import queue_for_index
from workbench.store.recorder import ChangeRecorder, RowChange, apply_changes, undo_changes
from workbench.store.repository import Repository

BINARY_SUMMARY_COLUMNS = {("articles", "text"), ("articles", "original")}


class UnitOfWork:
    """`with UnitOfWork(factory) as uow: ...; uow.commit("Mark claim")` — else it rolls back."""

    def __init__(self, session_factory: sessionmaker[Session], user: str = "") -> None:
        self._session_factory = session_factory
        self.user = user
        self.committed_changes: list[RowChange] = []

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        self.recorder = ChangeRecorder.attach(self.session)
        self.articles = Repository(self.session, Article, "article")
        self.claims = Repository(self.session, Claim, "claim")
        self.sources = Repository(self.session, Source, "source")
        self.actors = Repository(self.session, Actor, "actor")
        self.events = Repository(self.session, Event, "event")
        self.notes = Repository(self.session, Note, "note")
        self.tags = Repository(self.session, Tag, "tag")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.session.rollback()
        self.session.close()

    def commit(self, action: str | None = None) -> list[RowChange]:
        """Flush, queue search updates and the change-log entry, commit; returns the changes."""
        self.session.flush()
        changes = list(self.recorder.changes)
        self._finish(changes, action, "do")
        return changes

    def apply(self, changes: list[RowChange], action: str, direction: str) -> None:
        """Replay recorded changes (redo), journalled and indexed like any edit."""
        apply_changes(self.session, changes)
        self._finish(changes, action, direction)

    def revert(self, changes: list[RowChange], action: str) -> None:
        """Undo recorded changes, newest first, journalled and indexed like any edit."""
        inverse = undo_changes(self.session, changes)
        self._finish(inverse, action, "undo")

    def _finish(self, changes: list[RowChange], action: str | None, direction: str) -> None:
        if changes:
            queue_for_index(self.session, changes)
            if action is not None:
                self.session.add(
                    ChangeRecord(
                        user=self.user,
                        action=action,
                        direction=direction,
                        changes=[journal_entry(change) for change in changes],
                    )
                )
        self.session.commit()
        self.committed_changes = changes
        self.recorder.changes.clear()


def journal_entry(change: RowChange) -> dict[str, Any]:
    """A RowChange as JSON for the change log; article bodies are summarised, not copied."""
    return {
        "table": change.table,
        "key": list(change.key),
        "before": _json_image(change.table, change.before),
        "after": _json_image(change.table, change.after),
    }


def _json_image(table: str, image: dict[str, Any] | None) -> dict[str, Any] | None:
    if image is None:
        return None
    return {column: _json_value(table, column, value) for column, value in image.items()}


def _json_value(table: str, column: str, value: Any) -> Any:
    if isinstance(value, bytes | str) and (table, column) in BINARY_SUMMARY_COLUMNS:
        unit = "bytes" if isinstance(value, bytes) else "characters"
        return f"<{len(value)} {unit}>"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value
