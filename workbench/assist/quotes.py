"""Quotations in a text: the spans between quotation marks, across sentences, never across a
paragraph break (a quote left open at a paragraph's end, as news style does when the speech goes
on in the next paragraph, ends there)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.assist.model import Span

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


def quote_around(quotes: list[Quote], position: int) -> Quote | None:
    """The quotation whose words contain `position`, if any."""
    for quote in quotes:
        if quote.inner.start <= position < quote.inner.end:
            return quote
        if quote.outer.start > position:
            return None
    return None
