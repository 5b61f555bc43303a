"""The window: every exchange format in the Export dialog, and exchange files imported through
File → Import (a REFI-QDA project after its code preview, where codes can become kinds)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from workbench.services import Project
from workbench.services.queries import claim_views, project_counts
from workbench.services.reporting import export_report
from workbench.ui.exchange_import import ExchangeImport
from workbench.ui.main_window import MainWindow

from ..ui.conftest import open_window, sample_window, settings
from .test_refi_qda import _foreign

__all__ = ["open_window", "sample_window", "settings"]  # the window's fixtures, shared

pytestmark = pytest.mark.gui
WAIT_MS = 30_000
OpenWindow = Callable[[Project], MainWindow]
EXCHANGE = ("qdpx", "stix", "ftm", "claimreview", "csljson", "ris")


def _exchange(window: MainWindow) -> ExchangeImport:
    """The window's import of exchange files (there once one was asked for)."""
    found = window.importer.exchange_import
    assert found is not None
    return found


def test_the_export_dialog_offers_and_writes_every_exchange_format(
    qtbot: QtBot, sample_window: MainWindow, tmp_path: Path
) -> None:
    """The dialog names every exchange format; a .qdpx written from it holds project.qde."""
    sample_window.actions_.export_report.trigger()
    dialog = sample_window.export_dialog
    qtbot.waitUntil(lambda: not dialog.previewing, timeout=WAIT_MS)
    names = {
        dialog.format.itemData(i): dialog.format.itemText(i) for i in range(dialog.format.count())
    }
    assert set(EXCHANGE) <= set(names)
    assert names["qdpx"].startswith("REFI-QDA") and names["stix"].startswith("STIX 2.1")
    dialog.choose_format("qdpx")
    target = tmp_path / "case.qdpx"
    dialog.path.setText(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.exporting, timeout=WAIT_MS)
    with zipfile.ZipFile(target) as archive:
        assert "project.qde" in archive.namelist()


def test_a_qdpx_is_imported_after_the_analyst_chooses_what_its_codes_become(
    qtbot: QtBot, open_window: OpenWindow, project: Project, tmp_path: Path
) -> None:
    """Importing a .qdpx asks what codes become; “Forecast” as a kind gives a prediction."""
    window = open_window(project)
    window.importer.import_paths([_foreign(tmp_path)])
    qtbot.waitUntil(lambda: _exchange(window).dialog is not None, timeout=WAIT_MS)
    dialog = _exchange(window).dialog
    assert dialog is not None
    assert [code.name for code in dialog.codes] == ["Economy", "Forecast"]  # the codable ones
    dialog.choose("Forecast", "claim kind: prediction")
    dialog.accept()
    qtbot.waitUntil(lambda: bool(_exchange(window).summaries), timeout=WAIT_MS)
    [claim] = claim_views(project)
    assert (claim.kind, claim.tags) == ("prediction", ("Economy",))


def test_a_stix_bundle_is_imported_without_a_question(
    qtbot: QtBot, open_window: OpenWindow, sample_project: Project, project: Project, tmp_path: Path
) -> None:
    """A bundle (told by its content) goes straight in, and the status line says what came."""
    bundle = export_report(sample_project, "stix", tmp_path / "feed.json")
    window = open_window(project)
    window.importer.import_paths([bundle])
    qtbot.waitUntil(lambda: bool(_exchange(window).summaries), timeout=WAIT_MS)
    assert project_counts(project).claims == project_counts(sample_project).claims


def test_the_export_dialog_cites_articles_in_markdown_in_the_chosen_style(
    qtbot: QtBot, sample_window: MainWindow, tmp_path: Path
) -> None:
    """“Cite articles” is offered for the documents (not CSV); Chicago puts the citation in a
    Markdown footnote."""
    sample_window.actions_.export_report.trigger()
    dialog = sample_window.export_dialog
    dialog.choose_format("csv")
    assert not dialog.cite.isEnabled()
    dialog.choose_format("html")
    assert dialog.cite.isEnabled()
    dialog.choose_format("md")
    assert dialog.cite.isEnabled()
    dialog.cite.setCurrentIndex(dialog.cite.findText("Chicago (notes)"))
    qtbot.waitUntil(lambda: not dialog.previewing, timeout=WAIT_MS)
    target = tmp_path / "cited.md"
    dialog.path.setText(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.exporting, timeout=WAIT_MS)
    assert "[^a1]: Ruta Deshpande" in target.read_text(encoding="utf-8")
