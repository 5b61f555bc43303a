"""Saved web pages: the article's main text and metadata, read with trafilatura.

The page is parsed once (no network: remote images, scripts and styles are never fetched),
stripped of chrome, handed to trafilatura for the main text and metadata, and cleaned again by
the text rules of `normalize`. The title is kept as the first paragraph of the text, as in a
plain-text copy of the same article.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lxml.etree import _Element

from workbench.ingest.dates import parse_date
from workbench.ingest.document import ExtractedDocument
from workbench.ingest.encoding import binary_kind, decode
from workbench.ingest.errors import ExtractionError
from workbench.ingest.htmlclean import PageFacts, parse_page, read_facts, remove_chrome
from workbench.ingest.normalize import clean_paragraphs
from workbench.ingest.rendering import element_paragraphs, squash
from workbench.ingest.webmeta import best_title, page_urls, people, split_authors

MAX_MARKUP_BYTES = 10 * 1024 * 1024
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
_EMBEDDED = re.compile(
    rb"<script\b.*?</script\s*>|<style\b.*?</style\s*>|data:[\w/+.-]+;base64,[\w+/=\s]{256,}",
    re.IGNORECASE | re.DOTALL,
)
_OPENS_PAGE = re.compile(rb"<html[\s>]", re.IGNORECASE)
_CLOSES_PAGE = re.compile(rb"</(html|body)\s*>", re.IGNORECASE)
_EXTRACTOR = "trafilatura"


@dataclass(frozen=True)
class _Metadata:
    title: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""
    site: str = ""
    url: str = ""


def read_webpage(
    data: bytes, name: str, *, declared: str | None = None, whole_page: bool = True
) -> ExtractedDocument:
    """A saved page (or, with `whole_page=False`, a pasted fragment) as an article."""
    kind = binary_kind(data)
    if kind is not None:
        raise ExtractionError(f"{name} is {kind}, not a web page")
    markup = _markup_without_embedded_data(data, name)
    charset = declared or declared_charset(data)
    decoded = decode(data, name, declared=charset, what="a web page")
    if whole_page:
        _refuse_truncated(markup, name)
    tree = parse_page(decoded.text)
    urls = page_urls(tree, decoded.text)
    remove_chrome(tree)
    facts = read_facts(tree)
    body, metadata = _main_text(tree, whole_page)
    paragraphs = _with_other_stories(body, facts)
    paragraphs = _with_syndication_note(paragraphs, facts)
    cleaned = clean_paragraphs(paragraphs, metadata.authors)
    title = best_title(metadata.title, facts.headlines, metadata.site)
    text = _with_title(cleaned.text, title)
    if not text:
        raise ExtractionError(f"{name} has no article text that could be found")
    return ExtractedDocument(
        text=text,
        title=title,
        authors=people(cleaned.authors, metadata.site),
        published=parse_date(metadata.date),
        site=metadata.site,
        url=metadata.url,
        urls=urls,
        language=facts.language,
        format="html",
        encoding=decoded.label,
        extractor=_extractor_name() if whole_page else "workbench html",
        original=data,
    )


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta charset>, XML declaration)."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace")


def _markup_without_embedded_data(data: bytes, name: str) -> bytes:
    """The page minus scripts, styles and inline images, which may be large; the rest is
    the markup to read, and a page with more than 10 MB of it is refused."""
    markup = _EMBEDDED.sub(b"", data)
    if len(markup) > MAX_MARKUP_BYTES:
        size = len(markup) / (1024 * 1024)
        raise ExtractionError(
            f"{name} holds {size:.1f} MB of page markup; pages over "
            f"{MAX_MARKUP_BYTES // (1024 * 1024)} MB are not imported (is it one article?)"
        )
    return markup


def _refuse_truncated(markup: bytes, name: str) -> None:
    if _OPENS_PAGE.search(markup[:8192]) and not _CLOSES_PAGE.search(markup):
        raise ExtractionError(
            f"{name} is cut short: it ends before </body> and </html> "
            "(the download or save was interrupted); save the page again"
        )


def _main_text(tree: _Element, whole_page: bool) -> tuple[list[str], _Metadata]:
    metadata = _Metadata()
    if whole_page:
        extracted = _trafilatura(tree)
        if extracted is not None:
            body, metadata = extracted
            if body and len(body) > 1:
                return body, metadata
    body_element = tree.find("body")
    if body_element is None:
        body_element = tree
    if whole_page:  # too little for trafilatura: the page less its header, footer and asides
        for chrome in list(body_element.iter("header", "footer", "aside")):
            if chrome.getparent() is not None:
                chrome.drop_tree()
    own = element_paragraphs(body_element)
    if whole_page and extracted is not None and body and not _same_words_apart(body[0], own):
        return body, metadata
    return own, metadata


def _same_words_apart(paragraph: str, paragraphs: list[str]) -> bool:
    """Whether the page's own paragraphs hold exactly the words of trafilatura's one paragraph,
    set apart (on a page too short for it, trafilatura runs a heading into the story)."""
    return len(paragraphs) > 1 and " ".join(" ".join(paragraphs).split()) == " ".join(
        paragraph.split()
    )


def _trafilatura(tree: _Element) -> tuple[list[str], _Metadata] | None:
    import trafilatura

    document = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=True,
        date_extraction_params={"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True},
    )
    if document is None or isinstance(document, dict) or document.body is None:
        return None
    metadata = _Metadata(
        title=squash(document.title or ""),
        authors=tuple(split_authors(document.author or "")),
        date=document.date or "",
        site=squash(document.sitename or ""),
        url=(document.url or "").strip(),
    )
    return element_paragraphs(document.body), metadata


def _with_other_stories(body: list[str], facts: PageFacts) -> list[str]:
    """Add the other stories of a multi-story page (a newsletter) that extraction left out."""
    text = " ".join(body)
    for stories in facts.story_groups:
        covered = [_contains(text, story) for story in stories]
        if not any(covered) or all(covered):
            continue
        first = covered.index(True)
        missing = [(index, story) for index, story in enumerate(stories) if not covered[index]]
        before = [paragraph for index, story in missing if index < first for paragraph in story]
        after = [paragraph for index, story in missing if index > first for paragraph in story]
        body = before + body + after
    return body


def _contains(text: str, story: list[str]) -> bool:
    return squash(story[0])[:80] in text


def _with_syndication_note(body: list[str], facts: PageFacts) -> list[str]:
    note = facts.syndication
    if not note or not body or any(note in paragraph for paragraph in body):
        return body
    note_at = facts.page_text.find(note)
    body_at = facts.page_text.find(squash(body[0])[:60])
    return [note, *body] if 0 <= note_at < body_at else [*body, note]


def _with_title(text: str, title: str) -> str:
    """The title as the first paragraph, once (moved up if the page repeats it just below)."""
    if not title or not text:
        return text
    paragraphs = text.split("\n\n")
    if title in paragraphs[:4]:
        paragraphs.remove(title)
    return "\n\n".join([title, *paragraphs])


@functools.cache
def _extractor_name() -> str:
    from importlib.metadata import version

    return f"{_EXTRACTOR} {version('trafilatura')}"
