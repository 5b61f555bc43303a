"""The best hits of a query by whole posting lists, scored as Whoosh scores them.

Whoosh's collector steps a tree of matchers one posting at a time — dozens of Python calls per
matching document — to find the top ten. For the queries analysts type (words across the
default fields, ANDed; phrases; field words; NOT) this reads each word's whole posting list a
block at a time, scores every posting at once (numpy) with the same BM25F formula and inputs
Whoosh's scorer uses, and combines the scores as Whoosh's matchers do (OR and AND add the
parts' scores, in the same order; AND NOT keeps the first part's; a boost multiplies). Any
other part of a query (wildcards, ranges) makes `best_hits` return None and the caller asks
Whoosh's collector. Tests compare the hits and scores with Whoosh's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query as q

from workbench.search.fuzzy import NearWords
from workbench.search.matching import evaluate
from workbench.search.phrases import AdjacentWords
from workbench.search.postings import weighted_postings

Scored = tuple[np.ndarray, np.ndarray]  # one segment's document numbers (ascending), scores
_NONE: Scored = (np.empty(0, np.int64), np.empty(0, np.float64))
_DENSE = 16  # an OR of at least one posting per this many documents adds in a dense array


class _Unsupported(Exception):
    """A part of the query this module does not score; Whoosh's collector does."""


@dataclass(frozen=True)
class Ranked:
    """The best hits, and every match: the documents scored are the documents matched."""

    hits: list[tuple[int, float]]  # (global document number, score), best first
    matched: np.ndarray  # the global numbers of every live (and allowed) match, ascending


def best_hits(
    searcher: Any, query: q.Query, limit: int, allowed: set[int] | None = None
) -> list[tuple[int, float]] | None:
    """The `limit` best (global document number, score), best first (ties: the lower number
    first, as Whoosh's collector); None if not handled."""
    found = ranked(searcher, query, limit, allowed)
    return None if found is None else found.hits


def ranked(
    searcher: Any, query: q.Query, limit: int, allowed: set[int] | None = None
) -> Ranked | None:
    """`best_hits` and every match (for the total and the facet counts); None if not handled."""
    numbers, scores = [], []
    try:
        for leaf, offset in searcher.leaf_searchers():
            ids, values = _scores(query, leaf)
            reader = leaf.reader()
            if reader.has_deletions() and len(ids):
                kept = ~np.isin(ids, _array(reader.deleted_docs_set))
                ids, values = ids[kept], values[kept]
            numbers.append(ids + offset)
            scores.append(values)
    except _Unsupported:
        return None
    number = np.concatenate(numbers) if numbers else _NONE[0]
    score = np.concatenate(scores) if scores else _NONE[1]
    if allowed is not None:
        kept = np.isin(number, _array(allowed))
        number, score = number[kept], score[kept]
    return Ranked(_best(number, score, limit), number)


def _best(numbers: np.ndarray, scores: np.ndarray, limit: int) -> list[tuple[int, float]]:
    if limit <= 0 or not len(scores):
        return []
    if len(scores) > limit:  # only those scoring at least the limit-th best can be in it
        threshold = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        chosen = scores >= threshold
        numbers, scores = numbers[chosen], scores[chosen]
    order = np.lexsort((numbers, -scores))[:limit]
    return list(zip(numbers[order].tolist(), scores[order].tolist(), strict=True))


def _array(documents: Any) -> np.ndarray:
    return np.fromiter(documents, np.int64, len(documents))


def _scores(query: q.Query, leaf: Any) -> Scored:
    if isinstance(query, q.Term):
        scored = _term_scores(leaf, query.fieldname, query.text)
    elif isinstance(query, NearWords):  # scored as Whoosh scores it: its words ORed
        words = [q.Term(query.fieldname, word) for word in query.words(leaf.reader()) if word]
        scored = _scores(q.Or(words), leaf)
    elif isinstance(query, AdjacentWords):
        found = query.found_in(leaf, leaf.context())
        if found is None:
            scored = _matcher_scores(query, leaf)
        else:
            scored = np.array(found[0], np.int64), np.array(found[1], np.float64)
    elif isinstance(query, q.And):
        scored = _all_of(query, leaf)
    elif isinstance(query, q.Or) and not query.scale and query.minmatch <= 1:
        scored = _any_of([_scores(part, leaf) for part in query.subqueries])
    elif isinstance(query, q.AndNot):
        ids, values = _scores(query.a, leaf)
        kept = ~np.isin(ids, _array(evaluate(query.b, leaf)))
        scored = ids[kept], values[kept]
    elif isinstance(query, q.NullQuery.__class__):
        return _NONE
    else:
        raise _Unsupported
    boost = getattr(query, "boost", 1.0)
    if boost != 1.0 and not isinstance(query, AdjacentWords):
        scored = scored[0], scored[1] * boost
    return scored


def _any_of(parts: list[Scored]) -> Scored:
    """OR: every document of any part, its parts' scores added in the parts' order."""
    parts = [part for part in parts if len(part[0])]
    if len(parts) <= 1:
        return parts[0] if parts else _NONE
    every = np.concatenate([ids for ids, _ in parts])
    values = np.concatenate([values for _, values in parts])
    size = max(int(ids[-1]) for ids, _ in parts) + 1
    if len(every) * _DENSE < size:  # few postings: sort them
        ids, where = np.unique(every, return_inverse=True)
        return ids, np.bincount(where, weights=values, minlength=len(ids))
    # many: a slot per document of the segment (adding in the same order as sorting does)
    present = np.zeros(size, bool)
    present[every] = True
    ids = np.flatnonzero(present)
    return ids, np.bincount(every, weights=values, minlength=size)[ids]


def _all_of(query: q.And, leaf: Any) -> Scored:
    """AND: documents in every part, scores added; a NOT part takes its documents away."""
    wanted = [part for part in query.subqueries if not isinstance(part, q.Not)]
    parts = sorted((_scores(part, leaf) for part in wanted), key=lambda part: len(part[0]))
    if not parts:
        raise _Unsupported
    common = parts[0][0]
    for ids, _ in parts[1:]:
        common = common[_holds(ids, common)]
    total = parts[0][1][np.searchsorted(parts[0][0], common)]
    for ids, values in parts[1:]:
        total = total + values[np.searchsorted(ids, common)]
    for part in query.subqueries:
        if isinstance(part, q.Not):  # Whoosh's inverse matcher scores each document 1.0
            kept = ~np.isin(common, _array(evaluate(part.query, leaf)))
            common, total = common[kept], total[kept] + 1.0
    return common, total


def _holds(ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Which of `wanted` are in `ids` (both ascending)."""
    if not len(ids):
        return np.zeros(len(wanted), bool)
    places = np.minimum(np.searchsorted(ids, wanted), len(ids) - 1)
    return ids[places] == wanted


def _matcher_scores(query: q.Query, leaf: Any) -> Scored:
    """Scores read from the query's own matcher (a phrase's is a ready list)."""
    matcher = query.matcher(leaf, leaf.context())
    ids, scores = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        scores.append(matcher.score())
        matcher.next()
    return np.array(ids, np.int64), np.array(scores, np.float64)


def _term_scores(leaf: Any, fieldname: str, text: Any) -> Scored:
    reader = leaf.reader()
    if fieldname not in reader.schema:
        return _NONE
    try:
        term = text if isinstance(text, bytes) else reader.schema[fieldname].to_bytes(text)
    except ValueError:
        return _NONE
    if (fieldname, term) not in reader:
        return _NONE
    scorer = leaf.weighting.scorer(leaf, fieldname, term)
    if not hasattr(scorer, "scores_of"):  # a field that is not ranked (status, kind)
        return _matcher_scores(q.Term(fieldname, term), leaf)
    documents, weights = weighted_postings(reader, fieldname, term)
    return documents, scorer.scores_of(documents, weights)
