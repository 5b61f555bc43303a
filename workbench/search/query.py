"""The query language, and a clear one-line message for every query it cannot understand.

words              all of them must match (stemmed: "strikes" finds "strike")
"nuclear sites"    the words next to each other
AND  OR  NOT  -x   combine; brackets group: (Reuters OR AFP) NOT Kremlin
field:value        title, text, summary, note, source, actor, event, tag, status, kind,
                   outlet, author, language, credibility, reliability, type (article/claim)
date:[2025-06-01 TO 2025-06-30]   date:2025-06   date:>=2025-06-01
nucl*              words starting with "nucl"
Khamenie~          words one letter away (Khamenie~2: two letters)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from whoosh import qparser
from whoosh.query import NullQuery, Query

from workbench.search.errors import QueryError
from workbench.search.fuzzy import NearWordsPlugin
from workbench.search.phrases import AdjacentWords
from workbench.search.schema import DEFAULT_FIELDS, QUERY_FIELDS, build_schema

MIN_WILDCARD_PREFIX = 2
_FIELD = re.compile(r"(?<![\w.])([A-Za-z_]+):(?!//)")
_DATE_VALUE = re.compile(r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?")
_DATE_FIELD = re.compile(r"\bdate:(\[[^\]]*\]?|\{[^}]*\}?|[<>=]*\S*)", re.IGNORECASE)
_WILDCARD_WORD = re.compile(r"(?<![\w\"])([^\s()\"\[\]{}:*]*)\*")
_PAIRS = {"(": ")", "[": "]", "{": "}"}
_FIELD_LIST = ", ".join(sorted({name for name in QUERY_FIELDS if name not in {"body", "notes"}}))


def _parser() -> qparser.QueryParser:
    parser = qparser.MultifieldParser(
        list(DEFAULT_FIELDS), build_schema(), phraseclass=AdjacentWords
    )
    parser.remove_plugin_class(qparser.SingleQuotePlugin)
    parser.add_plugin(NearWordsPlugin())
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(
        qparser.PlusMinusPlugin(
            plusexpr=r"(?:(?<=\s)|^|(?<=\())\+(?=\S)", minusexpr=r"(?:(?<=\s)|^|(?<=\())-(?=\S)"
        )
    )
    aliases: dict[str, list[str]] = {}
    for typed, field in QUERY_FIELDS.items():
        if typed != field:
            aliases.setdefault(field, []).append(typed)
    parser.add_plugin(qparser.FieldAliasPlugin(aliases))
    return parser


_PARSER = _parser()


def parse_query(text: str) -> Query:
    """The Whoosh query for what the analyst typed; raises QueryError with a clear message."""
    text = _canonical_fields(_outside_quotes(text, lambda part: part.replace("?", " ")).strip())
    if not text:
        raise QueryError("type something to search for")
    _check_brackets_and_quotes(text)
    _check_fields_have_values(text)
    _check_wildcards(text)
    _check_dates(text)
    try:
        query = _PARSER.parse(text)
    except Exception as error:  # Whoosh reports bad input in many forms
        raise QueryError(f"cannot read the query: {error}") from None
    problem = _first_error(query)
    if problem:
        raise QueryError(f"cannot read the query: {problem}")
    if isinstance(query, type(NullQuery)):
        raise QueryError("nothing to search for: the words are too short or too common")
    return query


def _canonical_fields(text: str) -> str:
    """Field names in any case (Title:Putin); an unknown field name is refused by name."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1).lower()
        if name not in QUERY_FIELDS:
            raise QueryError(
                f"there is no field “{match.group(1)}:” (fields: {_FIELD_LIST}); "
                f"put it in quotes to search for the words"
            )
        return f"{name}:"

    return _outside_quotes(text, lambda part: _FIELD.sub(replace, part))


def _outside_quotes(text: str, change: Callable[[str], str]) -> str:
    parts = text.split('"')
    for number in range(0, len(parts), 2):
        parts[number] = change(parts[number])
    return '"'.join(parts)


def _check_brackets_and_quotes(text: str) -> None:
    if text.count('"') % 2:
        raise QueryError('a quotation mark (") is not closed')
    open_brackets: list[str] = []
    for part in text.split('"')[::2]:
        for char in part:
            if char in _PAIRS:
                open_brackets.append(char)
            elif char in _PAIRS.values():
                if not open_brackets or _PAIRS[open_brackets[-1]] != char:
                    raise QueryError(f"“{char}” has no matching opening bracket")
                open_brackets.pop()
    if open_brackets:
        raise QueryError(f"“{open_brackets[-1]}” is not closed with “{_PAIRS[open_brackets[-1]]}”")


def _check_fields_have_values(text: str) -> None:
    parts = text.split('"')
    for number in range(0, len(parts), 2):
        part, quoted_next = parts[number], number < len(parts) - 1
        for match in _FIELD.finditer(part):
            following = part[match.end() : match.end() + 1]
            if following == "" and quoted_next:
                continue
            if following in ("", " ", ")"):
                name = match.group(1)
                raise QueryError(f"“{name}:” needs something to look for, as in {name}:Reuters")
            if following == "(" and part[match.end() + 1 :].lstrip().startswith(")"):
                raise QueryError(f"“{match.group(1)}:( )” is empty")


def _check_wildcards(text: str) -> None:
    for part in text.split('"')[::2]:
        for match in _WILDCARD_WORD.finditer(part):
            prefix = match.group(1).split(":")[-1].lstrip("+-(")
            if len(prefix) < MIN_WILDCARD_PREFIX:
                raise QueryError(
                    f"a wildcard needs at least {MIN_WILDCARD_PREFIX} letters before it, "
                    f"as in nucl* (not “{match.group(0).strip()}”)"
                )


def _check_dates(text: str) -> None:
    for match in _DATE_FIELD.finditer(text):
        values = _DATE_VALUE.findall(match.group(1))
        words = re.findall(r"[\w-]+", match.group(1))
        for word in words:
            if word.upper() != "TO" and word not in values:
                raise _date_error(word)
        for value in values:
            _check_date(value)


def _check_date(value: str) -> None:
    parts = [int(part) for part in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise _date_error(value) from None


def _date_error(value: str) -> QueryError:
    return QueryError(
        f"“{value}” is not a date; write dates as 2025-06-30, 2025-06 or 2025"
        " (ranges: date:[2025-06-01 TO 2025-06-30])"
    )


def _first_error(query: Query) -> str | None:
    error = getattr(query, "error", None)
    if error:
        return str(error)
    for child in query.children():
        found = _first_error(child)
        if found:
            return found
    return None
