"""Which stored article a new one copies (a syndicated wire story), and how closely.

Sketches of the project's articles are kept in memory per open project, built on the first
import and brought up to date on each later one; a candidate is always compared in full with
the stored text before an article is flagged.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

from sqlalchemy import select

from workbench.domain import Article
from workbench.ingest.dedupe import NEAR_DUPLICATE, SketchIndex, resemblance, shingles, sketch
from workbench.services.project import Project

_COMPARED = 5
_BATCH = 500


@dataclass(frozen=True)
class NearDuplicate:
    """The stored article a text copies, and the share of phrases they have in common."""

    article_id: int
    score: float


class NearDuplicateFinder:
    """Finds, for a new text, the stored article it most closely copies."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._index = SketchIndex()
        self._seen_up_to = 0
        self._lock = threading.Lock()

    def refresh(self) -> None:
        """Take in the articles stored since the last look (by any means)."""
        with self._lock, self._project.reading() as session:
            query = (
                select(Article.id, Article.text)
                .where(Article.id > self._seen_up_to)
                .order_by(Article.id)
                .execution_options(yield_per=_BATCH)
            )
            for article_id, text in session.execute(query):
                self._index.add(article_id, sketch(text or ""))
                self._seen_up_to = article_id

    def match(self, text: str, values: tuple[int, ...] = ()) -> NearDuplicate | None:
        """The closest stored article sharing at least half its phrases with `text`."""
        values = values or sketch(text)
        with self._lock:
            candidates = self._index.candidates(values)[:_COMPARED]
        if not candidates:
            return None
        phrases = shingles(text)
        best: NearDuplicate | None = None
        for article_id, stored in self._stored_texts(candidates):
            score = round(resemblance(phrases, shingles(stored)), 3)
            if score >= NEAR_DUPLICATE and (best is None or score > best.score):
                best = NearDuplicate(article_id, score)
        return best

    def remember(self, article_id: int, values: tuple[int, ...]) -> None:
        """Add an article just stored, so later ones in the same batch are compared with it."""
        with self._lock:
            self._index.add(article_id, values)
            self._seen_up_to = max(self._seen_up_to, article_id)

    def _stored_texts(self, candidates: list[int]) -> list[tuple[int, str]]:
        with self._project.reading() as session:
            rows = dict(
                session.execute(
                    select(Article.id, Article.text).where(Article.id.in_(candidates))
                ).all()
            )
        for gone in set(candidates) - set(rows):
            self._index.forget(gone)
        return [(article_id, rows[article_id]) for article_id in candidates if article_id in rows]


_finders: weakref.WeakKeyDictionary[Project, NearDuplicateFinder] = weakref.WeakKeyDictionary()
_finders_lock = threading.Lock()


def finder_for(project: Project) -> NearDuplicateFinder:
    """The project's finder, up to date with every article stored so far."""
    with _finders_lock:
        finder = _finders.get(project)
        if finder is None:
            finder = _finders[project] = NearDuplicateFinder(project)
    finder.refresh()
    return finder
