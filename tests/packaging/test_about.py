"""Help → About names the versions a bug report needs: the workbench's, Qt's, Python's and the
open project's schema revision beside the newest this workbench knows."""

from __future__ import annotations

import platform

from alembic.script import ScriptDirectory
from PySide6.QtCore import qVersion

from workbench import __version__
from workbench.services import Project
from workbench.services.about import about_facts
from workbench.store.migrations import migrations_dir
from workbench.ui.about import about_text


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
