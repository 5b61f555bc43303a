"""The escaping of markup written as text (DOCX body, REFI-QDA project) is lxml's own, and
analyst text written so stays text when the XML is read back."""

from __future__ import annotations

import pytest
from lxml import etree

from workbench.reports.safe_text import has_unsafe, xml_safe
from workbench.reports.xml_text import attribute, safe_attribute, safe_text, text

EVERY_ASCII = "".join(chr(code) for code in range(0x80))
HOSTILE = [
    "</w:t></w:r><w:r><w:t>INJECTED",
    '"/><Injected a="1',
    "<![CDATA[x]]> &amp; &#x41; <!-- c --> <?pi?>",
    "line\r\nnext\ttab  spaced ",
    "🛰️ Ünïcode — “quoted” ’",
    EVERY_ASCII,
]


def _lxml(value: str) -> tuple[bytes, bytes]:
    element = etree.Element("e", a=value)
    element.text = value
    written = etree.tostring(element, encoding="utf-8")
    start, _, rest = written.partition(b">")
    return start[len(b'<e a="') : -1], rest[: -len(b"</e>")]


@pytest.mark.parametrize("value", [xml_safe(value) for value in HOSTILE])
def test_text_and_attributes_are_escaped_byte_for_byte_as_lxml_does(value: str) -> None:
    """Every ASCII character, markup, entities, CR/LF/tab and emoji come out as lxml writes."""
    in_attribute, in_text = _lxml(value)
    assert text(value).encode("utf-8") == in_text
    assert attribute(value).encode("utf-8") == in_attribute


@pytest.mark.parametrize("value", [xml_safe(value) for value in HOSTILE])
def test_escaped_text_reads_back_as_the_same_text(value: str) -> None:
    """A parser gives back exactly the text and attribute value written: nothing became markup."""
    read = etree.fromstring(f'<e a="{attribute(value)}">{text(value)}</e>'.encode())
    assert len(read) == 0
    assert read.text == (value or None)
    assert read.get("a") == value


@pytest.mark.parametrize("value", [*HOSTILE, "plain words", "6f1d6d0e-7c43-4b8e-9a53-1f2a4b0c9e11"])
def test_the_one_scan_shortcuts_drop_and_escape_as_the_two_steps_do(value: str) -> None:
    """`safe_text` and `safe_attribute` give what xml_safe then escaping gives, however the
    value looks (controls, lone surrogates, markup, or nothing to change)."""
    for hostile in (value, f"\x00{value}\ud800", f"{value}\x1b\ufffe"):
        assert safe_text(hostile) == text(xml_safe(hostile))
        assert safe_attribute(hostile) == attribute(xml_safe(hostile))


def test_every_character_xml_safe_drops_is_one_str_isprintable_refuses() -> None:
    """The shortcut for printable text skips nothing xml_safe would drop: of every code point,
    xml_safe keeps all that are printable (and drops some that are not)."""
    printable = "".join(c for c in map(chr, range(0x110000)) if c.isprintable())
    assert not has_unsafe(printable)
    assert xml_safe("\x00\x1b\ud800\uffff") == ""


def test_the_only_printable_space_is_the_ascii_space() -> None:
    """The DOCX run keeps the spaces of printable text by looking for " " alone at its ends:
    no other code point is both a space (str.isspace) and printable."""
    spaces = [character for character in map(chr, range(0x110000)) if character.isspace()]
    assert [space for space in spaces if space.isprintable()] == [" "]
