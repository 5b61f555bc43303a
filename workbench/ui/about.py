"""Help → About: the workbench's version beside Qt's, Python's and the project's schema."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.services import Project
from workbench.services.about import AboutFacts, about_facts
from workbench.ui.app_icon import application_icon


def about_text(facts: AboutFacts, qt: str, pyside: str) -> str:
    return (
        f"<h3>Analyst Workbench {facts.version}</h3>"
        "<p>Claims, sources and attribution in news articles. "
        "Everything stays on this computer.</p>"
        f"<p>Qt {qt} (PySide6 {pyside}), Python {facts.python}<br>"
        f"Project schema: revision {facts.schema_revision or 'none'} "
        f"(this workbench's newest: {facts.schema_head})</p>"
        "<p>Licensed under the Apache License 2.0.</p>"
    )


def about_box(parent: QWidget, project: Project) -> QMessageBox:
    """The About box, with the application's icon, not yet shown."""
    text = about_text(about_facts(project), qVersion(), PySide6.__version__)
    box = QMessageBox(QMessageBox.Icon.NoIcon, "About Analyst Workbench", text, parent=parent)
    box.setIconPixmap(application_icon().pixmap(64, 64))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def show_about(parent: QWidget, project: Project) -> QMessageBox:
    box = about_box(parent, project)
    box.open()
    return box
