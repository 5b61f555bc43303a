"""Imports that die cleanly: each import is journalled as it runs, so after a kill the next
open says what was stored and what not, and offers to import the rest.

`JournalledImport` wraps one run of `import_paths`; `interrupted_import` finds a killed one;
`import_rest` imports the files it did not store (nothing is stored twice: a file already in
the project is a duplicate by content hash); `set_aside` settles it without importing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from workbench.domain.imports import FileOutcome, RunState
from workbench.domain.text import plural
from workbench.services.project import Project
from workbench.store import import_journal
from workbench.store.import_journal import InterruptedImport

if TYPE_CHECKING:
    from workbench.services.importing import ImportProgress, ImportSummary

NAMES_SHOWN = 5


class JournalledImport:
    """`with JournalledImport(project, files) as run: ...; run.settle(path, summary, counts)`.

    Leaving the block normally settles the run (finished or cancelled); an error leaves it
    unsettled, so the next open reports it as interrupted, like a kill would."""

    def __init__(self, project: Project, files: list[str]) -> None:
        self._store = project.store
        self._files = files
        self.run_id = 0
        self.cancelled = False

    def __enter__(self) -> JournalledImport:
        self.run_id = import_journal.start_run(self._store, self._files)
        return self

    def counts(self, summary: ImportSummary) -> tuple[int, int]:
        """What the summary holds before a file is stored (to tell what the file added)."""
        return len(summary.imported), len(summary.duplicates)

    def settle(self, path: str, summary: ImportSummary, before: tuple[int, int]) -> None:
        imported, duplicates = self.counts(summary)
        if imported > before[0]:
            outcome = FileOutcome.STORED
        elif duplicates > before[1]:
            outcome = FileOutcome.DUPLICATE
        else:
            outcome = FileOutcome.FAILED
        import_journal.settle_file(self._store, self.run_id, path, outcome)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            state = RunState.CANCELLED if self.cancelled else RunState.FINISHED
            import_journal.settle_run(self._store, self.run_id, state)
        else:
            import_journal.forget_started_here(self.run_id)


def interrupted_import(project: Project) -> InterruptedImport | None:
    """The newest import that was killed before it finished (None for a read-only project:
    without the writer's lock it may still be running elsewhere)."""
    if project.store.read_only:
        return None
    with project.reading() as session:
        return import_journal.interrupted_import(session)


def describe(interrupted: InterruptedImport) -> str:
    """ "The import of 12 files started 14:02 was interrupted: 7 stored, 5 not (a.txt, …)"."""
    started = interrupted.started_at.replace(tzinfo=UTC).astimezone()
    when = (
        f"{started:%H:%M}"
        if started.date() == started.now().date()
        else f"{started:%Y-%m-%d %H:%M}"
    )
    text = (
        f"The import of {plural(interrupted.total, 'file')} started {when} was interrupted:"
        f" {len(interrupted.stored)} stored, {len(interrupted.not_stored)} not"
    )
    if interrupted.not_stored:
        names = [Path(path).name for path in interrupted.not_stored[:NAMES_SHOWN]]
        more = len(interrupted.not_stored) - len(names)
        text += f" ({', '.join(names)}{f' and {more} more' if more else ''})"
    return text


def import_rest(
    project: Project,
    interrupted: InterruptedImport,
    *,
    progress: Callable[[ImportProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> ImportSummary:
    """Import the files an interrupted import did not store; the interrupted run is settled
    (unless this import is cancelled too: then it is offered again next time)."""
    from workbench.services.importing import import_paths

    summary = import_paths(project, interrupted.not_stored, progress=progress, cancel=cancel)
    if not summary.cancelled:
        import_journal.settle_run(project.store, interrupted.run_id, RunState.FINISHED)
    return summary


def set_aside(project: Project, interrupted: InterruptedImport) -> None:
    """The analyst was told and chose not to import the rest: it is no longer offered."""
    import_journal.settle_run(project.store, interrupted.run_id, RunState.INTERRUPTED)
