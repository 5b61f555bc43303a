"""What every reader returns: the article text and metadata found in one document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class ExtractedDocument:
    """One article as read from a file, before it is stored.

    `text` is normalized (paragraphs separated by a blank line); `original` holds the bytes it
    was read from, so it can be extracted again later; `part` names the entry of a file that
    holds several articles (a feed), and is empty otherwise.
    """

    text: str
    title: str = ""
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    site: str = ""
    url: str = ""
    urls: tuple[str, ...] = ()  # every address the page gives for itself (canonical, og:url)
    language: str = ""
    format: str = ""
    encoding: str = ""
    extractor: str = ""
    part: str = ""
    original: bytes = b""
    sketch: tuple[int, ...] = ()

    def describe(self) -> dict[str, object]:
        """The fields `workbench extract --json` prints (without the original bytes)."""
        return {
            "title": self.title,
            "authors": list(self.authors),
            "date": self.published.isoformat() if self.published else None,
            "site": self.site,
            "url": self.url,
            "language": self.language,
            "format": self.format,
            "encoding": self.encoding,
            "part": self.part,
            "text": self.text,
        }


@dataclass(frozen=True)
class FileExtraction:
    """Everything read from one file: its articles, and what went wrong (file or entry)."""

    path: str
    documents: tuple[ExtractedDocument, ...] = ()
    errors: tuple[str, ...] = field(default=())

    @property
    def failed(self) -> bool:
        return not self.documents and bool(self.errors)
