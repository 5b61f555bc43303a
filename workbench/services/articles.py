"""Use cases on articles: add one, correct its metadata, tag and delete them, read its original,
and say which article a near-duplicate (a syndicated copy) copies."""

from __future__ import annotations

import re
import zlib
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from workbench.domain import Article, Claim
from workbench.domain.text import content_hash, normalize_text, plural
from workbench.services.annotations import add_tag, clean_tag_name, remove_annotations_of
from workbench.services.claims import delete_claim
from workbench.services.errors import DuplicateArticle, InvalidInput
from workbench.services.project import Project

EDITABLE_METADATA = ("title", "outlet", "authors", "url", "published", "language")
# The columns' widths (PostgreSQL enforces them): what an edit may hold.
WIDTHS = {"title": 500, "outlet": 200, "url": 2000, "language": 16, "author": 200}
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_ADDRESS = re.compile(r"(https?|file)://\S+", re.IGNORECASE)
# zlib level 3 packs saved pages ~4.2:1 at 2.5x the speed of the default level (4.7:1);
# the single writer compresses every imported original, so speed wins here.
ORIGINAL_COMPRESSION_LEVEL = 3


@dataclass
class NewArticle:
    """What an importer hands over: text plus metadata and where it came from."""

    text: str
    title: str = ""
    outlet: str = ""
    authors: list[str] = field(default_factory=list)
    url: str = ""
    published: datetime | None = None
    language: str = ""
    original: bytes | None = None
    original_format: str = ""
    original_name: str = ""
    imported_from: str = ""
    extractor: str = ""
    near_duplicate_of_id: int | None = None
    near_duplicate_score: float | None = None


def add_article(
    project: Project,
    new: NewArticle,
    *,
    undoable: bool = True,
    records: list[int] | None = None,
) -> int:
    """Store an article; its text is normalized and must not already be in the project.
    `records` collects the journal record written (a batch import makes them one undo step)."""
    text = normalize_text(new.text)
    if not text:
        raise InvalidInput(f"{new.original_name or 'the article'} has no text to import")
    digest = content_hash(text)
    with project.command(f"Add article “{_short(new.title)}”", undoable=undoable) as uow:
        existing = uow.session.scalar(select(Article.id).where(Article.content_hash == digest))
        if existing is not None:
            raise DuplicateArticle(f"the same text is already article {existing}", existing)
        article = Article(
            text=text,
            content_hash=digest,
            title=new.title.strip() or first_line(text),
            original=packed_original(new.original),
            **metadata_of(new),
        )
        article_id = uow.articles.add(article).id
    if records is not None and uow.record_id is not None:
        records.append(uow.record_id)
    return article_id


def packed_original(original: bytes | None) -> bytes | None:
    return zlib.compress(original, ORIGINAL_COMPRESSION_LEVEL) if original is not None else None


def metadata_of(new: NewArticle) -> dict:
    return {
        "outlet": new.outlet.strip(),
        "authors": [author.strip() for author in new.authors if author.strip()],
        "url": new.url.strip(),
        "published": new.published,
        "language": new.language.strip(),
        "original_format": new.original_format,
        "original_name": new.original_name,
        "imported_from": new.imported_from,
        "extractor": new.extractor,
        "near_duplicate_of_id": new.near_duplicate_of_id,
        "near_duplicate_score": new.near_duplicate_score,
    }


def edit_article(project: Project, article_id: int, **metadata: object) -> None:
    """Correct an article's metadata (title, outlet, authors, url, published, language);
    each value is checked first, and only what differs is written."""
    unknown = set(metadata) - set(EDITABLE_METADATA)
    if unknown:
        raise InvalidInput(f"article text is fixed at import; cannot edit {sorted(unknown)}")
    cleaned = {name: _checked(name, value) for name, value in metadata.items()}
    with project.command(f"Edit article #{article_id}") as uow:
        article = uow.articles.get(article_id)
        for name, value in cleaned.items():
            if getattr(article, name) != value:
                setattr(article, name, value)


def _checked(name: str, value: object) -> object:
    if name == "published":
        if value is not None and not isinstance(value, datetime):
            raise InvalidInput(f"the publication date must be a date and time, not {value!r}")
        return value
    if name == "authors":
        if not isinstance(value, list | tuple) or not all(isinstance(a, str) for a in value):
            raise InvalidInput("authors must be a list of names")
        authors = [" ".join(author.split()) for author in value if author.strip()]
        for author in authors:
            _fits("author", author)
        return authors
    if not isinstance(value, str):
        raise InvalidInput(f"the article's {name} must be text, not {value!r}")
    text = " ".join(value.split())
    _fits(name, text)
    if name == "title" and not text:
        raise InvalidInput("an article needs a title")
    if name == "language" and text and not _LANGUAGE.fullmatch(text):
        raise InvalidInput(f"“{text}” is not a language code (en, de, pt-BR …)")
    if name == "url" and text and not _ADDRESS.fullmatch(text):
        raise InvalidInput(f"“{text}” is not a web address (it starts with https://)")
    return text


def _fits(name: str, text: str) -> None:
    if len(text) > WIDTHS[name]:
        raise InvalidInput(f"the {name} is at most {WIDTHS[name]} characters ({len(text)} typed)")


def delete_article(project: Project, article_id: int) -> None:
    """Delete an article with its claims (their chains, links, relations), mentions, notes and
    tags (undoable)."""
    with project.command("Delete article") as uow:
        article = uow.articles.get(article_id)
        copies = select(Article).where(Article.near_duplicate_of_id == article_id)
        for copy in uow.session.scalars(copies):
            copy.near_duplicate_of_id = None
        claim_ids = select(Claim.id).where(Claim.article_id == article_id)
        for claim_id in list(uow.session.scalars(claim_ids)):
            delete_claim(project, claim_id)
        remove_annotations_of(uow, "article", article_id)
        uow.articles.delete(article)


def delete_articles(project: Project, article_ids: Collection[int]) -> None:
    """Delete several articles with their claims as one undo step ("Delete 3 articles"); a copy
    of the project is kept first in `<project>.wbproj.backups/` when more than one goes."""
    if not article_ids:
        raise InvalidInput("no articles were chosen to delete")
    if len(article_ids) > 1:
        project.store.automatic_backup("before-bulk-delete")
    with project.command(f"Delete {plural(len(article_ids), 'article')}"):
        for article_id in article_ids:
            delete_article(project, article_id)


@dataclass(frozen=True)
class DeletionExtent:
    """What deleting some articles takes with it, for the confirmation."""

    articles: int
    claims: int


def deletion_extent(project: Project, article_ids: Collection[int]) -> DeletionExtent:
    ids = list(article_ids)
    with project.reading() as session:
        articles = session.scalar(select(func.count()).where(Article.id.in_(ids))) or 0
        claims = session.scalar(select(func.count()).where(Claim.article_id.in_(ids))) or 0
    return DeletionExtent(articles, claims)


def tag_articles(project: Project, article_ids: Collection[int], names: list[str]) -> None:
    """Add tags to articles (their other tags stay): one undo step."""
    wanted = list(dict.fromkeys(clean_tag_name(name) for name in names if name.strip()))
    if not wanted or not article_ids:
        raise InvalidInput("name a tag and choose the articles to tag")
    shown = ", ".join(wanted)
    with project.command(f"Tag {plural(len(article_ids), 'article')} “{shown}”"):
        for article_id in article_ids:
            for name in wanted:
                add_tag(project, "article", article_id, name)


@dataclass(frozen=True)
class CopyOf:
    """A near-duplicate (syndicated copy) and the article it copies."""

    article_id: int
    original_id: int
    original_title: str
    score: float | None

    @property
    def shown(self) -> str:
        share = f" ({self.score:.0%} shared)" if self.score is not None else ""
        return f"Copy of “{self.original_title}”{share}"


def copies_among(project: Project, article_ids: Collection[int]) -> dict[int, CopyOf]:
    """Which of these articles are near-duplicates, and of what."""
    original = aliased(Article)
    query = (
        select(Article.id, original.id, original.title, Article.near_duplicate_score)
        .join(original, original.id == Article.near_duplicate_of_id)
        .where(Article.id.in_(list(article_ids)))
    )
    with project.reading() as session:
        return {row[0]: CopyOf(*row) for row in session.execute(query)}


def copy_of(project: Project, article_id: int) -> CopyOf | None:
    """The article this one copies, if it is a near-duplicate."""
    return copies_among(project, [article_id]).get(article_id)


def original_bytes(project: Project, article_id: int) -> bytes | None:
    """The bytes the article was imported from, as they were."""
    with project.reading() as session:
        packed = session.scalar(select(Article.original).where(Article.id == article_id))
    return zlib.decompress(packed) if packed is not None else None


def article_text(project: Project, article_id: int) -> str:
    with project.reading() as session:
        text = session.scalar(select(Article.text).where(Article.id == article_id))
    if text is None:
        raise InvalidInput(f"article {article_id} does not exist")
    return text


def first_line(text: str) -> str:
    return text.split("\n", 1)[0][:300]


def _short(title: str, width: int = 40) -> str:
    title = title.strip() or "untitled"
    return title if len(title) <= width else title[: width - 1] + "…"
