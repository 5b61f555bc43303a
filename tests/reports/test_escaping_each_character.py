"""Each character that HTML or Markdown would read as markup, and each one XML forbids, is
escaped or dropped on its own: text holding just one of them is never passed through as is."""

from __future__ import annotations

from datetime import datetime

import pytest
from markupsafe import escape

from workbench.reports import render
from workbench.reports.model import Article, Claim, Hop, Report

TEXT = "Officials met on Monday.\n\nThe minister said the talks failed."
QUOTE = "the talks failed"
HTML_MARKUP = "&<>\"'"
MARKDOWN_MARKUP = "\\`*_{}[]<>#|~!"
FORBIDDEN = "\x00\x01\x08\x0b\x0c\x0e\x1f\ufffe\uffff\ud800"


def _report(note: str) -> Report:
    """One claim whose note and summary, and the article's title, hold `note`."""
    start = TEXT.index(QUOTE)
    claim = Claim(
        ref="c1",
        number=1,
        start=start,
        end=start + len(QUOTE),
        exact=QUOTE,
        summary=f"s{note}s",
        attribution=(Hop("Reuters", "reported by", reliability="B"),),
        notes=(f"n{note}n",),
    )
    article = Article(ref="ab" * 32, title=f"t{note}t", text=TEXT, claims=(claim,))
    return Report(title="Report", created=datetime(2025, 6, 23), articles=(article,))


@pytest.mark.parametrize("char", list(HTML_MARKUP))
def test_html_escapes_a_lone_markup_character(char: str) -> None:
    """A title, summary and note holding one markup character show it escaped, never raw."""
    html = render(_report(char), "html").decode()
    shown = str(escape(char))
    for text in (f"t{char}t", f"s{char}s", f"n{char}n"):
        assert text not in html
        assert text.replace(char, shown) in html


@pytest.mark.parametrize("char", list(FORBIDDEN))
def test_html_and_markdown_drop_a_lone_forbidden_character(char: str) -> None:
    """A character XML forbids, alone in the text, is dropped from HTML and Markdown."""
    for fmt in ("html", "md"):
        shown = render(_report(char), fmt).decode()
        assert char not in shown
        assert "tt" in shown and "ss" in shown and "nn" in shown


@pytest.mark.parametrize("char", list(MARKDOWN_MARKUP))
def test_markdown_escapes_a_lone_markup_character(char: str) -> None:
    """A title, summary and note holding one Markdown markup character show it backslashed."""
    markdown = render(_report(char), "md").decode()
    for text in (f"t{char}t", f"s{char}s", f"n{char}n"):
        assert f"{text[0]}\\{char}{text[-1]}" in markdown
