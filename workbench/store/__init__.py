"""Persistence: engines, the project file, unit of work, repositories, migrations."""

from workbench.store.errors import (
    NotAProject,
    ProjectAlreadyExists,
    ProjectError,
    ProjectInUse,
    ProjectNotFound,
    ProjectTooNew,
    RecordNotFound,
)
from workbench.store.project_store import ProjectStore
from workbench.store.unit_of_work import UnitOfWork

__all__ = [
    "NotAProject",
    "ProjectAlreadyExists",
    "ProjectError",
    "ProjectInUse",
    "ProjectNotFound",
    "ProjectStore",
    "ProjectTooNew",
    "RecordNotFound",
    "UnitOfWork",
]
