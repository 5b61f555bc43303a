"""Normalizing article text twice gives what normalizing it once gives (the exchange import
normalizes text the export wrote, already normalized: a second pass must change nothing)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.domain.text import normalize_text

# Characters the normalizer treats specially, beside letters and combining accents.
AWKWARD = "e\u0301\u0327\u0308a\x01\x1f\x7f\u200b\u00ad\u200d\ufeff \t\n\r\u00a0\u2000\u2001"


def test_a_control_character_between_a_letter_and_its_accent() -> None:
    """e, a control character, a combining acute: the accent lands on the e, composed, once."""
    once = normalize_text("Cafe\x01\u0301 and e\u00ad\u0301")
    assert once == "Café and é"
    assert normalize_text(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=AWKWARD, max_size=24))
def test_normalizing_twice_changes_nothing(text: str) -> None:
    """Any mix of letters, accents, controls, invisible characters and white space: the
    normalized text is NFC and a second normalization leaves it as it is."""
    once = normalize_text(text)
    assert unicodedata.is_normalized("NFC", once)
    assert normalize_text(once) == once
