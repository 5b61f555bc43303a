"""An exchange import committed in batches, one undo step in the end, nothing left if it fails.

A whole case is millions of rows. Written in one transaction, every row the database captured
for the journal and the search outbox had to be held until the commit (a gigabyte at 10,000
articles). Here the rows are committed a batch at a time, each batch a journalled command kept
off the undo stack, as each file of "Import 30 files" is (`services/importing.py`); at the end
`Project.push_step` makes the batches one step, so the import is undone and redone whole, also
after the project is reopened. If the import fails after some batches were committed, they are
taken back at once (`Project.take_back`): no row of the file is left, and no step to undo or
redo. The writer's turn is held from the first batch to the last, so no other edit made in this
process falls between two batches.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from sqlalchemy.orm import Session

from workbench.services.project import Project
from workbench.store import UnitOfWork

COMMIT_ROWS = 20_000  # rows (of a usual size, see `exchange_bulk`) written before a commit


class Batches:
    """The import's current batch: `session` to write in, `written(n)` after each `n` rows."""

    def __init__(self, project: Project, label: str) -> None:
        self.project, self.label = project, label
        self.records: list[int] = []
        self.rows = 0
        self._command: AbstractContextManager[UnitOfWork] | None = None
        self._uow: UnitOfWork | None = None

    @property
    def uow(self) -> UnitOfWork:
        """The unit of work of the batch being written (one is begun when none is open)."""
        if self._uow is None:
            self._command = self.project.command(self.label, undoable=False)
            self._uow = self._command.__enter__()
        return self._uow

    @property
    def session(self) -> Session:
        return self.uow.session

    def written(self, rows: int) -> None:
        """Count rows written; commit the batch once it holds `COMMIT_ROWS` of them."""
        self.rows += rows
        if self.rows >= COMMIT_ROWS:
            self.commit()

    def commit(self) -> None:
        """Commit the open batch (journalled, kept off the undo stack), if there is one."""
        command, uow = self._command, self._uow
        if command is None or uow is None:
            return
        self._command = self._uow = None
        self.rows = 0
        command.__exit__(None, None, None)
        if uow.record_id is not None:
            self.records.append(uow.record_id)

    def abandon(self, error: BaseException) -> None:
        """Roll the open batch back, and take back the batches committed before it."""
        command, self._command, self._uow = self._command, None, None
        try:
            if command is not None:
                command.__exit__(type(error), error, error.__traceback__)
        finally:
            self.project.take_back(self.label, self.records)


@contextmanager
def batched_import(project: Project, label: str) -> Iterator[Batches]:
    """`with batched_import(project, "Import annotations from x") as batches: ...` — one
    undo step when the block ends normally; nothing of it in the project when it raises."""
    with project.in_turn():
        batches = Batches(project, label)
        try:
            yield batches
            batches.commit()
        except BaseException as error:
            batches.abandon(error)
            raise
        project.push_step(label, batches.records)
