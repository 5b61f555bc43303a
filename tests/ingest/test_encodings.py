"""Encodings: byte-order mark, then declared charset, then detection; never silently wrong."""

from __future__ import annotations

import pytest

from workbench.ingest import ExtractionError
from workbench.ingest.encoding import decode
from workbench.ingest.plaintext import read_text
from workbench.ingest.webpage import read_webpage

FRENCH = "Le président a déclaré que les négociations à Genève reprendraient « bientôt »."


def _page(body: str, charset: str = "") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>Genève</title></head><body><p>{body}</p></body></html>"


def test_declared_latin1_page_is_read_as_windows_1252() -> None:
    """A page declaring ISO-8859-1 is decoded as the web does (Windows-1252), accents intact."""
    page = _page(FRENCH + " Prix : 5 €.", "iso-8859-1").encode("cp1252")
    document = read_webpage(page, "geneve.html", whole_page=False)
    assert FRENCH in document.text and "5 €" in document.text
    assert document.encoding == "cp1252 (declared)"


def test_page_declaring_latin1_but_written_in_utf8_is_read_as_utf8() -> None:
    """A wrong Latin-1 declaration on UTF-8 bytes does not turn "é" into "Ã©"."""
    page = _page(FRENCH, "iso-8859-1").encode("utf-8")
    text = read_webpage(page, "geneve.html", whole_page=False).text
    assert FRENCH in text and "Ã" not in text


def test_byte_order_mark_wins() -> None:
    """A UTF-16 file with its byte-order mark is read as UTF-16."""
    data = ("Genève\n\n" + FRENCH).encode("utf-16")
    assert read_text(data, "g.txt").text == "Genève\n\n" + FRENCH


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_recognised(codec: str) -> None:
    """UTF-16 without a byte-order mark is told from the pattern of zero bytes, not mangled."""
    data = ("Genève talks\n\n" + FRENCH).encode(codec)
    decoded = decode(data, "g.txt")
    assert decoded.text == "Genève talks\n\n" + FRENCH
    assert decoded.encoding == codec


def test_legacy_encoding_is_detected_when_undeclared() -> None:
    """An undeclared Windows-1252 text with accents is detected, not refused or mangled."""
    data = (FRENCH + "\n\n" + FRENCH.replace("Genève", "Montréal")).encode("cp1252") * 3
    decoded = decode(data, "legacy.txt")
    assert decoded.text.startswith(FRENCH)
    assert decoded.how == "detected"


def test_damaged_utf8_is_refused_with_the_position() -> None:
    """UTF-8 with a broken byte is refused (naming the byte), never decoded as Latin-1."""
    data = ("Genève " * 20).encode("utf-8") + b"\xff broken " + "Zürich".encode()
    with pytest.raises(ExtractionError, match=r"not valid UTF-8: byte 0xff at position 160"):
        decode(data, "broken.txt")


def test_declared_utf8_that_is_not_is_refused() -> None:
    """A page that says UTF-8 but holds other bytes is refused with the offending byte."""
    page = _page(FRENCH, "utf-8").encode("cp1252")
    with pytest.raises(
        ExtractionError, match=r"says it is utf-8 but is not: byte 0xe8 at position 44"
    ):
        read_webpage(page, "liar.html", whole_page=False)
