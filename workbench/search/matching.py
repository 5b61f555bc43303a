"""Every document a query matches, as a set — for the total count and the facet counts.

The ranked hits come from Whoosh's collector, which skips what cannot reach the top. Counting
all matches is a different job: stepping a Whoosh matcher costs a Python call per posting, and
its `skip_to` walks a block one posting at a time. Here each word's posting list is read a block
at a time into a set, and the query's AND / OR / NOT become set operations (C speed). Phrases,
which need word positions, still go through their matcher.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import reduce
from typing import Any

from whoosh import query as q

from workbench.search.whoosh_internals import compiled_range, leaf_matcher, posting_ids

Docs = set[int]


def matching_documents(searcher: Any, query: q.Query) -> Docs:
    """Global numbers of the live documents the query matches."""
    found: Docs = set()
    for leaf, offset in searcher.leaf_searchers():
        docs = _evaluate(query, leaf)
        deleted = leaf.reader().deleted_docs_set if leaf.reader().has_deletions() else None
        if deleted:
            docs -= deleted
        found.update(map(offset.__add__, docs) if offset else docs)
    return found


def evaluate(query: q.Query, leaf: Any) -> Docs:
    """Local numbers of the documents of one segment the query matches (deleted included)."""
    return _evaluate(query, leaf)


def _evaluate(query: q.Query, leaf: Any) -> Docs:
    if isinstance(query, q.Term):
        return _term_docs(leaf, query.fieldname, query.text)
    if isinstance(query, q.And):
        parts = sorted((_evaluate(part, leaf) for part in query.subqueries), key=len)
        return reduce(set.intersection, parts) if parts else set()
    if isinstance(query, q.Or):
        return set().union(*(_evaluate(part, leaf) for part in query.subqueries))
    if isinstance(query, q.AndNot):
        return _evaluate(query.a, leaf) - _evaluate(query.b, leaf)
    if isinstance(query, q.AndMaybe):
        return _evaluate(query.a, leaf)
    if isinstance(query, q.Not):
        return set(range(leaf.reader().doc_count_all())) - _evaluate(query.query, leaf)
    if isinstance(query, q.MultiTerm):
        return _union_of_terms(leaf, query.expanded_terms(leaf.reader()))
    if isinstance(query, q.NumericRange):  # Whoosh compiles a range into terms and term ranges
        return _evaluate(compiled_range(query, leaf.reader()), leaf)
    if isinstance(query, type(q.NullQuery)):
        return set()
    return set(query.matcher(leaf).all_ids())


def _union_of_terms(leaf: Any, terms: Iterable[tuple[str, Any]]) -> Docs:
    found: Docs = set()
    for fieldname, text in terms:
        found |= _term_docs(leaf, fieldname, text)
    return found


def _term_docs(leaf: Any, fieldname: str, text: Any) -> Docs:
    reader = leaf.reader()
    schema = reader.schema
    if fieldname not in schema:
        return set()
    term = text if isinstance(text, bytes) else schema[fieldname].to_bytes(text)
    if (fieldname, term) not in reader:
        return set()
    return posting_ids(leaf_matcher(reader, fieldname, term))  # deleted ones removed above
