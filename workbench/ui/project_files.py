"""The File menu's project entries: new, open, open recent, open the sample project.

The window asks the application to open a project (`open_requested`); the application opens
it, shows it in a new window and closes the old one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog, QMainWindow

from workbench.services import Project
from workbench.services.workspace import create_sample_project, data_folder, sample_project_path
from workbench.store.errors import ProjectError
from workbench.ui.actions import WindowActions
from workbench.ui.open_shared import ask_shared_location
from workbench.ui.settings import WindowSettings

PROJECT_FILTER = "Workbench projects (*.wbproj)"


class ProjectFiles(QObject):
    def __init__(self, window: QMainWindow, settings: WindowSettings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings

    def attach(self, actions: WindowActions) -> None:
        actions.new_project.triggered.connect(self.new_project)
        actions.open_project.triggered.connect(self.open_project)
        actions.open_shared.triggered.connect(self.open_shared)
        actions.open_sample.triggered.connect(self.open_sample)
        self.recent_menu = actions.recent_menu
        if self.recent_menu is not None:
            self.recent_menu.aboutToShow.connect(self.fill_recent)
            self.fill_recent()

    def _open(self, location: str) -> None:
        self.window.open_requested.emit(location)  # type: ignore[attr-defined]

    def _report(self, what: str, error: BaseException) -> None:
        self.window.session.report(what, error)  # type: ignore[attr-defined]

    @Slot()
    def new_project(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window, "New project", str(data_folder() / "case.wbproj"), PROJECT_FILTER
        )
        if not chosen:
            return
        path = Path(chosen) if Path(chosen).suffix else Path(chosen).with_suffix(".wbproj")
        try:
            Project.create(path).close()
        except ProjectError as error:
            self._report("New project", error)
            return
        self._open(str(path))

    @Slot()
    def open_project(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self.window, "Open project", str(data_folder()), PROJECT_FILTER
        )
        if chosen:
            self._open(chosen)

    @Slot()
    def open_shared(self) -> None:
        location = ask_shared_location(self.window)
        if location:
            self._open(location)

    @Slot()
    def open_sample(self) -> None:
        path = sample_project_path()
        if not path.exists():
            try:
                create_sample_project(path).close()
            except ProjectError as error:
                self._report("Create the sample project", error)
                return
        self._open(str(path))

    @Slot()
    def fill_recent(self) -> None:
        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        recent = self.settings.recent_projects()
        for location in recent:
            action = menu.addAction(location)
            action.triggered.connect(lambda _checked=False, where=location: self._open(where))
        menu.setEnabled(bool(recent))
