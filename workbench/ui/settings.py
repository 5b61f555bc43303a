"""What the window remembers between runs (QSettings): docks and geometry, recent projects."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

ORGANISATION = "Analyst Workbench"
APPLICATION = "analyst-workbench"
RECENT_LIMIT = 10
# Bump when the docks change, so an old saved layout is not restored onto a new window.
LAYOUT_VERSION = 1


class WindowSettings:
    """A thin, typed layer over QSettings (tests pass an INI file of their own)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.store = settings if settings is not None else QSettings(ORGANISATION, APPLICATION)

    @classmethod
    def in_file(cls, path: Path) -> WindowSettings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def recent_projects(self) -> list[str]:
        value = self.store.value("recent/projects", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [str(path) for path in value if path]

    def remember_project(self, location: str) -> None:
        recent = [location, *(p for p in self.recent_projects() if p != location)]
        self.store.setValue("recent/projects", recent[:RECENT_LIMIT])

    def forget_project(self, location: str) -> None:
        recent = [p for p in self.recent_projects() if p != location]
        self.store.setValue("recent/projects", recent)

    def save_window(self, window: QMainWindow) -> None:
        self.store.setValue("window/geometry", window.saveGeometry())
        self.store.setValue("window/state", window.saveState(LAYOUT_VERSION))

    def restore_window(self, window: QMainWindow) -> bool:
        """Put the window and its docks back as they were; False if nothing was saved."""
        geometry = self.store.value("window/geometry")
        state = self.store.value("window/state")
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            return window.restoreState(state, LAYOUT_VERSION)
        return False

    @property
    def colour_scheme(self) -> str:
        return str(self.store.value("look/scheme", "system"))

    @colour_scheme.setter
    def colour_scheme(self, scheme: str) -> None:
        self.store.setValue("look/scheme", scheme)

    def sync(self) -> None:
        self.store.sync()
