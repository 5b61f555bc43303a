"""Plain rows (the exports' reads) are the rows SQLAlchemy itself gives for the same query, for
lists of any length, scalar parameters and values written into the query, call after call."""

from __future__ import annotations

from typing import Any

from sqlalchemy import BindParameter, bindparam, literal, select

from workbench.domain import Article, Claim, Tagging
from workbench.services import Project
from workbench.services.plain_rows import plain_rows

IDS: BindParameter[Any] = bindparam("ids", expanding=True)
KIND: BindParameter[str] = bindparam("kind")
CLAIMS = (
    select(Claim.id, Claim.article_id, Claim.orphaned, Claim.created_at, literal("x"))
    .where(Claim.article_id.in_(IDS))
    .order_by(Claim.id)
)
TAGGED = (
    select(Tagging.target_id, Tagging.tag_id)
    .where(Tagging.target_kind == KIND, Tagging.target_id.in_(IDS))
    .order_by(Tagging.target_id, Tagging.tag_id)
)


def test_plain_rows_are_sqlalchemys_rows_for_every_list_length(sample_project: Project) -> None:
    """Lists of many lengths (none too), in turns and again, read what SQLAlchemy reads."""
    with sample_project.reading() as session:
        connection = session.connection()
        articles = list(connection.scalars(select(Article.id).order_by(Article.id)))
        claims = list(connection.scalars(select(Claim.id).order_by(Claim.id)))
        assert articles and len(claims) > 2
        longer = [*articles, 999_999, *claims]  # ids of no article too
        for ids in (articles, longer, [], articles, longer[::-1], longer[:2]):
            expected = [tuple(row) for row in connection.execute(CLAIMS, {"ids": ids})]
            assert plain_rows(connection, CLAIMS, ids=ids) == expected
        for kind in ("claim", "article", "claim"):
            for ids in (claims, claims[:2], longer):
                values = {"kind": kind, "ids": ids}
                expected = [tuple(row) for row in connection.execute(TAGGED, values)]
                assert plain_rows(connection, TAGGED, **values) == expected
