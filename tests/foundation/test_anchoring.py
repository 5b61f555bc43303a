"""Anchors: code-point spans, UTF-16 conversion for Qt, and re-anchoring in changed text."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from workbench.domain.anchoring import (
    AnchorMethod,
    QuoteSelector,
    Span,
    Utf16Index,
    quote_selector,
    reanchor,
)

# Letters plus the hard cases: emoji (outside the BMP), combining marks, Arabic and Hebrew.
HARD_CHARACTERS = st.sampled_from(
    [
        *"abc xyz.,\n",
        *["😀", "⚖️", "👩‍🔬", "\U0001f1fa\U0001f1f8", "𝔘", "\u0301", "e\u0301", "é"],
        *"مرحبا بالعالم",
        *"שלום",
    ]
)
TEXTS = st.lists(HARD_CHARACTERS, min_size=1, max_size=80).map("".join)


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(TEXTS, st.data())
def test_utf16_positions_match_qt_counting(text: str, data: st.DataObject) -> None:
    """Code-point offsets convert to the UTF-16 positions Qt uses, and back."""
    index = Utf16Index(text)
    offset = data.draw(st.integers(0, len(text)))
    position = index.to_utf16(offset)
    assert position == _utf16_length(text[:offset])
    assert index.from_utf16(position) == offset
    assert index.utf16_length == _utf16_length(text)


@given(TEXTS, st.data())
def test_a_utf16_selection_maps_to_the_same_characters(text: str, data: st.DataObject) -> None:
    """A selection made in Qt covers the same characters once converted to code points."""
    index = Utf16Index(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = index.span_from_utf16(*index.span_to_utf16(Span(start, end)))
    assert span == Span(start, end)


def test_a_position_inside_a_surrogate_pair_widens_to_the_whole_emoji() -> None:
    """A UTF-16 position between the halves of an emoji never splits it."""
    index = Utf16Index("a😀b")
    assert index.span_from_utf16(2, 2) == Span(1, 2)


def test_offsets_after_an_emoji_title_land_on_the_claim() -> None:
    """With an emoji in the title, a claim later in the text still maps to its own words."""
    text = "😀 Title\n\nSources told Reuters that it is so."
    start = text.index("Sources")
    start16, end16 = Utf16Index(text).span_to_utf16(Span(start, start + 7))
    utf16 = text.encode("utf-16-le")
    assert utf16[start16 * 2 : end16 * 2].decode("utf-16-le") == "Sources"


def test_selector_carries_32_characters_of_context() -> None:
    """The quote selector keeps the exact text and up to 32 characters either side."""
    text = "x" * 40 + "CLAIM" + "y" * 40
    selector = quote_selector(text, Span(40, 45))
    assert selector == QuoteSelector("CLAIM", "x" * 32, "y" * 32)


def test_unchanged_text_keeps_the_position() -> None:
    """If the text did not change, the span stays where it was."""
    text = "Iran wants Russia to act. Russia waits."
    span = Span(0, 24)
    result = reanchor(span, quote_selector(text, span), text)
    assert (result.span, result.method) == (span, AnchorMethod.POSITION)


@given(
    st.lists(HARD_CHARACTERS, max_size=40).map("".join),
    st.lists(HARD_CHARACTERS, max_size=40).map("".join),
)
def test_text_inserted_before_moves_the_span_by_exact_quote(head: str, inserted: str) -> None:
    """Inserting text before a claim re-anchors it to the same words by exact quote."""
    quote = "the Kremlin confirmed the meeting"
    old = head + quote + " tail"
    span = Span(len(head), len(head) + len(quote))
    new = inserted + "\n\n" + old  # glued to its first word, it would change the word
    result = reanchor(span, quote_selector(old, span), new)
    assert result.span is not None
    assert result.span.of(new) == quote


def test_repeated_quote_is_resolved_by_its_context() -> None:
    """When the quote occurs twice, the occurrence with matching prefix/suffix is chosen."""
    old = "Moscow said: talks went well. Later Tehran said: talks went well. End."
    span = Span(old.index("talks", 20), old.index("talks", 20) + len("talks went well"))
    new = "Intro. " + old.replace("Moscow said", "Moscow's office said")
    result = reanchor(span, quote_selector(old, span), new)
    assert result.span is not None
    assert new[: result.span.start].endswith("Tehran said: ")


def test_a_lightly_edited_quote_is_found_by_fuzzy_match() -> None:
    """A quote whose wording changed a little is found again, with a score below 100."""
    old = "Intro text here. Sources told Reuters that the Iranian leadership is unhappy. Outro."
    quote = "Sources told Reuters that the Iranian leadership is unhappy."
    span = Span(old.index(quote), old.index(quote) + len(quote))
    new = old.replace("is unhappy", "was unhappy").replace("Intro", "New intro")
    result = reanchor(span, quote_selector(old, span), new)
    assert result.method == AnchorMethod.FUZZY
    assert result.span is not None
    assert result.span.of(new).startswith("Sources told Reuters")
    assert "was unhappy" in result.span.of(new)
    assert 80 <= result.score < 100


def test_a_vanished_quote_is_orphaned_not_moved() -> None:
    """A quote that no longer appears anywhere is flagged orphaned instead of misplaced."""
    old = "Putin has been cautious about Iran."
    span = Span(0, len(old))
    result = reanchor(span, quote_selector(old, span), "A different article about weather in Oslo.")
    assert result.orphaned
    assert result.method == AnchorMethod.ORPHANED


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 3)])
def test_a_span_must_run_forwards(start: int, end: int) -> None:
    """A span with a negative start or an end before its start is rejected."""
    with pytest.raises(ValueError, match="start <= end"):
        Span(start, end)


@given(TEXTS)
def test_reanchor_never_returns_a_span_outside_the_text(text: str) -> None:
    """Whatever the text, a re-anchored span lies inside it."""
    assume(len(text) >= 4)
    old = "prefix " + text + " suffix"
    span = Span(7, 7 + len(text))
    result = reanchor(span, quote_selector(old, span), text[::-1])
    if result.span is not None:
        assert 0 <= result.span.start <= result.span.end <= len(text)
