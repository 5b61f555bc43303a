"""The HTML report: self-contained, escaped, and showing the claims with their chains."""

from __future__ import annotations

from datetime import datetime
from html.parser import HTMLParser

from tests.reports.conftest import CHAIN, HOSTILE_NOTE, REUTERS_QUOTE, squeezed
from workbench.reports.html_report import render_html, web_link
from workbench.reports.model import Article, Claim, Report
from workbench.services import Project
from workbench.services.reporting import build_report


class _Page(HTMLParser):
    """Collects tags, attributes and the visible text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.marks: list[str] = []
        self._in_mark = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs
        if tag == "mark":
            self._in_mark = True
            self.marks.append(dict(attrs).get("class") or "")

    def handle_endtag(self, tag: str) -> None:
        self._in_mark = self._in_mark and tag != "mark"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parsed(project: Project) -> tuple[_Page, str]:
    html = render_html(build_report(project, analyst="Jo Analyst"))
    page = _Page()
    page.feed(html)
    page.close()
    return page, html


def test_hostile_note_is_shown_as_text_and_no_script_runs(hostile_project: Project) -> None:
    """A note reading <script>alert(1)</script> appears as those characters, not as a tag."""
    page, html = _parsed(hostile_project)
    assert "script" not in page.tags
    assert HOSTILE_NOTE in "".join(page.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_report_fetches_nothing_from_outside(sample_project: Project) -> None:
    """No images, scripts, stylesheets or frames: the file is complete in itself."""
    page, html = _parsed(sample_project)
    assert not {"script", "img", "link", "iframe", "object", "embed"} & set(page.tags)
    assert not [name for name, _ in page.attributes if name in {"src", "srcset"}]
    assert "<style>" in html and "default-src 'none'" in html
    assert "@import" not in html and "url(" not in html


def test_reuters_claim_is_highlighted_and_footnoted_with_its_chain(
    sample_project: Project,
) -> None:
    """The quote is marked in the text and its note names all three sources and grades."""
    page, _html = _parsed(sample_project)
    text = squeezed("".join(page.text))
    assert REUTERS_QUOTE in text
    for name in CHAIN:
        assert name in text
    assert "reliability B — usually reliable" in text
    assert "credibility 3 — possibly true" in text
    assert page.marks.count("claim st-unverified") == 3
    assert page.marks.count("claim st-corroborated") == 3


def test_title_page_and_summary_tables(sample_project: Project) -> None:
    """Analyst, scope, contents and the four summary tables are all there."""
    page, _html = _parsed(sample_project)
    text = squeezed("".join(page.text))
    for expected in ("Jo Analyst", "Everything in the project", "1 article, 6 claims"):
        assert expected in text
    for heading in ("Claims", "Sources", "Actors", "Events"):
        assert ("id", f"{heading.lower()}-table") in page.attributes
    assert "C — fairly reliable" in text and "U.S. exit from the Iran nuclear deal" in text


def test_only_web_addresses_become_links() -> None:
    """A javascript: or file: address is shown as text, never linked."""
    assert web_link("https://example.org/a") == "https://example.org/a"
    assert web_link("javascript:alert(1)") is None
    assert web_link("file:///etc/passwd") is None


def test_an_orphaned_claim_is_listed_but_not_highlighted() -> None:
    """A claim whose quote left the text keeps its note, flagged, with no link into the text."""
    claim = Claim(ref="c", number=1, start=0, end=5, exact="Gone.", orphaned=True, summary="s")
    article = Article(ref="a", title="T", text="Other words now.", claims=(claim,))
    html = render_html(Report(title="R", created=datetime(2025, 6, 23), articles=(article,)))
    page = _Page()
    page.feed(html)
    assert "orphaned: the quote was not found in the text" in "".join(page.text)
    assert "mark" not in page.tags and 'href="#ref-1"' not in html
