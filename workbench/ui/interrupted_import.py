"""On opening a project whose last import was killed: say what it stored and what not, in the
status bar and a small window, and offer to import the rest (nothing is stored twice)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QAbstractButton, QMainWindow, QMessageBox

from workbench.services.import_journal import describe, interrupted_import, set_aside
from workbench.store.import_journal import InterruptedImport
from workbench.ui.import_flow import ImportFlow
from workbench.ui.session import UiSession


class InterruptedImportOffer(QObject):
    """Asks once, when the window opens: "Import the rest", "Not now" or "Forget it"."""

    def __init__(self, session: UiSession, importer: ImportFlow, window: QMainWindow) -> None:
        super().__init__(window)
        self.session = session
        self.importer = importer
        self.window = window
        self.box: QMessageBox | None = None
        self.interrupted: InterruptedImport | None = None

    def offer(self) -> QMessageBox | None:
        """Show the offer if the last import was interrupted; returns the window shown."""
        found = interrupted_import(self.session.project)
        if found is None:
            return None
        text = describe(found)
        self.session.tell(text)
        if not found.not_stored:  # killed after its last file: nothing left to offer
            set_aside(self.session.project, found)
            return None
        self.interrupted = found
        box = QMessageBox(
            QMessageBox.Icon.Information, "Import interrupted", text, parent=self.window
        )
        box.setInformativeText(
            "Import the files that were not stored? Articles already in the project are"
            " recognised and not stored twice."
        )
        self.rest_button = box.addButton("Import the rest", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
        self.forget_button = box.addButton("Forget it", QMessageBox.ButtonRole.DestructiveRole)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.buttonClicked.connect(self._answered)
        box.open()
        self.box = box
        return box

    @Slot(QAbstractButton)
    def _answered(self, button: QAbstractButton) -> None:
        found, self.interrupted = self.interrupted, None
        if found is None:
            return
        if button is self.rest_button:
            self.importer.import_paths([], rest=found)
        elif button is self.forget_button:
            self.session.attempt("Forget the interrupted import", set_aside, found)
            self.session.tell("The interrupted import will not be offered again")
