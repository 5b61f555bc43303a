"""The application's icon, from the same files the desktop is given (`resources/icons/`)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from workbench.resources import resource
from workbench.services.desktop import APP_ID


def application_icon() -> QIcon:
    """Every PNG size of the icon, so each place Qt draws it gets a sharp one."""
    icon = QIcon()
    for png in sorted(resource("icons", "hicolor").glob(f"*/apps/{APP_ID}.png")):
        icon.addFile(str(png))
    return icon
