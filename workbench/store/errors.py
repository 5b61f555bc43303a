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


# The server's reasons for refusing or ending a connection (SQLSTATE): class 08, the server
# shutting down or starting, the case's database not there (any other is the statement's).
_UNREACHABLE_STATES = {"57P01", "57P02", "57P03", "3D000"}


def store_unreachable(error: BaseException) -> str | None:
    """One line when `error` is a shared store's server refusing or dropping the connection
    (the server stopped, the case's database gone, the network down); None for any other
    error, a project file's included (SQLite's "database is locked" is the writer's)."""
    from psycopg import OperationalError as ServerError
    from sqlalchemy.exc import DBAPIError

    if not isinstance(error, DBAPIError):
        return None
    orig = error.orig
    if not isinstance(orig, ServerError):
        return None
    state = orig.sqlstate
    lost = error.connection_invalidated or state is None or state[:2] == "08"
    if not lost and state not in _UNREACHABLE_STATES:
        return None
    reason = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return f"the shared store cannot be reached ({reason})"
