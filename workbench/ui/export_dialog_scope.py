"""What an export covers: the selected articles, all, a tag, a claim status, a date range, or the
current search. The chooser gives the keywords of `services.reporting.build_report`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QWidget,
)

from workbench.domain.grades import ClaimStatus
from workbench.ui.dates import date_or_none, optional_date_edit

EARLIEST = QDate(1, 1, 1)  # stands for "no date" in the date fields


@dataclass(frozen=True)
class WindowScope:
    """What the window offers the dialog: the articles selected, the search typed, the tags."""

    selected_articles: tuple[int, ...] = ()
    search: str = ""
    tags: tuple[str, ...] = ()


SELECTED, EVERYTHING, TAG, STATUS, DATES, SEARCH = (
    "selected",
    "all",
    "tag",
    "status",
    "dates",
    "search",
)


class ScopeChooser(QWidget):
    """A list of scopes, with the one field each needs; `changed` fires on any change."""

    changed = Signal()

    def __init__(self, offered: WindowScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offered = offered
        self.kind = QComboBox()
        self.kind.setAccessibleName("Export what")
        self.details = QStackedWidget()
        self._add(SELECTED, _selected_text(offered.selected_articles), QLabel(""))
        self._add(EVERYTHING, "All articles", QLabel(""))
        self.tag = _combo("Tag", offered.tags)
        self.tag.setEditable(True)
        self._add(TAG, "Claims with a tag", self.tag)
        self.status = _combo("Claim status", tuple(status.value for status in ClaimStatus))
        self._add(STATUS, "Claims with a status", self.status)
        self._add(DATES, "Articles published between", self._date_fields())
        self.search = QLineEdit(offered.search)
        self.search.setAccessibleName("Search")
        self.search.setPlaceholderText('words, "a phrase", source:Reuters…')
        self._add(SEARCH, "Articles the search finds", self.search)
        self.kind.setCurrentIndex(
            self.kind.findData(SELECTED if offered.selected_articles else EVERYTHING)
        )
        self.details.setCurrentIndex(self.kind.currentIndex())
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Export", self.kind)
        form.addRow("", self.details)
        self._connect()

    def _add(self, kind: str, text: str, detail: QWidget) -> None:
        self.kind.addItem(text, kind)
        self.details.addWidget(detail)

    def _date_fields(self) -> QWidget:
        self.since = optional_date_edit("Published from", "any date", EARLIEST)
        self.until = optional_date_edit("Published until", "any date", EARLIEST)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.since)
        row.addWidget(QLabel("and"))
        row.addWidget(self.until)
        return box

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self.details.setCurrentIndex)
        self.kind.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.tag.currentTextChanged.connect(lambda _t: self.changed.emit())
        self.status.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.since.dateChanged.connect(lambda _d: self.changed.emit())
        self.until.dateChanged.connect(lambda _d: self.changed.emit())
        self.search.textChanged.connect(lambda _t: self.changed.emit())

    def choose(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def filters(self) -> dict[str, Any]:
        """The keywords of `build_report` for the chosen scope."""
        kind = self.kind.currentData()
        if kind == SELECTED:
            return {"article_ids": list(self.offered.selected_articles)}
        if kind == TAG:
            return {"tags": [self.tag.currentText()]}
        if kind == STATUS:
            return {"statuses": [self.status.currentText()]}
        if kind == DATES:
            return {"date_from": date_or_none(self.since), "date_to": date_or_none(self.until)}
        if kind == SEARCH:
            return {"query": self.search.text()}
        return {}

    def problem(self) -> str:
        """Why the chosen scope cannot be exported as it stands ("" if it can)."""
        kind = self.kind.currentData()
        if kind == SELECTED and not self.offered.selected_articles:
            return "Select articles in the library first, or choose another scope"
        if kind == TAG and not self.tag.currentText().strip():
            return "Type or pick the tag whose claims to export"
        if kind == SEARCH and not self.search.text().strip():
            return "Type the search whose articles to export"
        return ""


def _selected_text(selected: tuple[int, ...]) -> str:
    if not selected:
        return "Selected articles (none selected)"
    return (
        "The selected article" if len(selected) == 1 else f"The {len(selected)} selected articles"
    )


def _combo(name: str, values: tuple[str, ...]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    box.addItems(list(values))
    return box
