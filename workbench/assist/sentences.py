"""Sentences of a text as code-point spans, by sentencex (Wikimedia's rule-based segmenter).

The one place sentencex is called: its `get_sentence_boundaries` gives code-point offsets
(checked by tests/assist/test_sentences.py); pieces that are only a paragraph break or
whitespace are dropped and each sentence is trimmed of the whitespace around it.
"""

from __future__ import annotations

import sentencex

from workbench.assist.model import Span

LANGUAGE = "en"


def sentence_spans(text: str) -> list[Span]:
    """The sentences of `text` in reading order, trimmed; a paragraph break always ends one."""
    spans: list[Span] = []
    for boundary in sentencex.get_sentence_boundaries(LANGUAGE, text):
        if boundary["is_paragraph_break"]:
            continue
        start, end = int(boundary["start_index"]), int(boundary["end_index"])
        piece = text[start:end]
        stripped = piece.strip()
        if not stripped:
            continue
        start += len(piece) - len(piece.lstrip())
        spans.extend(_by_line(text, start, start + len(stripped)))
    return spans


def _by_line(text: str, start: int, end: int) -> list[Span]:
    """A sentence the segmenter ran across a single line break is split there (headings)."""
    spans = []
    for line_start, line in _lines(text[start:end]):
        stripped = line.strip()
        if stripped:
            offset = start + line_start + len(line) - len(line.lstrip())
            spans.append(Span(offset, offset + len(stripped)))
    return spans


def _lines(piece: str) -> list[tuple[int, str]]:
    lines, at = [], 0
    for line in piece.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    return lines
