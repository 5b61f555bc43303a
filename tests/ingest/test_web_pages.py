"""Saved web pages: the seed article and the 30 real pages come out clean, with metadata."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from workbench.domain.text import normalize_text
from workbench.ingest import extract_file
from workbench.ingest.webpage import read_webpage
from workbench.resources import resource

SEED_HTML = "seed/putin-iran-deftechtimes.html"
SAMPLE_TEXT = resource("sample", "putin-iran-deftechtimes.txt")


def _expectations() -> list[tuple[str, dict]]:
    path = CORPUS / "web" / "expectations.json"
    if not path.is_file():
        return []
    return sorted(json.loads(path.read_text(encoding="utf-8")).items())


def test_seed_page_metadata(corpus: Path) -> None:
    """The seed page gives its full headline (with the emoji), author, site, date and URL."""
    document = extract_file(corpus / SEED_HTML).documents[0]
    assert document.title.startswith("⚖️ Putin Caught Between Ukraine and Iran")
    assert document.authors == ("Ruta Deshpande",)
    assert document.site == "Deftechtimes"
    assert document.published == datetime(2025, 6, 23, 14, 5)
    assert document.url == (
        "https://deftechtimes.com/putin-caught-between-ukraine-and-iran-as-tehran-demands-"
        "action-after-u-s-strike/"
    )
    assert document.language == "en"


def test_seed_page_text_is_the_article_alone(corpus: Path) -> None:
    """The seed page's text is exactly the clean article: title, body and headings, no chrome."""
    document = extract_file(corpus / SEED_HTML).documents[0]
    assert document.text == normalize_text(SAMPLE_TEXT.read_text(encoding="utf-8"))
    for clutter in (
        "More from Author",
        "Deftech Analyst",
        "is a seasoned Defense Technology Analyst",
        "- Advertisement -",
        "Trending on Deftechtimes",
        "Ukraine Issues Fiery Endorsement",
        "Nuclear Tension Boils",
        "WhatsApp",
        "Privacy Policy",
        "Also Read",
    ):
        assert clutter not in document.text
    assert "Russia’s Careful Response and Expectations of Iran" in document.text


def test_seed_page_keeps_paragraph_breaks(corpus: Path) -> None:
    """Paragraphs and headings of the page are separated by one blank line each."""
    text = extract_file(corpus / SEED_HTML).documents[0].text
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 18
    assert paragraphs[2] == "Urgent Trip to Moscow After US Attacks"


@pytest.mark.parametrize("url,expected", _expectations(), ids=lambda value: str(value)[:40])
def test_real_page_body(corpus: Path, url: str, expected: dict) -> None:
    """Each real page keeps every `with` string in its body and none of its `without` ones."""
    document = extract_file(corpus / "web" / expected["file"]).documents[0]
    missing = [s for s in expected["with"] if normalize_text(s) not in document.text]
    clutter = [s for s in expected["without"] if normalize_text(s) in document.text]
    assert (missing, clutter) == ([], []), url


def test_all_thirty_real_pages_are_present(corpus: Path) -> None:
    """The corpus holds the 30 pages the real-page test runs on."""
    assert len(_expectations()) == 30


def test_remote_resources_are_never_fetched(
    corpus: Path, libraries_loaded: None, socket_disabled: None
) -> None:
    """Reading pages with remote scripts, images and styles opens no socket."""
    for path in [corpus / SEED_HTML, *sorted((corpus / "web").glob("*.html"))[:5]]:
        assert extract_file(path).documents, path


def test_bylines_that_name_the_outlet_are_not_authors() -> None:
    """An author field naming the site itself, or "Staff", does not become an author."""
    page = (
        b"<html><head><meta property='og:site_name' content='Harbour Post'>"
        b"<meta name='author' content='Harbour Post; Editorial Staff; Lena Ortiz'>"
        b"<title>Port strike ends</title></head><body><article><h1>Port strike ends</h1>"
        + b"<p>The port strike ended on Friday after nine days of talks.</p>" * 6
        + b"</article></body></html>"
    )
    assert read_webpage(page, "post.html").authors == ("Lena Ortiz",)


def test_inline_read_more_links_are_removed() -> None:
    """A "Read more: <headline>" paragraph linking elsewhere is not part of the article."""
    page = (
        b"<html><body><article><h1>Streets renamed</h1>"
        + b"<p>The city renamed three streets after long debate among residents.</p>" * 4
        + b'<p><em>Read more</em>: <a href="/other">Colonial art to be returned</a></p>'
        + b"<p>Critics said the change came far too late for the victims.</p>" * 3
        + b"</article></body></html>"
    )
    text = read_webpage(page, "dw.html").text
    assert "Colonial art to be returned" not in text
    assert "Critics said the change came far too late" in text
