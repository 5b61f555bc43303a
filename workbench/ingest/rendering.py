"""Markup to paragraphs: block elements start paragraphs, line breaks stay line breaks.

Works on parsed HTML and on trafilatura's output tree (whose headings are <head>, list items
<item> and line breaks <lb>).
"""

from __future__ import annotations

import re

from lxml.etree import _Element

_BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "address", "center", "details", "summary", "body", "doc",
    "head", "item", "list", "quote", "row", "code",
}  # fmt: skip
_BREAKS = {"br", "lb"}
_CELLS = {"td", "th", "cell"}
_SKIPPED = {
    "script", "style", "noscript", "template", "svg", "math", "select", "option", "button",
    "figure", "img", "picture", "video", "audio", "iframe", "object", "embed", "graphic",
}  # fmt: skip
_SPACE = re.compile(r"\s+")
_PARAGRAPH = "\x00"


def squash(text: str) -> str:
    """Collapse white space (including line breaks) to single spaces."""
    return _SPACE.sub(" ", text).strip()


def element_paragraphs(element: _Element) -> list[str]:
    """The paragraphs of an element's text; lines inside a paragraph are kept apart."""
    pieces: list[str] = []
    _render(element, pieces)
    text = "".join(pieces)
    paragraphs = []
    for block in text.split(_PARAGRAPH):
        lines = [squash(line) for line in block.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return paragraphs


def _render(element: _Element, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    tag = tag.rsplit("}", 1)[-1].lower()
    if tag in _SKIPPED or not tag:
        _tail(element, pieces)
        return
    block = tag in _BLOCKS
    if block:
        pieces.append(_PARAGRAPH)
    if tag in _BREAKS:
        pieces.append("\n")
    if element.text:
        pieces.append(element.text.replace("\n", " "))
    for child in element:
        _render(child, pieces)
    if tag in _CELLS:
        pieces.append(" ")
    if block:
        pieces.append(_PARAGRAPH)
    _tail(element, pieces)


def _tail(element: _Element, pieces: list[str]) -> None:
    if element.tail:
        pieces.append(element.tail.replace("\n", " "))
