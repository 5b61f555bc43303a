"""The History dock: the change log, newest first, and "Revert this step".

Each row says when, who, what and which rows the step touched. Revert undoes one past step
while keeping later ones; when a later step depends on it, the refusal says which.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.services import ProjectChange
from workbench.services.history import history, revert_step
from workbench.store.history import LoggedStep
from workbench.ui.session import UiSession

STEP_ID = Qt.ItemDataRole.UserRole
REFRESH_MS = 300


def describe_step(step: LoggedStep) -> str:
    """Two lines: "#12  10:42  alice" and "Delete article · 5 rows: articles 1, claims 4"."""
    who = f"  {step.user}" if step.user else ""
    return f"#{step.record_id}  {step.at:%Y-%m-%d %H:%M}{who}\n{step.action} · {step.rows_text()}"


class HistoryPanel(QWidget):
    """The newest steps of the change log, with a button to revert the chosen one."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.list = QListWidget()
        self.list.setAccessibleName("Change history")
        self.list.setWordWrap(True)
        self.revert_button = QPushButton("Revert this step")
        self.revert_button.setToolTip(
            "Undo the chosen step alone, keeping every later one (refused, with the reason, "
            "when a later step depends on it)"
        )
        self.revert_button.setEnabled(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self._refresh_later = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh_later.timeout.connect(self.refresh)
        self.list.currentItemChanged.connect(self._chosen)
        self.revert_button.clicked.connect(self.revert_chosen)
        session.changed.connect(self._project_changed)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        chosen = self.chosen_step()
        self.list.clear()
        for step in history(self.session.project):
            item = QListWidgetItem(describe_step(step))
            item.setData(STEP_ID, step.record_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, bool(step.rows) and step.direction != "undo")
            self.list.addItem(item)
            if step.record_id == chosen:
                self.list.setCurrentItem(item)
        self._chosen()

    def chosen_step(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(STEP_ID)) if item is not None else None

    @Slot()
    def _chosen(self) -> None:
        item = self.list.currentItem()
        self.revert_button.setEnabled(
            item is not None and bool(item.data(Qt.ItemDataRole.UserRole + 1))
        )

    @Slot(object)
    def _project_changed(self, _change: ProjectChange) -> None:
        if not self._refresh_later.isActive():
            self._refresh_later.start()

    @Slot()
    def revert_chosen(self) -> None:
        step = self.chosen_step()
        if step is None:
            return
        label = self.session.attempt("Revert step", revert_step, step)
        self.note.setText(f"Reverted: {label}" if label else "")
        if label:
            self.session.tell(f"Reverted: {label} (Ctrl+Z brings it back)")
        self.refresh()
