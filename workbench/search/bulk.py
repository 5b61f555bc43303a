"""A segment writer for rebuilds: documents are only added, in order, and written in bulk.

Whoosh's own writer keeps one Python tuple per posting (~200 bytes), sorts them all, spills
pickled runs to disk when memory runs short, and at commit hands every posting, one call each,
through several layers to the posting-list writer. For a rebuild that is most of the time.
This writer keeps each term's postings packed in arrays (~60 bytes a posting), sorts only the
terms, and fills the posting-list writer's blocks a block at a time. The files it writes are
ordinary Whoosh segments (the tests check that searches find the same documents with the same
scores as with Whoosh's writer). It leans on the internals of Whoosh's W3 codec, which is why
all of it sits here and nowhere else.
"""

from __future__ import annotations

from array import array
from typing import Any

from whoosh.writing import SegmentWriter

from workbench.search.schema import CompactPositions


class _Postings:
    """One term's postings: document numbers, weights, and encoded positions."""

    __slots__ = ("documents", "values", "weights")

    def __init__(self) -> None:
        self.documents = array("I")
        self.weights = array("f")
        self.values: list[bytes] = []


_TERM_BYTES = 400
_POSTING_BYTES = 50


class BulkSegmentWriter(SegmentWriter):
    """Adds documents to a new segment with packed postings; for rebuilds only."""

    def __init__(self, index: Any, **kwargs: Any) -> None:
        super().__init__(index, **kwargs)
        self._terms: dict[str, dict[bytes, _Postings]] = {}
        self._lengths: dict[str, array] = {}
        self.pending_bytes = 0

    def add_document(self, **fields: Any) -> None:
        self._check_state()
        docnum = self.docnum
        per_document = self.perdocwriter
        per_document.start_doc(docnum)
        for fieldname in sorted(fields):
            value = fields[fieldname]
            if value is None:
                continue
            field = self.schema[fieldname]
            length = self._index_field(fieldname, field, docnum, value) if field.indexed else 0
            per_document.add_field(fieldname, field, value if field.stored else None, length)
        per_document.finish_doc()
        self._added = True
        self.docnum += 1

    def _index_field(self, fieldname: str, field: Any, docnum: int, value: Any) -> int:
        terms = self._terms.get(fieldname)
        if terms is None:
            terms = self._terms[fieldname] = {}
        if isinstance(field.format, CompactPositions):
            items = field.format.encoded_terms(value, field.analyzer)
        else:
            items = field.index(value)
        length = added = 0
        for text, frequency, weight, encoded in items:
            postings = terms.get(text)
            if postings is None:
                postings = terms[text] = _Postings()
                added += _TERM_BYTES + len(text)
            postings.documents.append(docnum)
            postings.weights.append(weight)
            postings.values.append(encoded)
            added += _POSTING_BYTES + len(encoded)
            length += frequency
        self.pending_bytes += added
        if not field.scorable:
            return 0
        if length:
            lengths = self._lengths.setdefault(fieldname, array("I"))
            lengths.extend([0] * (docnum - len(lengths)))
            lengths.append(length)
        return length

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        writer = self.fieldwriter
        for fieldname in sorted(self._terms):
            field = self.schema[fieldname]
            writer.start_field(fieldname, field)
            lengths = self._lengths.get(fieldname)
            terms = self._terms[fieldname]
            for text in sorted(terms):
                writer.start_term(text)
                _write_postings(writer._postwriter, terms[text], lengths)
                writer.finish_term()
            writer.finish_field()
        writer.close()
        self._terms.clear()
        self._lengths.clear()


def _write_postings(postings_writer: Any, postings: _Postings, lengths: array | None) -> None:
    """Fill the W3 posting writer's blocks directly; its finish_postings writes the last one."""
    limit = postings_writer._blocklimit
    count = len(postings.documents)
    for start in range(0, count, limit):
        end = min(count, start + limit)
        ids = postings.documents[start:end]
        weights = postings.weights[start:end]
        postings_writer._ids = ids
        postings_writer._weights = weights
        postings_writer._values = [value for value in postings.values[start:end] if value]
        postings_writer._maxweight = max(weights)
        if lengths is not None:
            in_block = [lengths[doc] for doc in ids if doc < len(lengths) and lengths[doc]]
            postings_writer._minlength = min(in_block) if in_block else None
            postings_writer._maxlength = max(in_block) if in_block else 0
        if end < count:
            postings_writer._write_block()
