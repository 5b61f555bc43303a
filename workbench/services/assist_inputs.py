"""What the assist engine reads from a project: the names it knows (every Source and Actor with
its aliases, as `KnownName`s) and one article's text, publication date and outlet."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from workbench.assist.model import KnownName
from workbench.domain import Actor, ActorAlias, Article, Source, SourceAlias
from workbench.services.project import Project
from workbench.store import RecordNotFound


@dataclass(frozen=True)
class ArticleForSuggestions:
    """One article as the assist engine needs it."""

    id: int
    text: str
    published: datetime.date | None
    outlet: str


def known_names(project: Project) -> tuple[KnownName, ...]:
    """Every Source and Actor name and alias, canonical name first for each record."""
    with project.reading() as session:
        sources = session.execute(select(Source.id, Source.name, Source.kind)).all()
        source_aliases = session.execute(
            select(SourceAlias.source_id, SourceAlias.name).order_by(SourceAlias.id)
        ).all()
        actors = session.execute(select(Actor.id, Actor.name, Actor.kind)).all()
        actor_aliases = session.execute(
            select(ActorAlias.actor_id, ActorAlias.name).order_by(ActorAlias.id)
        ).all()
    source_names = _names("source", [(i, n, k) for i, n, k in sources], list(source_aliases))
    actor_names = _names("actor", [(i, n, k) for i, n, k in actors], list(actor_aliases))
    return source_names + actor_names


def article_for_suggestions(project: Project, article_id: int) -> ArticleForSuggestions:
    """The article's text, publication day and outlet; RecordNotFound if there is none."""
    with project.reading() as session:
        row = session.execute(
            select(Article.text, Article.published, Article.outlet).where(Article.id == article_id)
        ).first()
    if row is None:
        raise RecordNotFound(f"no article {article_id} in this project")
    published = row.published.date() if row.published else None
    return ArticleForSuggestions(article_id, row.text, published, row.outlet or "")


def _names(
    kind: str,
    records: Iterable[tuple[int, str, str]],
    aliases: Iterable[Sequence[Any]],
) -> tuple[KnownName, ...]:
    by_id = {record_id: (name, record_kind) for record_id, name, record_kind in records}
    names = [
        KnownName(name, kind, record_id, name, record_kind)
        for record_id, (name, record_kind) in by_id.items()
    ]
    for record_id, alias in aliases:
        canonical, record_kind = by_id[record_id]
        names.append(KnownName(alias, kind, record_id, canonical, record_kind))
    return tuple(names)
