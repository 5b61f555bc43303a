"""Selections snapped to whole words, and typed words found in an article's text."""

from __future__ import annotations

import pytest

from workbench.domain.anchoring import Span
from workbench.domain.selection import find_words, snap_to_words

SEED = (
    "Moscow has not helped. Sources told Reuters that the Iranian leadership is not happy "
    "with Russia’s actions so far. Tehran asked for more."
)


def _snapped(text: str, rough: str, start_in: int = 0) -> str:
    start = text.index(rough, start_in)
    return snap_to_words(text, Span(start, start + len(rough))).of(text)


def test_a_rough_selection_becomes_the_whole_sentence_with_its_full_stop() -> None:
    """Starting inside “Sources” and ending inside “far” marks the sentence and its period."""
    assert _snapped(
        SEED,
        "urces told Reuters that the Iranian leadership is not happy with Russia’s actions so fa",
    ) == (
        "Sources told Reuters that the Iranian leadership is not happy with Russia’s actions "
        "so far."
    )


def test_a_comma_after_the_last_word_is_left_out() -> None:
    """Only sentence-final punctuation is taken; a clause's comma is not."""
    text = "He said the talks failed, officials added."
    assert _snapped(text, "talks fai") == "talks failed"


def test_an_apostrophe_inside_a_word_keeps_it_whole() -> None:
    """Ending the selection in “Russia” takes “Russia’s”, not “Russia”."""
    assert _snapped(SEED, "with Russ") == "with Russia’s"


def test_white_space_around_the_selection_is_dropped() -> None:
    """Spaces selected by a sloppy drag are not part of the claim."""
    assert _snapped(SEED, " Tehran asked ") == "Tehran asked"


def test_a_closing_quote_is_taken_only_when_the_selection_opened_it() -> None:
    """“No deal.” keeps its closing quote; a quote the selection never opened is left."""
    text = "He said “no deal.” Then he left.” Really."
    assert _snapped(text, "“no dea") == "“no deal.”"
    assert _snapped(text, "Then he le") == "Then he left."


def test_combining_marks_are_never_cut_from_their_letter() -> None:
    """A decomposed accent (e + U+0301) belongs to its word at either edge."""
    text = "the Ame\u0301rica\u0301 case"
    start = text.index("me")
    snapped = snap_to_words(text, Span(start, start + 1))
    assert snapped.of(text) == "Ame\u0301rica\u0301"


def test_an_emoji_with_modifiers_or_joiners_stays_whole() -> None:
    """Ending inside a family emoji or a flag takes the whole emoji, never half of it."""
    text = "🇮🇷 Iran warns 👨‍👩‍👧 families today"
    family = text.index("👨")
    assert snap_to_words(text, Span(text.index("Iran"), family + 2)).of(text) == (
        "Iran warns 👨‍👩‍👧"
    )
    assert snap_to_words(text, Span(1, 7)).of(text) == "🇮🇷 Iran"


def test_an_empty_selection_is_left_as_it_is() -> None:
    """Nothing selected stays nothing selected (the caller then says so)."""
    assert snap_to_words(SEED, Span(5, 5)) == Span(5, 5)
    with pytest.raises(ValueError, match="outside"):
        snap_to_words("short", Span(0, 50))


def test_typed_words_find_typographic_quotes_and_any_case() -> None:
    """Typing "russia's actions" with a straight quote finds “Russia’s actions”."""
    found = find_words(SEED, "russia's   ACTIONS")
    assert found is not None and found.of(SEED) == "Russia’s actions"


def test_finding_again_moves_on_and_wraps_round() -> None:
    """From after the first match the next one is found, then the first again."""
    text = "Iran said. Iran denied."
    first = find_words(text, "iran")
    assert first == Span(0, 4)
    second = find_words(text, "iran", first.end)
    assert second == Span(11, 15)
    assert find_words(text, "iran", second.end) == Span(0, 4)
    assert find_words(text, "Moscow") is None
    assert find_words(text, "   ") is None
