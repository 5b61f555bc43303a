"""Boilerplate that survives extraction, removed by precise rules on the article's lines.

Each rule names one kind of clutter readers recognise: "- Advertisement -" markers, "Trending
on ..." and other tails, author bio boxes, "Read more: ..." links, photo credits, paywall
prompts and (in plain text only) inline "related article" headlines. A rule removes a whole
line, never part of one; the tail rules cut only in the second half of an article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.domain.text import normalize_text

_I = re.IGNORECASE
_AD_MARKER = re.compile(
    r"^[\s\-–—•|·*]*(advertisements?|advertising|sponsored( content)?|ad|anzeige|publicité)"
    r"[\s\-–—•|·*:]*$",
    _I,
)
_SECTION_MARKER = re.compile(
    r"^(trending( now| on .{1,40})?|related( articles| stories| posts| news| content| coverage)?"
    r"|more from .{1,40}|most (read|popular|viewed)|you (may|might) also like"
    r"|recommended( for you| reading| stories)?|read next|more stories|share this( article| story)?"
    r"|keep reading|about the author|comments?|leave a (comment|reply))\s*:?$",
    _I,
)
_READ_MORE = re.compile(
    r"^(read more|read also|also read|related|see also|more on this( story)?|read next|must read"
    r"|recommended)\s*[:|»›>–—-]\s*\S.{0,200}$",
    _I,
)
_CREDIT = re.compile(
    r"^\(?\s*((photo|image|picture|illustration|graphic|chart|video)s?\s*)?(credits?|courtesy)"
    r"\s*:.{1,150}$|^(photo|image|picture|illustration|graphic)s?\s*:\s*[^.]{1,120}$",
    _I,
)
_PAYWALL_WHO = re.compile(r"subscri|sign up|sign in|log in|membership|member\b", _I)
_PAYWALL_WHAT = re.compile(
    r"full story|continue reading|keep reading|read the (full|rest)|unlimited (digital )?access"
    r"|immediate access|already a (subscriber|member)|to view the full",
    _I,
)
_APP_PROMPT = re.compile(r"\bdownload (the|our)\b.{0,60}\bapps?\b", _I)
_BYLINE = re.compile(r"^(?:by\s+)?([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})(?:,\s*[^.]{2,60})?$")
_HEADLINE_BREAK = re.compile(r" [—–|] |: ")
_SENTENCE_END = re.compile(r"[.!?…:;,\"”’)]$")
_BIO_VERBS = ("is", "has", "was", "writes", "covers", "reports", "joined", "holds")
_NEAR_EDGE = 6


@dataclass(frozen=True)
class CleanText:
    """The cleaned article text, and the authors a byline or author box revealed."""

    text: str
    authors: tuple[str, ...]


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


@dataclass(frozen=True)
class _Line:
    text: str
    paragraph: int


def _lines_of(paragraphs: Sequence[str]) -> list[_Line]:
    lines = []
    for number, paragraph in enumerate(paragraphs):
        for line in normalize_text(paragraph).split("\n"):
            if line.strip():
                lines.append(_Line(line.strip(), number))
    return lines


def _join(lines: list[_Line]) -> str:
    parts: list[str] = []
    for index, line in enumerate(lines):
        if index:
            parts.append("\n" if line.paragraph == lines[index - 1].paragraph else "\n\n")
        parts.append(line.text)
    return normalize_text("".join(parts))


def _authors_in_author_box(lines: list[_Line]) -> list[str]:
    """The name under a "More from Author" / "About the author" heading ("Name, Role")."""
    names = []
    for index, line in enumerate(lines[:-1]):
        if re.match(r"^(more from( the)? author|about the author)\s*:?$", line.text, _I):
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
            (seen > total / 2 and _SECTION_MARKER.match(line.text))
            or (seen > total / 4 and _is_paywall(line.text))
        ):
            return lines[:index]
        seen += len(line.text)
    return lines


def _is_paywall(text: str) -> bool:
    return bool(_PAYWALL_WHO.search(text) and _PAYWALL_WHAT.search(text))


def _is_clutter(
    text: str, index: int, count: int, authors: tuple[str, ...], plain_text: bool
) -> bool:
    if _AD_MARKER.match(text) or _SECTION_MARKER.match(text) or _READ_MORE.match(text):
        return True
    if _CREDIT.match(text) or _is_paywall(text) or _is_app_prompt(text):
        return True
    near_edge = index < _NEAR_EDGE or index >= count - _NEAR_EDGE
    if near_edge and _is_about_author(text, authors):
        return True
    return plain_text and index > 0 and is_related_headline(text)


def _is_app_prompt(text: str) -> bool:
    return len(text) < 200 and bool(_APP_PROMPT.search(text))


def _is_about_author(text: str, authors: tuple[str, ...]) -> bool:
    """A byline ("Ruta Deshpande, Deftech Analyst") or a bio ("Ruta Deshpande is a ...")."""
    for name in authors:
        byline = _BYLINE.match(text)
        if byline and byline.group(1) == name:
            return True
        if any(text.startswith(f"{name} {verb} ") for verb in _BIO_VERBS) and len(text) > 60:
            return True
    return False


def is_related_headline(text: str) -> bool:
    """A title-case headline of another article, set between paragraphs of plain text.

    Such a line has no closing punctuation, at least nine words, most of them capitalised, and a
    headline break (" — ", ": ", " | "). Short section headings ("Russia's Role in Iran Nuclear
    Crisis") have no such break and are kept.
    """
    words = text.split()
    if len(words) < 9 or len(text) > 200 or _SENTENCE_END.search(text):
        return False
    if not _HEADLINE_BREAK.search(text):
        return False
    long_words = [word for word in words if len(word) > 3 and word[0].isalpha()]
    capitalised = [word for word in long_words if word[0].isupper()]
    return len(capitalised) >= 0.8 * max(1, len(long_words))
