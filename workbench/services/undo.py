"""The undo stack: each entry is one committed command with the row changes it made."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.store.recorder import RowChange

UNDO_LIMIT = 200


@dataclass(frozen=True)
class UndoEntry:
    label: str
    changes: list[RowChange]


class UndoStack:
    """Undo and redo entries; pushing a new command clears what could be redone."""

    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        self._done: list[UndoEntry] = []
        self._undone: list[UndoEntry] = []
        self._limit = limit

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

    def take_undo(self) -> UndoEntry:
        if not self._done:
            raise NothingToUndo("there is nothing to undo")
        return self._done[-1]

    def take_redo(self) -> UndoEntry:
        if not self._undone:
            raise NothingToUndo("there is nothing to redo")
        return self._undone[-1]

    def undone(self) -> None:
        self._undone.append(self._done.pop())

    def redone(self) -> None:
        self._done.append(self._undone.pop())

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()


class NothingToUndo(Exception):
    pass
