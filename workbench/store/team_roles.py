"""The team of a shared store: PostgreSQL roles, and what the database lets each do.

Each case (database) has three group roles, named after it: `<case>_reader` may read (the
database refuses it any write, whatever the window offers), `<case>_analyst` may also edit,
`<case>_lead` may also merge and delete records others created (the workbench checks that,
see `store/provenance.py`). An analyst is a login role that is a member of one of them.
Granting is idempotent and is done again whenever the team changes, so tables a later
migration adds are granted too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from workbench.store.errors import ProjectError

TEAM_ROLES = ("reader", "analyst", "lead")
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@dataclass(frozen=True)
class Member:
    name: str
    role: str


def _identifier(name: str, what: str) -> str:
    if not _NAME.match(name):
        raise ProjectError(
            f"“{name}” cannot be a {what}: use lower-case letters, digits and _ (up to 63),"
            " starting with a letter"
        )
    return name


def group_role(connection: Connection, role: str) -> str:
    database = str(connection.execute(text("SELECT current_database()")).scalar())
    return _identifier(f"{database}_{role}"[:63], "role name")


def grant_team(connection: Connection) -> None:
    """Make the case's three group roles if missing, and grant each what it may do."""
    database = str(connection.execute(text("SELECT current_database()")).scalar())
    groups = {role: group_role(connection, role) for role in TEAM_ROLES}
    for group in groups.values():
        connection.exec_driver_sql(
            f"DO $$ BEGIN CREATE ROLE {group} NOLOGIN; EXCEPTION WHEN duplicate_object"
            " THEN NULL; END $$"
        )
        connection.exec_driver_sql(f'GRANT CONNECT ON DATABASE "{database}" TO {group}')
        connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {group}")
        connection.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {group}")
    for role in ("analyst", "lead"):
        group = groups[role]
        connection.exec_driver_sql(f'GRANT TEMPORARY ON DATABASE "{database}" TO {group}')
        connection.exec_driver_sql(
            f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {group}"
        )
        connection.exec_driver_sql(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {group}")
    # The change feed is pruned by leads alone (`workbench team URL prune-feed`); an analyst's
    # edits only ever add to it.
    analysts = groups["analyst"]
    connection.exec_driver_sql(f"REVOKE DELETE ON search_outbox FROM {analysts}")
    connection.exec_driver_sql(f"REVOKE INSERT, UPDATE, DELETE ON feed_horizon FROM {analysts}")


def add_member(engine: Engine, name: str, role: str, password: str | None = None) -> None:
    """Make `name` a login role (if new) in the case's `role` group, and only that one."""
    if role not in TEAM_ROLES:
        raise ProjectError(f"“{role}” is not a team role; choose one of {', '.join(TEAM_ROLES)}")
    name = _identifier(name, "team member's name")
    with _administering(engine) as connection:
        grant_team(connection)
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}
        ).first()
        if exists is None:
            connection.exec_driver_sql(f"CREATE ROLE {name} LOGIN")
        if password:
            verifier = _password_verifier(connection, name, password)
            connection.exec_driver_sql(f"ALTER ROLE {name} PASSWORD {verifier}")
        for other in TEAM_ROLES:
            connection.exec_driver_sql(f"REVOKE {group_role(connection, other)} FROM {name}")
        connection.exec_driver_sql(f"GRANT {group_role(connection, role)} TO {name}")


def _password_verifier(connection: Connection, name: str, password: str) -> str:
    """The password as a quoted SCRAM-SHA-256 verifier, made on this side by libpq
    (PQencryptPasswordConn), as psql's \\password does: a role's password cannot be a bound
    parameter of ALTER ROLE, and this way the password itself never reaches the server's
    statement log or activity views."""
    import psycopg
    from psycopg import sql

    driver = connection.connection.dbapi_connection
    assert isinstance(driver, psycopg.Connection), "a shared store is reached through psycopg"
    verifier = driver.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
    return sql.Literal(verifier.decode("ascii")).as_string(driver)


def remove_member(engine: Engine, name: str) -> None:
    """Take `name` out of the case's team (the login role itself is kept: it may be in others)."""
    name = _identifier(name, "team member's name")
    with _administering(engine) as connection:
        if name not in {member.name for member in _members(connection)}:
            raise ProjectError(f"{name} is not in this case's team")
        for role in TEAM_ROLES:
            connection.exec_driver_sql(f"REVOKE {group_role(connection, role)} FROM {name}")


def members(engine: Engine) -> list[Member]:
    with engine.connect() as connection:
        return _members(connection)


def _members(connection: Connection) -> list[Member]:
    groups = {group_role(connection, role): role for role in TEAM_ROLES}
    rows = connection.execute(
        text(
            "SELECT m.rolname, g.rolname FROM pg_auth_members a"
            " JOIN pg_roles m ON m.oid = a.member JOIN pg_roles g ON g.oid = a.roleid"
            " WHERE g.rolname = ANY(:groups) ORDER BY m.rolname"
        ),
        {"groups": list(groups)},
    )
    return [Member(name, groups[group]) for name, group in rows]


def role_of(connection: Connection, name: str) -> str | None:
    """The team role `name` holds (the highest, if several); None for a role outside it."""
    held = {member.role for member in _members(connection) if member.name == name}
    return next((role for role in reversed(TEAM_ROLES) if role in held), None)


@contextmanager
def _administering(engine: Engine) -> Iterator[Connection]:
    """A transaction for changing the team, with a clear refusal for a role that may not."""
    try:
        with engine.begin() as connection:
            yield connection
    except DBAPIError as error:
        reason = str(error.orig).strip()
        if "permission denied" in reason or "must have" in reason:
            raise ProjectError(
                f"only the case's owner (or a role that may create roles) can change its team:"
                f" {reason}"
            ) from None
        raise


def refresh_grants(engine: Engine) -> bool:
    """Grant the team's roles on every table again (after an upgrade added tables), if the
    case has a team; True if it has."""
    with _administering(engine) as connection:
        reader = group_role(connection, "reader")
        if (
            connection.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": reader}
            ).first()
            is None
        ):
            return False
        grant_team(connection)
        return True
