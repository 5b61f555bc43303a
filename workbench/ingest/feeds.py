"""RSS and Atom feed files: one article per entry; a broken entry does not stop the others.

The feed is parsed from its bytes only: nothing it links to is fetched, and external entities
are not resolved.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from typing import Any

from workbench.ingest.document import ExtractedDocument, FileExtraction
from workbench.ingest.encoding import binary_kind
from workbench.ingest.errors import ExtractionError
from workbench.ingest.plaintext import text_document
from workbench.ingest.webpage import read_webpage

_ENTRY_START = re.compile(rb"<(?:item|entry)[\s>]")
_HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}


def read_feed(data: bytes, name: str, path: str) -> FileExtraction:
    """Every entry of a feed as an article, with one error line for each entry that fails.

    Each article keeps as its original a feed holding only its own entry (the feed's opening,
    the entry, the closing tags), so it can be read again on its own.
    """
    feed = _parse(data, name)
    pieces = entry_pieces(data)
    entries = [(entry, "") for entry in feed.entries]
    if feed.bozo and len(feed.entries) < len(pieces):
        entries = [_parse_piece(piece) for piece in pieces]  # the damage swallowed entries
    if len(pieces) != len(entries):
        pieces = [data] * len(entries)
    documents, errors = [], []
    for number, ((entry, damage), piece) in enumerate(zip(entries, pieces, strict=True), 1):
        label = f"entry {number}" + (f" “{entry.title.strip()}”" if entry.get("title") else "")
        try:
            documents.append(_entry_document(entry, feed.feed, piece, name, label))
        except ExtractionError as error:
            errors.append(f"{name} {label}: {damage}{error}")
    return FileExtraction(path, tuple(documents), tuple(errors))


def entry_pieces(data: bytes) -> list[bytes]:
    """One small feed per <item>/<entry>: the feed's opening, that entry, the closing tags."""
    starts = [match.start() for match in _ENTRY_START.finditer(data)]
    if not starts:
        return []
    closing = b"</feed>" if b"<feed" in data[: starts[0]] else b"</channel></rss>"
    last_end = max(data.rfind(b"</channel>"), data.rfind(b"</feed>"))
    ends = [*starts[1:], last_end if last_end > starts[-1] else len(data)]
    return [
        data[: starts[0]] + data[start:end] + closing
        for start, end in zip(starts, ends, strict=True)
    ]


def _parse_piece(piece: bytes) -> tuple[Any, str]:
    """One entry parsed on its own, so one damaged entry (an unclosed CDATA section) cannot
    take the entries after it down with it; with a note of the damage, if any."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(piece), resolve_relative_uris=False)
    damage = f"is damaged ({parsed.bozo_exception}) and " if parsed.bozo else ""
    entry = parsed.entries[0] if parsed.entries else feedparser.FeedParserDict()
    return entry, damage


def _parse(data: bytes, name: str) -> Any:
    import feedparser

    if not data.strip():
        raise ExtractionError(f"{name} is empty (0 bytes)")
    kind = binary_kind(data)
    if kind is not None:
        raise ExtractionError(f"{name} is {kind}, not a feed")
    # A stream, never a string or bytes: feedparser downloads a string that looks like an
    # address and opens one that names a file.
    feed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not feed.entries:
        if feed.get("version") or feed.feed.get("title"):
            raise ExtractionError(f"{name} is a feed with no entries")
        raise ExtractionError(f"{name} is not an RSS or Atom feed")
    return feed


def _entry_document(
    entry: Any, channel: Any, data: bytes, name: str, label: str
) -> ExtractedDocument:
    body, is_html = _entry_body(entry)
    if not body.strip():
        raise ExtractionError("has no text")
    where = f"{name} {label}"
    if is_html:
        document = read_webpage(body.encode("utf-8"), where, declared="utf-8", whole_page=False)
    else:
        document = text_document(body, where)
    title = " ".join(str(entry.get("title", "")).split())
    return ExtractedDocument(
        text=document.text if not title else _titled(document.text, title),
        title=title or document.title,
        authors=_entry_authors(entry),
        published=_entry_date(entry),
        site=" ".join(str(channel.get("title", "")).split()),
        url=str(entry.get("link", "")).strip(),
        language=str(channel.get("language", "")).split("-")[0].strip().lower(),
        format="feed",
        encoding=document.encoding,
        extractor="feedparser",
        part=label,
        original=data,
    )


def _entry_body(entry: Any) -> tuple[str, bool]:
    for content in entry.get("content", []):
        if content.get("value", "").strip():
            return content["value"], content.get("type", "text/html") in _HTML_TYPES
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary", "")
    return summary, detail.get("type", "text/html") in _HTML_TYPES


def _titled(text: str, title: str) -> str:
    return text if text.split("\n", 1)[0].strip() == title else f"{title}\n\n{text}"


def _entry_authors(entry: Any) -> tuple[str, ...]:
    names = [author.get("name", "") for author in entry.get("authors", []) if author]
    names = names or [entry.get("author", "")]
    return tuple(dict.fromkeys(" ".join(str(name).split()) for name in names if name))


def _entry_date(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime(*parsed[:6])
