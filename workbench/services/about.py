"""What Help → About says: this workbench's version, Python's, and the open project's schema."""

from __future__ import annotations

import platform
from dataclasses import dataclass

from workbench import __version__
from workbench.services.project import Project
from workbench.store.migrations import schema_state


@dataclass(frozen=True)
class AboutFacts:
    version: str
    python: str
    schema_revision: str | None  # the open project's
    schema_head: str  # the newest this workbench knows


def about_facts(project: Project) -> AboutFacts:
    """The versions an analyst quotes in a bug report, the project's schema among them."""
    state = schema_state(project.store.engine)
    return AboutFacts(__version__, platform.python_version(), state.current, state.head)
