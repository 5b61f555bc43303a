"""Bad input: empty or blank text, no sentences, right-to-left text, a text far too long."""

from __future__ import annotations

import pytest

from workbench.assist import MAX_CHARACTERS, Suggestions, TextTooLong, suggest
from workbench.assist.sentences import sentence_spans


def test_empty_and_blank_text_propose_nothing() -> None:
    """An empty or blank text has no suggestions (and no error)."""
    assert suggest("") == Suggestions()
    assert suggest(" \n\n\t ") == Suggestions()


def test_text_without_sentences() -> None:
    """Only punctuation and numbers: no attribution, no mention."""
    found = suggest("— … 12 34 — !!! ???")
    assert found.attributions == () and found.mentions == ()


def test_right_to_left_text_keeps_offsets() -> None:
    """Hebrew and Arabic text gives no attribution; every span lies inside the text."""
    text = "אמר השר כי המצב קשה. قال الوزير إن الوضع صعب. Reuters said: “ok”."
    found = suggest(text)
    for item in found.attributions:
        assert 0 <= item.cue.start < item.cue.end <= len(text)
    assert [text[a.cue.start : a.cue.end] for a in found.attributions] == ["said"]


def test_ten_megabytes_is_refused_with_the_reason() -> None:
    """A 10 MB text is refused at once, the message saying how long it is and the limit."""
    with pytest.raises(TextTooLong, match=r"10,000,000 characters.*2,000,000"):
        suggest("x" * 10_000_000)
    assert MAX_CHARACTERS == 2_000_000


def test_sentences_are_code_point_spans() -> None:
    """sentencex's offsets are code points: emoji and RTL text do not shift them."""
    text = "😀 One said “yes.” שלום עולם. Dr. Smith left.\n\nNext"
    spans = sentence_spans(text)
    pieces = [text[span.start : span.end] for span in spans]
    assert pieces[0].startswith("😀 One said")
    assert pieces[-1] == "Next"
    assert all(piece == piece.strip() and piece for piece in pieces)
