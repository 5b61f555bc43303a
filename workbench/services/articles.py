"""Use cases on articles: add one, correct its metadata, delete it, read its original."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from workbench.domain import Article, Claim
from workbench.domain.text import content_hash, normalize_text
from workbench.services.annotations import remove_annotations_of
from workbench.services.errors import DuplicateArticle, InvalidInput
from workbench.services.project import Project

EDITABLE_METADATA = ("title", "outlet", "authors", "url", "published", "language")
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


def add_article(project: Project, new: NewArticle, *, undoable: bool = True) -> int:
    """Store an article; its text is normalized and must not already be in the project."""
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
            title=new.title.strip() or _first_line(text),
            original=_packed(new.original),
            **_metadata_of(new),
        )
        return uow.articles.add(article).id


def _packed(original: bytes | None) -> bytes | None:
    return zlib.compress(original, ORIGINAL_COMPRESSION_LEVEL) if original is not None else None


def _metadata_of(new: NewArticle) -> dict:
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
    """Correct an article's metadata (title, outlet, authors, url, published, language)."""
    unknown = set(metadata) - set(EDITABLE_METADATA)
    if unknown:
        raise InvalidInput(f"article text is fixed at import; cannot edit {sorted(unknown)}")
    with project.command("Edit article") as uow:
        article = uow.articles.get(article_id)
        for name, value in metadata.items():
            setattr(article, name, value)


def delete_article(project: Project, article_id: int) -> None:
    """Delete an article with its claims, mentions, notes and tags (undoable)."""
    with project.command("Delete article") as uow:
        article = uow.articles.get(article_id)
        copies = select(Article).where(Article.near_duplicate_of_id == article_id)
        for copy in uow.session.scalars(copies):
            copy.near_duplicate_of_id = None
        for claim_id in uow.session.scalars(select(Claim.id).where(Claim.article_id == article_id)):
            remove_annotations_of(uow, "claim", claim_id)
        remove_annotations_of(uow, "article", article_id)
        uow.articles.delete(article)


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


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0][:300]


def _short(title: str, width: int = 40) -> str:
    title = title.strip() or "untitled"
    return title if len(title) <= width else title[: width - 1] + "…"
