"""Near-duplicates: the same wire story syndicated by several outlets, found by shared phrases.

Each text becomes its set of five-word phrases (shingles). The resemblance of two texts is the
share of phrases they have in common (Jaccard). To find candidates quickly, each text keeps a
sketch: the 32 smallest hashes of its phrases (a bottom-k sketch); texts that share several
sketch values are compared in full.
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable

SHINGLE_WORDS = 5
SKETCH_SIZE = 32
NEAR_DUPLICATE = 0.5
_MIN_SHARED = 6
_MAX_POSTINGS = 2000
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[int]:
    """Hashes of the text's five-word phrases (case and punctuation ignored)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {_hash(" ".join(words))} if words else set()
    return {
        _hash(" ".join(words[start : start + SHINGLE_WORDS]))
        for start in range(len(words) - SHINGLE_WORDS + 1)
    }


def sketch(text: str) -> tuple[int, ...]:
    """The text's bottom-k sketch: the smallest phrase hashes, in order."""
    return tuple(heapq.nsmallest(SKETCH_SIZE, shingles(text)))


def resemblance(a: set[int], b: set[int]) -> float:
    """Share of phrases two texts have in common: 1.0 for the same words, 0.0 for none."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _hash(phrase: str) -> int:
    return zlib.crc32(phrase.encode("utf-8"))


class SketchIndex:
    """Sketches of stored articles, to find which ones a new text may copy."""

    def __init__(self) -> None:
        self._postings: dict[int, list[int]] = defaultdict(list)
        self._known: set[int] = set()

    def __len__(self) -> int:
        return len(self._known)

    def __contains__(self, article_id: int) -> bool:
        return article_id in self._known

    def add(self, article_id: int, values: Iterable[int]) -> None:
        if article_id in self._known:
            return
        self._known.add(article_id)
        for value in values:
            postings = self._postings[value]
            if len(postings) < _MAX_POSTINGS:
                postings.append(article_id)

    def forget(self, article_id: int) -> None:
        """Stop proposing an article (it was deleted)."""
        self._known.discard(article_id)

    def candidates(self, values: Iterable[int]) -> list[int]:
        """Articles sharing enough sketch values to be worth a full comparison, best first."""
        values = list(values)
        needed = min(_MIN_SHARED, max(1, len(values) // 2))
        shared: Counter[int] = Counter()
        for value in values:
            shared.update(self._postings.get(value, ()))
        return [
            article_id
            for article_id, count in shared.most_common()
            if count >= needed and article_id in self._known
        ]
