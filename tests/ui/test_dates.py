"""Event dates in the managers: typed in words or digits, refused inline when unreadable, and a
calendar that opens on the article's publication date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from workbench.services.catalog import records
from workbench.services.events import create_event
from workbench.ui.event_editor import EventEditor
from workbench.ui.main_window import MainWindow

WAIT_MS = 15_000


def _editor_on(window: MainWindow, title: str) -> EventEditor:
    event_id = next(r.id for r in records(window.session.project, "event") if r.name == title)
    window.show_record("event", event_id)
    editor = window.managers.managers["event"].editor
    assert isinstance(editor, EventEditor)
    assert editor.title.text() == title
    return editor


def _type(qtbot, field, typed: str) -> None:
    field.text.setFocus()
    field.text.selectAll()
    qtbot.keyClick(field.text, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.text, typed)
    qtbot.keyClick(field.text, Qt.Key.Key_Return)


def _stored(window: MainWindow, title: str):
    return {row.name: row for row in records(window.session.project, "event")}[title]


def test_typed_dates_set_the_date_and_its_precision(qtbot, sample_window: MainWindow) -> None:
    """“June 2025” stores 1 June to the month; “21 June 2025” to the day; the field echoes it."""
    title = "U.S. strikes on Iranian nuclear sites"
    editor = _editor_on(sample_window, title)
    _type(qtbot, editor.start, "June 2025")
    row = _stored(sample_window, title)
    assert (row.start_date, row.start_precision) == (date(2025, 6, 1), "month")
    assert editor.start.text.text() == "June 2025"
    _type(qtbot, editor.end, "2026")
    _type(qtbot, editor.start, "21 June 2025")
    row = _stored(sample_window, title)
    assert (row.start_date, row.start_precision) == (date(2025, 6, 21), "day")
    assert (row.end_date, row.end_precision) == (date(2026, 1, 1), "year")
    _type(qtbot, editor.end, "2024-12-31")
    assert "cannot end (2024-12-31) before it starts" in editor.end.problem
    assert _stored(sample_window, title).end_date == date(2026, 1, 1)
    assert sample_window.session.project.undo_stack.can_undo


def test_an_unreadable_date_is_refused_beside_the_field(qtbot, sample_window: MainWindow) -> None:
    """“next Tuesday-ish” shows why it fails under the field, and the stored date is kept."""
    title = "U.S. strikes on Iranian nuclear sites"
    editor = _editor_on(sample_window, title)
    before = _stored(sample_window, title)
    _type(qtbot, editor.start, "next Tuesday-ish")
    assert editor.start.error.isVisible()
    assert "“next Tuesday-ish” is not a date" in editor.start.problem
    assert "21 June 2025" in editor.start.problem
    after = _stored(sample_window, title)
    assert (after.start_date, after.start_precision) == (before.start_date, before.start_precision)
    qtbot.keyClicks(editor.start.text, "x")
    assert not editor.start.error.isVisible()


def test_the_calendar_opens_on_the_articles_publication_date(
    qtbot, sample_window: MainWindow
) -> None:
    """An undated event linked to the sample's claims opens its calendar on June 2025, not 1752."""
    project = sample_window.session.project
    article = sample_window.reader.article
    assert article is not None and article.published is not None
    title = "U.S. strikes on Iranian nuclear sites"
    editor = _editor_on(sample_window, title)
    _type(qtbot, editor.start, "")
    assert _stored(sample_window, title).start_date is None
    qtbot.mouseClick(editor.start.pick, Qt.MouseButton.LeftButton)
    calendar = editor.start.calendar
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (
        article.published.year,
        article.published.month,
    )
    picked = calendar.selectedDate().addDays(1)
    calendar.clicked.emit(picked)
    assert not calendar.isVisible()
    row = _stored(sample_window, title)
    assert (row.start_date, row.start_precision) == (picked.toPython(), "day")

    create_event(project, "Talks nobody reported")
    lonely = _editor_on(sample_window, "Talks nobody reported")
    assert lonely.start.calendar_opens_on() == date.today()


def test_an_empty_library_date_filter_opens_its_calendar_on_today(
    qtbot, sample_window: MainWindow
) -> None:
    """“Published from” holds no date; its calendar opens on this month, not on year 1."""
    sample_window.library.filters_button.click()
    since = sample_window.library.filters.since
    assert since.text() == "any date"
    calendar = since.calendarWidget()
    arrow = since.rect().adjusted(since.width() - 12, 0, 0, 0).center()
    qtbot.mouseClick(since, Qt.MouseButton.LeftButton, pos=arrow)
    qtbot.waitUntil(calendar.isVisible, timeout=WAIT_MS)
    today = date.today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    calendar.hide()
