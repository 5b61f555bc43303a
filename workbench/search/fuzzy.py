"""Fuzzy words (`Khamenie~`): the indexed words within an edit distance, found at C speed.

Whoosh's FuzzyTerm walks each segment's word list with a Levenshtein automaton in Python, a
file read per step, once to rank and again to count: most of a fuzzy query's time. Here each
segment's words of a field that share the query's first letters (`word_lists`: read once,
and kept beside the segment, which never changes once written) are compared with rapidfuzz's
optimal-string-alignment distance, the Damerau–Levenshtein measure Whoosh documents for
`terms_within` (a test checks the words found are those of Whoosh's reference
implementation; its faster W3 automaton counts two swapped letters as two edits, so
`Khamenie~` did not find Khamenei).
The query is otherwise Whoosh's: the words found are ORed, scored as Whoosh scores them.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh import matching
from whoosh.qparser import FuzzyTermPlugin
from whoosh.query import FuzzyTerm, Or, Term
from whoosh.searching import SearchContext

from workbench.search.word_lists import words_beginning

_near_by_reader: weakref.WeakKeyDictionary[Any, dict[tuple[str, str], list[str]]] = (
    weakref.WeakKeyDictionary()
)
NEAR_KEPT = 1024  # misspelt words (with what they stand for) remembered per segment
_lock = threading.Lock()


def near_words(reader: Any, fieldname: str, text: str, maxdist: int, prefix: int) -> list[str]:
    """Words of the field within `maxdist` edits of `text`, sharing its first `prefix` letters."""
    if fieldname not in reader.schema:
        return []
    found: set[str] = set()
    for leaf, _ in reader.leaf_readers():
        found.update(_near_in_segment(leaf, fieldname, text, maxdist, prefix))
    return sorted(found)


def _near_in_segment(
    reader: Any, fieldname: str, text: str, maxdist: int, prefix: int
) -> list[str]:
    """`near_words` in one segment, kept for the next time (a query asks twice: to rank and
    to highlight; an analyst refining a search asks again)."""
    key = (fieldname, f"{maxdist}:{prefix}:{text}")
    with _lock:
        found = _near_by_reader.setdefault(reader, {}).get(key)
    if found is None:
        candidates = words_beginning(reader, fieldname, text[:prefix])
        matches = process.extract(
            text, candidates, scorer=OSA.distance, score_cutoff=maxdist, limit=None
        )
        found = [word for word, _, _ in matches]
        with _lock:
            held = _near_by_reader.setdefault(reader, {})
            if len(held) >= NEAR_KEPT:
                held.clear()
            held[key] = found
    return found


class NearWords(FuzzyTerm):
    """Whoosh's FuzzyTerm, its words found by `near_words`."""

    def words(self, reader: Any) -> list[str]:
        """The indexed words of the field this fuzzy word stands for."""
        return near_words(reader, self.fieldname, self.text, self.maxdist, self.prefixlength)

    def expanded_terms(self, ixreader: Any, phrases: bool = False) -> Iterator[tuple[str, Any]]:
        field = self.field()
        if field:
            for word in self.words(ixreader):
                yield field, word

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        words = [word for word in self.words(searcher.reader()) if word]
        if not words:
            return matching.NullMatcher()
        queries = [Term(self.fieldname, word) for word in words]
        if len(queries) == 1:
            return queries[0].matcher(searcher, context)
        if self.constantscore:
            context = context.set(weighting=None) if context else SearchContext(weighting=None)
        return Or(queries, boost=self.boost).matcher(searcher, context)


class NearWordsPlugin(FuzzyTermPlugin):
    """The parser's `word~` / `word~2` syntax, making NearWords queries."""

    class FuzzyTermNode(FuzzyTermPlugin.FuzzyTermNode):
        qclass = NearWords
