"""Text and attribute values escaped for XML written as text (the streamed DOCX body, the
REFI-QDA project), exactly as lxml escapes them when it serialises a tree, so markup written
from templates is byte for byte what lxml wrote from elements.

Element content: `&`, `<`, `>` and a carriage return (which a parser would otherwise read as
a newline). A double-quoted attribute: those, the double quote, and tab and newline (which a
parser would otherwise read as spaces). Nothing else changes; the characters XML 1.0 forbids
are dropped before, by `safe_text.xml_safe` (`safe_text` and `safe_attribute` do both).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from workbench.reports.safe_text import xml_safe

_TEXT_ENTITIES = {"\r": "&#13;"}
_ATTRIBUTE_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\t": "&#9;", "\n": "&#10;"}


def text(value: str) -> str:
    """`value` as element content: markup characters escaped, nothing else changed."""
    if "&" in value or "<" in value or ">" in value or "\r" in value:
        return escape(value, _TEXT_ENTITIES)
    return value


def attribute(value: str) -> str:
    """`value` as the text of a double-quoted attribute."""
    if value.isprintable() and not ("&" in value or "<" in value or ">" in value):
        return value.replace('"', "&quot;")  # nothing else to escape
    return escape(value, _ATTRIBUTE_ENTITIES)


def safe_text(value: str) -> str:
    """`text(xml_safe(value))`, without the scan for forbidden characters when `value` is
    all printable (`str.isprintable`: no control character, surrogate or non-character)."""
    return text(value) if value.isprintable() else text(xml_safe(value))


def safe_attribute(value: str) -> str:
    """`attribute(xml_safe(value))`, as quickly for printable text."""
    return attribute(value) if value.isprintable() else attribute(xml_safe(value))
