"""The unit of work: one transaction, its repositories, its captured changes and outbox entries."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from workbench.domain import Actor, Article, Claim, Event, Note, Source, Tag
from workbench.domain.journal import ChangeRecord
from workbench.store import capture_pg, leads_only
from workbench.store.capture import captured_changes, start_capture
from workbench.store.errors import ProjectError, RecordNotFound
from workbench.store.outbox import queue_for_index
from workbench.store.provenance import LeadsOnly, Seen, check_seen, count_versions
from workbench.store.recorder import RowChange, to_journal
from workbench.store.repository import Repository
from workbench.store.reversal import check_confined, reverse_step
from workbench.store.writer import WriterTurns


class SavedAtOnce(ProjectError):
    """Two analysts saved the same thing at the same moment on a shared store; this one's
    save was rolled back (the other's stands)."""


class UnitOfWork:
    """`with UnitOfWork(factory) as uow: ...; uow.commit("Mark claim")` — else it rolls back.

    Every row the transaction changes is captured by the database (see `store/capture.py`) and
    journalled in the change log in the same transaction.
    """

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        user: str = "",
        turns: WriterTurns | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._turns = turns or WriterTurns()
        self.user = user
        self.committed_changes: list[RowChange] = []
        self.record_id: int | None = None
        # what the analyst saw when asking for it: changes to rows moved on since are refused
        self.seen = Seen()

    def __enter__(self) -> UnitOfWork:
        self._turns.acquire()  # in turn with this process's other writers (see store/writer.py)
        self.session = self._session_factory()
        try:
            start_capture(self.session.connection())
        except BaseException:
            self.session.close()
            self._turns.release()
            raise
        self.articles = Repository(self.session, Article, "article")
        self.claims = Repository(self.session, Claim, "claim")
        self.sources = Repository(self.session, Source, "source")
        self.actors = Repository(self.session, Actor, "actor")
        self.events = Repository(self.session, Event, "event")
        self.notes = Repository(self.session, Note, "note")
        self.tags = Repository(self.session, Tag, "tag")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.session.rollback()
            self.session.close()
        finally:
            self._turns.release()
        if isinstance(exc, DBAPIError) and exc.orig is not None:
            refused = leads_only.refusal(exc.orig)
            if refused is not None:
                raise LeadsOnly(refused) from exc
        if isinstance(exc, IntegrityError) and exc.orig is not None:
            same = capture_pg.saved_at_once(exc.orig)
            if same is not None:
                raise SavedAtOnce(same) from exc
        if isinstance(exc, StaleDataError):  # the row went between reading and saving it
            raise SavedAtOnce(
                "a colleague deleted what you were saving a moment ago; yours was not saved"
            ) from exc

    def commit(self, action: str | None = None, *, undoable: bool = False) -> list[RowChange]:
        """Flush, queue search updates and the change-log entry, commit; returns the changes."""
        self.session.flush()
        changes = captured_changes(self.session.connection())
        self._finish(changes, action, "do", undoable=undoable)
        return changes

    def rehearse(self, action: str) -> None:
        """Write what `commit` would (the journal entry, the search outbox, row versions), then
        roll it all back: the statements a first edit would compile while the analyst waits are
        prepared, and nothing is kept or announced."""
        self.session.flush()
        changes = captured_changes(self.session.connection())
        self._finish(changes, action, "do", undoable=False, keep=False)
        self.record_id = None

    def reverse(
        self, record_id: int, action: str, direction: str, *, undoable: bool = True
    ) -> list[RowChange]:
        """Undo, redo or revert journalled step `record_id`, if nothing later depends on it
        (`undoable=False`: the reversal itself is not offered for undo)."""
        record = self.session.get(ChangeRecord, record_id)
        if record is None:
            raise RecordNotFound(f"step {record_id} is not in the change log")
        label = f"{direction} “{_step_label(record)}”"
        reverse_step(self.session, record, label)
        captured = captured_changes(self.session.connection())
        check_confined(self.session, record, label, captured)
        self._finish(captured, action, direction, undoable=undoable, reverses_id=record_id)
        return captured

    def group(self, action: str, record_ids: list[int], *, undoable: bool = True) -> int:
        """Make journalled records that are not undo steps of their own one step (a batch
        import: "Import 30 files"), undoable unless told, in the change log itself; returns
        its id. The parts' changes are not read (a whole case's import journals gigabytes)."""
        parts = self.session.execute(
            select(ChangeRecord.id, ChangeRecord.undoable, ChangeRecord.part_of_id).where(
                ChangeRecord.id.in_(record_ids)
            )
        ).all()
        taken = [part.id for part in parts if part.undoable or part.part_of_id is not None]
        if len(parts) != len(set(record_ids)) or taken:
            raise ProjectError(
                f"cannot make “{action}” one step: records {sorted(taken or record_ids)}"
                " are missing or already a step"
            )
        step = ChangeRecord(user=self.user, action=action, direction="do", undoable=undoable)
        self._take_feed_turn()
        self.session.add(step)
        self.session.flush()
        self.session.execute(
            update(ChangeRecord)
            .where(ChangeRecord.id.in_(record_ids))
            .values(part_of_id=step.id)
            .execution_options(synchronize_session=False)
        )
        self.session.commit()
        self.record_id = step.id
        return step.id

    def hold_name(self, kind: str, key: str) -> None:
        """Until this transaction ends, be the only one to name a `kind` `key` (two analysts
        creating "Ali Khamenei" at once: the second waits, then finds the first's actor).
        A project file has one writer at a time already."""
        connection = self.session.connection()
        if connection.dialect.name == "postgresql":
            capture_pg.hold_name(connection, f"{kind}:{key}")

    def mark(self, action: str, direction: str) -> None:
        """Journal an entry that changes no row (e.g. "the undo history was cleared here")."""
        self._take_feed_turn()
        self.session.add(ChangeRecord(user=self.user, action=action, direction=direction))
        self.session.commit()

    def _take_feed_turn(self) -> None:
        """On a shared store, a change-log entry is numbered and committed in the feed's turn
        (`capture_pg.take_feed_turn`): one numbered after a colleague's but committed first
        would let a watching window skip the colleague's for ever."""
        connection = self.session.connection()
        if connection.dialect.name == "postgresql":
            capture_pg.take_feed_turn(connection)

    def _finish(
        self,
        changes: list[RowChange],
        action: str | None,
        direction: str,
        *,
        undoable: bool,
        reverses_id: int | None = None,
        keep: bool = True,
    ) -> None:
        self.record_id = None
        check_seen(self.session, changes, self.seen)
        connection = self.session.connection()
        if changes and connection.dialect.name == "postgresql":  # open windows woken at commit
            self._take_feed_turn()
            capture_pg.announce_feed(connection)
        if changes:
            queue_for_index(self.session, changes)
            if action is not None:
                record = ChangeRecord(
                    user=self.user,
                    action=action,
                    direction=direction,
                    changes=[to_journal(change) for change in changes],
                    undoable=undoable,
                    reverses_id=reverses_id,
                )
                self.session.add(record)
                self.session.flush()
                self.record_id = record.id
            count_versions(self.session, changes, self.user, self.record_id)
        if not keep:
            self.session.rollback()
            return
        self.session.commit()
        self.committed_changes = changes


def _step_label(record: ChangeRecord) -> str:
    for prefix in ("Undo ", "Redo ", "Revert "):
        if record.direction != "do" and record.action.startswith(prefix):
            return record.action[len(prefix) :]
    return record.action
