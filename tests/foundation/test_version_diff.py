"""The diff between versions loses nothing: its pieces rebuild both the old and the new text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.services.version_diff import Change, word_diff

WORDS = st.sampled_from(["Iran", "talks", "ended", "the", "😀", "said", ".", ",", "Oman"])
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
TEXT = st.lists(PARAGRAPH, min_size=1, max_size=6).map("\n\n".join)


@settings(max_examples=60, deadline=None)
@given(TEXT, TEXT)
def test_the_pieces_rebuild_both_texts(old: str, new: str) -> None:
    """Without the deleted pieces it is the new text; without the inserted, the old one."""
    pieces = word_diff(old, new)
    assert "".join(p.text for p in pieces if p.change != Change.DELETED) == new
    assert "".join(p.text for p in pieces if p.change != Change.INSERTED) == old


def test_every_paragraph_edited_is_compared_paragraph_by_paragraph() -> None:
    """A typo fixed in each paragraph shows as that word alone, never a whole paragraph."""
    old = "\n\n".join(f"Paragraph {n} says teh talks ended." for n in range(50))
    pieces = word_diff(old, old.replace("teh", "the"))
    assert {p.text for p in pieces if p.change == Change.DELETED} == {"teh"}
    assert {p.text for p in pieces if p.change == Change.INSERTED} == {"the"}
