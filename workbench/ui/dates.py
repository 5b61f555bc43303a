"""Date fields that may be left empty: the field's minimum date stands for "no date"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit


def optional_date_edit(name: str, empty_text: str, minimum: QDate) -> QDateEdit:
    """A date field with a calendar that shows `empty_text` while it holds no date."""
    edit = QDateEdit()
    edit.setAccessibleName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(minimum)
    edit.setSpecialValueText(empty_text)
    edit.setDate(minimum)
    return edit


def date_or_none(edit: QDateEdit) -> date | None:
    """The field's date, or None while it shows its empty text."""
    chosen = edit.date()
    if chosen == edit.minimumDate():
        return None
    return date(chosen.year(), chosen.month(), chosen.day())


def show_date(edit: QDateEdit, value: date | None) -> None:
    """Put a date (or no date) in the field."""
    edit.setDate(QDate(value.year, value.month, value.day) if value else edit.minimumDate())
