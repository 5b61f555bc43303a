"""Normalized article text: NFC, one blank line between paragraphs, stable content hash."""

from workbench.domain.text import content_hash, normalize_text, paragraphs


def test_paragraphs_are_separated_by_one_blank_line() -> None:
    """CRLF, runs of blank lines and trailing spaces collapse to '\\n\\n' between paragraphs."""
    raw = "Title  \r\n\r\n\r\n\r\nFirst   paragraph.\t\r\n\r\nSecond."
    assert normalize_text(raw) == "Title\n\nFirst paragraph.\n\nSecond."
    assert paragraphs(normalize_text(raw)) == ["Title", "First paragraph.", "Second."]


def test_text_is_nfc_and_invisible_characters_go() -> None:
    """Decomposed accents are composed; zero-width spaces and soft hyphens are removed."""
    assert normalize_text("Cafe\u0301 in\u200b Teh\u00adran") == "Café in Tehran"


def test_emoji_sequences_survive_normalization() -> None:
    """Emoji joined by zero-width joiners (and the seed title's ⚖️) are kept whole."""
    assert normalize_text("⚖️ Putin 👩‍🔬") == "⚖️ Putin 👩‍🔬"


def test_hash_ignores_only_formatting_differences() -> None:
    """The same words with different line endings hash alike; different words do not."""
    assert content_hash("A\r\n\r\nB") == content_hash("A\n\n\nB  ")
    assert content_hash("A\n\nB") != content_hash("A\n\nC")
