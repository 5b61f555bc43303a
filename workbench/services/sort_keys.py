"""The orders the lists read from stored sort keys (`domain/sort_keys.py`): "All claims" by
grade and by actors, the library by claim count.

Each listing is joined to its key table and ordered by the key's index, ties broken by the id
the index holds too, so the first page is an index range however many records there are. The
orders are the ones the keys were computed for before they were stored: the grade by the first
hop's reliability ("F" without one) then credibility, the actors by the lowest lower(name)
(claims linking none last either way), the library by the count of claims (0 for none).
"""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import InstrumentedAttribute

from workbench.domain import Article, Claim
from workbench.domain.sort_keys import ArticleClaimCount, ClaimSortKey
from workbench.services.listing_order import Column, Order

STORED_CLAIM_SORTS = ("grade", "actors")


def claim_order(query: Select, sort: str, descending: bool) -> tuple[Select, Order]:
    """The claims of `query` joined to their stored keys, and the order of `sort` over them."""
    keyed = _keyed(query, ClaimSortKey.claim_id, Claim.id)
    if sort == "grade":
        keys = (ClaimSortKey.grade_reliability, ClaimSortKey.grade_credibility)
        return keyed, Order(keys, ClaimSortKey.claim_id, descending, nullable=False)
    if sort == "actors":
        return keyed, Order((ClaimSortKey.actors_key,), ClaimSortKey.claim_id, descending)
    raise ValueError(f"no stored key for the claims sort {sort!r}")


def by_claim_count(query: Select, descending: bool) -> tuple[Select, Order]:
    """The articles of `query` joined to their claim counts, ordered by them."""
    counted = _keyed(query, ArticleClaimCount.article_id, Article.id)
    order = Order((ArticleClaimCount.claims,), ArticleClaimCount.article_id, descending, False)
    return counted, order


def _keyed(query: Select, key: InstrumentedAttribute[int], record: Column) -> Select:
    """`query` (the ids of some records) joined to the key table by `key`. Unfiltered, the key
    table alone lists every record (one row each): a page is then read from its index without
    a look-up of each record's row (whose pages would push the index's out of SQLite's cache)."""
    if query.whereclause is None and query.get_final_froms() == [record.table]:
        return select(key)
    return query.join(key.class_, key == record)
