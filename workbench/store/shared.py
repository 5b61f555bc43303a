"""Shared stores on a database server (PostgreSQL): URLs, connecting, creating, who is editing.

A shared store is named by a URL (`postgresql://analyst@server/case`); the workbench speaks to
PostgreSQL through psycopg 3, so a URL naming no driver gets it. Messages show a URL with its
password hidden. The analyst is the database role the connection logs in as.
"""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from workbench.store.errors import ProjectAlreadyExists, ProjectError, ProjectNotFound

DRIVERS = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg"}


def normalized_url(location: str) -> str:
    """The URL with psycopg named as the driver for PostgreSQL ("postgres://" taken too)."""
    scheme, _, rest = location.partition("://")
    return f"{DRIVERS.get(scheme, scheme)}://{rest}"


def shown_url(location: str) -> str:
    """The URL as messages show it: its password hidden."""
    try:
        return make_url(location).render_as_string(hide_password=True)
    except ArgumentError:
        return location


def shared_engine(location: str) -> Engine:
    """An engine on the store at `location`, checked to be reachable."""
    try:
        engine = create_engine(normalized_url(location), pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError) as error:
        raise ProjectError(
            f"{shown_url(location)} is not a database URL the workbench can use ({error})"
        ) from None
    try:
        with engine.connect():
            pass
    except DBAPIError as error:
        engine.dispose()
        raise cannot_connect(location, error) from None
    return engine


def cannot_connect(location: str, error: DBAPIError) -> ProjectError:
    reason = str(error.orig).strip().splitlines()[-1] if error.orig else str(error)
    kind = ProjectNotFound if "does not exist" in reason else ProjectError
    return kind(f"cannot open {shown_url(location)}: {reason}")


def check_empty(engine: Engine, location: str) -> None:
    """Refuse to make a project in a database that already holds tables."""
    tables = inspect(engine).get_table_names()
    if tables:
        raise ProjectAlreadyExists(
            f"{shown_url(location)} already holds tables ({', '.join(sorted(tables)[:3])}…);"
            " a new project needs an empty database"
        )


def current_role(engine: Engine) -> str:
    """The database role this engine's connections log in as (the analyst, on a server)."""
    with engine.connect() as connection:
        return str(connection.execute(text("SELECT current_user")).scalar())


def backup_advice(location: str) -> str:
    url = make_url(normalized_url(location))
    return (
        f"back it up first (pg_dump -Fc -h {url.host or 'localhost'} -U {url.username or 'ROLE'}"
        f" {url.database} > {url.database}-before-upgrade.dump), then run"
        f" `workbench upgrade {shown_url(location)}`"
    )


def check_capture(engine: Engine, location: str) -> None:
    """Refuse editing a store whose tables lack the change capture (made by hand, not by
    `workbench new`): without it an edit could be neither undone nor indexed."""
    from workbench.store.capture import recorded_tables
    from workbench.store.capture_pg import triggered_tables

    with engine.connect() as connection:
        missing = {t.name for t in recorded_tables()} - set(triggered_tables(connection))
    if missing:
        raise ProjectError(
            f"{shown_url(location)} has no change capture on {', '.join(sorted(missing)[:3])};"
            f" the store's owner must run `workbench upgrade {shown_url(location)}` once"
        )


def may_edit(engine: Engine) -> bool:
    """Whether the database lets this role edit the case (a reader's may not)."""
    with engine.connect() as connection:
        return bool(
            connection.execute(
                text(
                    "SELECT CASE WHEN to_regclass('articles') IS NULL THEN true"
                    " ELSE has_table_privilege(current_user, to_regclass('articles'), 'INSERT')"
                    " END"
                )
            ).scalar()
        )


def holds_tables(location: str) -> bool:
    """Whether the database at `location` holds any table (else a project may be made in it)."""
    engine = shared_engine(location)
    try:
        return bool(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def case_name(location: str) -> str:
    """A shared case's name, as windows and reports show it: its database's name."""
    try:
        return make_url(normalized_url(location)).database or shown_url(location)
    except ArgumentError:
        return shown_url(location)


def without_password(location: str) -> str:
    """The URL with no password in it: what may be shown, remembered in settings, or keyed on
    (the password itself is kept only by the system keyring, see services/team_credentials)."""
    try:
        url = make_url(location)
    except ArgumentError:
        return location
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database)
    return bare.update_query_dict(dict(url.query)).render_as_string(hide_password=False)
