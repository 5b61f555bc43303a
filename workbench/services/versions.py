"""Article versions: a newer text of a stored page replaces the old one, which is kept
(`version_diff` lists the kept texts and compares them with the current one).

Every claim and mention of the article is re-anchored in the new text (position, exact quote
with context, fuzzy quote with a margin; see `domain/anchoring.py`) and carries how sure that
was. One that cannot be placed with confidence is kept, flagged orphaned with its old quote
and context, listed by `orphans`, and re-attached by the analyst with `reattach`.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import delete, func, select

from workbench.domain import (
    ActorMention,
    Article,
    ArticleSignature,
    ArticleVersion,
    Claim,
    NearDuplicateKey,
)
from workbench.domain.anchoring import Span, reanchor
from workbench.domain.anchoring import quote_selector as selector_in
from workbench.domain.base import utc_now
from workbench.domain.quote_search import NewText
from workbench.domain.text import content_hash, normalize_text
from workbench.ingest.webmeta import url_variants
from workbench.services.articles import NewArticle, add_article
from workbench.services.errors import DuplicateArticle, InvalidInput
from workbench.services.project import Project
from workbench.store import UnitOfWork

ORIGINAL_COMPRESSION_LEVEL = 3
ANCHORED: dict[str, type[Claim] | type[ActorMention]] = {"claim": Claim, "mention": ActorMention}


class UnchangedText(DuplicateArticle):
    """The "new version" has the article's current text: there is nothing to add."""


@dataclass(frozen=True)
class VersionReport:
    """What a new version did to the article's anchors."""

    article_id: int
    number: int
    placed: int
    orphaned: int


@dataclass(frozen=True)
class Orphan:
    """A claim or mention whose words are no longer in its article: its old quote and context."""

    kind: str
    record_id: int
    article_id: int
    exact: str
    prefix: str
    suffix: str


def add_version(project: Project, article_id: int, new: NewArticle) -> VersionReport:
    """Give an article a newer text (one undoable step); the old text is kept as a version."""
    text = normalize_text(new.text)
    if not text:
        raise InvalidInput("the new version has no text")
    digest = content_hash(text)
    with project.command(f"New version of article {article_id}") as uow:
        article = uow.articles.get(article_id)
        if article.content_hash == digest:
            raise UnchangedText(
                f"no change: that is article {article_id}'s text already", article_id
            )
        same = uow.session.scalar(select(Article.id).where(Article.content_hash == digest))
        if same is not None:
            raise DuplicateArticle(f"the same text is already article {same}", same)
        number = _keep_current_text(uow, article)
        for derived in (NearDuplicateKey, ArticleSignature):  # sketched from the old text
            uow.session.execute(delete(derived).where(derived.article_id == article_id))
        article.text, article.content_hash, article.imported_at = text, digest, utc_now()
        if new.original is not None:
            article.original = zlib.compress(new.original, ORIGINAL_COMPRESSION_LEVEL)
            article.original_format = new.original_format
        placed, orphaned = _reanchor_all(uow, article_id, text)
        return VersionReport(article_id, number + 1, placed, orphaned)


def _keep_current_text(uow: UnitOfWork, article: Article) -> int:
    kept = uow.session.scalar(select(func.count()).where(ArticleVersion.article_id == article.id))
    uow.session.add(
        ArticleVersion(
            article_id=article.id,
            number=(kept or 0) + 1,
            text=article.text,
            content_hash=article.content_hash,
            original=article.original,
            original_format=article.original_format,
            imported_at=article.imported_at,
        )
    )
    return (kept or 0) + 1


def _reanchor_all(uow: UnitOfWork, article_id: int, text: str) -> tuple[int, int]:
    placed = orphaned = 0
    new = NewText(text)  # prepared once for every claim and mention of the article
    for model in ANCHORED.values():
        query = select(model).where(model.article_id == article_id)
        for anchored in cast("list[Claim | ActorMention]", list(uow.session.scalars(query))):
            result = reanchor(anchored.span, anchored.selector, new)
            anchored.anchor_confidence = round(result.score, 1)
            if result.span is None:
                anchored.orphaned = True  # old place, quote and context kept
                orphaned += 1
            else:
                anchored.place(result.span, selector_in(text, result.span))
                anchored.orphaned = False
                placed += 1
    return placed, orphaned


def add_version_if_stored(
    project: Project, new: NewArticle, page_urls: Sequence[str] = ()
) -> int | None:
    """An import of a page whose URL, or an address the page gives for itself (canonical,
    og:url), is a stored article's, with other text, becomes a new version of that article
    (its id is returned); None when no stored article has any of them."""
    candidates = [variant for url in (new.url, *page_urls) for variant in url_variants(url)]
    if not candidates:
        return None
    with project.reading() as session:
        query = select(Article.id).where(Article.url.in_(candidates)).order_by(Article.id)
        existing = session.scalar(query)
    if existing is None:
        return None
    add_version(project, existing, new)
    return existing


def add_article_or_version(project: Project, new: NewArticle, *, undoable: bool = True) -> int:
    """A new version of the stored article with the page's URL, else a new article."""
    existing = add_version_if_stored(project, new)
    return existing if existing is not None else add_article(project, new, undoable=undoable)


def orphans(project: Project, article_id: int | None = None) -> list[Orphan]:
    """Orphaned claims and mentions (of one article, if given), with their old quote."""
    found = []
    with project.reading() as session:
        for kind, model in ANCHORED.items():
            query = select(model).where(model.orphaned.is_(True)).order_by(model.id)
            if article_id is not None:
                query = query.where(model.article_id == article_id)
            rows = cast("list[Claim | ActorMention]", list(session.scalars(query)))
            found += [
                Orphan(kind, row.id, row.article_id, row.exact, row.prefix, row.suffix)
                for row in rows
            ]
    return found


def reattach(project: Project, kind: str, record_id: int, span: Span) -> None:
    """Place an orphaned claim or mention on text the analyst selected in the current text."""
    model = ANCHORED.get(kind)
    if model is None:
        raise InvalidInput(f"only claims and mentions can be re-attached, not {kind!r}")
    with project.command(f"Re-attach {kind}") as uow:
        row = cast("Claim | ActorMention | None", uow.session.get(model, record_id))
        if row is None:
            raise InvalidInput(f"{kind} {record_id} does not exist")
        text = uow.session.scalar(select(Article.text).where(Article.id == row.article_id))
        if not text or span.end > len(text) or not span.of(text).strip():
            raise InvalidInput("select the words of the article to attach it to")
        row.place(span, selector_in(text, span))
        row.orphaned, row.anchor_confidence = False, None
