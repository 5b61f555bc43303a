"""The change log as the analyst sees it: what was done, by whom, when; revert one step."""

from __future__ import annotations

from workbench.domain.journal import ChangeRecord
from workbench.services.errors import InvalidInput
from workbench.services.project import Project
from workbench.store.history import LoggedStep, logged_steps, step_rows

HISTORY_PAGE = 50


def history(project: Project, limit: int = HISTORY_PAGE) -> list[LoggedStep]:
    """The newest `limit` steps of the change log, newest first."""
    with project.reading() as session:
        return logged_steps(session, limit)


def revert_step(project: Project, record_id: int) -> str:
    """Undo one past step, leaving later ones alone; refused, with the reason, if a later
    step changed or depends on what it did. Returns the step's label."""
    with project.reading() as session:
        record = session.get(ChangeRecord, record_id)
        if record is None:
            raise InvalidInput(f"step {record_id} is not in the change log")
        action, direction, part_of = record.action, record.direction, record.part_of_id
        rows = step_rows(session, record_id)
        batch = session.get(ChangeRecord, part_of) if part_of is not None else None
        batch_action = batch.action if batch is not None else ""
    if part_of is not None:
        raise InvalidInput(
            f"step {record_id} (“{action}”) is part of step {part_of} (“{batch_action}”);"
            f" revert step {part_of} as a whole"
        )
    if direction == "undo":
        raise InvalidInput(f"step {record_id} is an undo (“{action}”); redo it instead")
    if not rows:
        raise InvalidInput(f"step {record_id} (“{action}”) changed no record")
    project.revert(record_id, action)
    return action
