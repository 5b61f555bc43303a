"""Phrase search by set operations: which documents have the words side by side, in order.

Whoosh's own phrase matcher steps through the documents that have all the words one posting
at a time and builds a span object for every occurrence of every word. Here, per segment,
each word's whole posting list is read at once, the documents holding every word are found
by set intersection, and only in those are the word positions compared — as sets of numbers,
each shifted by the word's place in the phrase. Matches are scored as Whoosh scores its own
phrase matches (the sum of the words' BM25F scores) and handed back as a list matcher, so a
phrase combines with any other query. Results are kept per segment for the life of the query,
so counting the matches after ranking them costs nothing more.
"""

from __future__ import annotations

from typing import Any

from whoosh.matching import ListMatcher, NullMatcher
from whoosh.query import Phrase

from workbench.search.whoosh_internals import leaf_matcher, posting_ids, posting_values


class AdjacentWords(Phrase):
    """A phrase query: the words next to each other, in order (slop 1)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._found: dict[int, tuple[list[int], list[float]]] = {}

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        if self.fieldname not in searcher.schema:
            return NullMatcher()
        field = searcher.schema[self.fieldname]
        if self.slop != 1 or not hasattr(field.format, "decode_positions"):
            return super().matcher(searcher, context)
        reader = searcher.reader()
        key = id(reader)
        if key not in self._found:
            weighting = context.weighting if context is not None else searcher.weighting
            self._found[key] = self._matches(searcher, field, weighting)
        ids, scores = self._found[key]
        if not ids:
            return NullMatcher()
        return ListMatcher(list(ids), weights=[score * self.boost for score in scores])

    def _matches(self, searcher: Any, field: Any, weighting: Any) -> tuple[list[int], list[float]]:
        reader = searcher.reader()
        terms = []
        for word in self.words:
            try:
                term = field.to_bytes(word)
            except ValueError:
                return [], []
            if (self.fieldname, term) not in reader:
                return [], []
            terms.append(term)
        candidates = _documents_with_all(reader, self.fieldname, terms)
        values = [_values_for(reader, self.fieldname, term, candidates) for term in terms]
        decode = field.format.decode_positions
        ids = sorted(doc for doc in candidates if _adjacent(doc, values, decode))
        scorers = [weighting.scorer(searcher, self.fieldname, term) for term in terms]
        scores = [_score(doc, values, scorers, field.format) for doc in ids]
        return ids, scores


def _documents_with_all(reader: Any, fieldname: str, terms: list[bytes]) -> set[int]:
    sets = sorted((posting_ids(leaf_matcher(reader, fieldname, t)) for t in terms), key=len)
    found = sets[0]
    for other in sets[1:]:
        found &= other
    if reader.has_deletions():
        found -= reader.deleted_docs_set
    return found


def _values_for(reader: Any, fieldname: str, term: bytes, documents: set[int]) -> dict[int, bytes]:
    if not documents:
        return {}
    every = posting_values(leaf_matcher(reader, fieldname, term))
    return {doc: every[doc] for doc in documents}


def _adjacent(doc: int, values: list[dict[int, bytes]], decode: Any) -> bool:
    starts = set(decode(values[0][doc]))
    for offset, found in enumerate(values[1:], 1):
        starts.intersection_update([place - offset for place in decode(found[doc])])
        if not starts:
            return False
    return True


class _Posting:
    """What a Whoosh scorer asks of a matcher: the document and the word's weight in it."""

    __slots__ = ("_doc", "_weight")

    def __init__(self, doc: int, weight: float) -> None:
        self._doc, self._weight = doc, weight

    def id(self) -> int:
        return self._doc

    def weight(self) -> float:
        return self._weight


def _score(doc: int, values: list[dict[int, bytes]], scorers: list[Any], format_: Any) -> float:
    total = 0.0
    for scorer, found in zip(scorers, values, strict=True):
        weight = format_.decode_weight(found[doc])
        quick = getattr(scorer, "score_of", None)
        total += quick(doc, weight) if quick else scorer.score(_Posting(doc, weight))
    return total
