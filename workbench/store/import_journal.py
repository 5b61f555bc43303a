"""The import journal in the database: a run written when an import starts, each file settled
as it is dealt with, the run settled at the end.

A killed import (kill -9 of the command or of the window) leaves its run "running" with some
files unsettled. Whoever opens the project for writing next holds its single-writer lock, so
no other process can still be running that import: it is interrupted, and what it stored is
read from the journal. A file is settled in its own small transaction just after its article
is committed; a kill between the two would leave it unsettled though stored, so an unsettled
file is also looked for among the articles (by the path it was imported from). Either way,
importing "the rest" again stores nothing twice: a file already in the project is reported as
a duplicate, by content hash.

The journal is bookkeeping, not an edit: its rows are not captured for undo (see
`store/recorder.py`), and writing them needs no change-log entry.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from workbench.domain import Article
from workbench.domain.base import utc_now
from workbench.domain.imports import FileOutcome, ImportRun, ImportRunFile, RunState
from workbench.store.project_store import ProjectStore

# runs this process started (and may still be running): never called interrupted here
_started_here: set[int] = set()


@dataclass(frozen=True)
class InterruptedImport:
    """An import that did not finish: when it started, what it stored and what not."""

    run_id: int
    started_at: datetime  # UTC
    stored: list[str]
    not_stored: list[str]

    @property
    def total(self) -> int:
        return len(self.stored) + len(self.not_stored)


def start_run(store: ProjectStore, paths: list[str]) -> int:
    """Write the run and its files (absolute paths) before anything is imported."""
    with store.writing() as session, session.begin():
        run = ImportRun(pid=os.getpid(), state=RunState.RUNNING.value)
        session.add(run)
        session.flush()
        if paths:
            session.execute(
                insert(ImportRunFile),
                [{"run_id": run.id, "path": os.path.abspath(path)} for path in paths],
            )
        run_id = run.id
    _started_here.add(run_id)
    return run_id


def settle_file(store: ProjectStore, run_id: int, path: str, outcome: FileOutcome) -> None:
    with store.writing() as session, session.begin():
        session.execute(
            update(ImportRunFile)
            .where(ImportRunFile.run_id == run_id, ImportRunFile.path == os.path.abspath(path))
            .values(outcome=outcome.value)
        )


def settle_run(store: ProjectStore, run_id: int, state: RunState) -> None:
    with store.writing() as session, session.begin():
        session.execute(
            update(ImportRun)
            .where(ImportRun.id == run_id)
            .values(state=state.value, settled_at=utc_now())
        )
    _started_here.discard(run_id)


def forget_started_here(run_id: int) -> None:
    """A run that failed in this process is interrupted like a killed one."""
    _started_here.discard(run_id)


def interrupted_import(session: Session) -> InterruptedImport | None:
    """The newest import that was killed before it settled (only for a project opened for
    writing: its lock proves nobody else still runs it)."""
    run = session.scalars(
        select(ImportRun)
        .where(ImportRun.state == RunState.RUNNING.value, ImportRun.id.not_in(_started_here))
        .order_by(ImportRun.id.desc())
        .limit(1)
    ).first()
    if run is None:
        return None
    stored: list[str] = []
    not_stored: list[str] = []
    files = session.execute(
        select(ImportRunFile.path, ImportRunFile.outcome)
        .where(ImportRunFile.run_id == run.id)
        .order_by(ImportRunFile.id)
    )
    for path, outcome in files:
        done = outcome in (FileOutcome.STORED, FileOutcome.DUPLICATE)
        (stored if done or _stored_unsettled(session, path, outcome) else not_stored).append(path)
    return InterruptedImport(run.id, run.started_at, stored, not_stored)


def _stored_unsettled(session: Session, path: str, outcome: str | None) -> bool:
    """Whether an unsettled file's article is in the project (killed just after storing it);
    the article names the path as it was given, which may have been relative."""
    if outcome is not None:
        return False
    name = os.path.basename(path)
    candidates = session.scalars(select(Article.imported_from).where(Article.original_name == name))
    for given in candidates:
        given_path = given.split("#", 1)[0]
        if given_path == path or path.endswith(os.sep + given_path.lstrip("./")):
            return True
    return False
