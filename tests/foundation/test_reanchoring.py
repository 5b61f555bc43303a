"""Fuzzy re-anchoring: whole words at the boundaries, and no place without a clear margin."""

from __future__ import annotations

from workbench.domain.anchoring import AnchorMethod, Span, quote_selector, reanchor

OLD = (
    "Intro text here. Sources told Reuters that the Iranian leadership is unhappy with the"
    " talks. Outro paragraph follows here."
)
QUOTE = "Sources told Reuters that the Iranian leadership is unhappy with the talks."
SPAN = Span(OLD.index(QUOTE), OLD.index(QUOTE) + len(QUOTE))


def _placed(new: str) -> str | None:
    result = reanchor(SPAN, quote_selector(OLD, SPAN), new)
    return result.span.of(new) if result.span is not None else None


def test_a_quote_that_began_a_word_is_placed_from_a_word_start() -> None:
    """ "Three sources told Reuters…" places the quote from "sources", never "ources"."""
    new = OLD.replace("Intro text here. Sources", "Intro text here. Three sources")
    assert (
        _placed(new)
        == "sources told Reuters that the Iranian leadership is unhappy with the talks."
    )


def test_a_fuzzy_place_starts_and_ends_without_stray_spaces() -> None:
    """A typo fix inside the quote and a new opening: the place is the sentence exactly."""
    new = OLD.replace("unhappy", "unhapy").replace("Intro text here.", "Brand new opening.")
    placed = _placed(new)
    assert placed == "Sources told Reuters that the Iranian leadership is unhapy with the talks."


def test_two_look_alike_paragraphs_leave_the_quote_orphaned() -> None:
    """When the quoted paragraph went and two similar ones remain, neither is chosen: a
    wrong place is worse than none."""
    old = "Para one about weather.\n\nSources told Reuters that the Iranian leadership is unhappy."
    quote = "Sources told Reuters that the Iranian leadership is unhappy."
    span = Span(old.index(quote), old.index(quote) + len(quote))
    new = (
        "Para one about weather.\n\nSources told Reuters that the Russian leadership is unhappy."
        "\n\nMore.\n\nSources told Reuters that the Iraqi leadership is unhappy."
    )
    result = reanchor(span, quote_selector(old, span), new)
    assert result.method == AnchorMethod.ORPHANED and result.span is None


FILLER = "\n\n".join(f"Paragraph {n} says little about anything in particular." for n in range(300))


def test_in_a_long_text_a_changed_quote_is_found_where_its_words_are() -> None:
    """In a text of many paragraphs, a quote with a typo fixed is placed on its sentence."""
    old = FILLER + "\n\n" + QUOTE + "\n\n" + FILLER
    span = Span(len(FILLER) + 2, len(FILLER) + 2 + len(QUOTE))
    fixed = QUOTE.replace("leadership", "leadershp")
    new = "A new first line.\n\n" + old.replace(QUOTE, fixed)
    result = reanchor(span, quote_selector(old, span), new)
    assert result.span is not None and result.span.of(new) == fixed


def test_in_a_long_text_two_look_alikes_leave_the_quote_orphaned() -> None:
    """Far apart in a long text, two sentences like the vanished quote: neither is chosen."""
    old = FILLER + "\n\n" + QUOTE + "\n\n" + FILLER
    span = Span(len(FILLER) + 2, len(FILLER) + 2 + len(QUOTE))
    first = QUOTE.replace("Iranian", "Russian")
    second = QUOTE.replace("Iranian", "Iraqi")
    new = first + "\n\n" + FILLER + "\n\n" + FILLER + "\n\n" + second
    assert reanchor(span, quote_selector(old, span), new).orphaned
