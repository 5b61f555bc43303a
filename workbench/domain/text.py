"""The normal form of article text: NFC, `\n\n` between paragraphs, tidy white space."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_RUNS_OF_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """NFC text with one blank line between paragraphs and no stray white space or controls.

    Zero-width joiners are kept (they bind emoji sequences); soft hyphens and zero-width
    spaces, invisible in print, are removed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Composed only once the controls and invisible characters are gone: one of them between
    # a letter and its accent would otherwise keep them apart until a second normalization.
    text = unicodedata.normalize("NFC", _CONTROL.sub("", _strip_invisible(text)))
    lines = [_RUNS_OF_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return _BLANK_LINES.sub("\n\n", text).strip()


def _strip_invisible(text: str) -> str:
    # A zero-width joiner between two emoji is part of one character the reader sees.
    return _INVISIBLE.sub(lambda m: m.group() if m.group() == "\u200d" else "", text)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of normalized text."""
    return [part for part in text.split("\n\n") if part]


def plural(count: int, noun: str, nouns: str = "") -> str:
    """ "1 claim", "2 claims", "0 claims" ("1 entry", "2 entries" with `nouns` given)."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {nouns or noun + 's'}"


def content_hash(text: str) -> str:
    """The identity of an article's content: SHA-256 of its normalized text."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()
