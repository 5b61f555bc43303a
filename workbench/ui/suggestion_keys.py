"""The Suggestions pane's keys, made with the dock (before the pane is first shown) so that Help →
Keyboard shortcuts lists them under "Suggestions" from the start. They work while the list has
the keyboard focus."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

REVIEW_KEYS = (
    ("accept", "Accept the suggestion", ("Return", "Enter")),
    ("reject", "Reject the suggestion", ("Delete",)),
    ("edit", "Edit, then accept", ("Tab",)),
    ("accept_all", "Accept all of this kind", ("Ctrl+Shift+Return",)),
)


def review_actions(owner: QObject) -> dict[str, QAction]:
    """One action per key of the pane, by name; the pane connects and adds them to its list."""
    made = {}
    for name, text, keys in REVIEW_KEYS:
        action = QAction(text, owner)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        made[name] = action
    return made
