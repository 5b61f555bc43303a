"""An error no handler caught while the window runs (a panel's refresh in a slot) reaches the
analyst: a bug in the status bar and a message box; a shared store out of reach in the status
bar, saying so in one line; with no window open, Python's own report."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.exc import OperationalError

from workbench.ui.main_window import MainWindow
from workbench.ui.unexpected import WHAT, report_unexpected

SERVER_GONE = 'connection failed: FATAL:  database "case_64" does not exist'


def _raised(error: BaseException) -> BaseException:
    try:
        raise error
    except BaseException as caught:
        return caught


def _boxes(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_a_bug_in_a_slot_is_shown_in_a_message_box(sample_window: MainWindow) -> None:
    """An uncaught KeyError of a refresh is in the status bar and a message box, not lost."""
    error = _raised(KeyError("lost"))
    report_unexpected(KeyError, error, error.__traceback__)
    problem = sample_window.status_line.last_problem
    assert problem.startswith(f"{WHAT}: unexpected error: KeyError")
    assert _boxes(sample_window) and "KeyError" in _boxes(sample_window)[0].text()


def test_a_bug_repeated_opens_one_message_box(sample_window: MainWindow) -> None:
    """The same uncaught error raised again (a timer's call) opens no second box over the first."""
    for _ in range(3):
        error = _raised(KeyError("again"))
        report_unexpected(KeyError, error, error.__traceback__)
    assert len([box for box in _boxes(sample_window) if "again" in box.text()]) == 1


def test_a_shared_store_out_of_reach_is_said_in_one_line(sample_window: MainWindow) -> None:
    """The server's refusal is named in the status bar, with no message box for every refresh."""
    error = _raised(OperationalError("SELECT 1", {}, psycopg.OperationalError(SERVER_GONE)))
    report_unexpected(OperationalError, error, error.__traceback__)
    problem = sample_window.status_line.last_problem
    assert problem == (
        f"{WHAT}: the shared store cannot be reached ({SERVER_GONE}); what the window shows"
        " may be out of date until it is back"
    )
    assert not _boxes(sample_window)


def test_a_locked_project_file_is_not_called_out_of_reach(sample_window: MainWindow) -> None:
    """SQLite's own OperationalError (a locked file) stays a bug report, not a lost server."""
    locked = sqlite3.OperationalError("database is locked")
    error = _raised(OperationalError("UPDATE claims", {}, locked))
    report_unexpected(OperationalError, error, error.__traceback__)
    assert "unexpected error: OperationalError" in sample_window.status_line.last_problem
    assert "cannot be reached" not in sample_window.status_line.last_problem


def test_with_no_window_python_reports_it(capsys: pytest.CaptureFixture[str]) -> None:
    """Before any project window is open, the error is printed by Python's own hook."""
    error = _raised(KeyError("before the window"))
    report_unexpected(KeyError, error, error.__traceback__)
    assert "KeyError: 'before the window'" in capsys.readouterr().err
