"""File → Export report…: format, scope, a live preview of the first pages, the file, progress.

The formats are the report registry's (`workbench.reports.FORMATS`), the work is
`services.reporting` through the window's task runner — the same as `workbench export`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbench.reports import FORMATS, SUFFIXES, format_for
from workbench.reports.citations_style import CITING_FORMATS, STYLE_NAMES
from workbench.services.library import library_choices
from workbench.services.reporting import ExportCancelled
from workbench.ui import export_dialog_job as job
from workbench.ui.export_dialog_pages import PageView
from workbench.ui.export_dialog_scope import ScopeChooser, WindowScope
from workbench.ui.look import status_swatch
from workbench.ui.session import UiSession, describe
from workbench.ui.tasks import Cancelled, Task

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

PREVIEW_DELAY_MS = 300
FORMAT_NAMES = {  # how the analyst knows them; a format added later shows its key
    "html": "HTML",
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "md": "Markdown",
    "csv": "CSV (one row per claim)",
    "jsonld": "W3C Web Annotations (JSON-LD)",
    "qdpx": "REFI-QDA project (ATLAS.ti, NVivo, MAXQDA, QualCoder)",
    "stix": "STIX 2.1 bundle (OpenCTI, MISP)",
    "ftm": "FollowTheMoney entities (Aleph)",
    "claimreview": "ClaimReview (fact-checks, JSON-LD)",
    "csljson": "Citations as CSL-JSON (Zotero)",
    "ris": "Citations as RIS",
}


def format_name(fmt: str) -> str:
    return FORMAT_NAMES.get(fmt, fmt.upper())


def open_in_desktop(path: Path) -> bool:
    """Open a written file with the desktop's application for it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_export_dialog(window: MainWindow) -> ExportDialog:
    """The dialog, offered the library's selected articles, the search typed and the tags."""
    library = window.library
    rows = library.table.selectionModel().selectedRows()
    selected = (library.model.id_at(index.row()) for index in rows)
    offered = WindowScope(
        tuple(article for article in selected if article is not None),
        window.search.query.text().strip(),
        library_choices(window.session.project).tags,
    )
    dialog = ExportDialog(window.session, offered, window)
    dialog.show()
    dialog.raise_()
    return dialog


class ExportDialog(QDialog):
    """Choose what to export and where; watch the preview; export in the background."""

    def __init__(
        self, session: UiSession, offered: WindowScope, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Export report")
        self.exported: job.Exported | None = None
        self.task: Task | None = None
        self._preview_task: Task | None = None
        self._generation = 0
        self._typing = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._build(offered)
        self._connect()
        self.resize(1100, 720)
        self.refresh_preview()

    # -- building -----------------------------------------------------------------------------

    def _build(self, offered: WindowScope) -> None:
        self.format = QComboBox()
        self.format.setAccessibleName("Format")
        for fmt in FORMATS:
            self.format.addItem(format_name(fmt), fmt)
        self.scope = ScopeChooser(offered)
        self.title = QLineEdit(placeholderText="Annotated report")
        self.title.setAccessibleName("Report title")
        self.cite = QComboBox()  # footnotes citing the articles, for the formats that cite
        self.cite.setAccessibleName("Cite articles")
        self.cite.addItem("No citations", "")
        for style, name in STYLE_NAMES.items():
            self.cite.addItem(name, style)
        self.cite.setEnabled(self.fmt in CITING_FORMATS)
        self.path = QLineEdit(str(Path.home() / f"{self.session.project.name}-report.html"))
        self.path.setAccessibleName("Export to file")
        self.choose = QPushButton("Choose…")
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Preview")
        self.preview.setOpenLinks(False)
        self.preview.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.pages = PageView()
        self.preview_stack = QStackedWidget()
        self.preview_stack.addWidget(self.preview)
        self.preview_stack.addWidget(self.pages)
        self.caption = QLabel("Preparing the preview…")
        self.caption.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton("Export")
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.open_button = QPushButton("Open the file")
        self.open_button.setVisible(False)
        self.close_button = QPushButton("Close")
        self._lay_out()

    def _lay_out(self) -> None:
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.choose)
        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow(self.scope)
        form.addRow("Title", self.title)
        form.addRow("Cite articles", self.cite)
        form.addRow("File", where)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for button in (self.export_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        side = QWidget()
        left = QVBoxLayout(side)
        left.addLayout(form)
        left.addStretch(1)
        left.addWidget(self.progress)
        left.addWidget(self.message)
        shown = QWidget()
        right = QVBoxLayout(shown)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.caption)
        right.addWidget(self.preview_stack, 1)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(shown)
        splitter.setSizes([400, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.format.currentIndexChanged.connect(self._format_changed)
        self.scope.changed.connect(self._typing.start)
        self.title.textChanged.connect(lambda _t: self._typing.start())
        self.cite.currentIndexChanged.connect(lambda _i: self._typing.start())
        self._typing.timeout.connect(self.refresh_preview)
        self.choose.clicked.connect(self.choose_file)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        self.open_button.clicked.connect(self.open_file)

    # -- what is chosen -----------------------------------------------------------------------

    @property
    def fmt(self) -> str:
        return str(self.format.currentData())

    def choose_format(self, fmt: str) -> None:
        self.format.setCurrentIndex(self.format.findData(fmt))

    def filters(self) -> dict[str, Any]:
        """The keywords of `build_report`: the scope's filters and the title."""
        cited = self.fmt in CITING_FORMATS and self.cite.currentData()
        return {**self.scope.filters(), "title": self.title.text(), "citation_style": cited or ""}

    @Slot()
    def _format_changed(self) -> None:
        path = Path(self.path.text().strip())
        if path.name and format_for(path.suffix) is not None:
            self.path.setText(str(path.with_suffix(SUFFIXES[self.fmt])))
        self.cite.setEnabled(self.fmt in CITING_FORMATS)
        self.refresh_preview()

    @Slot()
    def choose_file(self) -> None:
        suffix = SUFFIXES[self.fmt]
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Export report to", self.path.text(), f"{format_name(self.fmt)} (*{suffix})"
        )
        if chosen:
            self.path.setText(chosen if Path(chosen).suffix else chosen + suffix)

    # -- preview ------------------------------------------------------------------------------

    @Slot()
    def refresh_preview(self) -> None:
        """Build the first pages again for the chosen format and scope, in the background."""
        self._typing.stop()
        self._generation += 1
        if self._preview_task is not None:
            self._preview_task.cancel()
        problem = self.scope.problem()
        if problem:
            self._show_preview(job.Preview("", "", problem))
            return
        generation, fmt, filters = self._generation, self.fmt, self.filters()
        self.caption.setText("Preparing the preview…")
        project = self.session.project
        self._preview_task = self.session.tasks.run(
            "Preview report",
            lambda control: job.preview(project, fmt, filters, control),
            on_done=lambda shown: self._previewed(generation, shown),
            on_error=lambda error: self._preview_failed(generation, error),
            writes=False,
            owner=self,
        )

    def _previewed(self, generation: int, shown: job.Preview) -> None:
        if generation == self._generation:
            self._preview_task = None
            self._show_preview(shown)

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation and not isinstance(error, Cancelled):
            self._preview_task = None
            self._show_preview(job.Preview("", "", f"No preview: {describe(error)}"))

    def _show_preview(self, shown: job.Preview) -> None:
        self.caption.setText(shown.caption)
        self.pages.show_pages(shown.pages)
        self.preview_stack.setCurrentWidget(self.pages if shown.pages else self.preview)
        if shown.pages:
            self.preview.clear()
        elif shown.html:
            self.preview.setHtml(shown.html)
        else:
            self.preview.setPlainText(shown.text)

    @property
    def previewing(self) -> bool:
        return self._preview_task is not None or self._typing.isActive()

    # -- export -------------------------------------------------------------------------------

    @Slot()
    def start_export(self) -> None:
        problem = self.scope.problem() or self._path_problem()
        if problem:
            self._say(problem, error=True)
            return
        project, fmt, filters = self.session.project, self.fmt, self.filters()
        target = Path(self.path.text().strip()).expanduser()
        self.exported = None
        self.open_button.setVisible(False)
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._say(f"Exporting to {target.name}…")
        self.task = self.session.tasks.run(
            "Export report",
            lambda control: job.export(project, fmt, target, filters, control),
            on_done=self._exported,
            on_error=self._export_failed,
            writes=False,
            owner=self,
        )
        self.task.progressed.connect(self._progressed)

    def _path_problem(self) -> str:
        return "" if self.path.text().strip() else "Choose the file to export to"

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if message:
            self._say(message)

    def _exported(self, done: job.Exported) -> None:
        self._finish()
        self.exported = done
        self.open_button.setVisible(True)
        self.open_button.setFocus()
        self._say(done.summary)
        self.session.tell(done.summary)

    def _export_failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, Cancelled | ExportCancelled):
            self._say("Export cancelled: no file was written")
        else:
            self._say(f"Export failed: {describe(error)}", error=True)

    def _finish(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)

    @property
    def exporting(self) -> bool:
        return self.task is not None

    @Slot()
    def cancel(self) -> None:
        """Stop a running export; with none running, close the dialog."""
        if self.task is not None:
            self.task.cancel()
            self._say("Cancelling…")
        else:
            self.close()

    @Slot()
    def open_file(self) -> None:
        if self.exported is not None and not open_in_desktop(self.exported.path):
            self._say(f"No application opens {self.exported.path.name} here", error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        colour = status_swatch("refuted").name()
        self.message.setStyleSheet(f"color: {colour}; font-weight: bold;" if error else "")

    def reject(self) -> None:
        """Esc: like Cancel — stop a running export, or else close."""
        if self.task is not None:
            self.cancel()
            return
        self._stop_tasks()
        super().reject()

    def _stop_tasks(self) -> None:
        for task in (self.task, self._preview_task):
            if task is not None:
                task.cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_tasks()
        super().closeEvent(event)
