"""The Markdown report: plain-text readable, claims as footnotes, the analyst's text escaped."""

from __future__ import annotations

import pytest

from tests.reports.conftest import HOSTILE_NOTE, REUTERS_QUOTE, reuters_claim_id
from workbench.reports.markdown_report import escape, render_markdown
from workbench.services import Project
from workbench.services.annotations import add_note
from workbench.services.reporting import build_report


def test_reuters_claim_is_a_footnote_with_its_chain(sample_project: Project) -> None:
    """The text carries [^2] after the Reuters quote; the footnote gives chain and grades."""
    markdown = render_markdown(build_report(sample_project))
    assert f"**{REUTERS_QUOTE} with Russia’s actions so far**[^2]" in markdown
    footnote = markdown.split("[^2]: ", 1)[1].split("[^3]: ", 1)[0]
    assert (
        "Attribution: unnamed sources (speaker; F) → Reuters (reported by; B) → "
        "Deftechtimes (published by; C)"
    ) in footnote
    assert "Credibility: 3 — possibly true" in footnote


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("*bold* and _it_", r"\*bold\* and \_it\_"),
        ("[click](http://x)", r"\[click\](http://x)"),
        (HOSTILE_NOTE, r"\<script\>alert(1)\</script\>"),
        ("# not a heading", r"\# not a heading"),
        ("1. not a list", r"1\. not a list"),
        ("- not a bullet", r"\- not a bullet"),
        ("AT&T &amp; co", r"AT&T \&amp; co"),
        ("a | b `c`", r"a \| b \`c\`"),
    ],
)
def test_markdown_special_characters_are_escaped(raw: str, shown: str) -> None:
    """Emphasis, links, HTML, headings, lists, entities, tables and code stay plain text."""
    assert escape(raw) == shown


def test_hostile_note_cannot_add_markup(hostile_project: Project) -> None:
    """A note with a script tag or a fake footnote reference is written escaped."""
    add_note(
        hostile_project, "claim", reuters_claim_id(hostile_project), "see [^1] and <b>this</b>"
    )
    markdown = render_markdown(build_report(hostile_project))
    assert HOSTILE_NOTE not in markdown and "<b>" not in markdown
    assert r"Note: \<script\>alert(1)\</script\>" in markdown
    assert r"Note: see \[^1\] and \<b\>this\</b\>" in markdown


def test_every_markup_character_alone_is_escaped() -> None:
    """Each character Markdown reads as markup, even alone in a plain word, gets its backslash."""
    from workbench.reports.markdown_report import escape

    for char in "\\`*_{}[]<>#|~!":
        assert escape(f"plain{char}word") == f"plain\\{char}word"
