"""Help → About names the versions a bug report needs: the workbench's, Qt's, Python's and the
open project's schema revision beside the newest this workbench knows."""

from __future__ import annotations

import platform

from alembic.script import ScriptDirectory
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from workbench import __version__
from workbench.services import Project
from workbench.services.about import about_facts
from workbench.store.migrations import migrations_dir
from workbench.ui.about import about_text, show_about


def test_about_names_every_version(sample_project: Project) -> None:
    """The About text shows the package version, Qt, Python and the project's schema."""
    head = ScriptDirectory(str(migrations_dir())).get_current_head()
    facts = about_facts(sample_project)
    assert (facts.schema_revision, facts.schema_head) == (head, head)
    text = about_text(facts, qVersion(), "6.x")
    python = platform.python_version()
    for shown in (f"Analyst Workbench {__version__}", f"Qt {qVersion()}", python):
        assert shown in text
    assert f"revision {head}" in text


def test_about_box_shows_the_icon_and_the_versions(qtbot: QtBot, sample_project: Project) -> None:
    """Help → About opens a box (not blocking the window) with the icon and the versions."""
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_about(parent, sample_project)
    qtbot.waitUntil(box.isVisible)
    assert f"Analyst Workbench {__version__}" in box.text()
    assert not box.iconPixmap().isNull()
    box.close()
