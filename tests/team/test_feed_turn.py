"""Change-log entries on a shared store are committed in the order they are numbered: every
entry, even one that changes no row, waits for the feed's turn, so a window watching the log
never reads a later entry before an earlier one commits and skips the earlier for ever."""

from __future__ import annotations

import threading
from collections.abc import Callable

from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.store import capture_pg

HELD_SECONDS = 1.0


def _waits_for_the_turn(project: Project, entry: Callable[[], object]) -> None:
    """While another transaction holds the feed's turn, `entry` does not finish; once the
    other commits, it does."""
    done = threading.Event()
    failed: list[BaseException] = []

    def write() -> None:
        try:
            entry()
        except BaseException as error:  # reported by the test's thread
            failed.append(error)
        done.set()

    with project.store.engine.connect() as holder:
        capture_pg.take_feed_turn(holder)
        writer = threading.Thread(target=write)
        writer.start()
        assert not done.wait(HELD_SECONDS), "the entry was written out of the feed's turn"
        holder.commit()
    assert done.wait(30), "the entry never finished once the turn was free"
    writer.join()
    assert not failed, failed


def test_clearing_the_undo_history_waits_for_the_feed_turn(
    analysts: tuple[Project, Project],
) -> None:
    """Bob clearing his undo history (an entry that changes no row) waits while Alice's
    commit holds the feed's turn."""
    _alice, bob = analysts
    add_article(bob, NewArticle(text="Own.\n\nBob's own article.", title="Own"))
    _waits_for_the_turn(bob, bob.undo_stack.clear)


def test_an_edit_waits_for_the_feed_turn(analysts: tuple[Project, Project]) -> None:
    """Bob's new article waits while Alice's commit holds the feed's turn."""
    _alice, bob = analysts
    article = NewArticle(text="Geneva talks collapse.", title="Geneva talks collapse")
    _waits_for_the_turn(bob, lambda: add_article(bob, article))
