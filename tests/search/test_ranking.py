"""The best hits by whole posting lists are Whoosh's own: the same documents, the same scores."""

from __future__ import annotations

import struct
from itertools import islice
from pathlib import Path

import pytest
from whoosh.fields import TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from workbench.search import ranking
from workbench.search.blocks import (
    ALL_ONE,
    CONSTANT,
    FREQUENCIES,
    HEADER,
    Block,
    encode_block,
)
from workbench.search.matching import matching_documents
from workbench.search.postings import (
    CACHE_BYTES,
    _at_once,
    forget_kept,
    kept_bytes,
    weighted_postings,
)
from workbench.search.query import parse_query
from workbench.search.ranking import best_hits, ranked
from workbench.search.whoosh_internals import BLOCKS_MAGIC, leaf_matcher, posting_weights
from workbench.services import Project
from workbench.services.annotations import add_tag
from workbench.services.search import SearchIndex

QUERIES = (
    "Iran",
    "Russia support",
    "Kremlin OR Araqchi",
    '"told Reuters"',
    "Iran AND NOT Kremlin",
    "(source:Reuters OR source:Kremlin) status:unverified",
    "title:Putin^3 OR strike",
    "actor:Khamenei",
    "Kremlni~ Russia",
    "source:Reuetrs~",
)


@pytest.mark.parametrize("dense", [0, 10**9], ids=["ORs-sorted", "ORs-in-dense-slots"])
def test_best_hits_are_whooshs(
    sample_index: SearchIndex, dense: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """For each query form analysts type, the top 20 documents and their scores equal those of
    Whoosh's own collector and BM25F scorer, with and without a filter, over two segments (an
    edit replaced a document: one deleted in the first segment, one new in the second); ORs
    added up by sorting their postings and in a slot per document alike."""
    monkeypatch.setattr(ranking, "_DENSE", dense)
    add_tag(sample_index.project, "claim", 1, "ranking check")
    assert sample_index.search("tag:ranking").total == 1
    searcher = sample_index.engine._current_searcher()
    assert len(searcher.leaf_searchers()) == 2
    plain = Searcher(searcher.reader(), weighting=BM25F(), closereader=False)
    allowed = matching_documents(searcher, parse_query("status:unverified"))
    for text in QUERIES:
        query = parse_query(text)
        for restriction in (None, allowed):
            ours = best_hits(searcher, query, 20, restriction)
            assert ours is not None, text
            theirs = plain.search(query, limit=20, filter=restriction)
            assert [doc for doc, _ in ours] == [hit.docnum for hit in theirs], text
            assert [round(s, 4) for _, s in ours] == [round(h.score, 4) for h in theirs], text
            assert ours or restriction is not None, text


def test_other_queries_are_left_to_whoosh(sample_index: SearchIndex) -> None:
    """A wildcard is not ranked here; the index still finds it, via Whoosh."""
    searcher = sample_index.engine._current_searcher()
    assert best_hits(searcher, parse_query("nucl*"), 10) is None
    assert sample_index.search("nucl*").total > 0


def test_every_match_is_whooshs(sample_index: SearchIndex) -> None:
    """The matches ranking hands on for the total and the facets are exactly the documents
    Whoosh's own matchers find, for each query form, with and without a filter, over two
    segments with a deletion."""
    add_tag(sample_index.project, "claim", 1, "ranking check")
    assert sample_index.search("tag:ranking").total == 1
    searcher = sample_index.engine._current_searcher()
    allowed = matching_documents(searcher, parse_query("status:unverified"))
    for text in QUERIES:
        query = parse_query(text)
        whooshs = set(searcher.docs_for_query(query))
        for restriction in (None, allowed):
            found = ranked(searcher, query, 5, restriction)
            assert found is not None, text
            expected = whooshs if restriction is None else whooshs & restriction
            assert found.matched.tolist() == sorted(expected), text
            assert sample_index.search(text, limit=5).total == len(whooshs), text


def test_posting_arrays_are_the_block_readers(news_project: Project) -> None:
    """Every word's ids and weights decoded at once (numpy), and as kept for the next search,
    equal those the posting reader gives a block at a time (every ninth word of the text,
    source and tag fields of 300 generated articles); what is kept stays within its bound."""
    index = SearchIndex.open(news_project)
    forget_kept()
    try:
        compared = 0
        for _ in ("decoded", "kept"):
            for reader, _ in index.engine._current_searcher().reader().leaf_readers():
                for fieldname in ("body", "source", "tag"):
                    for term in islice(reader.lexicon(fieldname), 0, None, 9):
                        ids, weights = weighted_postings(reader, fieldname, term)
                        expected = posting_weights(leaf_matcher(reader, fieldname, term))
                        assert (ids.tolist(), weights.tolist()) == expected, (fieldname, term)
                        compared += len(ids) > 1
        assert compared > 300
        assert 0 < kept_bytes() <= CACHE_BYTES
    finally:
        index.close()


def test_blocks_decoded_at_once_are_the_block_readers() -> None:
    """A posting list of blocks with 16- and 32-bit id gaps and every packing of weights (all
    one, one constant, counts times a scale) decodes at once to what each block reads."""
    blocks = [
        ([3, 9, 40], [1.0, 1.0, 1.0]),
        ([70_000, 70_003, 200_000], [2.5, 2.5, 2.5]),
        ([200_001, 200_500], [1.5, 4.5]),
        ([300_000, 400_000, 400_001], [2.0, 6.0, 4.0]),
    ]
    data = bytearray(BLOCKS_MAGIC)
    for number, (ids, weights) in enumerate(blocks):
        encoded = encode_block(ids, weights, [], (1, 9), max(weights))
        last = number == len(blocks) - 1
        data += struct.pack("!i", -len(encoded) if last else len(encoded)) + encoded
    starts, at = [], len(BLOCKS_MAGIC)
    for _ in blocks:
        (length,) = struct.unpack_from("!i", data, at)
        starts.append(at + 4)
        at += 4 + abs(length)
    found = _at_once(bytes(data), starts)
    assert found is not None
    readers = [Block(bytes(data[start:])) for start in starts]
    assert found[0].tolist() == [doc for block in readers for doc in block.ids()]
    assert found[1].tolist() == [weight for block in readers for weight in block.weights()]
    assert found[0].tolist() == [doc for ids, _ in blocks for doc in ids]
    packings = [HEADER.unpack_from(data, start)[6] for start in starts]
    wide = [HEADER.unpack_from(data, start)[5] for start in starts]
    assert packings == [ALL_ONE, CONSTANT, FREQUENCIES, FREQUENCIES]
    assert wide == [b"H", b"I", b"I", b"I"]


def test_posting_lists_of_whooshs_own_codec_are_read_by_its_reader(tmp_path: Path) -> None:
    """A segment Whoosh's own codec wrote (no blocks of ours) still gives each word's ids and
    weights, read through Whoosh's posting reader rather than as our stored blocks."""
    index = FileStorage(str(tmp_path)).create().create_index(Schema(text=TEXT))
    writer = index.writer()
    for text in ("red green", "green", "green green blue"):
        writer.add_document(text=text)
    writer.commit()
    with index.reader() as reader:
        ids, weights = weighted_postings(reader, "text", b"green")
    assert (ids.tolist(), weights.tolist()) == ([0, 1, 2], [1.0, 1.0, 2.0])


def test_scores_at_once_are_the_scorers_own(sample_index: SearchIndex) -> None:
    """Every posting of every word of the shown fields, scored all at once (numpy, in place),
    has exactly the score the scorer gives that document alone, to the last bit."""
    searcher = sample_index.engine._current_searcher()
    compared = 0
    for leaf, _ in searcher.leaf_searchers():
        reader = leaf.reader()
        for fieldname in ("body", "title", "summary"):
            for term in reader.lexicon(fieldname):
                scorer = leaf.weighting.scorer(leaf, fieldname, term)
                ids, weights = weighted_postings(reader, fieldname, term)
                at_once = scorer.scores_of(ids, weights).tolist()
                alone = [
                    scorer.score_of(doc, weight)
                    for doc, weight in zip(ids.tolist(), weights.tolist(), strict=True)
                ]
                assert at_once == alone, (fieldname, term)
                compared += len(ids)
    assert compared > 400
