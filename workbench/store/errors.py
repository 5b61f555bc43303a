"""What can go wrong opening or using a project, each with a message an analyst can act on."""


class ProjectError(Exception):
    """Base of every error the store reports; its message is one clear line."""


class ProjectNotFound(ProjectError):
    pass


class NotAProject(ProjectError):
    pass


class ProjectTooNew(ProjectError):
    pass


class ProjectInUse(ProjectError):
    pass


class ProjectAlreadyExists(ProjectError):
    pass


class MigrationsMissing(ProjectError):
    pass


class RecordNotFound(ProjectError):
    pass


class ProjectDamaged(ProjectError):
    """SQLite or the workbench's own checks find the project damaged."""
