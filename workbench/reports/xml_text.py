"""Text and attribute values escaped for XML written as text (the streamed DOCX body, the
REFI-QDA project), exactly as lxml escapes them when it serialises a tree, so markup written
from templates is byte for byte what lxml wrote from elements.

Element content: `&`, `<`, `>` and a carriage return (which a parser would otherwise read as
a newline). A double-quoted attribute: those, the double quote, and tab and newline (which a
parser would otherwise read as spaces). Nothing else changes; the characters XML 1.0 forbids
are dropped before, by `safe_text.xml_safe`.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

_TEXT_ENTITIES = {"\r": "&#13;"}
_ATTRIBUTE_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\t": "&#9;", "\n": "&#10;"}


def text(value: str) -> str:
    """`value` as element content: markup characters escaped, nothing else changed."""
    return escape(value, _TEXT_ENTITIES)


def attribute(value: str) -> str:
    """`value` as the text of a double-quoted attribute."""
    return escape(value, _ATTRIBUTE_ENTITIES)
