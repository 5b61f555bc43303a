"""The articles whose claims cite a source, found through the claim-to-article index.

The library's filter by source maps every hop naming the source to its claim's article: for
the most cited source of a 100,000-article case, 94,000 claims. SQLite reads each claim's
article from the claims table itself (its primary key), a row of quote, context and notes per
claim; the index `ix_claims_id_article` (revision 0006) holds the same pairs in a fraction of
the pages, and reading it instead takes the mapping from 82 to 32 ms. SQLite's planner always
prefers the primary key for `id = ?`, so the index is named (`INDEXED BY`, SQLite's own
syntax: kept here, in the store layer); elsewhere the query is the same without it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import CTE, ColumnElement, Integer, Subquery, TextualSelect, bindparam, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.sqltypes import NullType

CLAIM_TO_ARTICLE = "ix_claims_id_article"
SOURCE = "source_id"  # the name of the source's parameter in these statements


def cites_source(key: Any, source_id: int) -> ColumnElement[Any]:
    """The article (`key`: its id, or `id + 0` to walk the sort's index) has a claim whose
    attribution chain names the source (the parameter named `SOURCE`)."""
    return CitesSource(key, bindparam(SOURCE, source_id, type_=Integer()))


def cited_articles(dialect: str, source_id: int) -> Subquery:
    """The distinct ids of the articles whose claims' chains name the source (`article_id`),
    read through the claim-to-article index on SQLite (`dialect`: the database's)."""
    return _distinct_cited(dialect, source_id).subquery("cited")


def cited_articles_once(dialect: str, source_id: int) -> CTE:
    """`cited_articles` as a set the database finds once however often a statement reads it
    (a materialized common table expression, SQLite 3.35 and PostgreSQL 12 on)."""
    return _distinct_cited(dialect, source_id).cte("cited").prefix_with("MATERIALIZED")


def _distinct_cited(dialect: str, source_id: int) -> TextualSelect:
    hint = f" INDEXED BY {CLAIM_TO_ARTICLE}" if dialect == "sqlite" else ""
    query = text(
        f"SELECT DISTINCT c.article_id FROM attribution_hops AS h JOIN claims AS c{hint}"
        f" ON c.id = h.claim_id WHERE h.source_id = :{SOURCE}"
    )
    return query.bindparams(**{SOURCE: source_id}).columns(article_id=Integer)


class CitesSource(FunctionElement[bool]):
    """`key IN (the articles of the claims whose chain names the source)`."""

    # Typed as no type, so that SQLite (no boolean type) gets no "= 1" after the test.
    type = NullType()  # type: ignore[assignment]
    inherit_cache = True


def _cited(element: CitesSource, compiler: Any, hint: str, **kw: Any) -> str:
    key, source = (compiler.process(part, **kw) for part in element.clauses)
    return (
        f"{key} IN (SELECT c.article_id FROM attribution_hops AS h"
        f" JOIN claims AS c{hint} ON c.id = h.claim_id WHERE h.source_id = {source})"
    )


@compiles(CitesSource)
def _plain(element: CitesSource, compiler: Any, **kw: Any) -> str:
    return _cited(element, compiler, "", **kw)


@compiles(CitesSource, "sqlite")
def _by_index(element: CitesSource, compiler: Any, **kw: Any) -> str:
    return _cited(element, compiler, f" INDEXED BY {CLAIM_TO_ARTICLE}", **kw)
