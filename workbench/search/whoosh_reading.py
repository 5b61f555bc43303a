"""The private Whoosh names used to read a segment, each listed in PRIVATE_NAMES.

The reading side of the speed work (the writing side and the posting-block codec are in
`whoosh_internals`): a word's whole posting list read straight from the segment's postings
file by its term info (no Whoosh posting reader made for it: that reads the list's first
block and asks the terms file for the word again), each field's lengths held in memory, and
BM25F's inputs read from Whoosh's model and scorer. tests/search/test_whoosh_contract.py
fails naming each private name a new release renamed or removed, and checks that no other
module but these two uses one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import whoosh.codec.whoosh3 as whoosh3
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.columns import NumericColumn
from whoosh.filedb.filestore import FileStorage

from workbench.search.lengths import LengthList
from workbench.search.whoosh_internals import BLOCKS_MAGIC, WorkbenchCodec, block_starts

PRIVATE_NAMES: dict[str, tuple[str, ...]] = {
    "whoosh.codec.whoosh3": ("_lenfield",),
    "SegmentReader": ("_perdoc", "_terms"),
    "W3TermsReader": ("_postfile",),
    "W3PerDocReader": ("_cached_reader", "_readers"),
    "NumericColumn.Reader": ("_fixedlen", "_dbfile", "_basepos", "_count"),
    "BM25F": ("_field_B",),
    "BM25FScorer": ("_score",),
}


def _lenfield(fieldname: str) -> str:
    return str(whoosh3._lenfield(fieldname))


# -- posting lists -----------------------------------------------------------------------------


def stored_posting_list(reader: Any, fieldname: str, term: bytes) -> tuple[bytes, list[int]] | None:
    """A word's posting list in one segment as stored (deleted documents included) and where
    each block begins in it, read by the word's term info; None if the segment does not hold
    the word in blocks of our codec (a short list Whoosh keeps inline, a word it lacks, an
    index of another codec): read those through `whoosh_internals.leaf_matcher`."""
    codec = reader.codec() if hasattr(reader, "codec") else None
    postfile = getattr(getattr(reader, "_terms", None), "_postfile", None)
    if not isinstance(codec, WorkbenchCodec) or postfile is None:
        return None
    if (fieldname, term) not in reader:
        return None
    info = reader.term_info(fieldname, term)
    if info.is_inlined():
        return None
    offset, length = info.extent()
    data = postfile.get(offset, length[0] if isinstance(length, tuple) else length)
    if data[:4] != BLOCKS_MAGIC:
        raise OSError("a posting list of the search index is damaged (bad block tag)")
    return data, block_starts(data)


def segment_folder(reader: Any) -> Path | None:
    """The folder a segment's files lie in (None for an index in memory): the reader's
    storage, or for a compound segment the storage its overlay writes to (`b`)."""
    storage = reader.storage() if hasattr(reader, "storage") else None
    storage = getattr(storage, "b", storage)
    return Path(storage.folder) if isinstance(storage, FileStorage) else None


# -- field lengths and scoring -----------------------------------------------------------------


class _Lengths:
    """A segment's length column for one field, in memory (one byte per document)."""

    def __init__(self, data: bytes, documents: int) -> None:
        self._data = data
        self.decoded = LengthList(data, documents)

    def __getitem__(self, docnum: int) -> int:
        return self._data[docnum] if docnum < len(self._data) else 0


def field_lengths(reader: Any, fieldname: str) -> LengthList | None:
    """A segment's field lengths by document number, if they are held in memory."""
    per_document = getattr(reader, "_perdoc", None)
    held = getattr(per_document, "_readers", {}).get(_lenfield(fieldname))
    return held.decoded if isinstance(held, _Lengths) else None


def preload_lengths(segment_reader: Any) -> None:
    """Read each field's lengths once: the BM25F scorer asks for one per document it scores,
    and with the segment read through ordinary file reads each would be a seek and a read."""
    per_document = segment_reader._perdoc
    for fieldname in segment_reader.schema.scorable_names():
        column = per_document._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if isinstance(column, NumericColumn.Reader) and column._fixedlen == 1:
            data = column._dbfile.get(column._basepos, column._count)
            lengths = _Lengths(bytes(data), segment_reader.doc_count_all())
            per_document._readers[_lenfield(fieldname)] = lengths


def field_b(weighting: Any, fieldname: str) -> float:
    """BM25F's B for a field (its per-field override, else the model's)."""
    return float(weighting._field_B.get(fieldname, weighting.B))


def scorer_score(scorer: Any, weight: float, length: float) -> float:
    """Whoosh's BM25F formula for a word's weight in a document of this field length."""
    return float(scorer._score(weight, length))
