"""An open project as the services see it: the store, the undo stack, change listeners."""

from __future__ import annotations

import getpass
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from workbench.services.undo import UndoEntry, UndoStack
from workbench.store import ProjectStore, UnitOfWork
from workbench.store.recorder import RowChange


@dataclass(frozen=True)
class ProjectChange:
    """What listeners hear after every committed command, undo or redo."""

    label: str
    changes: list[RowChange]

    def tables(self) -> set[str]:
        return {change.table for change in self.changes}


Listener = Callable[[ProjectChange], None]


class Project:
    """The services' handle on one open project. Every edit goes through `command`."""

    def __init__(self, store: ProjectStore, user: str | None = None) -> None:
        self.store = store
        self.user = user if user is not None else _current_user()
        self.undo_stack = UndoStack()
        self._listeners: list[Listener] = []
        self._write_lock = threading.RLock()
        self._current: UnitOfWork | None = None

    @classmethod
    def open(cls, location: str | Path, *, read_only: bool = False) -> Project:
        return cls(ProjectStore.open(location, read_only=read_only))

    @classmethod
    def create(cls, path: Path) -> Project:
        return cls(ProjectStore.create(path))

    @property
    def name(self) -> str:
        path = self.store.path
        return path.stem if path is not None else self.store.location

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.store.reading() as session:
            yield session

    @contextmanager
    def command(self, label: str, *, undoable: bool = True) -> Iterator[UnitOfWork]:
        """One user action: a transaction that is journalled, indexed and (usually) undoable.

        Commands nest: an inner command joins the outer one and they undo as one step.
        """
        with self._write_lock:
            if self._current is not None:
                yield self._current
                return
            with self.store.unit_of_work(self.user) as uow:
                self._current = uow
                try:
                    yield uow
                    changes = uow.commit(label)
                finally:
                    self._current = None
        if changes and undoable:
            self.undo_stack.push(UndoEntry(label, changes))
        self._announce(ProjectChange(label, changes))

    def undo(self) -> str:
        """Undo the last command; returns its label."""
        with self._write_lock:
            entry = self.undo_stack.take_undo()
            with self.store.unit_of_work(self.user) as uow:
                uow.revert(entry.changes, f"Undo {entry.label}")
                applied = uow.committed_changes
            self.undo_stack.undone()
        self._announce(ProjectChange(f"Undo {entry.label}", applied))
        return entry.label

    def redo(self) -> str:
        """Redo the last undone command; returns its label."""
        with self._write_lock:
            entry = self.undo_stack.take_redo()
            with self.store.unit_of_work(self.user) as uow:
                uow.apply(entry.changes, f"Redo {entry.label}", "redo")
            self.undo_stack.redone()
        self._announce(ProjectChange(f"Redo {entry.label}", entry.changes))
        return entry.label

    def _announce(self, change: ProjectChange) -> None:
        for listener in list(self._listeners):
            listener(change)


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some sandboxes and services
        return ""
