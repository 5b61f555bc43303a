"""Small things analysts hit: Ctrl+Y redoes, the last project reopens at start, a project that
cannot be opened is explained in a dialog, the combined grade ("B3") shows beside the claim,
counts say "1 claim" / "2 claims", and pasted HTML is read exactly as the same page imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench.cli import main as cli_main
from workbench.domain.text import plural
from workbench.services import Project, entities
from workbench.services.importing import ImportSummary, import_paths
from workbench.services.queries import article_summary, claim_view
from workbench.services.reading import article_for_reading
from workbench.ui import app as workbench_app
from workbench.ui.claims_panel import GRADE
from workbench.ui.main_window import MainWindow

WAIT_MS = 15_000
UNHAPPY = "Sources told Reuters that the Iranian leadership"


@pytest.fixture
def private_user_folders(monkeypatch, tmp_path: Path) -> Path:
    """The user's data and settings folders, moved into the test's temp folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    native, user = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    QSettings.setPath(native, user, str(tmp_path / "config"))
    yield tmp_path
    config = QStandardPaths.StandardLocation.GenericConfigLocation
    QSettings.setPath(native, user, QStandardPaths.writableLocation(config))


def _look_then_close(seen: dict[str, object]) -> None:
    """Once the window shows, note its title and any message box over it, then close it."""

    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen["title"] = widget.windowTitle()
                seen["boxes"] = [
                    f"{box.text()} {box.informativeText()}"
                    for box in widget.findChildren(QMessageBox)
                    if box.isVisible()
                ]
                widget.close()
                return
        QTimer.singleShot(100, close)  # the project opens after the frame has painted

    QTimer.singleShot(300, close)


def test_ctrl_y_redoes_what_ctrl_z_undid(qtbot, sample_window: MainWindow):
    """Grade a claim, Ctrl+Z undoes it, Ctrl+Y redoes it (as Ctrl+Shift+Z does)."""
    window = sample_window
    project = window.session.project
    claim = next(m.id for m in window.reader.article.claims if UNHAPPY in m.exact)
    window.select_claim(claim)
    before = claim_view(project, claim).credibility
    window.inspector.grade(5 if before != 5 else 4)
    after = claim_view(project, claim).credibility
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Z, ctrl)
    assert claim_view(project, claim).credibility == before
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Y, ctrl)
    assert claim_view(project, claim).credibility == after
    assert window.statusBar().currentMessage().startswith("Redone: Grade claim")


def test_the_last_project_opened_is_reopened_at_start(qtbot, private_user_folders: Path):
    """With no project named, the window opens on the project opened last, not the default."""
    path = private_user_folders / "case.wbproj"
    Project.create(path).close()
    workbench_app.WindowSettings().remember_project(str(path))
    seen: dict[str, object] = {}
    _look_then_close(seen)
    assert workbench_app.run(None) == 0
    assert seen["title"] == "case — Analyst Workbench"
    assert seen["boxes"] == []


def test_a_last_project_that_cannot_open_is_explained_in_a_dialog(
    qtbot, private_user_folders: Path
):
    """A last project that is damaged opens the default project instead, and a dialog says
    which file could not be reopened and why."""
    broken = private_user_folders / "broken.wbproj"
    broken.write_bytes(b"this is not a project file at all" * 100)
    workbench_app.WindowSettings().remember_project(str(broken))
    seen: dict[str, object] = {}
    _look_then_close(seen)
    assert workbench_app.run(None) == 0
    assert seen["title"] == "default — Analyst Workbench"
    boxes = seen["boxes"]
    assert len(boxes) == 1 and "could not be reopened" in boxes[0] and str(broken) in boxes[0]


def test_an_error_opening_a_project_appears_in_a_dialog(
    qtbot, sample_project: Project, settings, tmp_path: Path
):
    """File → Open on a damaged file keeps the window and explains the error in a dialog."""
    broken = tmp_path / "damaged.wbproj"
    broken.write_bytes(b"\x00garbage" * 500)
    workbench = workbench_app.Workbench(workbench_app.application(), settings)
    window = workbench.show(sample_project)
    qtbot.addWidget(window)
    window.open_requested.emit(str(broken))
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)), timeout=WAIT_MS)
    box = window.findChildren(QMessageBox)[0]
    assert box.isVisible()
    assert box.text() == f"Could not open {broken}"
    assert box.informativeText()  # the store's reason, in the analyst's words
    assert workbench.windows == [window]
    box.close()


def test_the_combined_grade_shows_in_the_inspector_and_the_claims_list(sample_window):
    """The claim's grade reads as its first-hand source's reliability and its credibility
    ("F2"), and follows when that source is graded B."""
    window = sample_window
    project = window.session.project
    claim = next(m.id for m in window.reader.article.claims if UNHAPPY in m.exact)
    window.select_claim(claim)
    view = claim_view(project, claim)
    first = view.attribution[0]
    expected = f"{first.reliability}{view.credibility}"
    assert window.inspector.grade_label.text().startswith(f"{expected} — {first.name}")
    row = window.claims.claims.row_of(claim)
    assert window.claims.claims.index(row, GRADE).data() == expected
    entities.grade_source(project, first.source_id, "B")
    assert window.inspector.grade_label.text().startswith(f"B{view.credibility} — ")
    row = window.claims.claims.row_of(claim)
    assert window.claims.claims.index(row, GRADE).data() == f"B{view.credibility}"


def test_counts_say_one_claim_and_two_claims(sample_window, tmp_path: Path, capsys):
    """The window and the command line say "1 article", "6 claims", never "claim(s)"."""
    window = sample_window
    assert window.library.count_label.text() == "1 article"
    assert window.status_line.counts.text().startswith("1 article · 6 claims")
    tooltip = window.library.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.endswith("6 claims")
    summary = ImportSummary(total=2, skipped=["notes.odt"])
    assert "left alone: 1 file in the folders" in "\n".join(summary.lines())
    assert cli_main(["sample", str(tmp_path / "cli.wbproj")]) == 0
    said = capsys.readouterr().out
    assert ": 1 article, 6 claims, 5 sources, 9 actors, 3 events" in said
    assert (plural(1, "claim"), plural(2, "claim"), plural(0, "claim")) == (
        "1 claim", "2 claims", "0 claims"
    )  # fmt: skip


def test_pasted_html_is_read_like_the_same_page_imported(
    qtbot, open_window, project: Project, tmp_path: Path, corpus: Path
):
    """The seed page pasted as HTML (Ctrl+Shift+V) gives the same text, title, outlet,
    authors, date, address and language as importing the saved .html file."""
    page = corpus / "seed" / "putin-iran-deftechtimes.html"
    with Project.create(tmp_path / "imported.wbproj") as other:
        summary = import_paths(other, [page], workers=0)
        imported_id = summary.imported[0].article_id
        imported = article_summary(other, imported_id)
        imported_text = article_for_reading(other, imported_id).text
    window: MainWindow = open_window(project)
    mime = QMimeData()
    mime.setHtml(page.read_bytes().decode("utf-8"))
    mime.setText("plain text the browser also offers")
    clipboard = QGuiApplication.clipboard()
    clipboard.setMimeData(mime)
    shortcut = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    try:
        qtbot.keyClick(window.reader.text, Qt.Key.Key_V, shortcut)
        qtbot.waitUntil(lambda: window.reader.article is not None, timeout=WAIT_MS)
    finally:
        clipboard.clear()  # the offscreen platform crashes at exit when it still owns data
    pasted = article_summary(project, window.reader.article.id)
    assert window.reader.article.text == imported_text
    for field in ("title", "outlet", "authors", "published", "url", "language"):
        assert getattr(pasted, field) == getattr(imported, field), field
    assert pasted.outlet and pasted.authors and pasted.published
