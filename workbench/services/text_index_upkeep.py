"""Merging the text filters' indexes while the analyst is idle, in steps of bounded work.

An edit only adds to the indexes (revision 0023: FTS5 merges nothing by itself); the merging
that keeps filters quick is done here, a step of a few milliseconds at a time, by the window
when nothing happens for a moment, after an import from the command line, and before a
project is closed. A step is a bookkeeping write (no change to undo, nothing journalled),
taken in turn with the project's other writers. Once nothing is left to merge, the project
file's write-ahead log is copied into it too (`store.engine.checkpoint`), which SQLite would
otherwise do inside whichever edit's commit took the log past its bound.
"""

from __future__ import annotations

import time

from sqlalchemy.exc import OperationalError

from workbench.services.project import Project
from workbench.store import ProjectError, text_index
from workbench.store.engine import checkpoint

STEP_SECONDS = 0.02  # one call of the window's idle timer: a few steps at most
CLOSING_SECONDS = 1.0  # before closing; what is left waits for the next idle moment


def merge_text_indexes(project: Project, seconds: float = STEP_SECONDS) -> bool:
    """Merge the text indexes a step at a time for about `seconds` (at least one step);
    True if there may be more to merge (call again), False once there is nothing."""
    store = project.store
    if store.read_only:
        return False
    deadline = time.monotonic() + seconds
    while True:
        try:
            with store.writing() as session:
                worked = text_index.merge_some(session.connection())
                session.commit()
                if not worked:
                    checkpoint(session.connection())
        except OperationalError as error:  # nothing merged is lost: the step rolled back
            raise ProjectError(
                f"the text filters' index of {store.shown_location} could not be tidied"
                f" ({error.orig}); it is tried again when the project is next idle"
            ) from None
        if not worked:
            return False
        if time.monotonic() >= deadline:
            return True


def merge_all_text_indexes(project: Project) -> int:
    """Merge until nothing is left (after a bulk import; tests); returns the steps that
    merged something."""
    steps = 0
    while merge_text_indexes(project, seconds=0.0):
        steps += 1
    return steps
