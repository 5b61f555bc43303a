"""Boilerplate that survives extraction, removed line by line with the rules of `boilerplate`.

A rule removes a whole line, never part of one. Tails ("Trending on ...", a paywall prompt and
all after it) are cut only once a good part of the article has been read; bylines, bios and
bare dates are removed only near the top or bottom, where sites put them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.domain.text import normalize_text
from workbench.ingest import boilerplate as rules

_BYLINE = re.compile(r"^(?:by\s+)?([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})(?:,\s*[^.]{2,60})?$")
_AUTHOR_BOX = re.compile(r"^(more from( the)? author|about the author)\s*:?$", re.IGNORECASE)
_BIO_VERBS = ("is", "has", "was", "writes", "covers", "reports", "joined", "holds")
_NEAR_EDGE = 6
_ANYWHERE = (
    rules.is_advertisement,
    rules.is_section_heading,
    rules.is_read_more,
    rules.is_caption,
    rules.is_paywall,
    rules.is_call_to_action,
    rules.is_teaser,
)


@dataclass(frozen=True)
class CleanText:
    """The cleaned article text, and the authors a byline or author box revealed."""

    text: str
    authors: tuple[str, ...]


@dataclass(frozen=True)
class _Line:
    text: str
    paragraph: int


def clean_paragraphs(
    paragraphs: Sequence[str], authors: Iterable[str] = (), *, plain_text: bool = False
) -> CleanText:
    """Remove boilerplate lines from an article's paragraphs (each may hold several lines)."""
    lines = _lines_of(paragraphs)
    found = tuple(dict.fromkeys([*authors, *_authors_in_author_box(lines)]))
    lines = _cut_tail(lines)
    kept = [
        line
        for index, line in enumerate(lines)
        if not _is_clutter(line.text, index, len(lines), found, plain_text)
    ]
    return CleanText(_join(kept), found)


def _lines_of(paragraphs: Sequence[str]) -> list[_Line]:
    lines = []
    for number, paragraph in enumerate(paragraphs):
        for line in normalize_text(paragraph).split("\n"):
            if line.strip():
                lines.append(_Line(line.strip(), number))
    return lines


def _join(lines: list[_Line]) -> str:
    """Lines back into paragraphs; a lone "WASHINGTON —" joins the paragraph it opens."""
    parts: list[str] = []
    for index, line in enumerate(lines):
        if index:
            previous = lines[index - 1]
            if rules.is_place_dash(previous.text):
                parts.append(" ")
            else:
                parts.append("\n" if line.paragraph == previous.paragraph else "\n\n")
        parts.append(line.text)
    return normalize_text("".join(parts))


def _authors_in_author_box(lines: list[_Line]) -> list[str]:
    """The name under a "More from Author" / "About the author" heading ("Name, Role")."""
    names = []
    for index, line in enumerate(lines[:-1]):
        if _AUTHOR_BOX.match(line.text):
            match = _BYLINE.match(lines[index + 1].text)
            if match:
                names.append(match.group(1))
    return names


def _cut_tail(lines: list[_Line]) -> list[_Line]:
    """Drop a "Trending on ..." list or a paywall prompt and all that follows it.

    A section heading starts the tail only in the second half of the text; a paywall prompt
    ("To view the full story, please subscribe") may start it once a quarter has been read.
    """
    total = sum(len(line.text) for line in lines)
    seen = 0
    for index, line in enumerate(lines):
        if index > 1 and (
            (seen > total / 2 and rules.is_section_heading(line.text))
            or (seen > total / 4 and rules.is_paywall(line.text))
        ):
            return lines[:index]
        seen += len(line.text)
    return lines


def _is_clutter(
    text: str, index: int, count: int, authors: tuple[str, ...], plain_text: bool
) -> bool:
    if any(rule(text) for rule in _ANYWHERE):
        return True
    near_top = index < _NEAR_EDGE
    if (near_top or index >= count - _NEAR_EDGE) and _is_about_author(text, authors):
        return True
    if near_top and (index > 0 or not plain_text) and rules.is_dateline(text):
        return True  # (the first line of plain text is its title)
    return plain_text and index > 0 and rules.is_related_headline(text)


def _is_about_author(text: str, authors: tuple[str, ...]) -> bool:
    """A byline ("Ruta Deshpande, Deftech Analyst") or a bio ("Ruta Deshpande is a ...")."""
    for name in authors:
        byline = _BYLINE.match(text)
        if byline and byline.group(1) == name:
            return True
        if any(text.startswith(f"{name} {verb} ") for verb in _BIO_VERBS) and len(text) > 60:
            return True
    return False
