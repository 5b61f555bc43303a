"""Plain text and Markdown: the first line is the title; boilerplate lines are removed."""

from __future__ import annotations

import re
from dataclasses import replace

from workbench.ingest.dates import parse_date
from workbench.ingest.document import ExtractedDocument
from workbench.ingest.encoding import decode
from workbench.ingest.errors import ExtractionError
from workbench.ingest.normalize import clean_paragraphs

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MARKDOWN_RULES = (
    (re.compile(r"^```.*$|^~~~.*$", re.M), ""),  # code fences
    (re.compile(r"^ {0,3}([-*_])( *\1){2,} *$", re.M), ""),  # horizontal rules
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M), r"\1"),  # headings
    (re.compile(r"^ {0,3}>[ \t]?", re.M), ""),  # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.M), ""),  # list markers
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
)


def read_text(data: bytes, name: str) -> ExtractedDocument:
    """A .txt file: the first line is the title; bio boxes, ads and "Trending" tails go."""
    decoded = decode(data, name, what="a text file")
    return _document(decoded.text, name, "txt", decoded.label, data)


def read_markdown(data: bytes, name: str) -> ExtractedDocument:
    """A Markdown file: front matter gives title, author and date; markup is removed."""
    decoded = decode(data, name, what="a Markdown file")
    text, fields = _front_matter(decoded.text)
    for pattern, replacement in _MARKDOWN_RULES:
        text = pattern.sub(replacement, text)
    document = _document(text, name, "md", decoded.label, data, title=fields.get("title", ""))
    authors = tuple(a for a in [fields.get("author", "")] if a) or document.authors
    published = parse_date(fields.get("date", ""))
    return replace(document, authors=authors, published=published, url=fields.get("url", ""))


def text_document(text: str, name: str, *, format: str = "txt") -> ExtractedDocument:
    """An article from text already in memory (pasted from the clipboard)."""
    return _document(text, name, format, "utf-8 (pasted)", text.encode("utf-8"))


def _document(
    text: str, name: str, format: str, encoding: str, original: bytes, title: str = ""
) -> ExtractedDocument:
    paragraphs = _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n").replace("\r", "\n"))
    cleaned = clean_paragraphs(paragraphs, plain_text=True)
    if not cleaned.text:
        raise ExtractionError(f"{name} has no text")
    return ExtractedDocument(
        text=cleaned.text,
        title=title.strip() or cleaned.text.split("\n", 1)[0][:300],
        authors=cleaned.authors,
        format=format,
        encoding=encoding,
        extractor="workbench plain text",
        original=original,
    )


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if match is None:
        return text, {}
    fields = {}
    for line in match.group(1).splitlines():
        key, colon, value = line.partition(":")
        if colon and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return text.lstrip("\ufeff")[match.end() :], fields
