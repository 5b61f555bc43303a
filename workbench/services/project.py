"""An open project as the services see it: the store, the undo stack, change listeners."""

from __future__ import annotations

import getpass
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

import workbench.search.documents  # noqa: F401  (declares what the outbox queues)
from workbench.services.undo import UndoEntry, UndoStack
from workbench.store import ProjectError, ProjectStore, UnitOfWork
from workbench.store.history import log_outline
from workbench.store.provenance import Seen
from workbench.store.recorder import RowChange
from workbench.store.shared import case_name


@dataclass(frozen=True)
class ProjectChange:
    """What listeners hear after every committed command, undo or redo."""

    label: str
    changes: list[RowChange]
    # a colleague's change: the change-log entry that listeners are current to once told
    through: int | None = None

    def tables(self) -> set[str]:
        return {change.table for change in self.changes}


Listener = Callable[[ProjectChange], None]


class Project:
    """The services' handle on one open project. Every edit goes through `command`."""

    def __init__(self, store: ProjectStore, user: str | None = None) -> None:
        self.store = store
        # on a shared store the analyst is the database role, and undoes only their own steps
        self.user = (
            store.analyst() if store.shared else user if user is not None else _current_user()
        )
        self.undo_stack = UndoStack(forget=self._forget_undo)
        self._listeners: list[Listener] = []
        self._write_lock = threading.RLock()
        self._current: UnitOfWork | None = None
        self._based_on: dict[tuple[str, int], int] = {}
        self.own_records: set[int] = set()  # change-log entries made here (not colleagues')
        # the change-log entry the analyst's views are current to (None: each command reads
        # afresh what it changes); a window hearing colleagues keeps it (see `seen`)
        self.seen_through: int | None = None
        self._loaded_through: int | None = None  # an editor's, in `based_on`
        with store.reading() as session:
            self.undo_stack.replay(log_outline(session, self.user if store.shared else None))

    @classmethod
    def open(
        cls, location: str | Path, *, read_only: bool = False, upgrade: bool = False
    ) -> Project:
        """Open a project file or shared store (`upgrade`: the analyst agrees to upgrade a
        shared store's older schema, having backed it up)."""
        return cls(ProjectStore.open(location, read_only=read_only, upgrade=upgrade))

    @classmethod
    def create(cls, location: Path | str) -> Project:
        """A new project: a file, or a shared store in an empty database given by URL."""
        return cls(ProjectStore.create(location))

    @property
    def name(self) -> str:
        path = self.store.path
        return path.stem if path is not None else case_name(self.store.location)

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
    def command(
        self, label: str | Callable[[UnitOfWork], str], *, undoable: bool = True
    ) -> Iterator[UnitOfWork]:
        """One user action: a transaction that is journalled, indexed and (usually) undoable.
        `label` names it in undo and the history; a function of the unit of work makes it
        from what the action read (called once the action is done).

        Commands nest: an inner command joins the outer one and they undo as one step.
        """
        with self._write_lock:
            if self._current is not None:
                yield self._current
                return
            with self.store.unit_of_work(self.user) as uow:
                self._current = uow
                uow.seen = self.seen()
                try:
                    yield uow
                    label = label if isinstance(label, str) else label(uow)
                    changes = uow.commit(label, undoable=undoable)
                finally:
                    self._current = None
            if uow.record_id is not None:
                self.own_records.add(uow.record_id)
            if changes and undoable and uow.record_id is not None:
                self.undo_stack.push(UndoEntry(label, uow.record_id))
        self._announce(ProjectChange(label, changes))

    def seen(self) -> Seen:
        """What the analyst saw: every command is refused (`ChangedSince`, naming who changed
        what, their value and yours) if a row it changes moved on since."""
        through = self.seen_through
        if self._loaded_through is not None:
            through = min(self._loaded_through, through or self._loaded_through)
        return Seen(through, self.own_records, self._based_on)

    @contextmanager
    def based_on(
        self, loaded: Mapping[tuple[str, int], int], *, through: int | None = None
    ) -> Iterator[None]:
        """Commands in the block save only if each record they change is still at the version
        it was loaded at, `(table, id) -> version`, and (given `through`, the `seen_through`
        an editor was loaded at) no other row they change moved on since then (see
        `services/team.py` for reading versions)."""
        with self._write_lock:
            previous = self._based_on, self._loaded_through
            self._based_on, self._loaded_through = dict(loaded), through
            try:
                yield
            finally:
                self._based_on, self._loaded_through = previous

    def undo(self) -> str:
        """Undo the last command (a batch: all of it, in one transaction); returns its label.
        Refused whole (StepConflict) if a later change depends on it."""
        with self._write_lock:
            entry = self.undo_stack.take_undo()
            applied, undo_id = self._reverse(entry.record_id, f"Undo {entry.label}", "undo")
            self.undo_stack.undone(UndoEntry(entry.label, undo_id))
        self._announce(ProjectChange(f"Undo {entry.label}", applied))
        return entry.label

    def redo(self) -> str:
        """Redo the last undone command; returns its label."""
        with self._write_lock:
            entry = self.undo_stack.take_redo()
            applied, redo_id = self._reverse(entry.record_id, f"Redo {entry.label}", "redo")
            self.undo_stack.redone(UndoEntry(entry.label, redo_id))
        self._announce(ProjectChange(f"Redo {entry.label}", applied))
        return entry.label

    def revert(self, record_id: int, label: str) -> None:
        """Revert one past step (`label` is its action) if nothing later depends on it."""
        with self._write_lock:
            applied, revert_id = self._reverse(record_id, f"Revert {label}", "revert")
            self.undo_stack.reverted(record_id, UndoEntry(f"Revert {label}", revert_id))
        self._announce(ProjectChange(f"Revert {label}", applied))

    def push_step(self, label: str, record_ids: list[int]) -> None:
        """Make journalled commands that were kept off the undo stack one undo step (a batch
        import: "Import 30 files"), written in the change log, so it stays one step after the
        project is reopened; `record_ids` oldest first."""
        if not record_ids:
            return
        with self._write_lock, self.store.unit_of_work(self.user) as uow:
            step_id = uow.group(label, record_ids)
            self.undo_stack.push(UndoEntry(label, step_id))
        self._announce(ProjectChange(label, []))

    def take_back(self, label: str, record_ids: list[int]) -> None:
        """Take back journalled commands kept off the undo stack that never became a step (the
        batches an import committed before it failed): grouped and reverted at once, both
        journalled and neither undoable, so no row and no undo or redo entry is left of them."""
        if not record_ids:
            return
        with self._write_lock:
            with self.store.unit_of_work(self.user) as uow:
                step_id = uow.group(label, record_ids, undoable=False)
            with self.store.unit_of_work(self.user) as uow:
                applied = uow.reverse(step_id, f"Revert {label}", "revert", undoable=False)
            if uow.record_id is not None:
                self.own_records.add(uow.record_id)
        self._announce(ProjectChange(f"Revert {label}", applied))

    @contextmanager
    def in_turn(self) -> Iterator[None]:
        """Keep the writer's turn across several commands (the batches of one import), so no
        other edit made here falls between them."""
        with self._write_lock:
            yield

    def _reverse(self, record_id: int, action: str, direction: str) -> tuple[list[RowChange], int]:
        with self.store.unit_of_work(self.user) as uow:
            uow.seen = self.seen()
            applied = uow.reverse(record_id, action, direction)
            new_id = uow.record_id
        if new_id is None:
            raise ProjectError(f"cannot {direction}: the step changed nothing")
        self.own_records.add(new_id)
        return applied, new_id

    def _forget_undo(self) -> None:
        if not self.store.read_only:
            with self.store.unit_of_work(self.user) as uow:
                uow.mark("Undo history cleared", "clear")

    def announce(self, change: ProjectChange) -> None:
        """Tell every listener of a change (a colleague's, heard from a shared store)."""
        self._announce(change)

    def _announce(self, change: ProjectChange) -> None:
        for listener in list(self._listeners):
            listener(change)


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some sandboxes and services
        return ""
