"""The undo stack, kept in the change log: it survives closing and reopening the project.

Each entry names one journalled step by its change-log id. Undoing a step reverses it (and
journals the undo); redoing reverses that undo. When a project opens, the stack is rebuilt by
walking the change log's outline (direction, undoable, what each entry reverses), so undo and
redo after reopening do exactly what they would have done before closing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from workbench.store.history import LogOutline

UNDO_LIMIT = 200


@dataclass(frozen=True)
class UndoEntry:
    """A step that can be undone (or, on the redo side, the undo that can be reversed), by
    its change-log id. A batch (each file of an import its own transaction) is one change-log
    entry whose parts point at it, so it is one id here too."""

    label: str
    record_id: int


class UndoStack:
    """Undo and redo entries; pushing a new command clears what could be redone."""

    def __init__(self, limit: int = UNDO_LIMIT, forget: Callable[[], None] | None = None) -> None:
        self._done: list[UndoEntry] = []
        self._undone: list[UndoEntry] = []
        self._limit = limit
        self._forget = forget

    def push(self, entry: UndoEntry) -> None:
        self._done.append(entry)
        del self._done[: -self._limit]
        self._undone.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_label(self) -> str:
        return self._done[-1].label if self._done else ""

    @property
    def redo_label(self) -> str:
        return self._undone[-1].label if self._undone else ""

    def undoable_ids(self) -> list[int]:
        return [entry.record_id for entry in self._done]

    def take_undo(self) -> UndoEntry:
        if not self._done:
            raise NothingToUndo("there is nothing to undo")
        return self._done[-1]

    def take_redo(self) -> UndoEntry:
        if not self._undone:
            raise NothingToUndo("there is nothing to redo")
        return self._undone[-1]

    def undone(self, undo: UndoEntry) -> None:
        """The last step was undone; `undo` (the journalled undo) can now be redone."""
        self._done.pop()
        self._undone.append(undo)

    def redone(self, redo: UndoEntry) -> None:
        self._undone.pop()
        self._done.append(redo)

    def reverted(self, record_id: int, revert: UndoEntry) -> None:
        """A past step was reverted: it leaves the stack, the revert is a new undoable step."""
        self._done = [entry for entry in self._done if entry.record_id != record_id]
        self.push(revert)

    def clear(self) -> None:
        """Forget every step (journalled, so a reopened project forgets them too)."""
        self._done.clear()
        self._undone.clear()
        if self._forget is not None:
            self._forget()

    def replay(self, outline: Iterable[LogOutline]) -> None:
        """Rebuild the stacks from the change log, oldest entry first."""
        self._done.clear()
        self._undone.clear()
        labels: dict[int, str] = {}
        for entry in outline:
            label = labels.get(entry.reverses_id or -1, entry.action)
            if entry.direction == "clear":
                self._done.clear()
                self._undone.clear()
            elif entry.direction in {"do", "revert"}:
                labels[entry.record_id] = entry.action
                if entry.undoable and entry.direction == "revert":
                    self.reverted(entry.reverses_id or -1, UndoEntry(entry.action, entry.record_id))
                elif entry.undoable:
                    self.push(UndoEntry(entry.action, entry.record_id))
            else:
                labels[entry.record_id] = label
                self._replay_reversal(entry, label)

    def _replay_reversal(self, entry: LogOutline, label: str) -> None:
        if (
            entry.direction == "undo"
            and self._done
            and self._done[-1].record_id == entry.reverses_id
        ):
            self.undone(UndoEntry(label, entry.record_id))
        elif (
            entry.direction == "redo"
            and self._undone
            and (self._undone[-1].record_id == entry.reverses_id)
        ):
            self.redone(UndoEntry(label, entry.record_id))


class NothingToUndo(Exception):
    pass
