"""File → Export report…: formats from the registry, scopes, the preview, the export itself
through the task runner, cancel, errors, and opening the file written."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from workbench.reports import FORMATS
from workbench.services.reporting import preview_report
from workbench.ui import export_dialog, export_dialog_job
from workbench.ui.export_dialog import ExportDialog
from workbench.ui.main_window import MainWindow
from workbench.ui.tasks import TaskControl

WAIT_MS = 30_000


@pytest.fixture
def dialog(qtbot, sample_window: MainWindow) -> ExportDialog:
    """The dialog as Ctrl+Shift+E opens it on the sample, its first preview shown."""
    sample_window.actions_.export_report.trigger()
    opened = sample_window.export_dialog
    qtbot.waitUntil(lambda: not opened.previewing, timeout=WAIT_MS)
    return opened


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder to export into."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _export(qtbot, dialog: ExportDialog, target: Path, fmt: str, *, writes: bool = True) -> None:
    dialog.choose_format(fmt)
    dialog.path.setText(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.exporting, timeout=WAIT_MS)
    said = dialog.message.text()
    assert target.exists() == writes, f"file written: {target.exists()}; the dialog says: {said}"


def test_the_shortcut_opens_the_dialog_with_every_registered_format(
    dialog: ExportDialog, sample_window: MainWindow
) -> None:
    """Ctrl+Shift+E is File → Export report…; its formats are exactly the report registry's."""
    assert sample_window.actions_.export_report.shortcut().toString() == "Ctrl+Shift+E"
    assert dialog.isVisible() and dialog.windowTitle() == "Export report"
    offered = [dialog.format.itemData(i) for i in range(dialog.format.count())]
    assert offered == list(FORMATS)


def test_the_preview_shows_the_article_title(dialog: ExportDialog, sample_window: MainWindow):
    """The HTML preview holds the selected article's title, and says what it previews."""
    title = sample_window.reader.article.title
    assert title in dialog.preview.toPlainText()
    assert dialog.caption.text() == "Preview of the 1 article"


def test_the_preview_highlights_claims_by_status(dialog: ExportDialog) -> None:
    """A claim's words in the preview carry its status colour, as in the file."""
    found = dialog.preview.document().find("Sources told Reuters")
    assert not found.isNull()
    assert found.charFormat().background().color().name() == "#fde68a"  # unverified


def _ink(image: QImage) -> int:
    """How many of the image's pixels (every fourth, both ways) are not white."""
    white = QColor(255, 255, 255)
    return sum(
        image.pixelColor(x, y) != white
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    )


def test_a_pdf_is_previewed_as_its_own_pages(qtbot, dialog: ExportDialog, sample_project) -> None:
    """Choosing PDF shows the PDF's first pages drawn as images (ink on white), and says which
    pages of how many the PDF has."""
    dialog.choose_format("pdf")
    qtbot.waitUntil(lambda: not dialog.previewing, timeout=WAIT_MS)
    assert dialog.preview_stack.currentWidget() is dialog.pages
    pages = dialog.pages.pages
    printed = len(PdfReader(io.BytesIO(preview_report(sample_project, "pdf", title=""))).pages)
    assert len(pages) == min(printed, export_dialog_job.PREVIEW_PAGES) > 1
    first = pages[0].pixmap().toImage()
    assert first.width() > 300 and first.height() > first.width()  # a portrait page
    assert _ink(first) > 200  # the title page's words, not a blank page
    shown = len(pages)
    expected = f"Preview of the 1 article: pages 1–{shown} of {printed} of the PDF, as printed"
    assert dialog.caption.text() == expected


def test_docx_says_it_shows_the_report_laid_out_as_html(qtbot, dialog: ExportDialog, sample_window):
    """Choosing Word shows the same report in HTML, and the caption says it is not Word's pages."""
    dialog.choose_format("pdf")
    qtbot.waitUntil(lambda: not dialog.previewing, timeout=WAIT_MS)
    dialog.choose_format("docx")
    qtbot.waitUntil(lambda: not dialog.previewing, timeout=WAIT_MS)
    assert dialog.preview_stack.currentWidget() is dialog.preview
    assert sample_window.reader.article.title in dialog.preview.toPlainText()
    assert "laid out as HTML, not as the DOCX file's pages" in dialog.caption.text()


def test_a_new_scope_cancels_the_preview_being_drawn(qtbot, dialog: ExportDialog, monkeypatch):
    """Changing the format while a PDF preview is being built cancels it; the new one is shown,
    and closing the dialog cancels the preview still running."""
    controls: list[TaskControl] = []
    started, go_on = threading.Event(), threading.Event()
    real_preview = export_dialog_job.preview

    def slow_preview(project, fmt, filters, control):
        controls.append(control)
        if fmt == "pdf":
            started.set()
            go_on.wait(WAIT_MS / 1000)
        return real_preview(project, fmt, filters, control)

    monkeypatch.setattr(export_dialog_job, "preview", slow_preview)
    dialog.choose_format("pdf")
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    dialog.choose_format("csv")
    assert controls[0].cancelled
    go_on.set()
    qtbot.waitUntil(lambda: not dialog.previewing, timeout=WAIT_MS)
    assert dialog.caption.text().endswith("as the csv file holds them")
    assert dialog.preview_stack.currentWidget() is dialog.preview
    started.clear()
    go_on.clear()
    dialog.choose_format("pdf")
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    dialog.close()
    assert controls[-1].cancelled
    go_on.set()


def test_a_text_format_is_previewed_as_its_own_text(qtbot, dialog: ExportDialog) -> None:
    """Choosing CSV previews the CSV itself: its header row and the claims' quotes."""
    dialog.choose_format("csv")
    qtbot.waitUntil(lambda: not dialog.previewing, timeout=WAIT_MS)
    rows = list(csv.DictReader(io.StringIO(dialog.preview.toPlainText().lstrip("\ufeff"))))
    assert dialog.caption.text().endswith("as the csv file holds them")
    assert any(row["Quote"].startswith("Sources told Reuters") for row in rows)


def test_exporting_writes_the_report_and_offers_to_open_it(
    qtbot, dialog: ExportDialog, sample_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    """Export writes the HTML file with the article and its claims; "Open the file" opens it."""
    opened: list[Path] = []
    monkeypatch.setattr(export_dialog, "open_in_desktop", lambda path: opened.append(path) or True)
    target = tmp_path / "report.html"
    _export(qtbot, dialog, target, "html")
    written = target.read_text(encoding="utf-8")
    assert sample_window.reader.article.title in written
    assert "Sources told Reuters" in written
    claims = len(sample_window.reader.article.claims)
    assert dialog.message.text() == f"Wrote report.html: 1 article, {claims} claims"
    assert dialog.open_button.isVisible()
    dialog.open_button.click()
    assert opened == [target]


def test_a_status_scope_exports_only_those_claims(
    qtbot, dialog: ExportDialog, sample_window: MainWindow, tmp_path: Path
) -> None:
    """Scope "claims with a status" writes a CSV holding only claims of that status."""
    statuses = {mark.status for mark in sample_window.reader.article.claims}
    wanted = sorted(statuses)[0]
    dialog.scope.choose("status")
    dialog.scope.status.setCurrentText(wanted)
    target = tmp_path / "claims.csv"
    _export(qtbot, dialog, target, "csv")
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    expected = [mark for mark in sample_window.reader.article.claims if mark.status == wanted]
    assert len(rows) == len(expected) > 0
    assert all(wanted in row.values() for row in rows)


def test_cancel_leaves_no_file(qtbot, dialog: ExportDialog, out: Path, monkeypatch) -> None:
    """Esc during a long export cancels it: no report, no partial file, and the dialog says so."""
    building, go_on = threading.Event(), threading.Event()
    real_build = export_dialog_job.build_report

    def slow_build(project, **filters):
        report = real_build(project, **filters)
        building.set()
        go_on.wait(WAIT_MS / 1000)
        return report

    monkeypatch.setattr(export_dialog_job, "build_report", slow_build)
    dialog.choose_format("pdf")
    dialog.path.setText(str(out / "report.pdf"))
    dialog.export_button.click()
    qtbot.waitUntil(building.is_set, timeout=WAIT_MS)
    assert dialog.progress.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # Esc cancels the export first, like the Cancel button
    go_on.set()
    qtbot.waitUntil(lambda: not dialog.exporting, timeout=WAIT_MS)
    assert list(out.iterdir()) == []
    assert dialog.message.text() == "Export cancelled: no file was written"
    assert not dialog.open_button.isVisible()


def test_a_folder_that_does_not_exist_is_explained(
    qtbot, dialog: ExportDialog, tmp_path: Path
) -> None:
    """Exporting into a missing folder says which folder, and writes nothing."""
    _export(qtbot, dialog, tmp_path / "nowhere" / "report.md", "md", writes=False)
    assert "does not exist" in dialog.message.text()
    assert dialog.message.text().startswith("Export failed: ")
    assert not (tmp_path / "nowhere").exists()


def test_a_search_scope_needs_words(dialog: ExportDialog, out: Path) -> None:
    """The search scope with nothing typed asks for a search instead of exporting."""
    dialog.scope.choose("search")
    dialog.scope.search.clear()
    dialog.path.setText(str(out / "report.html"))
    dialog.export_button.click()
    assert dialog.message.text() == "Type the search whose articles to export"
    assert not dialog.exporting and list(out.iterdir()) == []


def test_changing_the_format_changes_the_file_suffix(dialog: ExportDialog, tmp_path: Path):
    """Picking Markdown turns report.html into report.md in the file field."""
    dialog.path.setText(str(tmp_path / "report.html"))
    dialog.choose_format("md")
    assert dialog.path.text() == str(tmp_path / "report.md")


def test_the_shortcuts_page_lists_the_export(sample_window: MainWindow) -> None:
    """Help → Keyboard shortcuts shows Ctrl+Shift+E for Export report…"""
    sample_window.show_shortcuts()
    assert sample_window.shortcuts_page.keys_for("Export report…") == "Ctrl+Shift+E"


def test_the_current_search_scope_exports_what_it_finds(
    qtbot, dialog: ExportDialog, sample_window: MainWindow, out: Path
) -> None:
    """Scope "articles the search finds" with "Bushehr" writes the sample article; a search
    that finds nothing writes a report that says so."""
    dialog.scope.choose("search")
    dialog.scope.search.setText("Bushehr")
    _export(qtbot, dialog, out / "found.md", "md")
    assert sample_window.reader.article.title in (out / "found.md").read_text(encoding="utf-8")
    dialog.scope.search.setText("zeppelin")
    _export(qtbot, dialog, out / "none.md", "md")
    assert "No article matches these filters" in (out / "none.md").read_text(encoding="utf-8")


def test_the_file_chooser_fills_the_file_with_the_format_suffix(
    dialog: ExportDialog, out: Path, monkeypatch
) -> None:
    """Choose… offers the format's files; a name typed without suffix gets the format's."""
    asked: list[str] = []

    def chooser(_parent, _title, _start, offered):
        asked.append(offered)
        return str(out / "for-the-desk"), offered

    monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName", chooser)
    dialog.choose_format("docx")
    dialog.choose.click()
    assert asked == ["Word (DOCX) (*.docx)"]
    assert dialog.path.text() == str(out / "for-the-desk.docx")
