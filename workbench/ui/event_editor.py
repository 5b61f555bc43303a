"""Editing one event in the managers: title, kind, dates with precision, place, description,
participants (actors with roles), and merging it into the event it duplicates.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.grades import DatePrecision, ParticipantRole
from workbench.services import events, links
from workbench.services.catalog import LinkedItem, RecordRow
from workbench.ui.dates import date_or_none, optional_date_edit, show_date
from workbench.ui.record_editor import choose, set_unless_typing
from workbench.ui.session import UiSession
from workbench.ui.typeahead import NameField, Picked

EARLIEST = QDate(1, 1, 1)  # events may lie far back; this date means "no date"
PARTICIPANT = Qt.ItemDataRole.UserRole


def _precision_box(name: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for precision in DatePrecision:
        box.addItem(f"to the {precision.value}", precision.value)
    return box


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
        self.start = optional_date_edit("Start date", "no date", EARLIEST)
        self.start_precision = _precision_box("Start date precision")
        self.end = optional_date_edit("End date", "no date", EARLIEST)
        self.end_precision = _precision_box("End date precision")
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
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Title", self.title)
        form.addRow("Kind", self.kind)
        for label, when, precision in (
            ("Starts", self.start, self.start_precision),
            ("Ends", self.end, self.end_precision),
        ):
            row = QHBoxLayout()
            row.addWidget(when, 1)
            row.addWidget(precision)
            form.addRow(label, row)
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

    def _connect(self) -> None:
        for field, name in (
            (self.title, "title"),
            (self.kind, "kind"),
            (self.place, "place"),
            (self.description, "description"),
        ):
            field.editingFinished.connect(lambda f=field, n=name: self._field_done(f, n))
        self.start.editingFinished.connect(lambda: self._dates_done("start"))
        self.end.editingFinished.connect(lambda: self._dates_done("end"))
        self.start_precision.activated.connect(lambda _i: self._dates_done("start"))
        self.end_precision.activated.connect(lambda _i: self._dates_done("end"))
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
        for edit, value in ((self.start, row.start_date), (self.end, row.end_date)):
            if not edit.hasFocus():
                show_date(edit, value)
        choose(self.start_precision, row.start_precision)
        choose(self.end_precision, row.end_precision)
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

    def _dates_done(self, which: str) -> None:
        if self.row is None:
            return
        when = date_or_none(self.start if which == "start" else self.end)
        precision = (self.start_precision if which == "start" else self.end_precision).currentData()
        stored = (getattr(self.row, f"{which}_date"), getattr(self.row, f"{which}_precision"))
        if (when, precision) != stored:
            self._edit(**{f"{which}_date": when, f"{which}_precision": precision})

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
