"""Managers for sources, actors and events: list (with a filter), create, edit, aliases, merge
duplicates, delete, and see everything linked to one record.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.text import plural
from workbench.services import ProjectChange, entities, events
from workbench.services.catalog import LinkedItem, RecordRow, linked_items, records
from workbench.ui.event_editor import EventEditor
from workbench.ui.record_editor import RecordEditor
from workbench.ui.session import UiSession
from workbench.ui.track_record_view import TrackRecordView

ID = Qt.ItemDataRole.UserRole
TITLES = {"source": "Sources", "actor": "Actors", "event": "Events"}
WATCHED = {
    "source": {"sources", "source_aliases", "attribution_hops"},
    "actor": {"actors", "actor_aliases", "attribution_hops", "claim_actors", "event_actors"}
    | {"actor_mentions"},
    "event": {"events", "claim_events", "event_actors", "actors"},
}


def shown_date(when: date | None, precision: str) -> str:
    """A date as precisely as it is known: 2018, 2025-06, 2025-06-23, 2010s."""
    if when is None:
        return ""
    if precision == "decade":
        return f"{when.year // 10 * 10}s"
    return when.strftime({"year": "%Y", "month": "%Y-%m"}.get(precision, "%Y-%m-%d"))


def describe_row(row: RecordRow) -> str:
    if row.kind == "event":
        when = f"{shown_date(row.start_date, row.start_precision)} · " if row.start_date else ""
        uses = plural(row.uses, "claim")
        return f"{row.name}\n{when}{row.record_kind or 'event'} · linked to {uses}"
    grade = f" · {row.reliability}" if row.reliability else ""
    aliases = f" · also “{'”, “'.join(row.aliases[:3])}”" if row.aliases else ""
    return f"{row.name}\n{row.record_kind}{grade} · used {row.uses}×{aliases}"


class RecordManager(QWidget):
    """One tab: the list on the left, the chosen record's form and links on the right."""

    open_claim = Signal(int, int)
    open_record = Signal(str, int)

    def __init__(self, session: UiSession, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.rows: dict[int, RecordRow] = {}
        self.filter = QLineEdit(placeholderText=f"Filter {TITLES[kind].lower()}…")
        self.filter.setAccessibleName(f"Filter {TITLES[kind].lower()}")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName(TITLES[kind])
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        noun = "title" if kind == "event" else "name"
        self.new_name = QLineEdit(placeholderText=f"New {kind}: type its {noun}, press Enter")
        self.new_name.setAccessibleName(f"New {kind}")
        self.delete = QPushButton(f"Delete {kind}")
        self.editor: RecordEditor | EventEditor = (
            EventEditor(session) if kind == "event" else RecordEditor(session, kind)
        )
        self.track = TrackRecordView(session, kind)
        self.track.setVisible(kind != "event")
        self.linked_title = QLabel()
        self.linked = QListWidget()
        self.linked.setMinimumHeight(self.fontMetrics().height() * 6)
        self.linked.setAccessibleName(f"Everything linked to this {kind}")
        self._lay_out()
        self._connect()
        self.reload()

    def _lay_out(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter)
        column.addWidget(self.list, 1)
        column.addWidget(self.new_name)
        column.addWidget(self.delete)
        right = QWidget()
        details = QVBoxLayout(right)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.editor)
        details.addWidget(self.track)
        details.addWidget(self.linked_title)
        details.addWidget(self.linked, 1)
        scrolled = QScrollArea()
        scrolled.setWidgetResizable(True)
        scrolled.setFrameShape(QScrollArea.Shape.NoFrame)
        scrolled.setWidget(right)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scrolled)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([360, 720])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.filter.textChanged.connect(self._show_list)
        self.list.currentItemChanged.connect(lambda *_: self._show_chosen())
        self.new_name.returnPressed.connect(self._create)
        self.delete.clicked.connect(self._delete)
        self.editor.merged.connect(self.choose)
        self.linked.itemActivated.connect(self._linked_activated)
        self.session.changed.connect(self._project_changed)

    # -- listing ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.rows = {row.id: row for row in records(self.session.project, self.kind)}
        self._show_list()

    def _show_list(self) -> None:
        chosen = self.chosen_id
        wanted = self.filter.text().lower().split()
        self.list.blockSignals(True)
        self.list.clear()
        for row in self.rows.values():
            haystack = " ".join((row.name, *row.aliases, row.record_kind)).lower()
            if all(word in haystack for word in wanted):
                item = QListWidgetItem(describe_row(row))
                item.setData(ID, row.id)
                self.list.addItem(item)
        self.list.blockSignals(False)
        if chosen is None or not self.choose(chosen):
            self.list.setCurrentRow(0)
        self._show_chosen()

    @property
    def chosen_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(ID) if item is not None else None

    def choose(self, record_id: int) -> bool:
        """Make one record the current one (clearing the filter if it hides it)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(ID) == record_id:
                self.list.setCurrentRow(row)
                return True
        if self.filter.text() and record_id in self.rows:
            self.filter.clear()
            return self.choose(record_id)
        return False

    def _show_chosen(self) -> None:
        row = self.rows.get(self.chosen_id) if self.chosen_id is not None else None
        items = linked_items(self.session.project, self.kind, row.id) if row else []
        if isinstance(self.editor, EventEditor):
            self.editor.show_record(row, items)
        else:
            self.editor.show_record(row)
        self.delete.setEnabled(row is not None)
        self._show_linked(row, items)
        if self.kind != "event":
            self.track.show_record(row.id if row else None)

    def _show_linked(self, row: RecordRow | None, items: list[LinkedItem]) -> None:
        self.linked.clear()
        self.linked_title.setText(
            f"Everything linked to {row.name} ({len(items)})" if row else "Nothing chosen"
        )
        for item in items:
            entry = QListWidgetItem(f"{item.role}: {item.label}")
            entry.setData(ID, item)
            self.linked.addItem(entry)

    @Slot(object)
    def _project_changed(self, change: ProjectChange) -> None:
        if change.tables() & WATCHED[self.kind]:
            self.reload()

    # -- acting -------------------------------------------------------------------------------

    @Slot()
    def _create(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            return
        create: Callable[..., int] = {
            "source": entities.create_source,
            "actor": entities.create_actor,
            "event": events.create_event,
        }[self.kind]  # type: ignore[assignment]
        new_id = self.session.attempt(f"New {self.kind}", create, name)
        if new_id is not None:
            self.new_name.clear()
            self.choose(new_id)

    @Slot()
    def _delete(self) -> None:
        row = self.rows.get(self.chosen_id) if self.chosen_id is not None else None
        if row is None:
            return
        delete = {
            "source": entities.delete_source,
            "actor": entities.delete_actor,
            "event": events.delete_event,
        }[self.kind]
        if self.session.edit(f"Delete {row.name}", delete, row.id):
            self.session.tell(f"Deleted {row.name} (Ctrl+Z brings it back)")

    @Slot(QListWidgetItem)
    def _linked_activated(self, entry: QListWidgetItem) -> None:
        item: LinkedItem = entry.data(ID)
        if item.kind == "claim" and item.article_id is not None:
            self.open_claim.emit(item.article_id, item.id)
        elif item.kind == "mention" and item.article_id is not None:
            self.open_claim.emit(item.article_id, 0)
        else:
            self.open_record.emit(item.kind, item.id)


class ManagersPanel(QTabWidget):
    """Sources, actors and events, one tab each."""

    open_claim = Signal(int, int)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Sources, actors and events")
        self.managers = {kind: RecordManager(session, kind) for kind in TITLES}
        for kind, manager in self.managers.items():
            self.addTab(manager, TITLES[kind])
            manager.open_claim.connect(self.open_claim)
            manager.open_record.connect(self.show_record)

    def show_record(self, kind: str, record_id: int) -> None:
        """Bring one source, actor or event forward."""
        manager = self.managers[kind]
        self.setCurrentWidget(manager)
        manager.choose(record_id)
