"""Starting the window: `run(project_path)` opens a project (by default the user's default
project, created with the sample on first run) in the workbench window.

The window's frame (`ui.opening`) is shown and painted first, before the store, the search and
the panels are imported; once it has painted, a queued call opens the project and puts the
workbench window, filled, in the frame's place. This module imports them only there.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workbench.services.desktop import APP_ID
from workbench.ui import stop_signals, unexpected
from workbench.ui.app_icon import application_icon
from workbench.ui.look import apply_scheme
from workbench.ui.opening import OpeningWindow, placed_like
from workbench.ui.settings import APPLICATION, ORGANISATION, WindowSettings

if TYPE_CHECKING:
    from workbench.services import Project
    from workbench.ui.main_window import MainWindow

FIRST_RUN = (
    "Welcome. This is your default project; it holds the annotated sample article to explore. "
    "Import your own articles with File → Import (Ctrl+I) or by dropping files on the window."
)


def application() -> QApplication:
    """The QApplication (made once), named so QSettings and the desktop know it."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Analyst Workbench")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    return app


class Workbench(QObject):
    """The open windows; opening another project replaces the window that asked for it."""

    def __init__(self, app: QApplication, settings: WindowSettings) -> None:
        super().__init__(app)
        self.app = app
        self.settings = settings
        self.windows: list[MainWindow] = []

    def show(
        self, project: Project, *, welcome: str = "", place: OpeningWindow | None = None
    ) -> MainWindow:
        """A workbench window on the project (where the frame `place` is, if given)."""
        from workbench.ui.main_window import MainWindow
        from workbench.ui.session import UiSession

        session = UiSession(project)
        window = MainWindow(session, self.settings)
        if place is not None:
            placed_like(window, place)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.open_requested.connect(lambda location: self.replace(window, location))
        window.destroyed.connect(lambda *_: self._forget(window))
        self.windows.append(window)
        window.show()
        if welcome:
            window.statusBar().showMessage(welcome, 20000)
        return window

    @Slot()
    def replace(self, window: MainWindow, location: str) -> None:
        from workbench.services import Project
        from workbench.services.team_credentials import with_password
        from workbench.store.errors import ProjectError
        from workbench.store.shared import shown_url, without_password

        if without_password(location) == window.session.project.store.location:
            return
        try:  # a shared case by URL: its password from the keyring, unless given
            project = Project.open(with_password(location))
        except ProjectError as error:
            window.session.report("Open project", error)
            self.settings.forget_project(without_password(location))
            problem_dialog(window, f"Could not open {shown_url(location)}", str(error))
            return
        self.settings.remember_project(project.store.location)  # never a password
        self.show(project)
        window.close()

    def _forget(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)


def problem_dialog(parent: QWidget | None, headline: str, reason: str) -> QMessageBox:
    """Say in a dialog (not only the status bar) why a project could not be opened."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Analyst Workbench", headline, parent=parent)
    box.setInformativeText(reason)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def open_start_project(project_path: str | None) -> tuple[Project, bool]:
    """The project asked for, else the default project (made with the sample the first time)."""
    from workbench.services import Project
    from workbench.services.workspace import default_project_path, open_or_create_with_sample

    if project_path:
        return Project.open(project_path), False
    return open_or_create_with_sample(default_project_path())


def open_last_project(last: str | None) -> tuple[Project, bool, str]:
    """The project opened last, else the default project. Returns (project, created, why the
    last one could not be reopened)."""
    from workbench.services import Project
    from workbench.services.team_credentials import with_password
    from workbench.store.errors import ProjectError

    if last:
        try:  # a shared case remembered by URL: its password from the keyring
            return Project.open(with_password(last)), False, ""
        except ProjectError as error:
            project, created = open_start_project(None)
            return project, created, f"{last}: {error}. The default project is open instead."
    project, created = open_start_project(None)
    return project, created, ""


class Opening(QObject):
    """Opens the start project once the frame has painted, then shows the workbench window in
    the frame's place. A project that cannot be opened is explained in a dialog and kept in
    `error` (the application then ends; `run` raises it)."""

    def __init__(
        self, app: QApplication, settings: WindowSettings, project_path: str | None
    ) -> None:
        super().__init__(app)
        self.app = app
        self.settings = settings
        self.project_path = project_path
        recent = settings.recent_projects()
        self.last = recent[0] if recent else None
        shown = project_path or self.last
        self.frame = OpeningWindow(settings, Path(shown).stem if shown else "")
        self.frame.painted.connect(self.attach)
        self.error: Exception | None = None
        self.window: MainWindow | None = None

    def start(self) -> OpeningWindow:
        self.frame.show()
        return self.frame

    @Slot()
    def attach(self) -> None:
        """Open the project and put its window where the frame is."""
        from workbench.store.errors import ProjectError

        try:
            if self.project_path:
                (project, created), problem = open_start_project(self.project_path), ""
            else:
                project, created, problem = open_last_project(self.last)
        except ProjectError as error:
            self.error = error
            QMessageBox.critical(self.frame, "Analyst Workbench", str(error))
            self.frame.close()  # the last window: the application ends, `run` raises the error
            return
        self.settings.remember_project(project.store.location)
        workbench = Workbench(self.app, self.settings)
        welcome = FIRST_RUN if created else ""
        self.window = workbench.show(project, welcome=welcome, place=self.frame)
        self.frame.close()
        self.frame.deleteLater()
        if problem:
            problem_dialog(self.window, "The last project could not be reopened", problem)


def run(project_path: str | None, on_start: Callable[[QApplication], object] | None = None) -> int:
    """Open the window on a project and run until it is closed; returns the exit code.

    `on_start(app)` runs once the application exists (the start-up benchmark watches paints).
    The frame paints first; the project opens after it (see `Opening`).
    """
    app = application()
    stop_signals.listen(app)
    unexpected.install()
    if on_start is not None:
        on_start(app)
    settings = WindowSettings()
    apply_scheme(app, settings.colour_scheme)
    app.styleHints().colorSchemeChanged.connect(
        lambda _scheme: apply_scheme(app, settings.colour_scheme)
    )
    opening = Opening(app, settings, project_path)
    opening.start()
    code = app.exec()
    if opening.error is not None:
        raise opening.error
    return code
