"""What the analyst meant to select: a rough selection snapped to whole words, and words found
in an article's text as they were typed.

Both work on code points of the article's (NFC) text and never cut a user-perceived character
(a letter with its combining accents, an emoji with its modifiers or joiners, a flag) in two:
grapheme clusters are found with the `regex` module's `\\X`, which follows Unicode's rules.
"""

from __future__ import annotations

import unicodedata

import regex

from workbench.domain.anchoring import Span

# Inside a word these keep it whole: Russia’s, well-known.
WORD_JOINERS = frozenset("'’-‐‑")
# Sentence-final punctuation a claim takes with its last word.
TERMINAL = frozenset(".!?…")
# Closing marks taken only when the selection opened them.
CLOSER_OF = {"”": "“", "»": "«", ")": "(", "]": "[", "’": "‘", '"': '"'}
# How far around the selection clusters are examined (a word is never longer).
REACH = 160

_CLUSTER = regex.compile(r"\X")
_TYPED_QUOTE = {"'": "['‘’]", '"': '["“”]'}


def snap_to_words(text: str, span: Span) -> Span:
    """The selection widened to whole words, with trailing sentence punctuation and the
    closing quote or bracket it opened; surrounding white space is dropped.

    An empty selection, or one of white space only, comes back unchanged.
    """
    if span.end > len(text):
        raise ValueError(f"span {span.start}..{span.end} lies outside a text of {len(text)}")
    if not span.of(text).strip():
        return span
    window = _Clusters(text, span)
    first, last = window.index_at(span.start), window.index_at(span.end - 1)
    while window.kind(first) == "space":
        first += 1
    while window.kind(last) == "space":
        last -= 1
    first = window.word_start(first)
    last = window.with_trailing(window.word_end(last), first)
    return Span(window.start_of(first), window.end_of(last))


class _Clusters:
    """The grapheme clusters of the text around a selection, each with its kind."""

    def __init__(self, text: str, span: Span) -> None:
        low = _boundary_before(text, max(0, span.start - REACH))
        high = _boundary_after(text, min(len(text), span.end + REACH))
        self.text = text
        self.bounds = [(low + m.start(), low + m.end()) for m in _CLUSTER.finditer(text[low:high])]
        self.kinds = [_kind(text[a:b]) for a, b in self.bounds]
        for i, kind in enumerate(self.kinds):
            if kind == "joiner" and not (self._word(i - 1) and self._word(i + 1)):
                self.kinds[i] = "mark"

    def _word(self, index: int) -> bool:
        return 0 <= index < len(self.kinds) and self.kinds[index] == "word"

    def kind(self, index: int) -> str:
        return self.kinds[index] if 0 <= index < len(self.kinds) else "edge"

    def index_at(self, offset: int) -> int:
        return next(i for i, (a, b) in enumerate(self.bounds) if a <= offset < b)

    def start_of(self, index: int) -> int:
        return self.bounds[index][0]

    def end_of(self, index: int) -> int:
        return self.bounds[index][1]

    def word_start(self, index: int) -> int:
        if self.kind(index) not in ("word", "joiner"):
            return index
        while self.kind(index - 1) in ("word", "joiner"):
            index -= 1
        return index

    def word_end(self, index: int) -> int:
        if self.kind(index) not in ("word", "joiner"):
            return index
        while self.kind(index + 1) in ("word", "joiner"):
            index += 1
        return index

    def with_trailing(self, last: int, first: int) -> int:
        """Take the sentence's closing punctuation, and quotes or brackets the span opened."""
        while last + 1 < len(self.bounds):
            following = self.text[slice(*self.bounds[last + 1])]
            if following in TERMINAL or self._closes(following, first, last):
                last += 1
            else:
                break
        return last

    def _closes(self, mark: str, first: int, last: int) -> bool:
        opener = CLOSER_OF.get(mark)
        if opener is None:
            return False
        inside = self.text[self.start_of(first) : self.end_of(last)]
        if opener == mark:
            return inside.count(mark) % 2 == 1
        return inside.count(opener) > inside.count(mark)


def _kind(cluster: str) -> str:
    if cluster in WORD_JOINERS:
        return "joiner"
    if cluster.isspace():
        return "space"
    category = unicodedata.category(cluster[0])
    return "word" if category[0] in "LNM" or category == "Pc" else "mark"


def _boundary_before(text: str, offset: int) -> int:
    """A position at or before `offset` where no cluster is cut (after white space)."""
    while offset > 0 and not text[offset - 1].isspace():
        offset -= 1
    return offset


def _boundary_after(text: str, offset: int) -> int:
    while offset < len(text) and not text[offset].isspace():
        offset += 1
    return offset


def find_words(text: str, typed: str, after: int = 0) -> Span | None:
    """The next place (from `after`, wrapping round) where the typed words stand in the text.

    Case is ignored, straight quotes match typographic ones and any white space matches any,
    so "Russia's actions" finds “Russia’s actions”. None when the words are not in the text.
    """
    words = typed.split()
    if not words:
        return None
    pattern = r"\s+".join("".join(_typed_char(char) for char in word) for word in words)
    found = regex.compile(pattern, regex.IGNORECASE | regex.V1)
    match = found.search(text, min(max(after, 0), len(text))) or found.search(text)
    return Span(match.start(), match.end()) if match else None


def _typed_char(char: str) -> str:
    return _TYPED_QUOTE.get(char) or regex.escape(char)
