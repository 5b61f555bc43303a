"""Finding the words of a lexicon in a text in one pass: an Aho-Corasick automaton
(pyahocorasick) over the phrases as written in lower case, Capitalised and UPPER CASE, the
longest phrase taken where phrases overlap, whole words only."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick


@dataclass(frozen=True)
class PhraseMatch:
    """Where a phrase was found, read like a regular-expression match."""

    text: str
    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return self.begin, self.finish

    def group(self) -> str:
        return self.text[self.begin : self.finish]


class PhraseFinder:
    """Case-insensitive whole-word phrases ("said", "according to", "declined to comment")."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for phrase in phrases:
            lowered = " ".join(phrase.lower().split())
            for spelling in (lowered, lowered[:1].upper() + lowered[1:], lowered.upper()):
                self._automaton.add_word(spelling, len(spelling))
        self._automaton.make_automaton()

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[PhraseMatch]:
        """Each phrase found in text[start:end], in reading order, not overlapping."""
        stop = len(text) if end is None else end
        for last, length in self._automaton.iter_long(text, start, stop):
            begin = last - length + 1
            if _standalone(text, begin, last + 1):
                yield PhraseMatch(text, begin, last + 1)


def _standalone(text: str, start: int, end: int) -> bool:
    """A whole word, not part of a longer or hyphenated one ("sayings", "well-said")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "-_" or after.isalnum() or after in "-_")
