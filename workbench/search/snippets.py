"""Snippets: the part of a hit's text where the query matched, with the matching words marked.

The text comes from the database, for the hits shown only; nothing is stored in the index for
this. Words are matched the way the index matched them (folded, stemmed), so "strikes" marks
"strike" and "Tehran" marks "Tehrān". A quick regular expression finds candidate words by the
first letters of each term; only those are analysed in full.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from whoosh.query import AndNot, Not, Query

from workbench.search.analysis import FOLD_TABLE, WORD, term_of
from workbench.search.schema import HIGHLIGHTED_FIELDS

SNIPPET_WIDTH = 240
MAX_TERMS = 300
# Names sought with actor: or source: are marked where the text names them, too.
_NAME_FIELDS = ("actor", "source")
_SOUGHT_FIELDS = HIGHLIGHTED_FIELDS | set(_NAME_FIELDS)
# Accents folded one character for one, so offsets in the folded text are offsets in the text.
_SAME_LENGTH_FOLD = {code: bare[0] for code, bare in FOLD_TABLE.items() if bare}

Span = tuple[int, int]


@dataclass(frozen=True)
class Snippet:
    """A stretch of a hit's text; `highlights` are (start, end) offsets into `text`.

    `start` is where `text` begins in the full text (code points), so a reader can jump there.
    """

    text: str
    highlights: tuple[Span, ...]
    start: int
    clipped_before: bool
    clipped_after: bool
    field: str

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The snippet with each highlight wrapped, and … where the text was cut."""
        parts, last = [], 0
        for start, end in self.highlights:
            parts += [self.text[last:start], before, self.text[start:end], after]
            last = end
        parts.append(self.text[last:])
        body = "".join(parts)
        return ("…" if self.clipped_before else "") + body + ("…" if self.clipped_after else "")


def query_terms(query: Query, reader: Any) -> dict[str, frozenset[str]]:
    """For each shown field, the words (as index terms) the positive parts of a query seek."""
    found: dict[str, set[str]] = {field: set() for field in _SOUGHT_FIELDS}
    for leaf in _positive_leaves(query):
        for fieldname, text in leaf.existing_terms(reader, phrases=True, expand=True):
            terms = found.get(fieldname)
            if terms is not None and len(terms) < MAX_TERMS:
                terms.add(text.decode("utf-8") if isinstance(text, bytes) else text)
    return {field: frozenset(terms) for field, terms in found.items()}


def _positive_leaves(query: Query) -> Iterable[Query]:
    if isinstance(query, Not):
        return
    if isinstance(query, AndNot):
        yield from _positive_leaves(query.a)
        return
    if query.is_leaf():
        yield query
        return
    for child in query.children():
        yield from _positive_leaves(child)


class Highlighter:
    """Finds the words of a text that a set of index terms would match."""

    def __init__(self, terms: frozenset[str]) -> None:
        self.terms = terms
        prefixes = sorted({term[: max(1, min(len(term) - 1, 4))] for term in terms}, key=len)
        pattern = "|".join(re.escape(prefix) for prefix in reversed(prefixes))
        self._candidates = re.compile(rf"(?<!\w)(?:{pattern})", re.IGNORECASE) if terms else None

    def matches(self, text: str) -> list[Span]:
        if self._candidates is None or not text:
            return []
        folded = text if text.isascii() else text.translate(_SAME_LENGTH_FOLD)
        found: list[Span] = []
        for candidate in self._candidates.finditer(folded):
            word = WORD.match(text, candidate.start())
            if word is None or (found and word.start() < found[-1][1]):
                continue
            if term_of(word.group()) in self.terms:
                found.append((word.start(), word.end()))
        return found

    def snippet(self, text: str, field: str, width: int = SNIPPET_WIDTH) -> Snippet:
        """The best stretch of `text` (most distinct matching words), about `width` long."""
        matches = self.matches(text)
        if len(text) <= width:
            return Snippet(_one_line(text), tuple(matches), 0, False, False, field)
        if not matches:
            end = _word_end_before(text, width)
            return Snippet(_one_line(text[:end]), (), 0, False, end < len(text), field)
        first, last = _best_window(text, matches, width)
        start, end = _window_bounds(text, matches[first][0], matches[last][1], width)
        shown = tuple((s - start, e - start) for s, e in matches[first : last + 1])
        return Snippet(_one_line(text[start:end]), shown, start, start > 0, end < len(text), field)


class Highlighters:
    """One highlighter per shown field: a word is marked where the query sought it."""

    def __init__(self, terms: dict[str, frozenset[str]]) -> None:
        text_terms = terms.get("body", frozenset()).union(
            *(terms.get(field, frozenset()) for field in _NAME_FIELDS)
        )
        terms = {**terms, "body": text_terms}
        self._by_field = {field: Highlighter(found) for field, found in terms.items()}
        self._none = Highlighter(frozenset())

    def __getitem__(self, field: str) -> Highlighter:
        return self._by_field.get(field, self._none)


def _one_line(text: str) -> str:
    return text.replace("\n", " ")


def _best_window(text: str, matches: list[Span], width: int) -> tuple[int, int]:
    """Indexes of the first and last match in the window with the most distinct words."""
    best, best_score = (0, 0), 0
    for first in range(len(matches)):
        last = first
        while last + 1 < len(matches) and matches[last + 1][1] - matches[first][0] <= width:
            last += 1
        words = {text[s:e].lower() for s, e in matches[first : last + 1]}
        score = len(words) * 1000 + (last - first)
        if score > best_score:
            best, best_score = (first, last), score
    return best


def _window_bounds(text: str, first: int, last: int, width: int) -> tuple[int, int]:
    lead = max(0, min(60, (width - (last - first)) // 2))
    start = max(0, first - lead)
    paragraph = text.rfind("\n\n", start, first)
    if paragraph >= 0:
        start = paragraph + 2
    elif start > 0:
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = min(len(text), max(last, start + width))
    paragraph = text.find("\n\n", last, end)
    if paragraph >= 0:
        end = paragraph
    elif end < len(text):
        end = max(last, _word_end_before(text, end))
    return start, end


def _word_end_before(text: str, limit: int) -> int:
    space = text.rfind(" ", 0, limit)
    return space if space > 0 else limit
