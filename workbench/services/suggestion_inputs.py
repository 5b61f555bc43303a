"""What the suggestion engine is given, read in the caller's session: every name and alias of
the project's sources and actors (as KnownName values), and one article's text, publication
date and outlet. (services/assist_inputs.py reads the same, each in a session of its own; its
`known_names` warns under SQLAlchemy 2.1, which the test suite makes an error.)"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.assist.model import KnownName
from workbench.domain import Actor, ActorAlias, Article, Source, SourceAlias
from workbench.store import RecordNotFound


@dataclass(frozen=True)
class ArticleInput:
    """One article as the engine reads it."""

    id: int
    text: str
    published: datetime.date | None
    outlet: str | None


def article_input(session: Session, article_id: int) -> ArticleInput:
    """The article's text, publication day and outlet; a clear error if it is gone."""
    row = session.execute(
        select(Article.text, Article.published, Article.outlet).where(Article.id == article_id)
    ).first()
    if row is None:
        raise RecordNotFound(f"article {article_id} does not exist (was it deleted?)")
    text, published, outlet = row
    return ArticleInput(article_id, text, published.date() if published else None, outlet or None)


def known_names(session: Session) -> tuple[KnownName, ...]:
    """Every source's and actor's name and alias, each pointing at its record."""
    names: list[KnownName] = []
    for kind, model, alias_model, owner in (
        ("source", Source, SourceAlias, SourceAlias.source_id),
        ("actor", Actor, ActorAlias, ActorAlias.actor_id),
    ):
        records = session.execute(select(model.id, model.name, model.kind)).all()
        by_id = {record_id: (name, record_kind) for record_id, name, record_kind in records}
        for record_id, (name, record_kind) in by_id.items():
            names.append(KnownName(name, kind, record_id, name, record_kind))
        for alias, record_id in session.execute(select(alias_model.name, owner)):
            canonical, record_kind = by_id[record_id]
            names.append(KnownName(alias, kind, record_id, canonical, record_kind))
    return tuple(names)
