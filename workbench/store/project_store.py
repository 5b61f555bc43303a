"""Opening and creating project files: checks, lock, schema upgrade with backup, sessions."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session, sessionmaker

from workbench.sqlite_files import is_sqlite_database
from workbench.store.backups import (
    copy_database,
    daily_backup_if_due,
    restore_into,
    rotating_backup,
    save_copy,
)
from workbench.store.capture import prepare_capture
from workbench.store.engine import is_database_url, sqlite_engine
from workbench.store.errors import (
    NotAProject,
    ProjectAlreadyExists,
    ProjectDamaged,
    ProjectError,
    ProjectNotFound,
    ProjectTooNew,
)
from workbench.store.lock import ProjectLock, file_in_use, file_let_go
from workbench.store.migrations import SchemaState, schema_state, upgrade_to_head
from workbench.store.shared import (
    backup_advice,
    check_capture,
    check_empty,
    current_role,
    may_edit,
    shared_engine,
    shown_url,
    without_password,
)
from workbench.store.unit_of_work import UnitOfWork
from workbench.store.writer import WriterTurns

_DAMAGE = re.compile("malformed|not a database|corrupt|disk I/O error")
PROJECT_SUFFIX = ".wbproj"


class ProjectStore:
    """An open project: its engine, its lock (when writable) and a session factory."""

    def __init__(
        self, location: str, engine: Engine, lock: ProjectLock | None, read_only: bool
    ) -> None:
        self.location = location
        self.engine = engine
        self.read_only = read_only
        self.backup_path: Path | None = None
        self.notice = ""  # e.g. "read-only: … opened for reading", for the window and CLI
        self.upgrade_agreed = False  # a shared store is upgraded only when the analyst agrees
        # what another process opens this store by (a shared store's URL with its password,
        # which `location` never holds: it is shown and remembered)
        self.reopen_location = location
        self._lock = lock
        self._file_identity: tuple[int, int] | None = None  # a project file's (device, inode)
        self.session_factory = sessionmaker(engine, expire_on_commit=False)
        self.turns = WriterTurns()  # one writer at a time in this process, in turn

    @property
    def path(self) -> Path | None:
        return None if is_database_url(self.location) else Path(self.location)

    @property
    def shared(self) -> bool:
        """Whether this is a shared store on a server (edited by several analysts at once)."""
        return self.engine.dialect.name == "postgresql"

    @property
    def shown_location(self) -> str:
        """The location as messages show it (a URL's password hidden)."""
        return shown_url(self.location) if self.path is None else self.location

    def analyst(self) -> str:
        """Who edits through this store: the database role on a server, else nobody named."""
        return current_role(self.engine) if self.shared else ""

    @classmethod
    def create(cls, location: Path | str, scripts: Path | None = None) -> ProjectStore:
        """Make a new, empty project (a file, or in an empty database by URL), and open it."""
        if is_database_url(location):
            return cls._create_shared(str(location), scripts)
        path = Path(location)
        if path.exists():
            raise ProjectAlreadyExists(f"{path} already exists; choose another name")
        if not path.parent.is_dir():
            raise ProjectError(f"cannot create {path}: folder {path.parent} does not exist")
        engine = sqlite_engine(path)
        try:
            upgrade_to_head(engine, scripts)
        except Exception:
            engine.dispose()
            path.unlink(missing_ok=True)
            raise
        engine.dispose()
        return cls.open(path, scripts=scripts)

    @classmethod
    def _create_shared(cls, location: str, scripts: Path | None) -> ProjectStore:
        engine = shared_engine(location)
        try:
            check_empty(engine, location)
            upgrade_to_head(engine, scripts)
        finally:
            engine.dispose()
        return cls.open(location, scripts=scripts)

    @classmethod
    def open(
        cls,
        location: str | Path,
        *,
        read_only: bool = False,
        scripts: Path | None = None,
        upgrade: bool = False,
    ) -> ProjectStore:
        """Open a project file (or a database URL), upgrading an older schema after a backup
        (a shared store only with `upgrade`: the analyst backs it up with the server's tools)."""
        if is_database_url(location):
            engine = shared_engine(str(location))
            if not read_only and not may_edit(engine):
                read_only = True  # the database's grants say so; the window and CLI say why
                notice = f"read-only: {current_role(engine)} may only read this case"
            else:
                notice = ""
            store = cls(without_password(str(location)), engine, None, read_only)
            store.upgrade_agreed, store.notice = upgrade, notice
            store.reopen_location = str(location)
        else:
            store = cls._open_file(Path(location), read_only)
        try:
            store._bring_schema_up_to_date(scripts)
            if store.shared and not read_only:
                check_capture(store.engine, store.shown_location)
            if store.path is not None and not read_only and store._has_history():
                daily_backup_if_due(store.engine, store.path)
            if store.path is not None and not read_only:
                store._prepare_first_edit()
        except BaseException:
            store.close()
            raise
        return store

    def _prepare_first_edit(self) -> None:
        """Give the connection the first edit will use its row-capture triggers now, at open."""
        with self.engine.connect() as connection:
            prepare_capture(connection)

    def _has_history(self) -> bool:
        with self.engine.connect() as connection:
            return (
                connection.exec_driver_sql("SELECT 1 FROM change_log LIMIT 1").first() is not None
            )

    def save_copy(self, target: Path) -> Path:
        """A consistent copy of the project, recent commits included, in a new file."""
        if self.path is None:
            raise ProjectError(
                f"{self.shown_location} is a shared store; copy it with `workbench copy`"
            )
        return save_copy(self.engine, self.path, target)

    def automatic_backup(self, reason: str) -> Path | None:
        """A rotating copy in `<project>.backups/` (none for a shared store)."""
        if self.path is None:
            return None
        return rotating_backup(self.engine, self.path, reason)

    @staticmethod
    def restore(project: Path, backup: Path) -> Path:
        """Put a backup's content in place of a project that is not open anywhere; the
        current content is kept first as a "before-restore" copy, whose path is returned."""
        check_looks_like_project(backup)
        checked = ProjectStore.open(backup, read_only=True)
        checked.close()
        check_looks_like_project(project)
        lock = ProjectLock(project)
        lock.acquire()
        try:
            engine = sqlite_engine(project)
            try:
                kept = rotating_backup(engine, project, "before-restore")
            finally:
                engine.dispose()
            restore_into(backup, project)
            return kept
        finally:
            lock.release()

    @classmethod
    def _open_file(cls, path: Path, read_only: bool) -> ProjectStore:
        check_looks_like_project(path)
        path = path.resolve()  # one identity: the index and lock follow the real file
        writable = can_write(path)
        notice = ""
        if not read_only and not writable:
            read_only = True
            notice = (
                f"read-only: {path.name} is on read-only media or in a folder that cannot be"
                " written; opened for reading"
            )
        identity = file_in_use(path)  # our descriptors on it stay open while it is open
        lock = None if read_only else ProjectLock(path)
        try:
            if lock is not None:
                lock.acquire()
        except BaseException:
            file_let_go(identity)
            raise
        engine = sqlite_engine(path, read_only=read_only, immutable=not writable)
        store = cls(str(path), engine, lock, read_only)
        store.notice, store._file_identity = notice, identity
        return store

    def _bring_schema_up_to_date(self, scripts: Path | None) -> None:
        state = self._schema_state(scripts)
        if state.current is None:
            raise NotAProject(f"{self.shown_location} is a database but not a workbench project")
        if state.newer_than_app:
            raise ProjectTooNew(
                f"{self.shown_location} was saved by a newer Analyst Workbench"
                f" (schema {state.current}); update the workbench to open it"
            )
        if state.up_to_date:
            return
        if self.read_only:
            raise ProjectError(
                f"{self.shown_location} uses an older schema ({state.current}); upgrade it with"
                f" `workbench upgrade {self.shown_location}`, or open it for editing in the"
                " window (a backup is made first)"
            )
        if self.path is None and not self.upgrade_agreed:
            raise ProjectError(
                f"{self.shown_location} uses an older schema ({state.current}, this workbench:"
                f" {state.head}); {backup_advice(self.location)}"
            )
        if self.path is not None:  # one copy per schema it upgrades from: a retry replaces it
            self.backup_path = rotating_backup(
                self.engine, self.path, "before-upgrade", f"from-{state.current}"
            )
        try:
            upgrade_to_head(self.engine, scripts)
        except Exception as error:  # one transaction: rolled back, the file is as it was
            raise ProjectError(
                f"upgrading {self.shown_location} from schema {state.current} failed"
                f" ({type(error).__name__}: {error}); it was left as it was"
                + (f", and a copy is in {self.backup_path}" if self.backup_path else "")
            ) from error
        self.engine.dispose()  # connections made before the upgrade knew the old schema

    def _schema_state(self, scripts: Path | None) -> SchemaState:
        try:
            return schema_state(self.engine, scripts)
        except Exception as error:
            if isinstance(error, ProjectError):
                raise
            cause = getattr(error, "orig", None) or error
            if isinstance(cause, sqlite3.DatabaseError) and _DAMAGE.search(str(cause)):
                raise ProjectDamaged(
                    f"damaged: {self.location} cannot be read ({cause}); restore the newest"
                    f" backup with `workbench restore {self.location}`"
                ) from None
            raise NotAProject(
                f"{self.shown_location} is not a workbench project ({error})"
            ) from None

    def unit_of_work(self, user: str = "") -> UnitOfWork:
        if self.read_only:
            raise ProjectError(
                f"{self.notice}; it cannot be changed"
                if self.notice
                else f"{self.shown_location} is open read-only; it cannot be changed"
            )
        return UnitOfWork(self.session_factory, user, self.turns)

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session for bookkeeping writes outside the change log (outbox, journals, caches),
        taken in turn with every other writer here; the caller commits, else it rolls back."""
        with self.turns:
            session = self.session_factory()
            try:
                yield session
            finally:
                session.rollback()
                session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only; whatever it changes is rolled back."""
        session = self.session_factory()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self._file_identity is not None:
            file_let_go(self._file_identity)
            self._file_identity = None


def can_write(path: Path) -> bool:
    """Whether the file and its folder (where SQLite keeps `-wal` and `-shm`) can be written;
    false on read-only media even for an administrator."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def check_looks_like_project(path: Path) -> None:
    """Refuse early, in one clear line, anything that cannot be a project file."""
    if not path.exists():
        raise ProjectNotFound(f"no project at {path}")
    if path.is_dir():
        raise NotAProject(f"{path} is a folder, not a workbench project file")
    try:
        database = is_sqlite_database(path)  # through SQLite: see workbench.sqlite_files
    except OSError as error:
        raise ProjectError(f"cannot read {path}: {error.strerror or error}") from None
    if not database:
        raise NotAProject(f"{path} is not a workbench project (not an SQLite database)")


def backup_project(path: Path, engine: Engine) -> Path:
    """Copy the project to `<name>.backup-<timestamp>.wbproj` beside it, consistently."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}{PROJECT_SUFFIX}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.backup-{stamp}-{counter}{PROJECT_SUFFIX}")
    return copy_database(engine, target)
