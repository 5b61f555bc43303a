"""The project-wide mention scan: finds unmarked mentions of known actors, stops when cancelled."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from tests.assist_review.conftest import Seed
from workbench.domain import ActorMention
from workbench.services.articles import NewArticle, add_article
from workbench.services.suggestion_accept import accept_mention, reject
from workbench.services.suggestion_scan import mark_found_mentions, scan_mentions


def _more_articles(seed: Seed, count: int) -> None:
    for number in range(count):
        text = f"Report {number}\n\nVladimir Putin met envoys on day {number}. Putin said little."
        add_article(seed.project, NewArticle(text=text, title=f"Report {number}"))


def _mention_count(seed: Seed) -> int:
    with seed.project.reading() as session:
        return session.scalar(select(func.count()).select_from(ActorMention)) or 0


def test_the_scan_finds_every_unmarked_mention_of_a_known_actor(seed: Seed) -> None:
    """Putin's mentions are found in every article, less the ones marked or rejected."""
    _more_articles(seed, 3)
    before = scan_mentions(seed.project)
    seed_found = next(f for f in before.found if f.article_id == seed.article_id)
    accept_mention(seed.project, seed.article_id, seed_found.mentions[0])
    reject(seed.project, seed.article_id, seed_found.mentions[1].key, "mention")
    after = scan_mentions(seed.project)
    assert (before.articles_read, len(before.found)) == (4, 4)
    assert after.mention_count == before.mention_count - 2
    assert all(len(f.mentions) == 2 for f in after.found if f.article_id != seed.article_id)


def test_marking_what_the_scan_found_is_one_undo_step(seed: Seed) -> None:
    """ "Mark all found" marks the mentions of every article at once; one undo removes them."""
    _more_articles(seed, 2)
    scan = scan_mentions(seed.project)
    assert mark_found_mentions(seed.project, scan.found) == scan.mention_count
    assert _mention_count(seed) == scan.mention_count
    assert scan_mentions(seed.project).found == []
    seed.project.undo()
    assert _mention_count(seed) == 0


def test_a_cancelled_scan_stops_between_batches_and_says_so(seed: Seed) -> None:
    """Cancelled after its first batch, the scan reads no more and keeps what it found."""
    _more_articles(seed, 5)
    cancel = threading.Event()
    reports: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        reports.append((done, total))
        cancel.set()

    scan = scan_mentions(seed.project, progress=progress, cancel=cancel, batch=2)
    assert scan.cancelled and scan.articles_read == 2 and reports == [(2, 6)]
    assert "cancelled after 2 of 6 articles" in scan.summary()
