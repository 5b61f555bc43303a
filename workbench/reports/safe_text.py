"""The one rule every document format applies to the analyst's text on the way out: characters
XML 1.0 cannot carry (NUL and the other C0 controls but tab, newline and carriage return; lone
surrogates; U+FFFE and U+FFFF) are dropped.

An ESC in an e-mail's Subject or a NUL in a pasted quote would otherwise crash the DOCX writer,
make a CSV that spreadsheet apps refuse, or put invalid characters in HTML and PDF. HTML (Jinja's
`finalize`), Markdown (`escape`), PDF (paragraph markup), DOCX (every run and cell) and CSV
(every cell) all call `xml_safe`; JSON-LD needs no such rule, since JSON escapes every control
character and so carries the text exactly for a lossless round trip.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """The text without the characters XML 1.0 forbids (everything else kept as it is)."""
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text


def has_unsafe(text: str) -> bool:
    """Whether `xml_safe` would drop anything from the text (one scan for many cells joined)."""
    return _NOT_XML.search(text) is not None


class XmlSafeMarkup(Markup):
    """HTML whose every piece of the analyst's text was made XML-safe as it was built
    (`html_blocks`), which `finalize` prints as it is instead of scanning it all again."""

    __slots__ = ()


def finalize(value: Any) -> Any:
    """Jinja's `finalize`: every string a template prints is made XML-safe first (but HTML
    built safe already, `XmlSafeMarkup`)."""
    if isinstance(value, str) and not isinstance(value, XmlSafeMarkup):
        return xml_safe(value)
    return value
