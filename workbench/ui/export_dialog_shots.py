"""Screenshots of the window's export and "All claims" views (a step of `make screenshots`)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


def export_dialog(window: MainWindow, app: QApplication, folder: Path) -> list[Path]:
    """File → Export report… on the sample article as PDF, its first pages drawn."""
    from workbench.ui.screenshots import save, settle

    window.actions_.export_report.trigger()
    dialog = window.export_dialog
    dialog.resize(1180, 760)
    dialog.title.setText("Iran and Russia: what the sources say")
    dialog.choose_format("pdf")
    dialog.refresh_preview()
    deadline = time.monotonic() + 30
    while dialog.previewing and time.monotonic() < deadline:
        settle(app, 0.1)
    settle(app)
    if len(dialog.pages.pages) > 2:  # the article's first page, its claims highlighted
        dialog.pages.verticalScrollBar().setValue(dialog.pages.pages[2].y() - 12)
    settle(app)
    shot = save(dialog, folder / "export-dialog.png")
    dialog.close()
    return [shot]


def _until_listed(window: MainWindow, app: QApplication) -> None:
    from workbench.ui.screenshots import settle

    deadline = time.monotonic() + 30
    settle(app)
    while window.all_claims.model.listing and time.monotonic() < deadline:
        settle(app, 0.1)


def all_claims(window: MainWindow, app: QApplication, folder: Path) -> list[Path]:
    """The "All claims" dock after a bulk edit: three claims set to "disputed" in one step."""
    from workbench.ui.screenshots import save, settle

    dock = window.all_claims_dock
    dock.setFloating(True)
    dock.resize(1380, 420)
    window.show_all_claims()
    panel = window.all_claims
    _until_listed(window, app)
    chosen = panel.model.ids[:3]
    panel.select_ids(chosen)
    panel.set_status("disputed")
    settle(app, 0.5)  # the list catches up with the change
    _until_listed(window, app)
    panel.select_ids(chosen)
    settle(app)
    shot = save(dock, folder / "all-claims.png")
    window.undo()
    dock.setFloating(False)
    window.claims_dock.raise_()
    window.resizeDocks([window.claims_dock], [230], Qt.Orientation.Vertical)
    settle(app)
    return [shot]
