"""Cutting an article's text into highlighted pieces, however its claims overlap or nest.

Each paragraph becomes a list of pieces. A piece is a run of text covered by the same claims
(innermost first, so a renderer colours it by the claim nearest the reader's eye) followed by
the footnote numbers of the claims that end right after it. Offsets are code points, like
Python's own string indices, so characters outside the Basic Multilingual Plane need no care.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import partial
from itertools import pairwise
from typing import NamedTuple, Protocol

from workbench.reports.model import Article

PARAGRAPH_BREAK = "\n\n"


class Marked(Protocol):
    """What highlighting reads of a claim: a model `Claim`, or a `claim_notes.NotedClaim`."""

    @property
    def number(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def exact(self) -> str: ...
    @property
    def orphaned(self) -> bool: ...
    @property
    def status(self) -> str: ...


class Piece(NamedTuple):
    """A run of text, the claims covering it (innermost first) and the claims ending after it."""

    text: str
    claims: tuple[Marked, ...] = ()
    ends: tuple[int, ...] = ()

    @property
    def status(self) -> str | None:
        """The status of the innermost claim covering this piece (None: not in a claim)."""
        return self.claims[0].status if self.claims else None

    @property
    def overlapping(self) -> bool:
        return len(self.claims) > 1


def anchored(article: Article, claims: Sequence[Marked] | None = None) -> list[Marked]:
    """The claims (the article's, or `claims` of it) whose span still holds their quote
    (orphaned ones cannot be highlighted)."""
    text = article.text
    return [
        claim
        for claim in (article.claims if claims is None else claims)
        if not claim.orphaned
        and 0 <= claim.start < claim.end <= len(text)
        and text[claim.start : claim.end] == claim.exact
    ]


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """[start, end) of each paragraph, without the blank lines between them."""
    ranges, start = [], 0
    for paragraph in text.split(PARAGRAPH_BREAK):  # left to right, as `find` would cut
        end = start + len(paragraph)
        if end > start:
            ranges.append((start, end))
        start = end + len(PARAGRAPH_BREAK)
    return ranges


def highlighted_paragraphs(
    article: Article, of: Sequence[Marked] | None = None
) -> list[list[Piece]]:
    """The article's paragraphs, each as pieces of text with the claims covering them (the
    article's, or `of`, its claims as the database worded them).

    A first paragraph that only repeats the title (plain-text imports keep their first line
    as the title) is left out, since every report shows the title above the text already."""
    return highlighted(article, of)[0]


def highlighted(
    article: Article, of: Sequence[Marked] | None = None
) -> tuple[list[list[Piece]], list[Marked]]:
    """`highlighted_paragraphs`, and the claims highlighted in them (`anchored`)."""
    claims = anchored(article, of)
    ranges = paragraph_ranges(article.text)
    if ranges and _repeats_title(article, ranges[0], claims):
        ranges = ranges[1:]
    text = article.text
    if not claims:  # nothing highlighted: each paragraph is one piece
        return [[_piece((text[start:end], (), ()))] for start, end in ranges], claims
    ends = {at: tuple(sorted(numbers)) for at, numbers in _marker_positions(claims, ranges).items()}
    cuts = sorted({c.start for c in claims} | {c.end for c in claims} | set(ends))
    # Innermost first (a piece's covering claims keep this order), each with its span.
    spans = [(c.start, c.end, c) for c in sorted(claims, key=_innermost_first)]
    return [_pieces(text, span, spans, cuts, ends) for span in ranges], claims


_piece = partial(tuple.__new__, Piece)  # Piece((text, claims, ends)) without its Python __new__


def _repeats_title(article: Article, first: tuple[int, int], claims: list[Marked]) -> bool:
    start, end = first
    if any(claim.start < end for claim in claims):
        return False
    line = " ".join(article.text[start:end].split())
    return bool(line) and line.casefold() == " ".join(article.title.split()).casefold()


def _marker_positions(claims: list[Marked], ranges: list[tuple[int, int]]) -> dict[int, list[int]]:
    """Where each claim's footnote number goes: at its end, or at the end of its last paragraph."""
    positions: dict[int, list[int]] = {}
    starts = [start for start, _end in ranges]
    for claim in claims:
        inside = bisect_left(starts, claim.end)  # the paragraphs starting before its end
        at = min(claim.end, ranges[inside - 1][1]) if inside else claim.end
        positions.setdefault(at, []).append(claim.number)
    return positions


def _pieces(
    text: str,
    span: tuple[int, int],
    spans: list[tuple[int, int, Marked]],
    cuts: list[int],
    ends: dict[int, tuple[int, ...]],
) -> list[Piece]:
    start, end = span
    local = [claim for claim in spans if claim[0] < end and start < claim[1]]
    if not local:  # no claim here: one piece (perhaps with a footnote number at its end)
        return [_piece((text[start:end], (), ends.get(end, ())))]
    if len(local) == 1:  # most paragraphs with a claim have one: at most three pieces
        return _one_claim(text, span, local[0], ends)
    bounds = [start, *cuts[bisect_right(cuts, start) : bisect_left(cuts, end)], end]
    return [
        _piece(
            (
                text[left:right],
                tuple([claim for first, last, claim in local if first <= left and right <= last]),
                ends.get(right, ()),
            )
        )
        for left, right in pairwise(bounds)
    ]


def _one_claim(
    text: str,
    span: tuple[int, int],
    claim: tuple[int, int, Marked],
    ends: dict[int, tuple[int, ...]],
) -> list[Piece]:
    """`_pieces` of a paragraph only one claim covers part of: the text before it, the part it
    covers, the text after it (no other claim starts or ends inside the paragraph)."""
    start, end = span
    first, last, covering = claim
    left, right = max(start, first), min(end, last)
    pieces = []
    if start < left:
        pieces.append(_piece((text[start:left], (), ends.get(left, ()))))
    pieces.append(_piece((text[left:right], (covering,), ends.get(right, ()))))
    if right < end:
        pieces.append(_piece((text[right:end], (), ends.get(end, ()))))
    return pieces


def _innermost_first(claim: Marked) -> tuple[int, int]:
    return claim.end - claim.start, claim.number
