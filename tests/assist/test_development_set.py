"""The annotated set: it still fits the texts the importer extracts, and the rules score on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.bench.assist import engine
from workbench.bench.assist_set import ANNOTATIONS, LoadedSet, corpus_present, load_set, scores


@pytest.fixture(scope="module")
def loaded(corpus: Path) -> LoadedSet:
    if not corpus_present():
        pytest.skip(f"the annotated set or the corpus is missing ({ANNOTATIONS})")
    return load_set()


def test_annotations_fit_the_extracted_texts(loaded: LoadedSet) -> None:
    """Every annotated text extracts to the text its offsets were made for (same hash)."""
    assert loaded.changed == ()
    assert len(loaded.texts) == len(json.loads(ANNOTATIONS.read_text(encoding="utf-8"))["texts"])


def test_set_size_and_split(loaded: LoadedSet) -> None:
    """At least 300 attributions, with a held-out part on texts of its own."""
    held_out = {item.file for item in loaded.texts if item.split == "held-out"}
    development = {item.file for item in loaded.texts if item.split == "development"}
    assert sum(item.count for item in loaded.texts) >= 300
    assert held_out and development and not held_out & development


def test_each_annotated_span_is_words_of_its_text(loaded: LoadedSet) -> None:
    """Each annotated cue, source and content covers words of its text, not blanks."""
    for item in loaded.texts:
        for spans in item.spans.values():
            for span in spans:
                assert 0 <= span.start < span.end <= len(item.text)
                assert item.text[span.start : span.end].strip(), (item.file, span)


def test_scores_on_held_out_text(loaded: LoadedSet) -> None:
    """On the held-out texts: source F1 ≥ 0.70 and content ≥ 0.65 (the targets), cue ≥ 0.78."""
    held_out = [item for item in loaded.texts if item.split == "held-out"]
    found = scores(held_out, engine)
    assert found["source"].f1 >= 0.70
    assert found["content"].f1 >= 0.65
    assert found["cue"].f1 >= 0.78
