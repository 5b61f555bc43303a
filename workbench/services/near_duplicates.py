"""Which stored article a new one copies (a syndicated wire story), and how closely.

Each article's MinHash signature and banded keys are stored beside it (a cache of its text, like
the search index), so a look-up reads only the articles sharing a key with the new text: nothing
is loaded or re-sketched when a session starts. Articles that have no signature yet (stored by
an older workbench, or brought back by redo) are signed once, in one batch, before a look-up.
Candidates are ranked by their estimated resemblance, and the best few are compared in full with
the stored text before an article is flagged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from workbench.domain import Article, ArticleSignature, Base, NearDuplicateKey
from workbench.ingest.dedupe import (
    NEAR_DUPLICATE,
    Signature,
    band_keys,
    estimated_resemblance,
    pack,
    resemblance,
    shingles,
    sketch,
    unpack,
)
from workbench.services.project import Project

_COMPARED = 5
_CANDIDATES = 50
_BATCH = 500

SigningProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class NearDuplicate:
    """The stored article a text copies, and the share of phrases they have in common."""

    article_id: int
    score: float


class NearDuplicateFinder:
    """Finds, for a new text, the stored article it most closely copies."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self.signed_now = 0

    def sign_missing(self, progress: SigningProgress | None = None) -> int:
        """Sign every article that has no signature yet; returns how many were signed."""
        missing = self._unsigned()
        for start in range(0, len(missing), _BATCH):
            batch = missing[start : start + _BATCH]
            with self._project.reading() as session:
                texts = session.execute(
                    select(Article.id, Article.text).where(Article.id.in_(batch))
                ).all()
            with self._writing() as session:
                for article_id, text in texts:
                    _store(session, article_id, sketch(text or ""))
            if progress is not None:
                progress(start + len(batch), len(missing))
        self.signed_now += len(missing)
        return len(missing)

    def match(self, text: str, signature: Signature = ()) -> NearDuplicate | None:
        """The closest stored article sharing at least half its phrases with `text`."""
        signature = signature or sketch(text)
        keys = band_keys(signature)
        if not keys:
            return None
        with self._project.reading() as session:
            candidates = _best_candidates(session, keys, signature)
            if not candidates:
                return None
            stored = dict(
                session.execute(
                    select(Article.id, Article.text).where(Article.id.in_(candidates))
                ).all()
            )
        phrases = shingles(text)
        best: NearDuplicate | None = None
        for article_id in candidates:
            if article_id not in stored:
                continue
            score = round(resemblance(phrases, shingles(stored[article_id])), 3)
            if score >= NEAR_DUPLICATE and (best is None or score > best.score):
                best = NearDuplicate(article_id, score)
        return best

    def remember(self, article_id: int, signature: Signature) -> None:
        """Store the signature of an article just stored, so later look-ups find it."""
        with self._writing() as session:
            _store(session, article_id, signature)

    def _unsigned(self) -> list[int]:
        signed = select(ArticleSignature.article_id).where(
            ArticleSignature.article_id == Article.id
        )
        with self._project.reading() as session:
            return list(session.scalars(select(Article.id).where(~signed.exists())))

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """A transaction on the signature tables only (a cache, not a journalled edit)."""
        with self._project.store.writing() as session, session.begin():
            yield session


def _best_candidates(session: Session, keys: list[int], signature: Signature) -> list[int]:
    """Articles sharing a band key, the most resembling (by signature) first."""
    shared = func.count().label("shared")
    rows = session.execute(
        select(NearDuplicateKey.article_id, shared)
        .where(NearDuplicateKey.key.in_(keys))
        .group_by(NearDuplicateKey.article_id)
        .order_by(shared.desc(), NearDuplicateKey.article_id)
        .limit(_CANDIDATES)
    ).all()
    if not rows:
        return []
    stored = session.execute(
        select(ArticleSignature.article_id, ArticleSignature.minhash).where(
            ArticleSignature.article_id.in_([row.article_id for row in rows])
        )
    ).all()
    ranked = sorted(
        stored,
        key=lambda row: (-estimated_resemblance(signature, unpack(row.minhash)), row.article_id),
    )
    return [row.article_id for row in ranked[:_COMPARED]]


def _store(session: Session, article_id: int, signature: Signature) -> None:
    """Store the signature and keys of an article that has none (skipped if it was deleted)."""
    if session.scalar(select(Article.id).where(Article.id == article_id)) is None:
        return
    signatures, keys = (
        Base.metadata.tables["article_signatures"],
        Base.metadata.tables["near_duplicate_keys"],
    )
    session.execute(insert(signatures), [{"article_id": article_id, "minhash": pack(signature)}])
    rows = [{"key": key, "article_id": article_id} for key in sorted(set(band_keys(signature)))]
    if rows:
        session.execute(insert(keys), rows)


def finder_for(project: Project, progress: SigningProgress | None = None) -> NearDuplicateFinder:
    """A finder on the project, once every stored article has its signature."""
    finder = NearDuplicateFinder(project)
    finder.sign_missing(progress)
    return finder
