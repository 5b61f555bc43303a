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

from workbench.search.schema import CompactPositions
from workbench.search.whoosh_internals import (
    AppendOnlySegmentWriter,
    block_limit,
    fill_block,
    term_postings_writer,
    write_block,
)


class _Postings:
    """One term's postings: document numbers, weights, and encoded positions."""

    __slots__ = ("documents", "values", "weights")

    def __init__(self) -> None:
        self.documents = array("I")
        self.weights = array("f")
        self.values: list[bytes] = []


_TERM_BYTES = 400
_POSTING_BYTES = 50
_REMEMBERED_VALUES = 50_000
_ONE_SMALL_POSITION = [CompactPositions().encode([place]) for place in range(256)]


class BulkSegmentWriter(AppendOnlySegmentWriter):
    """Adds documents to a new segment with packed postings; for rebuilds only."""

    def __init__(self, index: Any, **kwargs: Any) -> None:
        super().__init__(index, **kwargs)
        self._terms: dict[str, dict[Any, _Postings]] = {}  # text: str terms; others: bytes
        self._lengths: dict[str, array] = {}
        self._indexed_values: dict[tuple[str, Any], list[tuple[bytes, int, float, bytes]]] = {}
        self.pending_bytes = 0

    def add_document(self, **fields: Any) -> None:
        self.begin_document()
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
        self.document_added()
        self.docnum += 1

    def _index_field(self, fieldname: str, field: Any, docnum: int, value: Any) -> int:
        terms = self._terms.get(fieldname)
        if terms is None:
            terms = self._terms[fieldname] = {}
        if isinstance(field.format, CompactPositions):
            length = self._index_text(terms, field.format, field.analyzer, docnum, value)
        else:
            length = self._index_values(terms, fieldname, field, docnum, value)
        if not field.scorable:
            return 0
        if length:
            lengths = self._lengths.setdefault(fieldname, array("I"))
            lengths.extend([0] * (docnum - len(lengths)))
            lengths.append(length)
        return length

    def _index_text(
        self,
        terms: dict[Any, _Postings],
        stored: CompactPositions,
        analyzer: Any,
        docnum: int,
        value: str,
    ) -> int:
        """Analysed text: per term, its positions and (as the weight, for now) its count;
        terms stay str until written (UTF-8 bytes sort as their str do)."""
        encode, single = stored.encode, _ONE_SMALL_POSITION
        positions = stored.positions_of_terms(value, analyzer)
        new_terms = 0
        for text, places in positions.items():
            postings = terms.get(text)
            if postings is None:
                postings = terms[text] = _Postings()
                new_terms += 1
            count = len(places)
            postings.documents.append(docnum)
            postings.weights.append(count)
            first = places[0]
            postings.values.append(single[first] if count == 1 and first < 256 else encode(places))
        length = sum(map(len, positions.values()))
        self.pending_bytes += (
            new_terms * _TERM_BYTES + len(positions) * (_POSTING_BYTES + 2) + length
        )
        return length

    def _index_values(
        self, terms: dict[Any, _Postings], fieldname: str, field: Any, docnum: int, value: Any
    ) -> int:
        """Any other field, as Whoosh's field type indexes it (remembered for repeated values,
        such as dates, statuses and names, unless the field is unique per document)."""
        items = key = None
        if not field.unique:
            key = (fieldname, tuple(value) if isinstance(value, list | set) else value)
            try:
                items = self._indexed_values.get(key)
            except TypeError:  # a value that cannot be a key is indexed every time
                key = None
        if items is None:
            items = list(field.index(value))
            if key is not None:
                if len(self._indexed_values) >= _REMEMBERED_VALUES:
                    self._indexed_values.clear()
                self._indexed_values[key] = items
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
        return length

    def write_postings(self, writer: Any) -> None:
        for fieldname in sorted(self._terms):
            field = self.schema[fieldname]
            writer.start_field(fieldname, field)
            lengths = self._lengths.get(fieldname)
            terms = self._terms[fieldname]
            text_field = isinstance(field.format, CompactPositions)
            boost = field.format.field_boost if text_field else 1.0
            for text in sorted(terms):
                postings = terms[text]
                if text_field:  # the counts become weights, rounded as Whoosh stores them
                    postings.weights = array("f", [count * boost for count in postings.weights])
                writer.start_term(text.encode("utf-8") if text_field else text)
                _write_postings(term_postings_writer(writer), postings, lengths)
                writer.finish_term()
            writer.finish_field()
        self._terms.clear()
        self._lengths.clear()


def _write_postings(postings_writer: Any, postings: _Postings, lengths: array | None) -> None:
    """Fill the W3 posting writer's blocks directly; its finish_postings writes the last one."""
    limit = block_limit(postings_writer)
    count = len(postings.documents)
    for start in range(0, count, limit):
        end = min(count, start + limit)
        ids = postings.documents[start:end]
        block_lengths: tuple[int | None, int] | None = None
        if lengths is not None:
            in_block = [lengths[doc] for doc in ids if doc < len(lengths) and lengths[doc]]
            block_lengths = (min(in_block), max(in_block)) if in_block else (None, 0)
        values = [value for value in postings.values[start:end] if value]
        fill_block(postings_writer, ids, postings.weights[start:end], values, block_lengths)
        if end < count:
            write_block(postings_writer)
