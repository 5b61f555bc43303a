"""Help → About: the workbench's version beside Qt's, Python's and the project's schema."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.services import Project
from workbench.services.about import AboutFacts, about_facts


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


def show_about(parent: QWidget, project: Project) -> None:
    text = about_text(about_facts(project), qVersion(), PySide6.__version__)
    QMessageBox.about(parent, "About Analyst Workbench", text)
