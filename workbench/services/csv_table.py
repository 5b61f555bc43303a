"""The claims CSV's rows as finished text, assembled by the database: Python only numbers the
claims and writes the lines.

Each line is built by one query per batch of articles: the claim's chain, reliabilities, links,
tags and notes worded from `reports.wording` (the very subqueries `services.claim_table` words
them with), and every cell put as `reports.csv_report` puts it: neutralised against formula
injection (a leading apostrophe before a cell starting, perhaps after spaces, with one of
`csv_report.FORMULA_CHARACTERS`), then quoted as Python's csv writer quotes (a cell holding a
comma, a double quote, a carriage return or a newline goes in double quotes, its quotes doubled).
The credibility cells are made by `reports.model.credibility_label` itself, one per known grade.

The one rule SQL does not apply is `reports.safe_text.xml_safe` (characters XML forbids are
dropped, which may bring a formula sign to the front of a cell): a batch whose text holds one of
them is made the careful way instead, as claim lines (`claim_table.batch_lines`) the csv writer
writes. tests/reports/test_csv_lines.py holds both ways to the same bytes.

Where the time goes (valgrind's instruction counts of the batch query for 200 articles of the
benchmark's 10,000-article case, in the `sqlite3` shell): the chain a third, the four link
cells a third, the cells' tests (four `instr` each) most of the rest. A link table read once per
batch instead of once per claim (a CTE of the batch's links, `group_concat` as a window over
each claim's ordered rows, joined by claim id) cost more, not less: each claim's links are one
search of a covering index `(claim_id, ...)`, and only a window keeps the items' order, which
a GROUP BY over an ordered subquery does not promise. So the links stay one subquery a claim.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    LargeBinary,
    String,
    bindparam,
    case,
    cast,
    func,
    literal,
    or_,
    select,
)

from workbench.domain import Article, Claim
from workbench.domain.grades import CREDIBILITY_WORDING
from workbench.reports import wording
from workbench.reports.claim_lines import ClaimLine
from workbench.reports.csv_report import FORMULA_CHARACTERS, neutralise
from workbench.reports.model import credibility_label
from workbench.services.claim_table import (  # the claims table's own wording, stated once
    _ACTORS,
    _EVENTS,
    _HOPS,
    _NOTES,
    _RELIABILITY,
    _TAGS,
    CHOSEN,
    article_batches,
    batch_lines,
    worded,
)
from workbench.services.plain_rows import plain_rows
from workbench.services.project import Project

Batch = tuple[int, list[Any]]  # (articles covered, [finished lines as UTF-8] or claim lines)
QUOTED = ',"\r\n'  # a cell holding one of these the csv writer puts in quotes
# A cell starting with a formula sign (GLOB; "-" last in the set, so read as itself).
RISKY = "[" + "".join(sorted(FORMULA_CHARACTERS - {"-"})) + "-]*"
MAYBE_RISKY = "[ " + RISKY[1:]  # a formula sign or a space first: only then is `ltrim` needed
# The run of first characters around "A" that holds no formula sign nor space (A to U+2079:
# the Latin, Greek, Cyrillic, Arabic ... letters): a cell starting in it needs no GLOB, one
# `unicode()` of its first character says so.
_SIGNS = sorted(map(ord, FORMULA_CHARACTERS | {" "}))
_AFTER = max(code for code in _SIGNS if code < ord("A"))
_BEFORE = min(code for code in _SIGNS if code > ord("A"))
FIRST = bindparam("first", type_=Integer)  # the batch's first article's number


def _joined(*pieces: ColumnElement[Any]) -> ColumnElement[Any]:
    """The pieces joined with `||` as a balanced tree: each `||` makes a new string, so a chain
    of them copied the line's start again for every piece after it."""
    if len(pieces) == 1:
        return pieces[0]
    half = len(pieces) // 2
    return _joined(*pieces[:half]).op("||")(_joined(*pieces[half:]))


def _glob(value: Any, pattern: str) -> ColumnElement[bool]:
    return value.op("GLOB", is_comparison=True)(pattern)


def cell(value: Any) -> ColumnElement[Any]:
    """A text cell as the CSV writes it: neutralised, then quoted if it must be. `value` is
    read several times: a column, or an aggregate (which SQLite works out once)."""
    plain_start = func.unicode(value).between(_AFTER + 1, _BEFORE - 1)
    risky = ~plain_start & _glob(value, MAYBE_RISKY) & _glob(func.ltrim(value, " "), RISKY)
    quoted = or_(*[func.instr(value, char) > 0 for char in QUOTED])
    doubled = func.replace(value, '"', '""')
    return case(  # the cheap test first; a plain cell is the value itself, not a copy
        (
            risky,
            case(
                (quoted, _joined(literal("\"'"), doubled, literal('"'))),
                else_=_joined(literal("'"), value),
            ),
        ),
        (quoted, _joined(literal('"'), doubled, literal('"'))),
        else_=value,
    )


def _python_cell(text: str) -> str:
    """A cell as `csv_report` writes it (for the few worded in Python)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow([neutralise(text), ""])
    return out.getvalue()[:-1]  # the cell, without the comma before the empty one


def _credibility_cell(credibility: Any) -> ColumnElement[Any]:
    known = [(grade, _python_cell(credibility_label(grade))) for grade in CREDIBILITY_WORDING]
    return case(
        *[(credibility == grade, literal(text)) for grade, text in known],
        else_=cell(credibility.cast(String)),
    )


def _aggregated(items: Any, value: ColumnElement[Any], separator: str) -> ColumnElement[Any]:
    """The cell of `separator.join` of `value` over an ordered subquery of one claim's rows."""
    joined = select(func.coalesce(func.group_concat(value, separator), "").label("text"))
    found = joined.select_from(items).subquery()
    return select(cell(found.c.text)).scalar_subquery()


# Grade, source reliability and attribution: three cells from one pass over the claim's hops
# (SQLite gives a bare column the values of the row min() picks: the first hop's reliability).
_HOP_TEXTS = (
    select(
        func.coalesce(func.nullif(_HOPS.c.reliability, ""), "F").label("first"),
        func.min(_HOPS.c.position).label("position"),
        func.coalesce(
            func.group_concat(
                case((_HOPS.c.reliability != "", _RELIABILITY)), wording.RELIABILITIES_JOIN
            ),
            "",
        ).label("reliabilities"),
        func.coalesce(
            func.group_concat(worded(wording.HOP, **_HOPS.c), wording.CHAIN_JOIN), ""
        ).label("chain"),
    )
    .select_from(_HOPS)
    .subquery("hop_texts")
)
_CHAIN_CELLS = select(
    _joined(  # the grade is a letter A-F and a digit 1-6 (the tables' CHECKs): a cell as it is
        _HOP_TEXTS.c.first.op("||")(Claim.credibility.cast(String)),
        literal(","),
        cell(_HOP_TEXTS.c.reliabilities),
        literal(","),
        cell(_HOP_TEXTS.c.chain),
    )
).scalar_subquery()
_ARTICLE_CELLS = (  # the batch's articles' cells before and after the claim's
    select(
        Article.id.label("id"),
        _joined(
            cell(Article.title),
            literal(","),
            cell(Article.outlet),
            literal(","),
            cell(func.coalesce(func.substr(Article.published, 1, 10), "")),
        ).label("head"),
        cell(Article.url).label("url"),
    )
    .join(CHOSEN, CHOSEN.c.value == Article.id)
    .cte("article_cells")
    .prefix_with("MATERIALIZED")
)
_COMMA = literal(",")
_ORDER = (CHOSEN.c.key, Claim.start, Claim.end, Claim.id)
_REST = _joined(  # a claim's line after its number
    (FIRST + CHOSEN.c.key).cast(String),
    _COMMA,
    _ARTICLE_CELLS.c.head,
    _COMMA,
    cell(Claim.exact),
    _COMMA,
    cell(Claim.summary),
    _COMMA,
    cell(Claim.kind),
    _COMMA,
    cell(Claim.status),
    _COMMA,
    _credibility_cell(Claim.credibility),
    _COMMA,
    _CHAIN_CELLS,
    _COMMA,
    _aggregated(_ACTORS, worded(wording.LINK, **_ACTORS.c), wording.LINKS_JOIN),
    _COMMA,
    _aggregated(_EVENTS, worded(wording.LINK, **_EVENTS.c), wording.LINKS_JOIN),
    _COMMA,
    _aggregated(_TAGS, _TAGS.c.name, wording.TAGS_JOIN),
    _COMMA,
    _aggregated(_NOTES, _NOTES.c.body, wording.NOTES_JOIN),
    _COMMA,
    Claim.start.cast(String),
    _COMMA,
    Claim.end.cast(String),
    _COMMA,
    _ARTICLE_CELLS.c.url,
    literal("\r\n"),
)


def _of_batch(*columns: Any) -> Any:
    return (
        select(*columns)
        .join(CHOSEN, CHOSEN.c.value == Claim.article_id)
        .join(_ARTICLE_CELLS, _ARTICLE_CELLS.c.id == Claim.article_id)
        .order_by(*_ORDER)
    )


# Each claim's id and its line after its number, in report order, as SQLite's own UTF-8 bytes
# (a BLOB: not decoded by the driver only to be encoded again for the file). Python numbers
# them: a row_number() window made SQLite copy every row once more (7% of the query).
CSV_LINES = _of_batch(Claim.id, cast(_REST, LargeBinary))
_CONTROLS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])  # the C0 XML forbids


def csv_table(
    project: Project, article_ids: tuple[int, ...], claim_ids: frozenset[int] | None, batch: int
) -> Iterator[Batch]:
    """The CSV lines of the chosen claims (None: all) of the chosen articles, in report order,
    `batch` articles at a time, in one read transaction."""
    for covered, (connection, chunk, numbers) in article_batches(project, article_ids, batch):
        yield covered, _batch(connection, chunk, claim_ids, numbers)


def _batch(
    connection: Connection,
    chunk: tuple[int, ...],
    wanted: frozenset[int] | None,
    numbers: list[int],
) -> list[bytes] | list[ClaimLine]:
    """One batch's finished lines as UTF-8, numbering on from `numbers` (and moving them on);
    its claim lines instead if its text holds a character XML forbids."""
    chosen = json.dumps(chunk)
    article_number, number = numbers
    rows = plain_rows(connection, CSV_LINES, chosen=chosen, first=article_number + 1)
    lines = [line for claim_id, line in rows if wanted is None or claim_id in wanted]
    data = b"".join([b"%d,%b" % numbered for numbered in enumerate(lines, start=number + 1)])
    count = len(lines)
    if not _xml_safe_utf8(data):
        return batch_lines(connection, chosen, wanted, numbers)
    numbers[:] = article_number + len(chunk), number + count
    return [data]


def _xml_safe_utf8(data: bytes) -> bool:
    """Whether `data` is UTF-8 from which `reports.safe_text.xml_safe` would drop nothing (no
    C0 control but tab, newline and return; no U+FFFE, U+FFFF; no lone surrogate, which the
    strict decoder refuses as it refuses any other byte that is not UTF-8)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if len(data.translate(None, _CONTROLS)) != len(data):
        return False
    return b"\xef\xbf" not in data or (b"\xef\xbf\xbe" not in data and b"\xef\xbf\xbf" not in data)
