"""Date fields.

`TypedDateField` is where an event's dates are typed: "2025-06-21", "21 June 2025",
"June 2025", "2025" or "2020s" (the precision is what was typed), with the reason shown beside
the field when it cannot be read, and a calendar that opens on the article's publication date.

`optional_date_edit` is the library filter's plain date field that may be left empty (its
minimum date stands for "no date"); its calendar opens on today's month, never on year 1.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.grades import DatePrecision
from workbench.services.errors import InvalidInput
from workbench.services.typed_dates import TypedDate, read_date, show_date

HINT = "2025-06-21, 21 June 2025, June 2025, 2025"


class TypedDateField(QWidget):
    """A date typed in words or digits. `entered(TypedDate | None)` when a new, readable date
    (or none) was typed or picked; an unreadable one shows its error and keeps the stored date."""

    entered = Signal(object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stored: TypedDate | None = None
        self.reference: date | None = None
        self.text = QLineEdit(placeholderText=HINT)
        self.text.setAccessibleName(name)
        self.text.setToolTip(f"Type a day, a month or a year: {HINT}, or 2020s")
        self.pick = QToolButton()
        self.pick.setIcon(QIcon.fromTheme("x-office-calendar"))
        self.pick.setText("…")
        self.pick.setToolTip(f"Choose the {name.lower()} on a calendar")
        self.pick.setAccessibleName(self.pick.toolTip())
        self.pick.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(f"{name}: problem")
        self.error.setStyleSheet("color: palette(bright-text); background: #b3261e; padding: 2px;")
        self.error.hide()
        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.text.editingFinished.connect(self._typed)
        self.text.textEdited.connect(lambda _t: self.error.hide())
        self.pick.clicked.connect(self.open_calendar)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)

    def show_stored(self, when: date | None, precision: str) -> None:
        """Show a stored date (unless the analyst is typing in the field)."""
        self.stored = TypedDate(when, DatePrecision(precision or "day")) if when else None
        if self.text.hasFocus() and self.text.isModified():
            return
        self.text.setText(show_date(when, precision or DatePrecision.DAY))
        self.text.setModified(False)
        self.error.hide()

    @property
    def problem(self) -> str:
        """The error shown beside the field ("" when what is typed can be read)."""
        return self.error.text() if not self.error.isHidden() else ""

    def show_problem(self, message: str) -> None:
        """Say beside the field why what was typed cannot be kept."""
        self.error.setText(message)
        self.error.show()

    @Slot()
    def _typed(self) -> None:
        if not self.text.isModified():
            return
        try:
            typed = read_date(self.text.text())
        except InvalidInput as error:
            self.show_problem(str(error))
            return
        self.text.setModified(False)
        self.error.hide()
        if typed is not None:
            self.text.setText(typed.shown)
        if typed != self.stored:
            self.entered.emit(typed)

    def calendar_opens_on(self) -> date:
        """The stored date, else the article's publication date, else today."""
        if self.stored is not None:
            return self.stored.when
        return self.reference or date.today()

    @Slot()
    def open_calendar(self) -> None:
        shown = self.calendar_opens_on()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.calendar.setCurrentPage(shown.year, shown.month)
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    @Slot(QDate)
    def _picked(self, chosen: QDate) -> None:
        self.calendar.hide()
        typed = TypedDate(date(chosen.year(), chosen.month(), chosen.day()), DatePrecision.DAY)
        self.text.setText(typed.shown)
        self.text.setModified(False)
        self.error.hide()
        if typed != self.stored:
            self.entered.emit(typed)


class _OpensOnToday(QObject):
    """Turns an empty date field's calendar to today's month as it opens."""

    def __init__(self, edit: QDateEdit) -> None:
        super().__init__(edit)
        self.edit = edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and date_or_none(self.edit) is None:
            today = QDate.currentDate()
            self.edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return False


def optional_date_edit(name: str, empty_text: str, minimum: QDate) -> QDateEdit:
    """A date field with a calendar that shows `empty_text` while it holds no date."""
    edit = QDateEdit()
    edit.setAccessibleName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(minimum)
    edit.setSpecialValueText(empty_text)
    edit.setDate(minimum)
    edit.calendarWidget().installEventFilter(_OpensOnToday(edit))
    return edit


def date_or_none(edit: QDateEdit) -> date | None:
    """The field's date, or None while it shows its empty text."""
    chosen = edit.date()
    if chosen == edit.minimumDate():
        return None
    return date(chosen.year(), chosen.month(), chosen.day())
