"""Editing one event in the managers: title, kind, dates typed to their precision ("21 June
2025", "June 2025", "2025"), place, description, participants (actors with roles), and merging
it into the event it duplicates.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.grades import ParticipantRole
from workbench.services import events, links
from workbench.services.catalog import LinkedItem, RecordRow
from workbench.services.team import authors_text
from workbench.services.typed_dates import TypedDate, publication_date_for_event
from workbench.store.errors import ProjectError
from workbench.ui.dates import TypedDateField
from workbench.ui.record_editor import set_unless_typing
from workbench.ui.session import UiSession
from workbench.ui.typeahead import NameField, Picked

PARTICIPANT = Qt.ItemDataRole.UserRole


class EventEditor(QWidget):
    """The form for one event. `merged(survivor id)` after a merge."""

    merged = Signal(int)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.row: RecordRow | None = None
        self.title = QLineEdit()
        self.title.setAccessibleName("Event title")
        self.kind = QLineEdit(placeholderText="e.g. military strike, diplomatic visit")
        self.kind.setAccessibleName("Kind of event")
        self.start = TypedDateField("Start date")
        self.end = TypedDateField("End date")
        self.place = QLineEdit()
        self.place.setAccessibleName("Place")
        self.description = QLineEdit()
        self.description.setAccessibleName("Description")
        self.participants = QListWidget()
        self.participants.setAccessibleName("Participants")
        self.participants.setMaximumHeight(self.fontMetrics().height() * 5 + 12)
        self.new_participant = NameField(session, ("actor",), "Add a participant…")
        self.role = QComboBox()
        self.role.setAccessibleName("Participant role")
        for role in ParticipantRole:
            self.role.addItem(role.value, role.value)
        self.remove_participant = QPushButton("Remove")
        self.merge_into = NameField(session, ("event",), "Merge this duplicate into another event…")
        self.made_by = QLabel()  # who made it and who changed it last
        self.made_by.setAccessibleName("Made by")
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Title", self.title)
        form.addRow("Kind", self.kind)
        form.addRow("Starts", self.start)
        form.addRow("Ends", self.end)
        form.addRow("Place", self.place)
        form.addRow("Description", self.description)
        people = QVBoxLayout()
        people.addWidget(self.participants)
        adding = QHBoxLayout()
        adding.addWidget(self.new_participant, 1)
        adding.addWidget(self.role)
        adding.addWidget(self.remove_participant)
        people.addLayout(adding)
        form.addRow("Participants", people)
        form.addRow("Merge", self.merge_into)
        form.addRow("By", self.made_by)

    def _connect(self) -> None:
        for field, name in (
            (self.title, "title"),
            (self.kind, "kind"),
            (self.place, "place"),
            (self.description, "description"),
        ):
            field.editingFinished.connect(lambda f=field, n=name: self._field_done(f, n))
        self.start.entered.connect(lambda typed: self._date_entered("start", typed))
        self.end.entered.connect(lambda typed: self._date_entered("end", typed))
        self.new_participant.picked.connect(self._add_participant)
        self.remove_participant.clicked.connect(self._remove_participant)
        self.merge_into.picked.connect(self._merge)

    def show_record(self, row: RecordRow | None, linked: list[LinkedItem]) -> None:
        self.row = row
        self.setEnabled(row is not None)
        if row is None:
            return
        set_unless_typing(self.title, row.name)
        set_unless_typing(self.kind, row.record_kind)
        set_unless_typing(self.place, row.place)
        set_unless_typing(self.description, row.description)
        self.made_by.setText(authors_text(self.session.project, "events", row.id))
        self.start.show_stored(row.start_date, row.start_precision)
        self.end.show_stored(row.end_date, row.end_precision)
        published = publication_date_for_event(self.session.project, row.id)
        self.start.reference = self.end.reference = published
        self.participants.clear()
        for item in linked:
            if item.kind == "actor":
                entry = QListWidgetItem(f"{item.label} — {item.role}")
                entry.setData(PARTICIPANT, (item.id, item.role))
                self.participants.addItem(entry)
        self.remove_participant.setEnabled(self.participants.count() > 0)

    def _edit(self, **fields: object) -> None:
        if self.row is not None:
            self.session.edit("Edit event", events.edit_event, self.row.id, **fields)

    def _field_done(self, field: QLineEdit, name: str) -> None:
        if self.row is None or not field.isModified():
            return
        field.setModified(False)
        stored = {"title": self.row.name, "kind": self.row.record_kind}.get(name)
        stored = getattr(self.row, name) if stored is None else stored
        if field.text().strip() != stored:
            self._edit(**{name: field.text().strip()})

    def _date_entered(self, which: str, typed: TypedDate | None) -> None:
        if self.row is None:
            return
        fields: dict[str, object] = {f"{which}_date": typed.when if typed else None}
        if typed is not None:
            fields[f"{which}_precision"] = typed.precision.value
        try:
            events.edit_event(self.session.project, self.row.id, **fields)
        except ProjectError as error:
            (self.start if which == "start" else self.end).show_problem(str(error))
            self.session.report("Edit event", error)

    @Slot(object)
    def _add_participant(self, actor: Picked) -> None:
        if self.row is not None:
            role = self.role.currentData()
            self.session.edit("Add participant", links.add_participant, self.row.id, actor.id, role)

    @Slot()
    def _remove_participant(self) -> None:
        item = self.participants.currentItem() or self.participants.item(0)
        if self.row is None or item is None:
            return
        actor_id, role = item.data(PARTICIPANT)
        self.session.edit(
            "Remove participant", links.remove_participant, self.row.id, actor_id, role
        )

    @Slot(object)
    def _merge(self, survivor: Picked) -> None:
        if self.row is None:
            return
        duplicate = self.row.name
        if self.session.edit(f"Merge {duplicate}", events.merge_events, survivor.id, self.row.id):
            self.session.tell(f"Merged “{duplicate}” into “{survivor.name}”")
            self.merged.emit(survivor.id)
