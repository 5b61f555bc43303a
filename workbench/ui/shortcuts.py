"""Help → Keyboard shortcuts: every action of the window with its keys, made from the actions
themselves (so the page can never disagree with the menus).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.attribution import REMOVE_KEY, ROW_KEYS

EXTRA_KEYS = (
    ("Reader", "Shift+arrows", "Select words from the keyboard"),
    ("Reader", "Drag", "Select words: the selection snaps to whole words and a full stop"),
    ("Reader", "Alt+drag", "Select exactly the characters dragged over"),
    ("Reader", "Right-click", "Mark claim / mark actor mention on the selection"),
    ("Find bar", "Enter / Esc", "Next match / back to the text, the match still selected"),
    ("Claims", "Delete", "Delete the chosen claim (in the claims list)"),
    ("All claims", "Ctrl+A / Shift+click / Ctrl+click", "Select claims for a bulk edit"),
    ("All claims", "Delete", "Delete the selected claims (after asking; one undo step)"),
    ("All claims", "Enter / double-click", "Open the claim at its place in the reader"),
    ("Export report", "Esc", "Cancel the running export, or else close the dialog"),
    ("Inspector", "Enter in the summary", "Save it and go on to the attribution"),
    ("Inspector", "Enter in an empty name field", "Go on: chain → actors → events"),
    ("Attribution", "Tab", "Each hop's grade (A–F), role, cue, then the next hop"),
    ("Attribution", "A…F on a hop's grade", "Grade that source's reliability"),
    ("Attribution", ", ".join(k for k, _o in ROW_KEYS), "Move the hop with the focus up or down"),
    ("Attribution", REMOVE_KEY, "Remove the hop with the focus from the chain"),
    ("Type-ahead", "↓ then Enter", "Pick a suggested source, actor or event"),
    ("Type-ahead", "Enter on a full name", "Pick the source, actor or event of that name"),
    ("Type-ahead", "Enter on a new name", "Create it with the kind and grade shown below it"),
    ("Type-ahead", "Tab after a new name", "Choose its kind and grade (they stay for the next)"),
    ("Mention bar", "Esc", "Close it without marking"),
)


def shortcut_rows(groups: dict[str, list[QAction]]) -> list[tuple[str, str, str]]:
    """(menu, keys, action) for every action that has keys, then the keys every panel knows."""
    rows = []
    for group, actions in groups.items():
        for action in actions:
            keys = ", ".join(
                key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
            )
            if keys:
                rows.append((group, keys, action.text().replace("&", "")))
    rows.extend(EXTRA_KEYS)
    return rows


class ShortcutsPage(QDialog):
    """A window (not modal) listing the keyboard shortcuts."""

    def __init__(self, groups: dict[str, list[QAction]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setModal(False)
        rows = shortcut_rows(groups)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Where", "Keys", "Does"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Everything in the menus can be reached from the keyboard:"))
        layout.addWidget(self.table)
        self.resize(620, 560)

    def keys_for(self, action_text: str) -> str:
        for row in range(self.table.rowCount()):
            does, keys = self.table.item(row, 2), self.table.item(row, 1)
            if does is not None and keys is not None and does.text() == action_text:
                return keys.text()
        return ""
