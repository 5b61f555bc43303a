"""Import from the window: drag and drop, the File menu's path, paste, progress, cancel, summary."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QPushButton

from workbench.services import Project
from workbench.ui.main_window import MainWindow

IMPORT_TIMEOUT_MS = 60_000


def _files(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def _drop(window: MainWindow, mime: QMimeData) -> bool:
    point = QPointF(window.width() / 2, window.height() / 2)
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    entering = QDragEnterEvent(point, copy, mime, left, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(entering)
    if not entering.isAccepted():
        return False
    window.dropEvent(QDropEvent(point, copy, mime, left, Qt.KeyboardModifier.NoModifier))
    return True


def _wait_for_summary(qtbot, window: MainWindow):
    """The summary window of the import just started."""
    qtbot.waitUntil(lambda: window.importer.last_summary is not None, timeout=IMPORT_TIMEOUT_MS)
    window.importer.last_summary = None
    return window.importer.summary_dialog


def test_dropping_the_seed_page_imports_and_opens_it(
    qtbot, open_window, project: Project, corpus: Path
) -> None:
    """Dropping the saved seed page imports it; the status bar says so and the reader opens it."""
    window: MainWindow = open_window(project)
    assert _drop(window, _files([corpus / "seed" / "putin-iran-deftechtimes.html"]))
    qtbot.waitUntil(lambda: window.importer.last_summary is not None, timeout=IMPORT_TIMEOUT_MS)
    assert window.importer.summary_dialog is None
    message = window.statusBar().currentMessage()
    assert message == "Import: 1 imported, 0 already in the project, 0 failed"
    assert window.library.model.rowCount() == 1
    assert "Putin Caught Between Ukraine and Iran" in window.reader.article.title
    assert "Sources told Reuters" in window.reader.article.text


def test_failures_are_listed_with_their_reasons(
    qtbot, open_window, project: Project, corpus: Path, tmp_path: Path
) -> None:
    """A broken PDF and an empty text file fail with reasons; the good page still comes in."""
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7 this is not really a PDF")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    shutil.copy(corpus / "seed" / "putin-iran-deftechtimes.html", tmp_path / "page.html")
    window: MainWindow = open_window(project)
    window.importer.import_paths([tmp_path])
    summary = _wait_for_summary(qtbot, window)
    lines = summary.lines()
    failed = [line for line in lines if line.startswith("✕ failed")]
    assert len(failed) == 2
    assert any("broken.pdf" in line for line in failed)
    assert any("empty.txt" in line for line in failed)
    assert any(line.startswith("✓") and "Putin Caught" in line for line in lines)
    assert window.library.model.rowCount() == 1


def test_importing_the_same_page_twice_reports_a_duplicate(
    qtbot, open_window, project: Project, corpus: Path
) -> None:
    """The second import of the same page is reported as already in the project."""
    window: MainWindow = open_window(project)
    page = corpus / "seed" / "putin-iran-deftechtimes.html"
    window.importer.import_paths([page])
    assert _wait_for_summary(qtbot, window) is None
    window.importer.import_paths([page])
    summary = _wait_for_summary(qtbot, window)
    assert any(line.startswith("= already in the project") for line in summary.lines())
    assert window.library.model.rowCount() == 1


def test_a_folder_import_shows_progress_keeps_the_window_live_and_can_be_cancelled(
    qtbot, open_window, project: Project, corpus: Path, tmp_path: Path
) -> None:
    """Importing a big folder shows a rate; the UI keeps ticking; Cancel stops it early."""
    for copy in range(8):
        shutil.copytree(corpus / "web", tmp_path / f"batch-{copy}")
    window: MainWindow = open_window(project)
    ticks: list[int] = []
    timer = QTimer(window, interval=20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    task = window.importer.import_paths([tmp_path])
    with qtbot.waitSignal(task.progressed, timeout=IMPORT_TIMEOUT_MS):
        pass
    assert "files/s" in window.importer.progress.labelText()
    qtbot.mouseClick(window.importer.progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    summary = _wait_for_summary(qtbot, window).summary
    timer.stop()
    assert summary.cancelled
    assert 0 < summary.files_done < summary.total
    assert len(ticks) >= 5
    assert window.library.model.rowCount() == len(summary.imported)


def test_ctrl_shift_v_makes_an_article_of_the_clipboard(
    qtbot, open_window, project: Project
) -> None:
    """Text on the clipboard becomes an article, opened in the reader."""
    window: MainWindow = open_window(project)
    QGuiApplication.clipboard().setText(
        "Talks resume in Vienna\n\nDiplomats said on Monday that the talks would resume."
    )
    shortcut = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.reader.text, Qt.Key.Key_V, shortcut)
    qtbot.waitUntil(lambda: window.reader.article is not None, timeout=IMPORT_TIMEOUT_MS)
    assert window.reader.article.title == "Talks resume in Vienna"
    assert window.library.model.rowCount() == 1


def test_pasting_nothing_useful_says_so(qtbot, open_window, project: Project) -> None:
    """An empty clipboard is refused with a clear message and no article."""
    window: MainWindow = open_window(project)
    QGuiApplication.clipboard().clear()
    window.actions_.paste_article.trigger()
    assert "no text" in window.statusBar().currentMessage()
    assert window.library.model.rowCount() == 0


@pytest.mark.parametrize("kind", ["text", "html"])
def test_dropped_text_becomes_an_article(qtbot, open_window, project: Project, kind: str) -> None:
    """Text or HTML dragged from another program onto the window is imported."""
    window: MainWindow = open_window(project)
    mime = QMimeData()
    body = "Ministers met in Oslo\n\nThe meeting ended without a statement."
    if kind == "html":
        mime.setHtml(f"<h1>Ministers met in Oslo</h1><p>{body.split(chr(10))[-1]}</p>")
    else:
        mime.setText(body)
    assert _drop(window, mime)
    qtbot.waitUntil(lambda: window.reader.article is not None, timeout=IMPORT_TIMEOUT_MS)
    assert "The meeting ended without a statement." in window.reader.article.text
