"""Rows: the library's sorts and every filter as the window shows them first (the first page
of ids and the total), name look-ups; floor: the same page and count in plain SQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from workbench.bench.scale.case import Case
from workbench.bench.scale.compare import ids_row
from workbench.bench.scale.page_compare import PlainPage, page_row
from workbench.bench.scale.table import Measurement, Target
from workbench.domain.name_keys import name_key
from workbench.services.library import ArticleFilter, article_ids, article_rows, first_page
from workbench.services.listing_order import PAGE, FirstPage
from workbench.services.lookup import named, suggest_names
from workbench.services.project import Project

FILTER = Target(ratio=3.0, limit=150.0)
LOOK_UP = Target(limit=30.0)  # per keystroke: well inside the 100 ms a UI thread may block
YEAR = (date(2022, 1, 1), date(2022, 12, 31))
SCREEN = 60  # rows the library paints at once


def rows(case: Case) -> Iterator[Measurement]:
    picks = _picks(case)
    with case.project(read_only=True) as project:
        replaced = {**_replaced(picks), "sort: by claims": _by_claims(COUNTED)}
        for name, ours, floor in _library(picks):
            label = f"library {name}"
            yield page_row(case, project, label, ours, floor, FILTER, replaced.get(name))
        newest = article_ids(project)[:SCREEN]
        yield ids_row(
            case,
            project,
            f"library rows for one screen ({SCREEN})",
            lambda p: [r.id for r in article_rows(p, newest)],
            (_SCREEN_SQL.format(ids=",".join(map(str, newest))), ()),
            LOOK_UP,
            keep_order=False,
        )
        yield from _look_ups(case, project)


def _picks(case: Case) -> dict[str, Any]:
    """The busiest source, actor and tag: the filters with the most articles to find."""
    return {
        "source": case.scalar(
            "SELECT source_id FROM attribution_hops WHERE source_id IS NOT NULL"
            " GROUP BY source_id ORDER BY count(*) DESC LIMIT 1"
        ),
        "actor": case.scalar(
            "SELECT actor_id FROM claim_actors GROUP BY actor_id ORDER BY count(*) DESC LIMIT 1"
        ),
        "tag": case.scalar(
            "SELECT t.name FROM taggings g JOIN tags t ON t.id = g.tag_id"
            " GROUP BY t.id ORDER BY count(*) DESC LIMIT 1"
        ),
    }


Ours = Callable[[Project], FirstPage]
Parameters = tuple[Any, ...]
_SCREEN_SQL = (
    "SELECT a.id, a.title, a.outlet, a.authors, a.published, a.imported_at, count(c.id)"
    " FROM articles a LEFT JOIN claims c ON c.article_id = a.id"
    " WHERE a.id IN ({ids}) GROUP BY a.id"
)
# The library's orders in plain SQL ("claims": the counts stored by revision 0022).
ORDERS = {
    "published": "a.published DESC NULLS LAST, a.id DESC",
    "title": "a.title COLLATE NOCASE DESC NULLS LAST, a.id DESC",
}
# Unfiltered, every article's count is there, read from its index alone.
BY_CLAIMS = (
    "SELECT n.article_id FROM article_claim_counts n ORDER BY n.claims DESC, n.article_id DESC"
)
# The counts computed from the claims, as every query did before they were stored: timed
# and noted beside the row (and their ids checked to be the stored order's).
COUNTED = (
    "SELECT a.id FROM articles a LEFT JOIN"
    " (SELECT article_id, count(*) AS n FROM claims GROUP BY article_id) c"
    " ON c.article_id = a.id ORDER BY coalesce(c.n, 0) DESC, a.id DESC"
)


def _by_claims(listing: str) -> PlainPage:
    return PlainPage(f"{listing} LIMIT {PAGE}", "SELECT count(*) FROM articles a", (), PAGE)


def _library(picks: dict[str, Any]) -> list[tuple[str, Ours, PlainPage]]:
    """Each view as the library shows it first (`first_page`: the first page and the total),
    beside the same page and count in plain SQL."""

    def view(article_filter: ArticleFilter | None = None, sort: str = "published") -> Ours:
        wanted = article_filter or ArticleFilter()
        return lambda project: first_page(project, wanted, sort)

    def plain(
        where: str = "", parameters: tuple[Any, ...] = (), sort: str = "published"
    ) -> PlainPage:
        return PlainPage(
            f"SELECT a.id FROM articles a {where} ORDER BY {ORDERS[sort]} LIMIT {PAGE}",
            f"SELECT count(*) FROM articles a {where}",
            parameters,
            PAGE,
        )

    day_after = date(YEAR[1].year + 1, 1, 1)
    source = (picks["source"],)
    return [
        ("sort: newest first", view(), plain()),
        ("sort: by title", view(sort="title"), plain(sort="title")),
        (
            "sort: by claims",
            view(sort="claims"),
            _by_claims(BY_CLAIMS),
        ),
        (
            "filter: text 'iran'",
            view(ArticleFilter(text="iran")),
            plain(f"WHERE {INDEXED_TEXT}", ('"iran"', *("%iran%",) * 3)),
        ),
        (
            "filter: status disputed",
            view(ArticleFilter(status="disputed")),
            plain(
                "WHERE a.id + 0 IN (SELECT article_id FROM claims WHERE status = ?)",
                ("disputed",),
            ),
        ),
        (
            "filter: no claims yet",
            view(ArticleFilter(status="no claims yet")),
            plain("WHERE a.id + 0 NOT IN (SELECT article_id FROM claims)"),
        ),
        (
            f"filter: tag '{picks['tag']}'",
            view(ArticleFilter(tag=picks["tag"])),
            plain(
                "WHERE a.id + 0 IN (SELECT target_id FROM taggings"
                " WHERE tag_id = (SELECT id FROM tags WHERE name = ?) AND target_kind = 'article'"
                " UNION ALL SELECT c.article_id FROM claims c JOIN taggings g ON g.target_id = c.id"
                " WHERE g.tag_id = (SELECT id FROM tags WHERE name = ?)"
                " AND g.target_kind = 'claim')",
                (picks["tag"], picks["tag"]),
            ),
        ),
        (
            "filter: source (the most cited)",
            view(ArticleFilter(source_id=picks["source"])),
            PageWithTotal(  # as ours: the citing articles found once, page and total from them
                f"WITH cited AS MATERIALIZED ({DISTINCT_CITING})"
                " SELECT a.id, (SELECT count(*) FROM cited) FROM articles a"
                " WHERE a.id + 0 IN (SELECT article_id FROM cited)"
                f" ORDER BY {ORDERS['published']} LIMIT {PAGE}",
                None,
                source,
            ),
        ),
        (
            "filter: actor (the most linked)",
            view(ArticleFilter(actor_id=picks["actor"])),
            plain(
                "WHERE a.id + 0 IN"
                " (SELECT article_id FROM actor_mentions WHERE actor_id = ?"
                " UNION ALL SELECT c.article_id FROM claims c WHERE c.id IN"
                " (SELECT claim_id FROM attribution_hops WHERE actor_id = ?"
                " UNION ALL SELECT claim_id FROM claim_actors WHERE actor_id = ?))",
                (picks["actor"],) * 3,
            ),
        ),
        (
            "filter: published in 2022",
            view(ArticleFilter(published_from=YEAR[0], published_to=YEAR[1])),
            plain(
                "WHERE a.published >= ? AND a.published < ?",
                (f"{YEAR[0]} 00:00:00.000000", f"{day_after} 00:00:00.000000"),
            ),
        ),
    ]


# The text filter as the trigram index serves it (revision 0021: the index offers, LIKE decides),
# and the source filter through the claim-to-article index (`store/claim_articles.py`).
INDEXED_TEXT = (
    "a.id IN (SELECT rowid FROM article_text WHERE article_text MATCH ?) AND (a.title LIKE ?"
    " ESCAPE '\\' OR a.outlet LIKE ? ESCAPE '\\' OR a.url LIKE ? ESCAPE '\\')"
)
CITING = "SELECT c.article_id FROM attribution_hops h JOIN claims c"
ON_HOP = "ON c.id = h.claim_id WHERE h.source_id = ?"
CITING_BY_INDEX = f"{CITING} INDEXED BY ix_claims_id_article {ON_HOP}"
DISTINCT_CITING = CITING_BY_INDEX.replace("SELECT", "SELECT DISTINCT")


class PageWithTotal(PlainPage):
    """A floor that reads the page and the total in one statement (the total beside each id)."""

    def read(self, case: Case) -> FirstPage:
        rows = case.sql.execute(self.page, self.parameters).fetchall()
        return FirstPage([row[0] for row in rows], rows[0][1] if rows else 0)


def _replaced(picks: dict[str, Any]) -> dict[str, PlainPage]:
    """The plain queries the indexes replaced (their cost noted beside the row, for the README)."""

    def plain(where: str, parameters: tuple[Any, ...]) -> PlainPage:
        order = ORDERS["published"]
        page = f"SELECT a.id FROM articles a {where} ORDER BY {order} LIMIT {PAGE}"
        return PlainPage(page, f"SELECT count(*) FROM articles a {where}", parameters, PAGE)

    return {
        "filter: text 'iran'": plain(
            "WHERE a.title LIKE ? OR a.outlet LIKE ? OR a.url LIKE ?", ("%iran%",) * 3
        ),
        "filter: source (the most cited)": plain(
            f"WHERE a.id + 0 IN ({CITING} {ON_HOP})", (picks["source"],)
        ),
    }


def _look_ups(case: Case, project: Project) -> Iterator[Measurement]:
    """Finding a record by name in any case, and type-ahead, on the name_key index."""
    typed = "ÄRZTE OHNE GRENZEN"
    yield ids_row(
        case,
        project,
        "look-up: actor by name, any case",
        lambda p: [found] if (found := named(p, "actor", typed)) is not None else [],
        ("SELECT id FROM actors WHERE name_key = ? LIMIT 1", (name_key(typed),)),
        LOOK_UP,
    )
    prefix = "ist"
    high = prefix + "\U0010ffff"
    yield ids_row(
        case,
        project,
        "type-ahead: sources and actors 'ist'",
        lambda p: [m.id for m in suggest_names(p, prefix)],
        (
            "SELECT id FROM sources WHERE name_key >= ? AND name_key < ? UNION ALL"
            " SELECT id FROM actors WHERE name_key >= ? AND name_key < ? LIMIT 12",
            (prefix, high, prefix, high),
        ),
        LOOK_UP,
        keep_order=False,
    )
