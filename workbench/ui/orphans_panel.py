"""The Orphans dock: claims and mentions whose words a newer text no longer holds.

Each is listed with its old quote and context; select the words it belongs to in the reader
and press "Re-attach to the selection".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.anchoring import Span
from workbench.services import ProjectChange
from workbench.services.versions import Orphan, orphans, reattach
from workbench.ui.session import UiSession

ORPHAN = Qt.ItemDataRole.UserRole
WATCHED = {"claims", "actor_mentions", "articles"}
REFRESH_MS = 300


def describe_orphan(orphan: Orphan) -> str:
    """ "claim 12 in article 3" and "…prefix [old quote] suffix…"."""
    context = f"…{orphan.prefix[-24:]}[{orphan.exact}]{orphan.suffix[:24]}…"
    return f"{orphan.kind} {orphan.record_id} in article {orphan.article_id}\n{context}"


class OrphansPanel(QWidget):
    """Every orphaned claim and mention, and re-attaching the chosen one to selected text."""

    def __init__(
        self, session: UiSession, selection: Callable[[], tuple[int, Span] | None]
    ) -> None:
        super().__init__()
        self.session = session
        self._selection = selection
        self.list = QListWidget()
        self.list.setAccessibleName("Orphaned claims and mentions")
        self.list.setWordWrap(True)
        self.reattach_button = QPushButton("Re-attach to the selection")
        self.reattach_button.setToolTip(
            "Select the words this belongs to in the reader (same article), then press"
        )
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.reattach_button)
        layout.addWidget(self.note)
        self._refresh_later = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh_later.timeout.connect(self.refresh)
        self.reattach_button.clicked.connect(self.reattach_chosen)
        session.changed.connect(self._project_changed)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        self.list.clear()
        found = orphans(self.session.project)
        for orphan in found:
            item = QListWidgetItem(describe_orphan(orphan))
            item.setData(ORPHAN, orphan)
            self.list.addItem(item)
        self.reattach_button.setEnabled(bool(found))
        self.note.setText("" if found else "No orphaned claims or mentions.")

    @Slot(object)
    def _project_changed(self, change: ProjectChange) -> None:
        if change.tables() & WATCHED and not self._refresh_later.isActive():
            self._refresh_later.start()

    @Slot()
    def reattach_chosen(self) -> None:
        item = self.list.currentItem()
        chosen = self._selection()
        if item is None:
            self.note.setText("Choose the orphan to re-attach.")
            return
        orphan: Orphan = item.data(ORPHAN)
        if chosen is None or chosen[0] != orphan.article_id:
            self.note.setText(f"Select its words in article {orphan.article_id} first.")
            return
        if self.session.edit("Re-attach", reattach, orphan.kind, orphan.record_id, chosen[1]):
            self.session.tell(f"Re-attached {orphan.kind} {orphan.record_id}")
            self.refresh()
