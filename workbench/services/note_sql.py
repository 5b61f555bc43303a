"""The pieces of SQL the HTML and Markdown claim notes are built from (`services.note_table`):
the analyst's text escaped for each format, and each claim's chain, links, tags, notes and
authors as correlated subqueries.

Escaping is stated once, in Python (`reports.html_blocks.text`, `reports.markdown_report.escape`),
and SQL only decides when it may be skipped. A value that holds none of the characters a rule
could change is the value itself; one holding only HTML's five markup characters is escaped by a
`replace` chain that makes what `markupsafe.escape` makes; anything else (a character XML forbids,
NUL included, which `GLOB` does not see past; for Markdown, any markup character, a line break
or a first character that could start a list or a quote) is handed to the Python function itself,
registered on the connection (`with_escapes`). So the SQL path is exact by construction, and the
tests hold it to the model's bytes (tests/reports/test_note_table.py).
"""

from __future__ import annotations

from functools import reduce
from typing import Any

from sqlalchemy import ColumnElement, Connection, String, case, cast, func, literal, select

from workbench.domain import Actor, AttributionHop, Claim, Source
from workbench.domain.entities import named_reliability
from workbench.domain.grades import CREDIBILITY_WORDING, Reliability
from workbench.domain.provenance import RowVersion
from workbench.reports.html_blocks import text as html_text
from workbench.reports.markdown_report import escape as markdown_text
from workbench.reports.model import credibility_label, reliability_label

HTML, MARKDOWN = "html_text", "markdown_text"  # the SQL functions: the renderers' own escaping
_MARKUP = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}  # markupsafe's
# The characters XML forbids that SQLite text can hold (a lone surrogate cannot be UTF-8).
_CONTROLS = "\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff"
_HTML_WORK = f"*[{''.join(_MARKUP)}{_CONTROLS}]*"
_HTML_CONTROLS = f"*[{_CONTROLS}]*"
# Markdown: any character `markdown_report.escape` reads (the backslashed ones, "&", a line
# break, a control), or a first character other than a letter or a plain opening quote.
_MARKDOWN_WORK = "*[]\\`*_{}[<>#|~!&\n" + _CONTROLS + "]*"
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


def _has_nul(value: Any) -> ColumnElement[bool]:
    return func.instr(value, func.char(0)) > 0


def html(value: Any) -> ColumnElement[Any]:
    """`value` as the HTML report shows the analyst's text (`html_blocks.text`). `value` is
    read several times: a column, or the column of a subquery (see `of_subquery`)."""
    replaced = reduce(lambda text, pair: func.replace(text, *pair), _MARKUP.items(), value)
    return case(
        (
            _glob(value, _HTML_WORK) | _has_nul(value),
            case(
                (_glob(value, _HTML_CONTROLS) | _has_nul(value), getattr(func, HTML)(value)),
                else_=replaced,
            ),
        ),
        else_=value,
    )


def markdown(value: Any) -> ColumnElement[Any]:
    """`value` as the Markdown report shows the analyst's text (`markdown_report.escape`)."""
    plain = (value == "") | (
        ~_glob(value, _MARKDOWN_WORK) & _glob(value, _MARKDOWN_PLAIN_START) & ~_has_nul(value)
    )
    return case((plain, value), else_=getattr(func, MARKDOWN)(value))


def of_subquery(value: ColumnElement[Any], make: Any) -> ColumnElement[Any]:
    """`make(v)` of a correlated value worked out once: `SELECT make(v) FROM (SELECT value v)`,
    as SQLite would otherwise work a subquery out again at every mention of it."""
    inner = select(value.label("v")).subquery()
    return select(make(inner.c.v)).select_from(inner).scalar_subquery()


def known(values: dict[Any, str], column: Any, otherwise: ColumnElement[Any]) -> Any:
    """A CASE giving each known value's text, made in Python once; `otherwise` for the rest."""
    return case(*[(column == key, literal(text)) for key, text in values.items()], else_=otherwise)


def reliability_words(column: Any, escape: Any) -> Any:
    """`model.reliability_label` of a grade letter, escaped with `escape` (a Python function)."""
    labels = {grade.value: escape(reliability_label(grade.value)) for grade in Reliability}
    return known(labels, column, otherwise=column)


def credibility_words(escape: Any) -> Any:
    """`model.credibility_label` of the claim's credibility, escaped with `escape`."""
    labels = {grade: escape(credibility_label(grade)) for grade in CREDIBILITY_WORDING}
    return known(labels, Claim.credibility, otherwise=cast(Claim.credibility, String))


_HOP_NAME = case(
    (AttributionHop.source_id.is_not(None), func.coalesce(Source.name, "")),
    else_=func.coalesce(Actor.name, ""),
)
HOPS = (  # the claim's chain, hop by hop in order
    select(
        _HOP_NAME.label("name"),
        AttributionHop.role.label("role"),
        func.coalesce(AttributionHop.cue, "").label("cue"),
        AttributionHop.anonymous.label("anonymous"),
        func.coalesce(named_reliability(), "").label("reliability"),
        AttributionHop.position.label("position"),
    )
    .select_from(AttributionHop)
    .outerjoin(Source, Source.id == AttributionHop.source_id)
    .outerjoin(Actor, Actor.id == AttributionHop.actor_id)
    .where(AttributionHop.claim_id == Claim.id)
    .order_by(AttributionHop.position)
    .correlate(Claim)
    .subquery("hops")
)


def grade_and(*parts: ColumnElement[Any], escape: Any = None) -> ColumnElement[Any]:
    """One pass over the hops: the claim's grade (`model.Claim.grade`: the first hop's letter,
    F without one, and the credibility) and `parts` (aggregates over `HOPS`, each escaped
    whole with `escape` if given), joined by U+001F, which no escaped text holds (XML forbids
    it). The letters are one character each (the tables' CHECK), so the first of them all, in
    the chain's order, is the first hop's."""
    letters = func.group_concat(func.coalesce(func.nullif(HOPS.c.reliability, ""), "F"), "")
    first = func.coalesce(func.nullif(func.substr(letters, 1, 1), ""), "F")
    columns = [part.label(f"part{at}") for at, part in enumerate(parts)]
    inner = select(first.label("grade"), *columns).select_from(HOPS).subquery()
    pieces: list[Any] = [inner.c.grade, cast(Claim.credibility, String)]
    for column in columns:
        value = func.coalesce(inner.c[column.name], "")
        pieces += ["\x1f", escape(value) if escape is not None else value]
    return select(joined(*pieces)).select_from(inner).scalar_subquery()


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
