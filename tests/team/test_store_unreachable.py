"""The server's own refusals are told apart from a statement's errors: a case's database gone
(or a server not listening) is "the shared store cannot be reached"; bad SQL is not."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import DBAPIError

from tests.team.conftest import Databases
from workbench.store.errors import store_unreachable


def _error_of(url: str, statement: str = "SELECT 1") -> DBAPIError:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    except DBAPIError as error:
        return error
    finally:
        engine.dispose()
    pytest.fail(f"{statement} on {url} raised nothing")


def test_a_dropped_database_cannot_be_reached(databases: Databases) -> None:
    """Opening a connection to a case's database that was dropped names the server's refusal."""
    url = databases.empty()
    databases.sql(f"DROP DATABASE {make_url(url).database} WITH (FORCE)")
    reason = store_unreachable(_error_of(url))
    assert reason is not None and reason.startswith("the shared store cannot be reached (")
    assert "does not exist" in reason


def test_a_statements_error_is_not_a_lost_server(databases: Databases) -> None:
    """A query the server refuses (no such table) is the statement's error, not a lost store."""
    error = _error_of(databases.empty(), "SELECT * FROM no_such_table")
    assert store_unreachable(error) is None
