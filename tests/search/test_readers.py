"""A segment reader that remembers the words it was asked about answers as Whoosh's own does."""

from __future__ import annotations

from itertools import islice

import pytest
from whoosh.reading import SegmentReader, TermNotFound

from workbench.search.readers import WordsKeptReader
from workbench.services.search import SearchIndex

ABSENT = ("zqxjvvkq", "nosuchword")


def test_kept_answers_are_whooshs(sample_index: SearchIndex) -> None:
    """For words of every field (and words no segment holds), whether the segment holds the
    word, its document frequency, its frequency and its statistics are those of Whoosh's own
    segment reader, asked first and asked again (the kept answer)."""
    searcher = sample_index.engine._current_searcher()
    storage = sample_index.engine._index.storage
    compared = 0
    for leaf, _ in searcher.reader().leaf_readers():
        assert isinstance(leaf, WordsKeptReader)
        plain = SegmentReader(storage, leaf.schema, leaf.segment())
        try:
            for fieldname in ("body", "title", "source", "actor", "tag", "status"):
                words = [*islice(plain.lexicon(fieldname), 0, None, 3), *ABSENT]
                for _ in ("asked", "kept"):
                    for word in words:
                        assert _answers(leaf, fieldname, word) == _answers(
                            plain, fieldname, word
                        ), (fieldname, word)
                        compared += (fieldname, word) in plain
        finally:
            plain.close()
    assert compared > 100


def _answers(reader: SegmentReader, fieldname: str, word: bytes | str) -> tuple:
    held = (fieldname, word) in reader
    if not held:
        with pytest.raises(TermNotFound):
            reader.term_info(fieldname, word)
        return held, reader.doc_frequency(fieldname, word), reader.frequency(fieldname, word)
    info = reader.term_info(fieldname, word)
    statistics = (info.doc_frequency(), info.weight(), info.min_length(), info.max_weight())
    return (
        held,
        reader.doc_frequency(fieldname, word),
        reader.frequency(fieldname, word),
        statistics,
    )
