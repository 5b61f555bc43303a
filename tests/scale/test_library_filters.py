"""The library's set-based filters find exactly the articles a plain reading of the data finds."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from workbench.services import Project
from workbench.services.library import ArticleFilter, article_ids


@pytest.fixture
def case(tiny_case: Path, tmp_path: Path) -> Iterator[tuple[Project, sqlite3.Connection]]:
    copy = tmp_path / tiny_case.name
    copy.write_bytes(tiny_case.read_bytes())
    plain = sqlite3.connect(copy)
    plain.row_factory = sqlite3.Row
    # One actor only mentioned (article 3), one only in a chain (a claim of article 5).
    plain.executescript(
        "INSERT INTO actors (id, name, name_key, kind, description) VALUES"
        " (9998, 'Only Mentioned', 'only mentioned', 'person', ''),"
        " (9999, 'Only Chained', 'only chained', 'person', '');"
        'INSERT INTO actor_mentions (article_id, actor_id, start, "end", exact, prefix, suffix,'
        " orphaned) VALUES (3, 9998, 0, 4, 'text', '', '', 0);"
        "INSERT INTO attribution_hops (claim_id, position, actor_id, role, cue, anonymous)"
        " SELECT min(id), 9, 9999, 'quoted by', '', 0 FROM claims WHERE article_id = 5;"
    )
    with Project.open(copy, read_only=True) as project:
        yield project, plain
    plain.close()


def _articles(plain: sqlite3.Connection) -> list[dict]:
    rows = [
        dict(row) for row in plain.execute("SELECT id, title, outlet, url, published FROM articles")
    ]
    for row in rows:
        row["published"] = datetime.fromisoformat(row["published"]) if row["published"] else None
    return rows


def _pairs(plain: sqlite3.Connection, query: str) -> set[tuple[int, object]]:
    return {tuple(row) for row in plain.execute(query)}


def _newest(rows: list[dict], keep: set[int]) -> list[int]:
    """Newest first, undated last, ties by id descending (sorts are stable)."""
    chosen = sorted((row for row in rows if row["id"] in keep), key=lambda r: r["id"], reverse=True)
    chosen.sort(key=lambda row: row["published"] or datetime.min, reverse=True)
    return [row["id"] for row in chosen]


def test_source_actor_tag_and_status_filters_match_the_data(
    case: tuple[Project, sqlite3.Connection],
) -> None:
    """Each filter lists, newest first, the articles whose claims, links or mentions qualify."""
    project, plain = case
    rows = _articles(plain)
    cites = _pairs(
        plain,
        "SELECT c.article_id, h.source_id FROM claims c"
        " JOIN attribution_hops h ON h.claim_id = c.id",
    )
    involves = _pairs(plain, "SELECT article_id, actor_id FROM actor_mentions") | _pairs(
        plain,
        "SELECT c.article_id, l.actor_id FROM claims c JOIN claim_actors l ON l.claim_id = c.id"
        " UNION SELECT c.article_id, h.actor_id FROM claims c"
        " JOIN attribution_hops h ON h.claim_id = c.id",
    )
    tagged = _pairs(
        plain,
        "SELECT g.target_id, t.name FROM taggings g JOIN tags t ON t.id = g.tag_id"
        " WHERE g.target_kind = 'article'",
    ) | _pairs(
        plain,
        "SELECT c.article_id, t.name FROM claims c JOIN taggings g ON g.target_id = c.id"
        " AND g.target_kind = 'claim' JOIN tags t ON t.id = g.tag_id",
    )
    statuses = _pairs(plain, "SELECT article_id, status FROM claims")
    for source in (1, 2, 30):
        wanted = {a for a, s in cites if s == source}
        assert article_ids(project, ArticleFilter(source_id=source)) == _newest(rows, wanted)
    linked = sorted({x for _a, x in involves if x is not None})
    assert {9998, 9999} <= set(linked)
    for actor in (linked[0], linked[len(linked) // 2], 9998, 9999):
        wanted = {a for a, x in involves if x == actor}
        assert wanted and article_ids(project, ArticleFilter(actor_id=actor)) == _newest(
            rows, wanted
        )
    for tag in ("nuclear", "Iran–Russia relations"):
        wanted = {a for a, t in tagged if t == tag}
        assert wanted and article_ids(project, ArticleFilter(tag=tag.upper())) == _newest(
            rows, wanted
        )
    disputed = {a for a, s in statuses if s == "disputed"}
    assert article_ids(project, ArticleFilter(status="disputed")) == _newest(rows, disputed)
    unmarked = {row["id"] for row in rows} - {a for a, _s in statuses}
    assert unmarked and article_ids(project, ArticleFilter(status="no claims yet")) == _newest(
        rows, unmarked
    )
    both = disputed & {a for a, s in cites if s == 1}
    assert article_ids(project, ArticleFilter(status="disputed", source_id=1)) == _newest(
        rows, both
    )


def test_text_and_date_filters_and_sorts_match_the_data(
    case: tuple[Project, sqlite3.Connection],
) -> None:
    """Text finds the word in title, outlet or address; dates bound publication; sorts order."""
    project, plain = case
    rows = _articles(plain)
    iran = {
        r["id"] for r in rows if any("iran" in r[k].lower() for k in ("title", "outlet", "url"))
    }
    assert iran and article_ids(project, ArticleFilter(text="IRAN")) == _newest(rows, iran)
    year = {r["id"] for r in rows if r["published"] and r["published"].year == 2022}
    in_2022 = ArticleFilter(published_from=date(2022, 1, 1), published_to=date(2022, 12, 31))
    assert year and article_ids(project, in_2022) == _newest(rows, year)
    counts = dict(
        plain.execute("SELECT article_id, count(*) FROM claims GROUP BY article_id").fetchall()
    )
    by_claims = sorted(rows, key=lambda r: (-counts.get(r["id"], 0), -r["id"]))
    assert article_ids(project, sort="claims") == [r["id"] for r in by_claims]
    by_title = sorted(rows, key=lambda r: (r["title"].lower(), r["id"]))
    assert article_ids(project, sort="title", descending=False) == [r["id"] for r in by_title]
