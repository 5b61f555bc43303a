"""A source's (or actor's) track record in its manager: how its claims ended, and the
reliability that history suggests, taken with one click through the grading service.

The record is counted off the UI thread; the view only shows it.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workbench.analysis.track_record import TrackRecord
from workbench.services import ProjectChange, entities
from workbench.services.track_record import track_records
from workbench.ui.session import UiSession

NO_RECORD = "No claim names it yet: no track record."
WATCHED = {"claims", "attribution_hops", "sources", "actors"}


def record_text(record: TrackRecord) -> str:
    """ "3 claims: 3 corroborated, 0 disputed, 0 refuted (2026-12-01)" """
    period = f" ({record.period})" if record.period else ""
    return f"Track record: {record.outcome}{period}"


class TrackRecordView(QWidget):
    """The chosen source's or actor's record and suggested reliability."""

    def __init__(self, session: UiSession, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.record_id: int | None = None
        self.record: TrackRecord | None = None
        self.outcome = QLabel(NO_RECORD)
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName("Track record")
        self.suggested = QLabel()
        self.suggested.setWordWrap(True)
        self.suggested.setAccessibleName("Suggested reliability")
        self.use = QPushButton("Use suggested grade")
        self.use.setAccessibleName("Grade it as its track record suggests")
        self.use.clicked.connect(self.use_suggestion)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.suggested, 1)
        row.addWidget(self.use)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.outcome)
        layout.addLayout(row)
        session.changed.connect(self._project_changed)
        self._show(None)

    def show_record(self, record_id: int | None) -> None:
        self.record_id = record_id
        if record_id is None:
            self._show(None)
            return
        key = (self.kind, record_id)
        self.session.tasks.run(
            "Count the track record",
            lambda _control: (record_id, track_records(self.session.project, key).get(key)),
            on_done=self._done,
            writes=False,
            owner=self,
        )

    @Slot(object)
    def _done(self, found: tuple[int, TrackRecord | None]) -> None:
        record_id, record = found
        if record_id == self.record_id:
            self._show(record)

    def _show(self, record: TrackRecord | None) -> None:
        self.record = record
        if record is None or not record.claims:
            self.outcome.setText(NO_RECORD if self.record_id is not None else "")
            self.suggested.setText("")
            self.use.hide()
            return
        self.outcome.setText(record_text(record))
        self.suggested.setText(f"Suggested reliability: {record.reason}")
        self.use.setVisible(record.suggested != record.reliability)

    @Slot()
    def use_suggestion(self) -> None:
        """Grade the source (or actor) as its record suggests: one undo step."""
        if self.record is None or self.record_id is None:
            return
        grade = entities.grade_source if self.kind == "source" else entities.grade_actor
        self.session.edit("Grade from track record", grade, self.record_id, self.record.suggested)

    @Slot(object)
    def _project_changed(self, change: ProjectChange) -> None:
        if self.record_id is not None and change.tables() & WATCHED:
            self.show_record(self.record_id)
