"""Keeping the stored sort keys exact: triggers on every table a key comes from.

The keys (`domain/sort_keys.py`) are worked out by two statements, each an upsert of the keys
of some claims or articles from the rows as they are now: `refresh_claims(where)` and
`refresh_articles(where)`. A trigger runs one of them, after each row change that can alter a
key, for the records that change touches (a reliability change or a rename sets just the key
it changes, in place):

- a claim added or its credibility changed; an attribution hop at position 0 (the origin of
  the chain) added, changed, moved or removed; a source's or actor's reliability changed (for
  the claims whose chain starts there): the grade;
- an actor link added, changed or removed; an actor renamed: the actors key;
- an article added; a claim added, moved to another article or removed: the claim count.

A removed claim or article takes its keys with it (ON DELETE CASCADE); a removed actor takes
its links with it, and their triggers follow. Undo and redo write the base rows, so the
triggers follow them too, and since the key tables are never captured, an undo step is the
same with or without them.

Where the triggers live: on PostgreSQL, one PL/pgSQL function and trigger each, made by
revision 0022 (`install_on_server`). On SQLite, TEMP triggers, made on each editing
connection together with the row capture (`prepare`, called from `capture.prepare_capture`):
a trigger stored in the file whose body names another table would make SQLite refuse every
later revision that rebuilds that table ("error in trigger ...: no such table").

A revision that changes the rows keys come from, by SQL of its own, calls `refill`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sqlalchemy import Connection

from workbench.domain.grades import Reliability

PREFIX = "wb_sort_keys_"

_CLAIM_KEYS = """INSERT INTO claim_sort_keys
  (claim_id, grade_reliability, grade_credibility, actors_key)
SELECT c.id,
  coalesce((SELECT coalesce(s.reliability, a.reliability) FROM attribution_hops h
      LEFT JOIN sources s ON s.id = h.source_id LEFT JOIN actors a ON a.id = h.actor_id
      WHERE h.claim_id = c.id AND h.position = 0), '{unjudged}'),
  c.credibility,
  (SELECT min(lower(n.name)) FROM claim_actors l JOIN actors n ON n.id = l.actor_id
      WHERE l.claim_id = c.id)
FROM claims c WHERE {where}
ON CONFLICT (claim_id) DO UPDATE SET grade_reliability = excluded.grade_reliability,
  grade_credibility = excluded.grade_credibility, actors_key = excluded.actors_key"""

_ARTICLE_COUNTS = """INSERT INTO article_claim_counts (article_id, claims)
SELECT a.id, (SELECT count(*) FROM claims k WHERE k.article_id = a.id)
FROM articles a WHERE {where}
ON CONFLICT (article_id) DO UPDATE SET claims = excluded.claims"""


def refresh_claims(where: str) -> str:
    """The statement that writes the keys of the claims `c` for which `where` holds."""
    return _CLAIM_KEYS.format(where=where, unjudged=Reliability.F.value)


def refresh_articles(where: str) -> str:
    """The statement that writes the claim counts of the articles `a` for which `where` holds."""
    return _ARTICLE_COUNTS.format(where=where)


@dataclass(frozen=True)
class Trigger:
    """After `event` on `table` (when `when` holds), the statements run, for each row."""

    name: str
    table: str
    event: str  # INSERT, DELETE, or UPDATE OF columns
    statements: tuple[str, ...]
    when: str = ""


# A source's or actor's new reliability is the grade key of every claim whose chain starts
# there (a hop naming a source takes the source's; both are never NULL), and a renamed actor
# changes only the actors key: each set in place, the rest of the keys left as they are.
_ORIGIN_GRADE = (
    "UPDATE claim_sort_keys SET grade_reliability = NEW.reliability WHERE claim_id IN"
    " (SELECT h.claim_id FROM attribution_hops h WHERE h.{key} = NEW.id AND h.position = 0{also})"
)
_RENAMED_ACTOR = (
    "UPDATE claim_sort_keys SET actors_key = (SELECT min(lower(n.name)) FROM claim_actors l"
    " JOIN actors n ON n.id = l.actor_id WHERE l.claim_id = claim_sort_keys.claim_id)"
    " WHERE claim_id IN (SELECT l.claim_id FROM claim_actors l WHERE l.actor_id = NEW.id)"
)
TRIGGERS = (
    Trigger(
        "claims_insert",
        "claims",
        "INSERT",
        (refresh_claims("c.id = NEW.id"), refresh_articles("a.id = NEW.article_id")),
    ),
    Trigger("claims_grade", "claims", "UPDATE OF credibility", (refresh_claims("c.id = NEW.id"),)),
    Trigger(
        "claims_moved",
        "claims",
        "UPDATE OF article_id",
        (refresh_articles("a.id IN (OLD.article_id, NEW.article_id)"),),
    ),
    Trigger("claims_delete", "claims", "DELETE", (refresh_articles("a.id = OLD.article_id"),)),
    Trigger("articles_insert", "articles", "INSERT", (refresh_articles("a.id = NEW.id"),)),
    Trigger(
        "hops_insert",
        "attribution_hops",
        "INSERT",
        (refresh_claims("c.id = NEW.claim_id"),),
        "NEW.position = 0",
    ),
    Trigger(
        "hops_update",
        "attribution_hops",
        "UPDATE OF claim_id, position, source_id, actor_id",
        (refresh_claims("c.id IN (OLD.claim_id, NEW.claim_id)"),),
        "OLD.position = 0 OR NEW.position = 0",
    ),
    Trigger(
        "hops_delete",
        "attribution_hops",
        "DELETE",
        (refresh_claims("c.id = OLD.claim_id"),),
        "OLD.position = 0",
    ),
    Trigger(
        "sources_reliability",
        "sources",
        "UPDATE OF reliability",
        (_ORIGIN_GRADE.format(key="source_id", also=""),),
    ),
    Trigger(
        "actors_reliability",
        "actors",
        "UPDATE OF reliability",
        (_ORIGIN_GRADE.format(key="actor_id", also=" AND h.source_id IS NULL"),),
    ),
    Trigger("actors_name", "actors", "UPDATE OF name", (_RENAMED_ACTOR,)),
    Trigger("links_insert", "claim_actors", "INSERT", (refresh_claims("c.id = NEW.claim_id"),)),
    Trigger(
        "links_update",
        "claim_actors",
        "UPDATE OF claim_id, actor_id",
        (refresh_claims("c.id IN (OLD.claim_id, NEW.claim_id)"),),
    ),
    Trigger("links_delete", "claim_actors", "DELETE", (refresh_claims("c.id = OLD.claim_id"),)),
)


def refill(connection: Connection) -> None:
    """Every key written afresh from the rows (a revision's fill; after copying a project)."""
    connection.exec_driver_sql("DELETE FROM claim_sort_keys")
    connection.exec_driver_sql("DELETE FROM article_claim_counts")
    connection.exec_driver_sql(refresh_claims("1 = 1"))
    connection.exec_driver_sql(refresh_articles("1 = 1"))


# --- SQLite: TEMP triggers per editing connection -----------------------------------------


def prepare(raw: sqlite3.Connection) -> None:
    """Give this SQLite connection the key triggers if it lacks any of them."""
    have = raw.execute(
        "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger' AND substr(name, 1, ?) = ?",
        (len(PREFIX), PREFIX),
    ).fetchone()[0]
    if have == len(TRIGGERS):
        return
    for trigger in TRIGGERS:
        raw.execute(f"DROP TRIGGER IF EXISTS temp.{PREFIX}{trigger.name}")
        raw.execute(_sqlite_trigger(trigger))


def _sqlite_trigger(trigger: Trigger) -> str:
    when = f" WHEN {trigger.when}" if trigger.when else ""
    body = " ".join(f"{statement};" for statement in trigger.statements)
    return (
        f"CREATE TEMP TRIGGER {PREFIX}{trigger.name} AFTER {trigger.event}"
        f" ON main.{trigger.table} FOR EACH ROW{when} BEGIN {body} END"
    )


# --- PostgreSQL: stored triggers --------------------------------------------------------


def install_on_server(connection: Connection) -> None:
    """Each trigger's PL/pgSQL function and the trigger itself (made or replaced)."""
    for trigger in TRIGGERS:
        name = PREFIX + trigger.name
        body = "\n  ".join(f"{statement};" for statement in trigger.statements)
        connection.exec_driver_sql(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            f"BEGIN\n  {body}\n  RETURN NULL;\nEND $$"
        )
        when = f" WHEN ({trigger.when})" if trigger.when else ""
        connection.exec_driver_sql(
            f"CREATE OR REPLACE TRIGGER {name} AFTER {trigger.event} ON {trigger.table}"
            f" FOR EACH ROW{when} EXECUTE FUNCTION {name}()"
        )


def remove_from_server(connection: Connection) -> None:
    """The triggers and their functions dropped (the revision's downgrade)."""
    for trigger in TRIGGERS:
        name = PREFIX + trigger.name
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {trigger.table}")
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {name}()")
