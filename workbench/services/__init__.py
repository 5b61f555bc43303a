"""Use cases, one small function each, shared by the command line and the window.

Every edit goes through `Project.command`, which makes it one transaction that is journalled,
queued for the search index and undoable.

`Project` and `ProjectChange` load with their first use (PEP 562), so importing a light service
module (e.g. `services.desktop`) does not import the store and SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.services.project import Project, ProjectChange

__all__ = ["Project", "ProjectChange"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from workbench.services import project

        return getattr(project, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
