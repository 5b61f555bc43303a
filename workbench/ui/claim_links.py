"""The inspector's lists: actors and events linked to a claim (each with a role), and notes."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.services import inline, links
from workbench.services.annotations import add_note, delete_note, edit_note
from workbench.services.queries import ClaimView, LinkView, NoteView
from workbench.ui.session import UiSession
from workbench.ui.typeahead import NameField, NewRecordBar, Picked

ROLE = Qt.ItemDataRole.UserRole


def fitted_list(name: str, rows: int = 4) -> QListWidget:
    """A list sized for a few rows (it scrolls beyond), so the inspector stays compact."""
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setMaximumHeight(widget.fontMetrics().height() * rows + 12)
    return widget


class LinksEditor(QWidget):
    """Actors or events linked to the claim: add by type-ahead (or create), remove, open."""

    open_record = Signal(str, int)

    def __init__(
        self, session: UiSession, what: str, roles: type[StrEnum], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.what = what
        self.claim_id: int | None = None
        self.items = fitted_list(f"Linked {what}s")
        noun = "an actor" if what == "actor" else "an event"
        self.name = NameField(session, (what,), f"Link {noun}…")
        self.role = QComboBox()
        self.role.setAccessibleName(f"Role of the new {what}")
        for role in roles:
            self.role.addItem(role.value, role.value)
        self.remove = QPushButton("Unlink")
        self.remove.setAccessibleName(f"Unlink the chosen {what}")
        self.new_record = NewRecordBar((what,))
        adding = QHBoxLayout()
        adding.addWidget(self.name, 1)
        adding.addWidget(self.role)
        adding.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.items)
        layout.addLayout(adding)
        layout.addWidget(self.new_record)
        self.name.picked.connect(self._picked)
        self.name.unknown.connect(self._unknown)
        self.name.new_name.connect(self.new_record.follow)
        self.new_record.create_requested.connect(self._create)
        self.remove.clicked.connect(self._unlink_chosen)
        self.items.itemActivated.connect(self._opened)

    def show_claim(self, view: ClaimView | None) -> None:
        self.claim_id = view.id if view is not None else None
        linked: tuple[LinkView, ...] = ()
        if view is not None:
            linked = view.actors if self.what == "actor" else view.events
        self.items.clear()
        for link in linked:
            item = QListWidgetItem(f"{link.name} — {link.role}")
            item.setData(ROLE, (link.id, link.role))
            self.items.addItem(item)
        self.remove.setEnabled(bool(linked))

    def linked(self) -> list[str]:
        """The links as shown ("Iran — speaker")."""
        return [self.items.item(row).text() for row in range(self.items.count())]

    @Slot(object)
    def _picked(self, picked: Picked) -> None:
        if self.claim_id is None:
            return
        link = links.link_actor if self.what == "actor" else links.link_event
        role = self.role.currentData()
        self.session.attempt(f"Link {picked.name}", link, self.claim_id, picked.id, role)

    @Slot(str)
    def _unknown(self, name: str) -> None:
        if self.claim_id is not None:
            self.new_record.offer(name)

    @Slot(str, str, str, str)
    def _create(self, what: str, name: str, kind: str, _reliability: str) -> None:
        if self.claim_id is None:
            return
        role = self.role.currentData()
        if what == "actor":
            self.session.attempt(
                f"Create actor {name}", inline.link_new_actor, self.claim_id, name, kind, role
            )
        else:
            self.session.attempt(
                f"Create event {name}", inline.link_new_event, self.claim_id, name, role
            )
        self.name.clear()

    @Slot()
    def _unlink_chosen(self) -> None:
        item = self.items.currentItem() or self.items.item(0)
        if self.claim_id is None or item is None:
            return
        record_id, role = item.data(ROLE)
        unlink = links.unlink_actor if self.what == "actor" else links.unlink_event
        self.session.attempt(f"Unlink {item.text()}", unlink, self.claim_id, record_id, role)

    @Slot(QListWidgetItem)
    def _opened(self, item: QListWidgetItem) -> None:
        self.open_record.emit(self.what, item.data(ROLE)[0])


class NotesEditor(QWidget):
    """A claim's notes: add, edit in place (double-click), delete."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.claim_id: int | None = None
        self.items = fitted_list("Notes", rows=4)
        self.items.setWordWrap(True)
        self.items.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.new_note = QLineEdit(placeholderText="Add a note and press Enter…")
        self.new_note.setAccessibleName("New note")
        self.delete = QPushButton("Delete note")
        adding = QHBoxLayout()
        adding.addWidget(self.new_note, 1)
        adding.addWidget(self.delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.items)
        layout.addLayout(adding)
        self.new_note.returnPressed.connect(self._add)
        self.delete.clicked.connect(self._delete_chosen)
        self.items.itemChanged.connect(self._edited)

    def show_claim(self, view: ClaimView | None) -> None:
        self.claim_id = view.id if view is not None else None
        notes: tuple[NoteView, ...] = view.notes if view is not None else ()
        self.items.blockSignals(True)
        self.items.clear()
        for note in notes:
            item = QListWidgetItem(note.body)
            item.setData(ROLE, note.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(f"written {note.updated_at:%Y-%m-%d %H:%M} (double-click to edit)")
            self.items.addItem(item)
        self.items.blockSignals(False)
        self.delete.setEnabled(bool(notes))

    @Slot()
    def _add(self) -> None:
        body = self.new_note.text().strip()
        if self.claim_id is None or not body:
            return
        added = self.session.attempt("Add note", add_note, "claim", self.claim_id, body)
        if added is not None:
            self.new_note.clear()

    @Slot(QListWidgetItem)
    def _edited(self, item: QListWidgetItem) -> None:
        self.session.attempt("Edit note", edit_note, item.data(ROLE), item.text())

    @Slot()
    def _delete_chosen(self) -> None:
        item = self.items.currentItem()
        if item is not None:
            self.session.attempt("Delete note", delete_note, item.data(ROLE))
