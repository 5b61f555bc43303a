"""Fuzzy words find what Whoosh's own fuzzy term finds, and a typo still finds its claim."""

from __future__ import annotations

from whoosh.reading import IndexReader

from tests.search.conftest import keys
from workbench.search.fuzzy import near_words
from workbench.services.search import SearchIndex

TYPOS = ["Khamenie", "Reuetrs", "nucelar", "Putni", "kremlin", "Tehrna", "sanctoins", "ali"]


def test_near_words_are_whooshs_own(sample_index: SearchIndex) -> None:
    """For typos at distance 1 and 2, the words found are exactly those of Whoosh's reference
    `IndexReader.terms_within` (Damerau–Levenshtein, as documented; the W3 segment reader's
    automaton counts a swap of two letters as two edits, so `Khamenie~` missed Khamenei);
    asked again, the words kept from the first time are the same."""
    compared = 0
    with sample_index.engine.reading() as reader:
        for _ in ("found", "kept"):
            for leaf, _ in reader.leaf_readers():
                for field in ("body", "actor", "source", "title"):
                    for typo in TYPOS:
                        word = typo.lower()
                        for distance in (1, 2):
                            ours = near_words(leaf, field, word, distance, 1)
                            whooshs = IndexReader.terms_within(leaf, field, word, distance, 1)
                            assert ours == sorted(whooshs), (field, word, distance)
                            compared += bool(ours)
    assert compared >= 20  # the typos do find words, so the comparison is not empty


def test_a_misspelt_name_finds_the_claim(sample_index: SearchIndex) -> None:
    """`source:Reuetrs~` (a typo) finds the claim Reuters reported, with its snippet."""
    results = sample_index.search("source:Reuetrs~")
    assert ("claim", 1) in keys(results)
    assert results.total >= 1
