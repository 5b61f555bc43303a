"""Bringing articles in: File → Import (files or a folder), drag and drop, and paste.

The import runs on the task runner (the window stays responsive) with a progress dialog that
shows the rate and can cancel; at the end a summary lists what came in and, for every file
that failed, why.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QProgressDialog

from workbench.domain.text import plural
from workbench.ui.session import UiSession
from workbench.ui.tasks import Task, TaskControl

if TYPE_CHECKING:  # the importer (and its extractors) load on first use, not at start-up
    from workbench.services.importing import ImportProgress, ImportSummary
    from workbench.store.import_journal import InterruptedImport
    from workbench.ui.exchange_import import ExchangeImport
    from workbench.ui.import_summary import ImportSummaryDialog

FILE_FILTER = (
    "Articles (*.html *.htm *.mhtml *.mht *.txt *.md *.markdown *.pdf *.docx *.eml *.xml *.rss "
    "*.atom);;Exchange files (*.qdpx *.jsonld *.json *.ftm *.stix *.ris *.csljson);;All files (*)"
)


class ImportFlow(QObject):
    """Runs imports for one window; `last_summary` keeps the latest summary shown."""

    def __init__(self, session: UiSession, window: QMainWindow) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.summary_dialog: ImportSummaryDialog | None = None
        self.last_summary: ImportSummary | None = None
        self.exchange_import: ExchangeImport | None = None
        self._started = 0.0

    # -- asking what to import ----------------------------------------------------------------

    @Slot()
    def choose_files(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(
            self.window, "Import articles", str(Path.home()), FILE_FILTER
        )
        if chosen:
            self.import_paths([Path(path) for path in chosen])

    @Slot()
    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self.window, "Import a folder", str(Path.home()))
        if chosen:
            self.import_paths([Path(chosen)])

    def accepts(self, mime: QMimeData) -> bool:
        """Files, folders, or text/HTML dragged over the window can be imported."""
        if mime.hasUrls():
            return any(url.isLocalFile() for url in mime.urls())
        return mime.hasHtml() or mime.hasText()

    def drop(self, mime: QMimeData) -> bool:
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        if paths:
            self.import_paths(paths)
            return True
        if mime.hasHtml() or mime.hasText():
            self.import_content(mime.text() if mime.hasText() else None, _html(mime))
            return True
        return False

    @Slot()
    def paste(self) -> None:
        """Ctrl+Shift+V: the text or web page on the clipboard becomes an article."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not (mime.hasText() or mime.hasHtml()):
            self.session.tell("The clipboard holds no text to make an article of")
            return
        self.import_content(mime.text() if mime.hasText() else None, _html(mime))

    # -- importing ----------------------------------------------------------------------------

    def import_paths(self, paths: list[Path], rest: InterruptedImport | None = None) -> Task | None:
        """Import files and folders (or, with `rest`, what an interrupted import left)."""
        if self.task is not None:
            self.session.tell("An import is already running; wait for it or cancel it")
            return None
        if rest is None:  # exchange files (told by content) go to their own import
            from workbench.ui.exchange_import import ExchangeImport, split_exchange

            exchange, paths = split_exchange(paths)
            if exchange:
                self.exchange_import = ExchangeImport(self.session, self.window)
                self.exchange_import.start(exchange)
            if not paths:
                return None
        from workbench.services import import_journal, importing

        project = self.session.project

        def work(control: TaskControl) -> ImportSummary:
            def progress(step: ImportProgress) -> None:
                control.progress(step.count, step.total, step.current)

            cancel = control.cancel_event
            if rest is not None:
                return import_journal.import_rest(project, rest, progress=progress, cancel=cancel)
            return importing.import_paths(project, paths, progress=progress, cancel=cancel)

        self._started = time.monotonic()
        self.task = self.session.tasks.run("Import", work, on_done=self._finished)
        self.task.failed.connect(lambda _error: self._close_progress())
        self.task.progressed.connect(self._progressed)
        self._open_progress(len(rest.not_stored) if rest is not None else len(paths))
        return self.task

    def import_content(self, text: str | None, html: str | None) -> Task:
        from workbench.services import importing

        project = self.session.project

        def work(_control: TaskControl) -> int:
            return importing.import_clipboard(project, text=text, html=html)

        return self.session.tasks.run("Paste as article", work, on_done=self._pasted)

    def _open_progress(self, count: int) -> None:
        dialog = QProgressDialog("Starting the import…", "Cancel", 0, 0, self.window)
        dialog.setWindowTitle("Importing")
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        dialog.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.progress = dialog
        self.session.tell(f"Importing {plural(count, 'item')}…")

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, name: str) -> None:
        if self.progress is None:
            return
        elapsed = max(time.monotonic() - self._started, 1e-6)
        rate = done / elapsed
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        shown = Path(name).name if name else ""
        self.progress.setLabelText(
            f"{done} of {total} files · {rate:.1f} files/s" + (f"\n{shown}" if shown else "")
        )

    @Slot()
    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.session.tell("Cancelling the import after the current file…")

    def _close_progress(self) -> None:
        self.task = None
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if QApplication.activeWindow() is None:
            self.window.activateWindow()

    @Slot(object)
    def _finished(self, summary: ImportSummary) -> None:
        self._close_progress()
        self.session.flush()
        self.session.tell(f"Import: {summary.headline()}")
        if _worth_a_summary(summary):
            self._show_summary(summary)
        if len(summary.imported) == 1 or (summary.imported and self._reader_empty()):
            self.window.open_article(summary.imported[0].article_id)  # type: ignore[attr-defined]
        self.last_summary = summary

    def _show_summary(self, summary: ImportSummary) -> None:
        """The summary window, shown beside the work (it does not take the keyboard)."""
        from workbench.ui.import_summary import ImportSummaryDialog

        if self.summary_dialog is not None:
            self.summary_dialog.close()
        dialog = ImportSummaryDialog(summary, self.window)
        dialog.open_article.connect(self.window.open_article)  # type: ignore[attr-defined]
        dialog.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.summary_dialog = dialog
        dialog.show()

    def _reader_empty(self) -> bool:
        return self.window.reader.article is None  # type: ignore[attr-defined]

    @Slot(object)
    def _pasted(self, article_id: object) -> None:
        self.session.flush()
        if isinstance(article_id, int):
            self.window.open_article(article_id)  # type: ignore[attr-defined]
            self.session.tell("The clipboard's text is now an article")


def _worth_a_summary(summary: ImportSummary) -> bool:
    """A clean import of one file needs no window: the status bar says it."""
    quiet = len(summary.imported) <= 1 and not summary.skipped
    return not quiet or bool(summary.failures or summary.duplicates or summary.cancelled)


def _html(mime: QMimeData) -> str | None:
    return mime.html() if mime.hasHtml() else None
