"""The project-wide mention scan: every unmarked mention of a known actor, article by article.

Runs in the background (the window's task runner) a batch of articles at a time, reporting
progress and stopping between batches when cancelled; what it found so far is kept. Mentions
already marked, or rejected before, are left out. Marking what it found is one undo step.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.assist.model import MentionSuggestion, Span
from workbench.domain import ActorMention, Article, SuggestionDecision
from workbench.domain.suggestions import SuggestionKind
from workbench.domain.text import plural
from workbench.services.assist_inputs import known_names
from workbench.services.project import Project
from workbench.services.suggestion_accept import mark_all_mentions
from workbench.services.suggestions import overlaps

BATCH = 200
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class FoundMentions:
    """The unmarked mentions of known actors in one article."""

    article_id: int
    title: str
    mentions: tuple[MentionSuggestion, ...]


@dataclass
class MentionScan:
    """What a scan found, and how far it got."""

    total: int
    articles_read: int = 0
    found: list[FoundMentions] = field(default_factory=list)
    cancelled: bool = False

    @property
    def mention_count(self) -> int:
        return sum(len(article.mentions) for article in self.found)

    def summary(self) -> str:
        """ "12 unmarked mentions in 3 articles (of 40 read)" — and whether it was cancelled."""
        text = (
            f"{plural(self.mention_count, 'unmarked mention')} of known actors in"
            f" {plural(len(self.found), 'article')}"
        )
        if self.cancelled:
            text += f" (cancelled after {self.articles_read} of {self.total} articles)"
        return text


def scan_mentions(
    project: Project,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    batch: int = BATCH,
) -> MentionScan:
    """Find every known actor's unmarked mention in every article of the project."""
    from workbench.assist import MentionMatcher  # builds its automaton once for the whole scan

    matcher = MentionMatcher(known_names(project))
    with project.reading() as session:
        scan = MentionScan(total=session.scalar(select(func.count()).select_from(Article)) or 0)
    last = 0
    while True:
        if cancel is not None and cancel.is_set():
            scan.cancelled = True
            return scan
        with project.reading() as session:
            rows = _batch(session, last, batch)
            if not rows:
                return scan
            taken, decided = _marked(session, [row[0] for row in rows])
        for article_id, title, text in rows:
            found = tuple(
                m
                for m in matcher.find(text)
                if m.key not in decided.get(article_id, set())
                and not overlaps(m.span, taken.get(article_id, []))
            )
            if found:
                scan.found.append(FoundMentions(article_id, title, found))
        last = rows[-1][0]
        scan.articles_read += len(rows)
        if progress is not None:
            progress(scan.articles_read, scan.total)


def _batch(session: Session, after: int, size: int) -> list[tuple[int, str, str]]:
    query = (
        select(Article.id, Article.title, Article.text)
        .where(Article.id > after)
        .order_by(Article.id)
        .limit(size)
    )
    return [(i, title, text) for i, title, text in session.execute(query)]


def _marked(
    session: Session, article_ids: list[int]
) -> tuple[dict[int, list[Span]], dict[int, set[str]]]:
    """The mentions already marked, and the mention suggestions already decided, per article."""
    taken: dict[int, list[Span]] = {}
    mentions = select(ActorMention.article_id, ActorMention.start, ActorMention.end).where(
        ActorMention.article_id.in_(article_ids)
    )
    for article_id, start, end in session.execute(mentions):
        taken.setdefault(article_id, []).append(Span(start, end))
    decided: dict[int, set[str]] = {}
    keys = select(SuggestionDecision.article_id, SuggestionDecision.key).where(
        SuggestionDecision.article_id.in_(article_ids),
        SuggestionDecision.kind == SuggestionKind.MENTION.value,
    )
    for article_id, key in session.execute(keys):
        decided.setdefault(article_id, set()).add(key)
    return taken, decided


def mark_found_mentions(project: Project, found: Sequence[FoundMentions]) -> int:
    """Mark every mention a scan found, in all its articles, as one undo step."""
    count = sum(len(article.mentions) for article in found)
    if not count:
        return 0
    label = f"Mark {plural(count, 'suggested mention')} in {plural(len(found), 'article')}"
    with project.command(label):
        for article in found:
            mark_all_mentions(project, article.article_id, article.mentions)
    return count
