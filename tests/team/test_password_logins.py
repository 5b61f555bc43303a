"""Team members who log in with passwords, on a server that asks every role for one (SCRAM,
as a team's server would): the password the lead sets lets the member in and nothing else
does; it never reaches the server's statement log; the command line finds it in the keyring;
a machine with no keyring still connects when the password is typed."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.team.keyrings import MemoryKeyring, keyring_in_place
from workbench.bench.pg_server import ServerUnavailable, ThrowawayServer
from workbench.cli import main
from workbench.services import Project
from workbench.services.team import add_to_team
from workbench.services.team_credentials import remember_password, with_password
from workbench.store.errors import ProjectError

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def guarded() -> Iterator[ThrowawayServer]:
    """A server of its own whose roles log in with passwords, logging every statement."""
    try:
        server = ThrowawayServer.start(passwords=True)
    except ServerUnavailable as error:
        pytest.skip(str(error))
    try:
        dsn = server.url("postgres").replace("postgresql+psycopg", "postgresql")
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute("ALTER SYSTEM SET log_statement = 'all'")
            connection.execute("SELECT pg_reload_conf()")
        server.create_database("guarded_case")
        with Project.create(server.url("guarded_case")) as project:
            add_to_team(project, "bob", "analyst", password=PASSWORD)
        yield server
    finally:
        server.stop()


def _bob(server: ThrowawayServer, password: str | None = None) -> str:
    return server.url("guarded_case", "bob", password)


def test_the_password_the_lead_set_lets_the_member_in(guarded: ThrowawayServer) -> None:
    """Bob opens the case with his password and his edits carry his name."""
    with Project.open(_bob(guarded, PASSWORD)) as project:
        assert project.store.analyst() == "bob"


@pytest.mark.parametrize("password", ["wrong horse", None])
def test_a_wrong_or_missing_password_is_refused_in_one_line(
    guarded: ThrowawayServer, password: str | None
) -> None:
    """A wrong password, or none, is refused with one line naming the failed login."""
    with keyring_in_place(None), pytest.raises(ProjectError) as refused:
        Project.open(with_password(_bob(guarded, password)))
    message = str(refused.value)
    assert "password" in message and "bob" in message and "\n" not in message
    assert PASSWORD not in message


def test_the_password_never_reaches_the_server_log(guarded: ThrowawayServer) -> None:
    """Setting the password sends the server a SCRAM verifier, never the password itself."""
    log = guarded.log()
    assert "ALTER ROLE bob PASSWORD 'SCRAM-SHA-256$" in log
    assert PASSWORD not in log


def test_the_command_line_takes_the_password_from_the_keyring(
    guarded: ThrowawayServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workbench info URL` with no password in the URL logs in with the keyring's."""
    url = _bob(guarded)
    with keyring_in_place(MemoryKeyring()):
        assert main(["info", url]) == 1
        assert "password" in capsys.readouterr().err
        remember_password(url, PASSWORD)
        assert main(["info", url]) == 0
    assert "articles" in capsys.readouterr().out


def test_without_a_keyring_the_typed_password_still_connects(guarded: ThrowawayServer) -> None:
    """On a machine with no keyring nothing is kept (keeping says why) and a typed password
    connects."""
    url = _bob(guarded)
    with keyring_in_place(None):
        with pytest.raises(ProjectError, match="keyring"):
            remember_password(url, PASSWORD)
        assert make_url(with_password(url)).password is None
        with Project.open(with_password(url, PASSWORD)) as project:
            assert project.store.analyst() == "bob"
