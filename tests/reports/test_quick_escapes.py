"""The reports' quick ways past escaping (text that needs none is kept as it is, a value many
claims share is escaped once) give what the full escaping gives, for any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape as markup_escape

from workbench.reports import html_blocks, markdown_report
from workbench.reports.safe_text import xml_safe

# Text drawn mostly from what the escaping rules look at: markup, list and quote marks,
# digits, spaces of every kind, line breaks, characters XML forbids, and a few letters.
TRICKY = st.text(
    alphabet=st.sampled_from(
        "\\`*_{}[]<>#|~!&;-+=.)0123456789 \t\n\r\x0b\x0c\x00\x1f\ufffe\ufeff\u00a0\u2003"
        "\ud800\u3000éax"
    ),
    max_size=12,
)


def _full_markdown(text: str) -> str:
    """Markdown's escaping with every rule applied, no quick way taken."""
    text = xml_safe(text).translate(markdown_report._ESCAPED)
    text = markdown_report._ENTITY.sub(r"\\&", text)
    text = markdown_report._LINE_START.sub(markdown_report._escape_line_start, text)
    return text.replace("\n", "  \n")


@settings(max_examples=400, deadline=None)
@given(TRICKY)
def test_markdown_text_that_needs_nothing_is_what_full_escaping_gives(text: str) -> None:
    """Markdown's escape equals the full escaping, and so does the value escaped once."""
    assert markdown_report.escape(text) == _full_markdown(text)
    assert markdown_report._KNOWN[text] == _full_markdown(text)


@settings(max_examples=400, deadline=None)
@given(TRICKY)
def test_html_text_that_needs_nothing_is_what_full_escaping_gives(text: str) -> None:
    """HTML's text equals markupsafe's escaping of the XML-safe text, kept or not."""
    assert html_blocks.text(text) == str(markup_escape(xml_safe(text)))
    assert html_blocks._KNOWN[text] == str(markup_escape(xml_safe(text)))


def test_a_hostile_value_shared_by_claims_is_escaped_every_time() -> None:
    """A status or grade holding markup is escaped however often it is asked for."""
    for _ in range(3):
        assert html_blocks._KNOWN["<script>"] == "&lt;script&gt;"
        assert markdown_report._KNOWN["](javascript:"] == "\\](javascript:"


def test_values_kept_stay_right_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past its limit a Kept starts afresh: each value still escaped, the keeping bounded."""
    from workbench.reports import kept

    monkeypatch.setattr(kept, "LIMIT", 2)
    escaped = kept.Kept(html_blocks.text)
    values = ["<a>", "b&c", "'d'", "<a>", "e"]
    assert [escaped[value] for value in values] == [html_blocks.text(v) for v in values]
    assert len(escaped) <= 2
