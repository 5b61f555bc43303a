"""Cutting article text into highlighted pieces: overlapping and nested claims, astral text."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from workbench.reports.highlight import highlighted_paragraphs, paragraph_ranges
from workbench.reports.model import Article, Claim


def _article(text: str, spans: list[tuple[int, int]], status: str = "unverified") -> Article:
    claims = tuple(
        Claim(
            ref=f"c{number}",
            number=number,
            start=start,
            end=end,
            exact=text[start:end],
            status=status if number != 2 else "refuted",
        )
        for number, (start, end) in enumerate(spans, start=1)
    )
    return Article(ref="a", title="t", text=text, claims=claims, published=datetime(2025, 1, 1))


def test_nested_claims_colour_by_the_innermost_and_footnote_each_end() -> None:
    """A claim inside another is coloured by its own status; both get their number at their end."""
    text = "Alpha beta gamma delta."
    article = _article(text, [(0, 22), (6, 16)])
    [pieces] = highlighted_paragraphs(article)
    assert [piece.text for piece in pieces] == ["Alpha ", "beta gamma", " delta", "."]
    assert [piece.status for piece in pieces] == ["unverified", "refuted", "unverified", None]
    assert [piece.ends for piece in pieces] == [(), (2,), (1,), ()]
    assert pieces[1].overlapping and not pieces[0].overlapping


def test_crossing_claims_split_into_three_runs() -> None:
    """Two claims that overlap without nesting give one shared run marked as overlapping."""
    text = "one two three four"
    [pieces] = highlighted_paragraphs(_article(text, [(0, 13), (4, 18)]))
    assert [(p.text, [c.number for c in p.claims]) for p in pieces] == [
        ("one ", [1]),
        ("two three", [1, 2]),
        (" four", [2]),
    ]


def test_text_outside_the_basic_multilingual_plane_keeps_code_point_offsets() -> None:
    """An emoji before a claim does not shift the highlight (offsets count code points)."""
    text = "😀🇺🇦 Claim here. Rest."
    start = text.index("Claim")
    [pieces] = highlighted_paragraphs(_article(text, [(start, start + len("Claim here."))]))
    assert [piece.text for piece in pieces] == ["😀🇺🇦 ", "Claim here.", " Rest."]


def test_claim_across_paragraphs_is_highlighted_in_both_and_numbered_once() -> None:
    """A claim running over a paragraph break is cut at the break and footnoted at its end."""
    text = "First part.\n\nSecond part."
    paragraphs = highlighted_paragraphs(_article(text, [(6, 19)]))
    assert [[p.text for p in paragraph] for paragraph in paragraphs] == [
        ["First ", "part."],
        ["Second", " part."],
    ]
    assert [p.ends for paragraph in paragraphs for p in paragraph] == [(), (), (1,), ()]


def test_a_claim_whose_quote_is_gone_is_not_highlighted() -> None:
    """An orphaned claim, or one whose offsets no longer hold its quote, colours nothing."""
    text = "Some words here."
    claim = Claim(ref="x", number=1, start=0, end=4, exact="Other", orphaned=False)
    article = Article(ref="a", title="t", text=text, claims=(claim,))
    [pieces] = highlighted_paragraphs(article)
    assert [(p.text, p.claims) for p in pieces] == [("Some words here.", ())]


spans = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=6)


@given(
    text=st.text(alphabet=st.sampled_from("ab \n😀é"), min_size=1, max_size=40),
    raw=spans,
)
def test_pieces_always_rebuild_the_paragraphs_and_number_each_claim_once(
    text: str, raw: list[tuple[int, int]]
) -> None:
    """Whatever the spans, pieces spell the paragraphs; each visible claim is numbered once."""
    pairs = [(s, min(len(text), s + w)) for s, w in raw if s < len(text)]
    article = _article(text, pairs)
    paragraphs = highlighted_paragraphs(article)
    spelled = ["".join(p.text for p in paragraph) for paragraph in paragraphs]
    assert spelled == [text[s:e] for s, e in paragraph_ranges(text)]
    numbers = [n for paragraph in paragraphs for p in paragraph for n in p.ends]
    inside = [
        c.number
        for c in article.claims
        if any(s < c.end and c.start < e for s, e in paragraph_ranges(text))
    ]
    assert len(numbers) == len(set(numbers))
    assert set(inside) <= set(numbers)


def test_paragraphs_are_cut_at_each_blank_line_from_the_left() -> None:
    """A run of line breaks is cut two at a time from the left: a third break opens the next
    paragraph, empty paragraphs are dropped, and the text around them is kept."""
    assert paragraph_ranges("a\n\n\nb\n\n\n\nc") == [(0, 1), (3, 5), (9, 10)]
    assert paragraph_ranges("a\n\n\n\n\nb") == [(0, 1), (5, 7)]
    assert paragraph_ranges("\n\nx\n\n") == [(2, 3)]
    assert paragraph_ranges("\n\n\n") == [(2, 3)]
    assert paragraph_ranges("") == []
