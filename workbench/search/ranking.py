"""The best hits of a query by whole posting lists, scored as Whoosh scores them.

Whoosh's collector steps a tree of matchers one posting at a time — dozens of Python calls per
matching document — to find the top ten. For the queries analysts type (words across the
default fields, ANDed; phrases; field words; NOT) this reads each word's whole posting list a
block at a time, scores every posting with the same BM25F scorer Whoosh would use, and combines
the scores as Whoosh's matchers do (OR and AND add the parts' scores; AND NOT keeps the first
part's; a boost multiplies). Any other part of a query (wildcards, ranges) makes
`best_hits` return None and the caller asks Whoosh's collector. Tests compare the hits and
scores with Whoosh's own.
"""

from __future__ import annotations

import heapq
from typing import Any

from whoosh import query as q

from workbench.search.fuzzy import NearWords
from workbench.search.matching import evaluate
from workbench.search.phrases import AdjacentWords
from workbench.search.whoosh_internals import leaf_matcher, posting_weights

Scores = dict[int, float]


class _Unsupported(Exception):
    """A part of the query this module does not score; Whoosh's collector does."""


def best_hits(
    searcher: Any, query: q.Query, limit: int, allowed: set[int] | None = None
) -> list[tuple[int, float]] | None:
    """The `limit` best (global document number, score), best first; None if not handled."""
    found: Scores = {}
    try:
        for leaf, offset in searcher.leaf_searchers():
            scores = _scores(query, leaf)
            reader = leaf.reader()
            deleted = reader.deleted_docs_set if reader.has_deletions() else ()
            for docnum, score in scores.items():
                number = docnum + offset
                if docnum not in deleted and (allowed is None or number in allowed):
                    found[number] = score
    except _Unsupported:
        return None
    return heapq.nsmallest(limit, found.items(), key=lambda item: (-item[1], item[0]))


def _scores(query: q.Query, leaf: Any) -> Scores:
    if isinstance(query, q.Term):
        scores = _term_scores(leaf, query.fieldname, query.text)
    elif isinstance(query, NearWords):  # scored as Whoosh scores it: its words ORed
        words = [q.Term(query.fieldname, word) for word in query.words(leaf.reader()) if word]
        scores = _scores(q.Or(words), leaf)
    elif isinstance(query, AdjacentWords):
        scores = _matcher_scores(query, leaf)
    elif isinstance(query, q.And):
        scores = _all_of(query, leaf)
    elif isinstance(query, q.Or) and not query.scale and query.minmatch <= 1:
        scores = {}
        for part in query.subqueries:
            for doc, score in _scores(part, leaf).items():
                scores[doc] = scores.get(doc, 0.0) + score
    elif isinstance(query, q.AndNot):
        excluded = evaluate(query.b, leaf)
        scores = {d: s for d, s in _scores(query.a, leaf).items() if d not in excluded}
    elif isinstance(query, q.NullQuery.__class__):
        return {}
    else:
        raise _Unsupported
    boost = getattr(query, "boost", 1.0)
    if boost != 1.0 and not isinstance(query, AdjacentWords):
        scores = {doc: score * boost for doc, score in scores.items()}
    return scores


def _all_of(query: q.And, leaf: Any) -> Scores:
    """AND: documents in every part, scores added; a NOT part takes its documents away."""
    wanted = [part for part in query.subqueries if not isinstance(part, q.Not)]
    parts = sorted((_scores(part, leaf) for part in wanted), key=len)
    if not parts:
        raise _Unsupported
    scores = {doc: score for doc, score in parts[0].items() if all(doc in p for p in parts)}
    for part in parts[1:]:
        for doc in scores:
            scores[doc] += part[doc]
    for part in query.subqueries:
        if isinstance(part, q.Not):  # Whoosh's inverse matcher scores each document 1.0
            excluded = evaluate(part.query, leaf)
            scores = {doc: score + 1.0 for doc, score in scores.items() if doc not in excluded}
    return scores


def _matcher_scores(query: q.Query, leaf: Any) -> Scores:
    """Scores read from the query's own matcher (a phrase's is a ready list)."""
    matcher = query.matcher(leaf, leaf.context())
    scores: Scores = {}
    while matcher.is_active():
        scores[matcher.id()] = matcher.score()
        matcher.next()
    return scores


def _term_scores(leaf: Any, fieldname: str, text: Any) -> Scores:
    reader = leaf.reader()
    if fieldname not in reader.schema:
        return {}
    try:
        term = text if isinstance(text, bytes) else reader.schema[fieldname].to_bytes(text)
    except ValueError:
        return {}
    if (fieldname, term) not in reader:
        return {}
    quick = getattr(leaf.weighting.scorer(leaf, fieldname, term), "score_of", None)
    if quick is None:  # a field that is not ranked (status, kind): its matcher's own scores
        return _matcher_scores(q.Term(fieldname, term), leaf)
    ids, weights = posting_weights(leaf_matcher(reader, fieldname, term))
    return {doc: quick(doc, weight) for doc, weight in zip(ids, weights, strict=True)}
