"""Quotations in a text: the spans between quotation marks, across sentences, never across a
paragraph break (a quote left open at a paragraph's end, as news style does when the speech goes
on in the next paragraph, ends there)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from workbench.assist.model import Span

_OPENS_QUOTE = re.compile(r"^[\s,:—–-]*[\"“‘]")
ADJOINING = re.compile(r"^[\s,—–-]*$")  # between a quotation and the words attributing it
_OPENING = {"“": "”", "„": "”", "«": "»", "‘": "’"}
_MARKS = re.compile('[“”„«»‘’"]')


@dataclass(frozen=True)
class Quote:
    """One quotation: `outer` with its marks, `inner` the words quoted."""

    outer: Span
    inner: Span


def quotes_in(text: str) -> list[Quote]:
    """Every quotation of `text`, in reading order."""
    found: list[Quote] = []
    at = 0
    for paragraph in text.split("\n\n"):
        found.extend(_paragraph_quotes(paragraph, at))
        at += len(paragraph) + 2
    return found


def _paragraph_quotes(paragraph: str, offset: int) -> list[Quote]:
    found: list[Quote] = []
    opened: int | None = None
    closing = ""
    for mark in _MARKS.finditer(paragraph):
        index, char = mark.start(), mark.group()
        if opened is None:
            if char in _OPENING and _can_open(paragraph, index):
                opened, closing = index, _OPENING[char]
            elif char == '"':
                opened, closing = index, '"'
        elif char == closing and (closing != "’" or _can_close(paragraph, index)):
            found.append(_quote(offset, opened, index + 1))
            opened = None
        elif char in "“„" and closing == "”":
            opened = index  # a new quote opened: the one before was never closed
    if opened is not None and len(paragraph) - opened > 1:
        found.append(_quote(offset, opened, len(paragraph), closed=False))
    return found


def _can_open(paragraph: str, index: int) -> bool:
    """A single ‘ opens a quote only after a space or a bracket, never inside a word."""
    return paragraph[index] != "‘" or index == 0 or not paragraph[index - 1].isalnum()


def _can_close(paragraph: str, index: int) -> bool:
    """A ’ followed by a letter is an apostrophe (“Iran’s”), not the end of a quote."""
    return index + 1 >= len(paragraph) or not paragraph[index + 1].isalpha()


def _quote(offset: int, start: int, end: int, *, closed: bool = True) -> Quote:
    inner_end = end - 1 if closed else end
    return Quote(Span(offset + start, offset + end), Span(offset + start + 1, offset + inner_end))


def inside_quote(quotes: list[Quote], position: int) -> bool:
    """Whether `position` is among the quoted words of one of `quotes` (in reading order)."""
    at = bisect.bisect_right(quotes, position, key=lambda quote: quote.inner.start) - 1
    return at >= 0 and position < quotes[at].inner.end


def quote_ending_at(text: str, quotes: list[Quote], position: int) -> Quote | None:
    """The quotation closed right before `position` (only spaces or a comma between)."""
    at = bisect.bisect_right(quotes, position, key=lambda quote: quote.outer.end) - 1
    if at < 0:
        return None
    quote = quotes[at]
    return quote if ADJOINING.match(text[quote.outer.end : position]) else None


def quote_starting_at(text: str, quotes: list[Quote], position: int) -> Quote | None:
    """The quotation opened right after `position` (after a comma or a colon)."""
    at = bisect.bisect_left(quotes, position, key=lambda quote: quote.outer.start)
    if at >= len(quotes):
        return None
    quote = quotes[at]
    return quote if _OPENS_QUOTE.match(text[position : quote.outer.start + 1]) else None
