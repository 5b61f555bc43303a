"""Phrase search by set operations: which documents have the words side by side, in order.

Whoosh's own phrase matcher steps through the documents that have all the words one posting
at a time and builds a span object for every occurrence of every word. Here, per segment,
each word's posting list is read in one piece; for the index's own posting blocks and
positions, `adjacency` finds the candidates (the documents holding every word) and compares
all their positions at once with numpy. Other posting lists (short ones Whoosh keeps inline)
take a plain path: candidates by set intersection, and, per candidate, the positions
compared as sets of numbers, each word's shifted back by its place in the phrase. Matches
are scored as Whoosh scores its own phrase matches (the sum of the words' BM25F scores) and
handed back as a list matcher, so a phrase combines with any other query. Results are kept
per segment for the life of the query, so counting the matches after ranking them costs
nothing more. A test compares hits and scores with Whoosh's own `Phrase`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from whoosh.matching import ListMatcher, NullMatcher
from whoosh.query import Phrase

from workbench.search.blocks import Block
from workbench.search.schema import CompactPositions

Positions = Callable[[bytes], Iterable[int]]
_FEW = 4  # candidates in under a quarter of a block's postings: read theirs alone


class AdjacentWords(Phrase):
    """A phrase query: the words next to each other, in order (slop 1)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._found: dict[int, tuple[list[int], list[float]]] = {}

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        if self.fieldname not in searcher.schema:
            return NullMatcher()
        found = self.found_in(searcher, context)
        if found is None:
            return super().matcher(searcher, context)
        ids, scores = found
        if not ids:
            return NullMatcher()
        return ListMatcher(list(ids), weights=scores)

    def found_in(self, searcher: Any, context: Any = None) -> tuple[list[int], list[float]] | None:
        """The documents of one segment holding the phrase (ascending, deleted ones left out)
        and their scores, the boost applied; None where Whoosh's own phrase matcher is asked
        (a slop, or a field without positions)."""
        if self.fieldname not in searcher.schema:
            return [], []
        field = searcher.schema[self.fieldname]
        if self.slop != 1 or not hasattr(field.format, "decode_positions"):
            return None
        key = id(searcher.reader())
        if key not in self._found:
            # an unscored context (Whoosh's docs_for_query) has none: the searcher's then
            weighting = getattr(context, "weighting", None) or searcher.weighting
            ids, scores = self._matches(searcher, field, weighting)
            self._found[key] = ids, [score * self.boost for score in scores]
        return self._found[key]

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
        from workbench.search.postings import kept_blocks, kept_stored  # numpy: with the first

        def scorers() -> list[Any]:  # made only where the phrase is found
            return [weighting.scorer(searcher, self.fieldname, term) for term in terms]

        compact = isinstance(field.format, CompactPositions)
        if compact:  # posting lists in our own blocks: read as stored, no object per block
            stored = [kept_stored(reader, self.fieldname, term) for term in terms]
            if all(word is not None for word in stored):
                return _matches_at_once(reader, stored, scorers, field.format.field_boost)
        blocks = [kept_blocks(reader, self.fieldname, term) for term in terms]
        if compact and all(
            isinstance(block, Block) for term_blocks in blocks for block in term_blocks
        ):
            return _matches_at_once(reader, blocks, scorers, field.format.field_boost)
        candidates = _documents_with_all(reader, blocks)
        if not candidates:
            return [], []
        values = [_values_of(term_blocks, candidates) for term_blocks in blocks]
        ids = _side_by_side(candidates, values, _positions_of(field.format))
        if not ids:
            return [], []
        scoring = scorers()
        scores = [_score(doc, values, scoring, field.format) for doc in ids]
        return ids, scores


def _matches_at_once(
    reader: Any, blocks: Sequence[Any], scorers: Callable[[], list[Any]], boost: float
) -> tuple[list[int], list[float]]:
    """The matches and their scores, every candidate's positions compared at once (numpy;
    imported here, when a phrase is first searched for, not when the project opens)."""
    import numpy as np

    from workbench.search.adjacency import adjacent

    deleted = reader.deleted_docs_set if reader.has_deletions() else None
    found = adjacent(blocks, deleted)
    documents = found.documents
    if not len(documents):
        return [], []
    scoring = scorers()
    if all(hasattr(scorer, "scores_of") for scorer in scoring):  # every match at once
        total = np.zeros(len(documents), np.float64)
        for scorer, counts in zip(scoring, found.frequencies, strict=True):
            total = total + scorer.scores_of(documents, counts.astype(np.float64) * boost)
        return documents.tolist(), total.tolist()
    ids, scores = documents.tolist(), []
    frequencies = [counts.tolist() for counts in found.frequencies]
    for number, doc in enumerate(ids):
        total_of_doc = 0.0
        for scorer, counts in zip(scoring, frequencies, strict=True):
            weight = counts[number] * boost
            quick = getattr(scorer, "score_of", None)
            total_of_doc += quick(doc, weight) if quick else scorer.score(_Posting(doc, weight))
        scores.append(total_of_doc)
    return ids, scores


def _documents_with_all(reader: Any, blocks: list[list[Any]]) -> list[int]:
    """The live documents (ascending) that hold every word: the ids of the rarest word's
    blocks, intersected with each other word's."""
    by_size = sorted(blocks, key=len)
    found: set[int] = set()
    for block in by_size[0]:
        found.update(block.ids())
    for other in by_size[1:]:
        if not found:
            break
        ids: set[int] = set()
        for block in other:
            ids.update(block.ids())
        found &= ids
    if found and reader.has_deletions():
        found -= reader.deleted_docs_set
    return sorted(found)


def _values_of(blocks: list[Any], candidates: list[int]) -> dict[int, bytes]:
    """Document → the word's encoded positions, from the blocks holding a candidate only."""
    found: dict[int, bytes] = {}
    low = 0
    for block in blocks:
        high = bisect_right(candidates, block.max_id, low)
        if high > low:
            ids = block.ids()
            if (high - low) * _FEW < len(ids):  # a few candidates: their values alone
                for doc in candidates[low:high]:  # each is in this block: it has every word
                    found[doc] = block.value_at(bisect_left(ids, doc))
            else:
                found.update(zip(ids, block.values(), strict=True))
        low = high
        if low == len(candidates):
            break
    return found


def _side_by_side(
    candidates: list[int], values: list[dict[int, bytes]], decode: Positions
) -> list[int]:
    """The candidates in which the words stand in the phrase's order, one after another."""
    # each word's positions moved back by its place: a start common to all is a match
    first, *others = values
    if len(others) == 1:  # two words, as most phrases: one test per candidate
        second, back = others[0], (-1).__add__
        return [
            doc
            for doc in candidates
            if not set(decode(first[doc])).isdisjoint(map(back, decode(second[doc])))
        ]
    shifts = [(-place).__add__ for place in range(1, len(values))]
    found = []
    for doc in candidates:
        starts = set(decode(first[doc]))
        for shift, per_doc in zip(shifts, others, strict=True):
            starts.intersection_update(map(shift, decode(per_doc[doc])))
            if not starts:
                break
        else:
            found.append(doc)
    return found


def _positions_of(format_: Any) -> Positions:
    """The format's fastest reader of positions: an iterator where it has one."""
    return getattr(format_, "iter_positions", format_.decode_positions)


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
