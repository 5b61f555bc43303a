"""How well proposed spans match annotated ones, counted by word token: precision, recall, F1.

A token (a run of word characters) counts for a role (cue, source, content) when a span of that
role overlaps it; the counts of many texts add up before the ratios are taken (micro average).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from workbench.assist.model import Span

_TOKEN = regex.compile(r"\w+")


@dataclass(frozen=True)
class Counts:
    """Tokens proposed and right (`hits`), proposed (`proposed`) and annotated (`annotated`)."""

    hits: int = 0
    proposed: int = 0
    annotated: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.hits + other.hits,
            self.proposed + other.proposed,
            self.annotated + other.annotated,
        )

    @property
    def precision(self) -> float:
        return self.hits / self.proposed if self.proposed else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.annotated if self.annotated else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


class Tokens:
    """The word tokens of one text, to turn spans into sets of token numbers."""

    def __init__(self, text: str) -> None:
        found = [match.span() for match in _TOKEN.finditer(text)]
        self._starts = [start for start, _ in found]
        self._ends = [end for _, end in found]

    def covered(self, spans: Iterable[Span | None]) -> set[int]:
        """The numbers of the tokens any of `spans` overlaps."""
        numbers: set[int] = set()
        for span in spans:
            if span is None or span.end <= span.start:
                continue
            first = bisect.bisect_right(self._ends, span.start)
            last = bisect.bisect_left(self._starts, span.end)
            numbers.update(range(first, last))
        return numbers


def counts(annotated: set[int], proposed: set[int]) -> Counts:
    """The counts of one text and one role."""
    return Counts(len(annotated & proposed), len(proposed), len(annotated))
