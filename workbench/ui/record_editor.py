"""Editing one source or actor in the managers: name, kind, reliability, description, aliases,
and merging it into the record it duplicates (its links move to the survivor).
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
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

from workbench.domain.grades import ActorKind, Reliability, SourceKind
from workbench.services import entities
from workbench.services.catalog import RecordRow
from workbench.services.team import authors_text
from workbench.ui.session import UiSession
from workbench.ui.typeahead import NameField, Picked

KINDS = {"source": SourceKind, "actor": ActorKind}


def set_unless_typing(field: QLineEdit, text: str) -> None:
    """Show stored text, unless the analyst is typing in that field right now."""
    if field.hasFocus() and field.isModified():
        return
    field.setText(text)
    field.setModified(False)


def choose(box: QComboBox, data: object) -> None:
    box.setCurrentIndex(max(box.findData(data), 0))


class RecordEditor(QWidget):
    """The form for one source or actor. `merged(survivor id)` after a merge."""

    merged = Signal(int)

    def __init__(self, session: UiSession, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.row: RecordRow | None = None
        self.name = QLineEdit()
        self.name.setAccessibleName(f"{kind.title()} name")
        self.record_kind = QComboBox()
        self.record_kind.setAccessibleName(f"Kind of {kind}")
        for member in KINDS[kind]:
            self.record_kind.addItem(member.value, member.value)
        self.reliability = QComboBox()
        self.reliability.setAccessibleName("Reliability")
        for grade in Reliability:
            self.reliability.addItem(grade.label, grade.value)
        self.description = QLineEdit(placeholderText="What is known about it")
        self.description.setAccessibleName("Description")
        self.aliases = QListWidget()
        self.aliases.setAccessibleName("Aliases")
        self.aliases.setMaximumHeight(self.fontMetrics().height() * 5 + 12)
        self.new_alias = QLineEdit(placeholderText="Add an alias and press Enter…")
        self.new_alias.setAccessibleName("New alias")
        self.remove_alias = QPushButton("Remove alias")
        self.merge_into = NameField(session, (kind,), f"Merge this duplicate into another {kind}…")
        self.made_by = QLabel()  # who made it and who changed it last
        self.made_by.setAccessibleName("Made by")
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Name", self.name)
        form.addRow("Kind", self.record_kind)
        form.addRow("Reliability", self.reliability)
        if self.kind == "actor":
            self.reliability.setToolTip("As the origin of what it says (Admiralty A–F)")
        form.addRow("Description", self.description)
        aliases = QVBoxLayout()
        aliases.addWidget(self.aliases)
        adding = QHBoxLayout()
        adding.addWidget(self.new_alias, 1)
        adding.addWidget(self.remove_alias)
        aliases.addLayout(adding)
        form.addRow("Aliases", aliases)
        form.addRow("Merge", self.merge_into)
        form.addRow("By", self.made_by)

    def _connect(self) -> None:
        self.name.editingFinished.connect(lambda: self._field_done(self.name, "name"))
        self.description.editingFinished.connect(
            lambda: self._field_done(self.description, "description")
        )
        self.record_kind.activated.connect(
            lambda _i: self._edit(kind=self.record_kind.currentData())
        )
        self.reliability.activated.connect(self._graded)
        self.new_alias.returnPressed.connect(self._add_alias)
        self.remove_alias.clicked.connect(self._remove_alias)
        self.merge_into.picked.connect(self._merge)

    def show_record(self, row: RecordRow | None) -> None:
        self.row = row
        self.setEnabled(row is not None)
        if row is None:
            return
        set_unless_typing(self.name, row.name)
        set_unless_typing(self.description, row.description)
        choose(self.record_kind, row.record_kind)
        choose(self.reliability, row.reliability)
        self.aliases.clear()
        for alias in row.aliases:
            self.aliases.addItem(QListWidgetItem(alias))
        self.remove_alias.setEnabled(bool(row.aliases))
        self.made_by.setText(authors_text(self.session.project, f"{self.kind}s", row.id))

    def _edit(self, **fields: str) -> None:
        if self.row is None:
            return
        edit = entities.edit_source if self.kind == "source" else entities.edit_actor
        self.session.attempt(f"Edit {self.kind}", edit, self.row.id, **fields)

    def _field_done(self, field: QLineEdit, name: str) -> None:
        if self.row is not None and field.isModified():
            field.setModified(False)
            if field.text().strip() != getattr(self.row, name):
                self._edit(**{name: field.text()})

    @Slot(int)
    def _graded(self, _index: int) -> None:
        if self.row is not None:
            grade = str(self.reliability.currentData())
            graded = entities.grade_source if self.kind == "source" else entities.grade_actor
            self.session.attempt(f"Grade {self.kind}", graded, self.row.id, grade)

    @Slot()
    def _add_alias(self) -> None:
        alias = self.new_alias.text().strip()
        if self.row is None or not alias:
            return
        if self.session.edit("Add alias", entities.add_alias, self.kind, self.row.id, alias):
            self.new_alias.clear()

    @Slot()
    def _remove_alias(self) -> None:
        item = self.aliases.currentItem() or self.aliases.item(0)
        if self.row is not None and item is not None:
            self.session.attempt(
                "Remove alias", entities.remove_alias, self.kind, self.row.id, item.text()
            )

    @Slot(object)
    def _merge(self, survivor: Picked) -> None:
        if self.row is None:
            return
        merge = entities.merge_sources if self.kind == "source" else entities.merge_actors
        duplicate = self.row.name
        if self.session.edit(f"Merge {duplicate}", merge, survivor.id, self.row.id):
            self.session.tell(f"Merged {duplicate} into {survivor.name}")
            self.merged.emit(survivor.id)
