"""Use cases, one small function each, shared by the command line and the window.

Every edit goes through `Project.command`, which makes it one transaction that is journalled,
queued for the search index and undoable.
"""

from workbench.services.project import Project, ProjectChange

__all__ = ["Project", "ProjectChange"]
