"""Team-case fixtures: one throwaway PostgreSQL server for the session, a fresh database per
test (copied from a template made once through `workbench new`'s own path), and projects on
both backends, so the same test proves a promise for a project file and a shared store."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from pytestqt.qtbot import QtBot

from workbench.bench.pg_server import ServerUnavailable, ThrowawayServer
from workbench.search.folder import SHARED_INDEXES_VARIABLE
from workbench.services import Project
from workbench.services.sample import build_sample
from workbench.services.search import SearchIndex
from workbench.store import ProjectStore
from workbench.ui.main_window import MainWindow
from workbench.ui.session import BACKGROUND_BATCH_MS, UiSession
from workbench.ui.settings import WindowSettings

TEMPLATE = "wb_template"
SAMPLE = "wb_sample_template"
BACKENDS = ["sqlite", "postgresql"]
# Copy a template's files as they are (PostgreSQL 15's default writes the copy through the WAL,
# which for dozens of small databases is most of the suite's time on the server).
COPY_FILES = "STRATEGY FILE_COPY"
# How long a test waits for a colleague's change to be heard: generous, for a loaded machine
# (how soon it is heard is a speed promise, measured by the team benchmark, not by tests).
HEARD_MS = 10_000
_numbers = itertools.count(1)


class Databases:
    """Fresh databases on the throwaway server: empty ones, or copies of the template."""

    def __init__(self, server: ThrowawayServer) -> None:
        self.server = server
        self.made: list[str] = []  # this test's databases, dropped after it
        self.template_made = False
        self.sample_made = False

    def sql(self, statement: str, database: str = "postgres") -> None:
        with psycopg.connect(self._dsn(database), autocommit=True) as connection:
            connection.execute(statement)

    def _dsn(self, database: str) -> str:
        return self.server.url(database).replace("postgresql+psycopg", "postgresql")

    def empty(self) -> str:
        """The URL of a new, empty database."""
        name = f"case_{next(_numbers)}"
        self.sql(f"CREATE DATABASE {name}")
        self.made.append(name)
        return self.server.url(name)

    def sample(self) -> str:
        """The URL of a new database holding the annotated sample (copied from a template)."""
        if not self.sample_made:
            self.sql(f"CREATE DATABASE {SAMPLE}")
            with Project.create(self.server.url(SAMPLE)) as made:
                build_sample(made)
                made.undo_stack.clear()
            self.sample_made = True
        name = f"case_{next(_numbers)}"
        self.sql(f"CREATE DATABASE {name} TEMPLATE {SAMPLE} {COPY_FILES}")
        self.made.append(name)
        return self.server.url(name)

    def project(self) -> str:
        """The URL of a new database holding an empty project (the template's copy)."""
        if not self.template_made:
            self.sql(f"CREATE DATABASE {TEMPLATE}")
            ProjectStore.create(self.server.url(TEMPLATE)).close()
            self.template_made = True
        name = f"case_{next(_numbers)}"
        self.sql(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} {COPY_FILES}")
        self.made.append(name)
        return self.server.url(name)


@pytest.fixture(autouse=True)
def workstation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's workstation keeps shared stores' search indexes in its own folder."""
    folder = tmp_path / "workstation-indexes"
    monkeypatch.setenv(SHARED_INDEXES_VARIABLE, str(folder))
    return folder


@pytest.fixture(scope="session")
def pg_server() -> Iterator[ThrowawayServer]:
    """The session's PostgreSQL server (skipped only when its programs are not installed)."""
    try:
        server = ThrowawayServer.start()
    except ServerUnavailable as error:
        pytest.skip(str(error))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def session_databases(pg_server: ThrowawayServer) -> Databases:
    return Databases(pg_server)


@pytest.fixture
def databases(session_databases: Databases) -> Iterator[Databases]:
    """Fresh databases for this test, dropped after it (their files go before they are ever
    written out: dozens of copies would otherwise fill the disk's write queue)."""
    yield session_databases
    made, session_databases.made = session_databases.made, []
    for name in made:
        session_databases.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new, empty project is: a file (sqlite), or a shared store by URL (postgresql)."""
    if request.param == "sqlite":
        path = tmp_path / "case.wbproj"
        ProjectStore.create(path).close()
        return str(path)
    databases: Databases = request.getfixturevalue("databases")
    return databases.project()


@pytest.fixture
def team_project(location: str) -> Iterator[Project]:
    """An empty project open on each backend in turn."""
    with Project.open(location) as opened:
        yield opened


@pytest.fixture
def project(databases: Databases) -> Iterator[Project]:
    """Here, the suite's empty project is a shared store: the store and services tests
    imported into tests/team run against PostgreSQL (they run on project files elsewhere)."""
    with Project.open(databases.project()) as opened:
        yield opened


@pytest.fixture
def sample_project(databases: Databases) -> Iterator[Project]:
    """Here, the annotated sample is a shared store (for the search tests run on a server)."""
    with Project.open(databases.sample()) as opened:
        yield opened


@pytest.fixture
def sample_index(sample_project: Project) -> Iterator[SearchIndex]:
    """The shared sample's index on this workstation, built and caught up from the feed."""
    index = SearchIndex.open(sample_project)
    yield index
    index.close()


@pytest.fixture
def analysts(databases: Databases) -> Iterator[tuple[Project, Project]]:
    """Alice's and Bob's projects on one new shared store, each logged in as their role."""
    url = databases.project()
    for role in ("alice", "bob"):
        databases.sql(
            f"DO $$ BEGIN CREATE ROLE {role} SUPERUSER LOGIN; EXCEPTION"
            " WHEN duplicate_object THEN NULL; END $$"
        )
    alice = Project.open(url.replace("wb_admin@", "alice@"))
    bob = Project.open(url.replace("wb_admin@", "bob@"))
    yield alice, bob
    alice.close()
    bob.close()


@pytest.fixture
def bobs_window(
    qtbot: QtBot, tmp_path: Path, analysts: tuple[Project, Project]
) -> Iterator[Callable[[], MainWindow]]:
    """Opens Bob's main window on the shared case when called; the window is closed (its
    panels' last refreshes done) before the case's database is dropped, even when the test
    fails half-way."""
    opened: list[MainWindow] = []

    def open_window() -> MainWindow:
        session = UiSession(analysts[1])
        window = MainWindow(session, WindowSettings.in_file(tmp_path / "settings.ini"))
        qtbot.addWidget(window)
        opened.append(window)
        return window

    yield open_window
    for window in opened:
        window.close()
    if opened:
        qtbot.wait(2 * BACKGROUND_BATCH_MS)
