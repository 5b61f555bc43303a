"""Bring a corroboration read model up to date with committed edits, reading only what changed.

Each committed command, undo or redo tells its listeners every row it changed (the same row
changes the change log keeps). Claim relations are applied from their images directly; the
claims, hops, sources, actors and articles touched are read again by id, one query per table.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from workbench.services.corroboration_read import (
    ReadModel,
    read_articles,
    read_claims,
    read_named,
)
from workbench.store.recorder import RowChange

# The tables whose changes corroboration follows (any other row change leaves it as it is).
FOLLOWED = frozenset(
    {"claims", "attribution_hops", "claim_relations", "sources", "actors", "articles"}
)


def apply_changes(model: ReadModel, changes: Iterable[RowChange], session: Session) -> None:
    """Update the model for these row changes, in the order they were made."""
    claims: set[int] = set()
    named: dict[str, set[int]] = {"sources": set(), "actors": set()}
    articles: set[int] = set()
    for change in changes:
        if change.table == "claim_relations":
            _relation(model, change)
        elif change.table == "claims":
            claims.add(int(change.key[0]))
        elif change.table == "attribution_hops":
            claims.update(_ids(change, "claim_id"))
        elif change.table in named:
            named[change.table].add(int(change.key[0]))
        elif change.table == "articles":
            articles.add(int(change.key[0]))
    if named["sources"] or named["actors"]:
        _reread_named(model, session, named["sources"], named["actors"])
    if articles:
        _reread_articles(model, session, articles)
    if claims:
        articles |= _reread_claims(model, session, claims)
    if articles:
        model.relink_copies(articles)


def _ids(change: RowChange, column: str) -> set[int]:
    return {
        int(image[column])
        for image in (change.before, change.after)
        if image is not None and image.get(column) is not None
    }


def _relation(model: ReadModel, change: RowChange) -> None:
    for image, present in ((change.before, False), (change.after, True)):
        if image is not None:
            model.relate(
                int(image["from_claim_id"]), int(image["to_claim_id"]), image["kind"],
                present=present,
            )  # fmt: skip


def _reread_named(
    model: ReadModel, session: Session, source_ids: set[int], actor_ids: set[int]
) -> None:
    for key in [("source", i) for i in source_ids] + [("actor", i) for i in actor_ids]:
        model.names.named.pop(key, None)
    model.names.named.update(read_named(session, source_ids, actor_ids))


def _reread_articles(model: ReadModel, session: Session, article_ids: set[int]) -> None:
    found = {article.id: article for article in read_articles(session, article_ids)}
    for article_id in article_ids:
        if article_id in found:
            model.put_article(found[article_id])
        else:
            old = model.names.articles.pop(article_id, None)
            if old is not None and old.copy_of is not None:
                model.copies[old.copy_of].discard(article_id)


def _reread_claims(model: ReadModel, session: Session, claim_ids: set[int]) -> set[int]:
    """Read these claims again; returns the articles they are (or were) in."""
    articles = {model.claims[c].article_id for c in claim_ids if c in model.claims}
    found = {claim.id: claim for claim in read_claims(session, claim_ids)}
    for claim_id in claim_ids:
        if claim_id in found:
            model.put_claim(found[claim_id])
            articles.add(found[claim_id].article_id)
        else:
            model.drop_claim(claim_id)
    return articles
