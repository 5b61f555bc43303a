"""The pieces of SQL the HTML and Markdown claim notes are built from (`services.note_table`):
the analyst's text escaped for each format, and each claim's chain, links, tags, notes and
authors as correlated subqueries (the chain as its hops' plain fields: `note_table` words it).

Escaping is stated once, in Python (`reports.html_blocks.text`, `reports.markdown_report.escape`),
and SQL only decides when it may be skipped. For HTML a value holding one of the five markup
characters goes through a `replace` chain that makes what `markupsafe.escape` makes, any other
is the value itself; for Markdown a value holding any character the escaping reads, or starting
with anything but a letter or an opening quote, is handed to the Python function itself,
registered on the connection (`with_escapes`), any other is the value itself. The one rule
left out is `safe_text.xml_safe` (characters XML forbids dropped): a value holding one of them
comes out of the quick query with it, so the reader sees it in the batch's text and reads that
batch again with the careful query, whose every value goes through the Python function
(`html_careful`, `markdown_careful`). So the SQL path is exact by construction, and the tests
hold it to the model's bytes (tests/reports/test_note_table.py).
"""

from __future__ import annotations

from functools import reduce
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    String,
    Subquery,
    case,
    cast,
    func,
    literal,
    or_,
    select,
)

from workbench.domain import AttributionHop, Claim
from workbench.domain.entities import named_reliability
from workbench.domain.provenance import RowVersion
from workbench.reports.html_blocks import text as html_text
from workbench.reports.markdown_report import escape as markdown_text
from workbench.services.claim_table import HOP_NAME, hops_of_claim

HTML, MARKDOWN = "html_text", "markdown_text"  # the SQL functions: the renderers' own escaping
_MARKUP = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}  # markupsafe's
# Every character `markdown_report.escape` backslashes or reads ("&", a line break) but the
# controls, and the first characters that certainly start no list, quote or heading.
_MARKDOWN_READS = "\\`*_{}[]<>#|~!&\n"
_MARKDOWN_PLAIN_START = "[A-Za-z\"'(“‘]*"


def with_escapes(connection: Connection) -> None:
    """Give the connection's SQLite the renderers' escaping as SQL functions."""
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    dbapi.create_function(HTML, 1, html_text, deterministic=True)
    dbapi.create_function(MARKDOWN, 1, markdown_text, deterministic=True)


def joined(*pieces: Any) -> ColumnElement[Any]:
    """The pieces (columns or Python strings) joined with `||` as a balanced tree."""
    items = [literal(piece) if isinstance(piece, str) else piece for piece in pieces]

    def tree(part: list[ColumnElement[Any]]) -> ColumnElement[Any]:
        if len(part) == 1:
            return part[0]
        half = len(part) // 2
        return tree(part[:half]).op("||")(tree(part[half:]))

    return tree(items)


def _glob(value: Any, pattern: str) -> ColumnElement[bool]:
    return value.op("GLOB", is_comparison=True)(literal(pattern))


def _holds_any(value: Any, characters: str) -> ColumnElement[bool]:
    """Whether `value` holds one of `characters` (`instr` reads past a NUL, as GLOB does not,
    and is several times quicker than a GLOB character class)."""
    return or_(*[func.instr(value, literal(character)) > 0 for character in characters])


def html(value: Any) -> ColumnElement[Any]:
    """`value` as the HTML report shows the analyst's text (`html_blocks.text`), but for the
    characters XML forbids, which are left in (see the module's doc). `value` is read several
    times: a column, or the column of a subquery (see `of_subquery`)."""
    replaced = reduce(lambda text, pair: func.replace(text, *pair), _MARKUP.items(), value)
    return case((_holds_any(value, "".join(_MARKUP)), replaced), else_=value)


def markdown(value: Any) -> ColumnElement[Any]:
    """`value` as the Markdown report shows the analyst's text (`markdown_report.escape`), but
    for the characters XML forbids, left in a value that needs nothing else."""
    plain = (value == "") | (
        ~_holds_any(value, _MARKDOWN_READS) & _glob(value, _MARKDOWN_PLAIN_START)
    )
    return case((plain, value), else_=getattr(func, MARKDOWN)(value))


def html_careful(value: Any) -> ColumnElement[Any]:
    """`value` escaped by `html_blocks.text` itself (a batch holding a forbidden character)."""
    return getattr(func, HTML)(value)


def markdown_careful(value: Any) -> ColumnElement[Any]:
    """`value` escaped by `markdown_report.escape` itself."""
    return getattr(func, MARKDOWN)(value)


def of_subquery(value: ColumnElement[Any], make: Any) -> ColumnElement[Any]:
    """`make(v)` of a correlated value worked out once: `SELECT make(v) FROM (SELECT value v)`,
    as SQLite would otherwise work a subquery out again at every mention of it."""
    inner = select(value.label("v")).subquery()
    return select(make(inner.c.v)).select_from(inner).scalar_subquery()


HOP_COLUMNS = {  # a hop's columns, as expressions over its table and what it names
    "name": HOP_NAME,
    "role": AttributionHop.role,
    "cue": func.coalesce(AttributionHop.cue, ""),
    "anonymous": AttributionHop.anonymous,
    "reliability": func.coalesce(named_reliability(), ""),
    "position": AttributionHop.position,
}


def hops() -> Subquery:
    """The claim's chain, hop by hop in order: `HOP_COLUMNS`."""
    labelled: list[Any] = [value.label(name) for name, value in HOP_COLUMNS.items()]
    return hops_of_claim(*labelled).subquery("hops")


HOPS = hops()


_VERSION = (RowVersion.table_name == "claims") & (RowVersion.row_key == cast(Claim.id, String))
AUTHORS = (  # `model.Claim.authors`: who made the claim, and who changed it last if another
    select(
        case(
            (
                (RowVersion.changed_by == "") | (RowVersion.changed_by == RowVersion.created_by),
                RowVersion.created_by,
            ),
            else_=joined(
                func.coalesce(func.nullif(RowVersion.created_by, ""), "unknown"),
                " · last changed by ",
                RowVersion.changed_by,
            ),
        )
    )
    .where(_VERSION)
    .correlate(Claim)
    .scalar_subquery()
)
