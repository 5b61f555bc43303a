"""Tab in the Suggestions pane: change a proposal before accepting it.

A claim's summary, its source and the chain it came through ("Reuters → Deftechtimes"); a
mention's actor; a date's event title. Enter accepts with the changes, Esc goes back to the list.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QLineEdit, QWidget

from workbench.assist.model import AttributionSuggestion, ChainHop, DateSuggestion
from workbench.domain.grades import HopRole
from workbench.services.suggestion_accept import AttributionEdits
from workbench.ui.suggestion_rows import Row

ARROWS = re.compile(r"\s*(?:→|->|>)\s*")


def edited_chain(original: tuple[ChainHop, ...], source: str, through: str) -> tuple[ChainHop, ...]:
    """The chain as typed: a name kept as proposed keeps its hop (role, cue, record); a new
    name takes the role and cue of the hop it replaces (or "reported by", the last "published
    by") and is found or created by name when accepted."""
    names = [name for name in [source.strip(), *ARROWS.split(through.strip())] if name]
    proposed = {hop.name.casefold(): hop for hop in original}
    hops = []
    for position, name in enumerate(names):
        hop = proposed.get(name.casefold())
        if hop is None:
            hop = _new_hop(original, position, len(names), name)
        hops.append(hop)
    return tuple(hops)


def _new_hop(original: tuple[ChainHop, ...], position: int, count: int, name: str) -> ChainHop:
    if position < len(original):
        replaced = original[position]
        return ChainHop(name, replaced.role, replaced.cue, replaced.anonymous and position == 0)
    role = HopRole.PUBLISHED_BY if position == count - 1 else HopRole.REPORTED_BY
    return ChainHop(name, role.value, "")


class SuggestionEditor(QFrame):
    """The fields of one proposal; `accepted(edits)` on Enter, `cancelled` on Esc."""

    accepted = Signal(object)  # AttributionEdits, or the actor name, or the event title
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Edit the suggestion")
        self.row: Row | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.first = QLineEdit()
        self.second = QLineEdit()
        self.third = QLineEdit()
        self.labels = [QLabel(), QLabel(), QLabel()]
        self.form = QFormLayout(self)
        self.form.setContentsMargins(8, 6, 8, 6)
        self.form.addRow(self.heading)
        for label, field in zip(self.labels, (self.first, self.second, self.third), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
            field.returnPressed.connect(self._accept)
        self.hide()

    def edit(self, row: Row, summary: str, title: str) -> None:
        """Open the editor on a row; `summary` and `title` are what accepting would use."""
        self.row = row
        proposal = row.proposal
        if isinstance(proposal, AttributionSuggestion):
            source = proposal.chain[0].name if proposal.chain else ""
            through = " → ".join(hop.name for hop in proposal.chain[1:])
            self._fields(
                "Claim: Enter accepts it as edited, Esc goes back",
                [("Summary", summary), ("Source", source), ("Through", through)],
            )
        elif isinstance(proposal, DateSuggestion):
            heading = (
                "The event on that date: an event's title fills its dates, a new title makes it"
            )
            self._fields(heading, [("Event", title)])
        else:
            self._fields("Actor mention: the actor it names", [("Actor", proposal.actor)])
        self.show()
        self.first.setFocus()
        self.first.end(False)
        self.first.home(True)  # all of it chosen, its beginning in view

    def _fields(self, heading: str, fields: list[tuple[str, str]]) -> None:
        self.heading.setText(heading)
        for index, field in enumerate((self.first, self.second, self.third)):
            shown = index < len(fields)
            if shown:
                name, value = fields[index]
                field.setText(value)
                field.setAccessibleName(name)
                self.labels[index].setText(name)
            field.setVisible(shown)
            self.labels[index].setVisible(shown)

    def _accept(self) -> None:
        if self.row is None:
            return
        proposal = self.row.proposal
        if isinstance(proposal, AttributionSuggestion):
            chain = edited_chain(proposal.chain, self.second.text(), self.third.text())
            self.accepted.emit(AttributionEdits(summary=self.first.text(), chain=chain))
        else:
            self.accepted.emit(self.first.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_editor()
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def close_editor(self) -> None:
        self.row = None
        self.hide()
