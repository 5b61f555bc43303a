"""Help → Keyboard shortcuts: every action of the window with its keys, made from the actions
themselves each time the page is shown (so the page can never disagree with the menus): the
menus' actions by menu, then every other action with keys that the window holds (the library's
F2, Ctrl+T, Delete…) under the panel it works in, then the keys that are not actions (gestures,
Enter in a field), whose keys are named where they are declared.
"""

from __future__ import annotations

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.attribution import CHAIN_KEYS

EXTRA_KEYS = (
    ("Reader", "Shift+arrows", "Select words from the keyboard"),
    ("Reader", "Drag", "Select words: the selection snaps to whole words and a full stop"),
    ("Reader", "Alt+drag", "Select exactly the characters dragged over"),
    ("Reader", "Right-click", "Mark claim / mark actor mention on the selection"),
    ("Find bar", "Enter / Esc", "Next match / back to the text, the match still selected"),
    ("All claims", "Ctrl+A / Shift+click / Ctrl+click", "Select claims for a bulk edit"),
    ("All claims", "Enter / double-click", "Open the claim at its place in the reader"),
    ("Export report", "Esc", "Cancel the running export, or else close the dialog"),
    ("Inspector", "Enter in the summary", "Save it and go on to the attribution"),
    ("Inspector", "Enter in an empty name field", "Go on: chain → actors → events"),
    *CHAIN_KEYS,
    ("Type-ahead", "↓ then Enter", "Pick a suggested source, actor or event"),
    ("Type-ahead", "Enter on a full name", "Pick the source, actor or event of that name"),
    ("Type-ahead", "Enter on a new name", "Create it with the kind and grade shown below it"),
    ("Type-ahead", "Tab after a new name", "Choose its kind and grade (they stay for the next)"),
    ("Mention bar", "Esc", "Close it without marking"),
)


Row = tuple[str, str, str]  # where, keys, what they do
PAGE_NAME = "shortcuts_page_name"  # the dynamic property `name_for_the_page` sets


def keys_of(action: QAction) -> str:
    """An action's keys as the menus show them: "Ctrl+Shift+E", "Ctrl+Y, Ctrl+Shift+Z" (less
    the keys only some keyboards have: the platform's dedicated New, Open, Undo… keys)."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(key.toString(native) for key in action.shortcuts() if not _special(key))


def _special(sequence: QKeySequence) -> bool:
    """A lone key of the "multimedia" range (Qt.Key_Back and after), such as the New key."""
    if sequence.count() != 1:
        return False
    combination: QKeyCombination = sequence[0]  # type: ignore[index]  # stubs lack indexing
    plain = combination.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
    return plain and combination.key().value >= Qt.Key.Key_Back.value


def shortcut_rows(groups: dict[str, list[QAction]], window: QWidget | None = None) -> list[Row]:
    """(where, keys, action) for every menu action that has keys, then every other action with
    keys in `window` (with its menu's actions if it is in one of those menus), then the keys
    every panel knows."""
    by_place: dict[str, list[Row]] = {group: [] for group in groups}
    listed: set[int] = set()
    for group, actions in groups.items():
        for action in actions:
            listed.add(id(action))
            if keys_of(action):
                by_place[group].append((group, keys_of(action), _does(action)))
    others = window.findChildren(QAction) if window is not None else []
    for action in others:
        if id(action) not in listed and keys_of(action) and _does(action):
            listed.add(id(action))
            where = where_is(action)
            by_place.setdefault(where, []).append((where, keys_of(action), _does(action)))
    rows = [row for place in by_place.values() for row in place]
    rows.extend((where, as_shown(keys), does) for where, keys, does in EXTRA_KEYS)
    return list(dict.fromkeys(rows))  # an action in many rows of a list (one per hop) once


def as_shown(keys: str) -> str:
    """Keys written in words ("Ctrl+Shift+Delete, Tab") as the menus show them ("Ctrl+Shift+Del,
    Tab"); what is not a key ("Alt+drag", "Enter / Esc") is kept as written."""
    native = QKeySequence.SequenceFormat.NativeText
    shown = []
    for part in keys.split(", "):
        sequence = QKeySequence.fromString(part, QKeySequence.SequenceFormat.PortableText)
        text = sequence.toString(native)
        shown.append(text if sequence.count() == 1 and text else part)
    return ", ".join(shown)


def name_for_the_page(action: QAction, name: str) -> None:
    """Give an action whose text changes ("Undo Mark claim", "Tag 3 articles…") the steady name
    the page lists it by."""
    action.setProperty(PAGE_NAME, name.replace("&", ""))


def _does(action: QAction) -> str:
    named = action.property(PAGE_NAME)
    return str(named) if named else action.text().replace("&", "")


def where_is(action: QAction) -> str:
    """The panel an action works in: its dock's title, or the dialog's, or the menu holding it,
    or "Window"."""
    menus = [menu for menu in action.associatedObjects() if isinstance(menu, QMenu)]
    if menus and menus[0].title():
        return menus[0].title().replace("&", "")
    widget = action.parent()
    while isinstance(widget, QWidget):
        if isinstance(widget, QDockWidget | QDialog):
            return widget.windowTitle().replace("&", "")
        if isinstance(widget, QMainWindow):
            break
        widget = widget.parentWidget()
    return "Window"


class ShortcutsPage(QDialog):
    """A window (not modal) listing the keyboard shortcuts, read afresh each time it is shown."""

    def __init__(self, groups: dict[str, list[QAction]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setModal(False)
        self.groups = groups
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Where", "Keys", "Does"])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Everything in the menus can be reached from the keyboard:"))
        layout.addWidget(self.table)
        self.resize(860, 600)
        self.refresh()

    def refresh(self) -> None:
        """List the keys of the actions as they are now."""
        rows = shortcut_rows(self.groups, self.parentWidget())
        self.table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def rows(self) -> list[Row]:
        """What the page lists, row by row, as the analyst reads it."""
        return [
            (self._cell(row, 0), self._cell(row, 1), self._cell(row, 2))
            for row in range(self.table.rowCount())
        ]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def keys_for(self, action_text: str) -> str:
        for _where, keys, does in self.rows():
            if does == action_text:
                return keys
        return ""
