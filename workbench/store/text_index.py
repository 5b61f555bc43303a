"""The text filters' index: which records may hold a word, found without reading every row.

A text filter keeps its own test (`LIKE '%word%'`, letters in any case alike; see
`services.listing_order.Contains`); this index only narrows the rows the test runs on, so what
the filter finds never changes with it. Revision 0021 makes it:

- on SQLite an FTS5 table with the trigram tokenizer per listing (external content, kept by
  triggers on the base table; undo writes base rows, so the triggers keep it right, and it is
  no model, so the row capture never records it). A trigram index finds substrings of three
  characters or more; a shorter word is left to the test alone (a scan, as before). The
  tokenizer folds letters of every script, LIKE only ASCII ones, so the index may offer a
  record the test then refuses, never the other way round;
- on PostgreSQL pg_trgm GIN indexes on the columns themselves, which ILIKE reads directly:
  nothing is added to the query there.

Merging (revision 0023): FTS5 keeps each index as segments, one more per committed write, and
merges them. Left to itself it merges a share after every insert, and now and then that share
is a merge of the large segments, a pause in one edit. Its automatic merging is off; the
workbench merges in small steps when the analyst is idle (`merge_some`, called by
`services.text_index_upkeep`). FTS5's crisis merge (16 segments on one level) still bounds how
many segments a filter reads if no idle time comes. On PostgreSQL the GIN indexes keep no
pending list (`fastupdate` off), so there is nothing to merge later.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, literal
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.sqltypes import NullType

CLAIM_TEXT = "claim_text"  # claims: quote (exact) and summary
ARTICLE_TEXT = "article_text"  # articles: title, outlet, address (url)
TEXT_INDEXES = (CLAIM_TEXT, ARTICLE_TEXT)
SHORTEST = 3  # characters: a trigram index finds nothing shorter
MERGE_PAGES = 64  # pages of merged segments written per step (a few milliseconds)
# FTS5 keeps each index in these tables of its own (not models: the schema comparison and
# Alembic leave them alone, see `is_index_table`).
_SHADOWS = ("", "_data", "_idx", "_docsize", "_config", "_content")


def is_index_table(name: str) -> bool:
    """Whether a table of the database is a text index or one of FTS5's tables for it."""
    return any(name == index + shadow for index in TEXT_INDEXES for shadow in _SHADOWS)


def may_hold(key: Any, index: str, word: str) -> list[ColumnElement[Any]]:
    """The conditions that narrow a listing to the records (`key`: their id) whose indexed
    text may hold `word`; none for a word too short for the index."""
    if len(word) < SHORTEST:
        return []
    try:
        kind = _BY_INDEX[index]
    except KeyError:
        raise ValueError(f"no text index {index!r}; there are {', '.join(TEXT_INDEXES)}") from None
    return [kind(key, literal(_phrase(word)))]


def _phrase(word: str) -> str:
    """The word as one FTS5 string: every character literal (quotes doubled)."""
    return '"' + word.replace('"', '""') + '"'


class IndexedWord(FunctionElement[bool]):
    """The record is among those a text index offers for a word (SQLite: FTS5 MATCH).
    One class per index, so that a compiled statement (cached by class) names its index."""

    index = ""
    # Typed as no type, so that SQLite (no boolean type) gets no "= 1" after the test.
    type = NullType()  # type: ignore[assignment]
    inherit_cache = True


class InClaimText(IndexedWord):
    index = CLAIM_TEXT
    inherit_cache = True


class InArticleText(IndexedWord):
    index = ARTICLE_TEXT
    inherit_cache = True


_BY_INDEX: dict[str, type[IndexedWord]] = {CLAIM_TEXT: InClaimText, ARTICLE_TEXT: InArticleText}


@compiles(IndexedWord)
def _served_by_column_indexes(element: IndexedWord, compiler: Any, **kw: Any) -> str:
    return "1 = 1"  # PostgreSQL: the trigram indexes serve ILIKE itself


@compiles(IndexedWord, "sqlite")
def _fts_match(element: IndexedWord, compiler: Any, **kw: Any) -> str:
    key, phrase = (compiler.process(part, **kw) for part in element.clauses)
    name = element.index
    return f"{key} IN (SELECT rowid FROM {name} WHERE {name} MATCH {phrase})"


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic's `include_name` hook: the schema comparison leaves the text indexes out
    (FTS5 tables made by revision 0021, no models)."""
    return not (type_ == "table" and name is not None and is_index_table(name))


def out_of_step(connection: Connection) -> list[str]:
    """The text indexes of a project file that no longer match their tables' rows (FTS5's
    integrity check against the content, rank 1); a shared store's are the server's own."""
    if connection.dialect.name != "sqlite":
        return []
    wrong = []
    for index in TEXT_INDEXES:
        try:
            connection.exec_driver_sql(
                f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)"
            )
        except DBAPIError:
            wrong.append(index)
    return wrong


def merge_some(connection: Connection, pages: int = MERGE_PAGES) -> bool:
    """One bounded step of the merging FTS5 no longer does by itself: about `pages` pages of
    each text index's segments merged, on the levels that hold several (FTS5's 'merge' with a
    positive count); True if any index had such work. FTS5's documented test: the command
    changed two rows or more. A shared store's indexes need none (False)."""
    if connection.dialect.name != "sqlite":
        return False
    if pages < 1:
        raise ValueError(f"a merge step writes at least one page, not {pages}")
    raw: Any = connection.connection.driver_connection  # sqlite3.Connection
    worked = False
    for index in TEXT_INDEXES:
        before = raw.total_changes
        connection.exec_driver_sql(
            f"INSERT INTO {index} ({index}, rank) VALUES ('merge', ?)", (pages,)
        )
        worked = worked or raw.total_changes - before >= 2
    return worked
