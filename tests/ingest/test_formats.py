"""Each reader gives the same kind of document: PDF, Word, e-mail, web archive, feeds."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.ingest import makers
from workbench.ingest import ExtractionError, extract_file
from workbench.ingest.extract import extract_bytes
from workbench.ingest.mail import read_eml, read_mhtml
from workbench.ingest.pdf import read_pdf, reflow
from workbench.ingest.word import read_docx


def test_pdf_text_layer_becomes_paragraphs() -> None:
    """A PDF's lines are joined into paragraphs (split at gaps); title and author from its info."""
    data = makers.pdf_bytes(
        [
            "Talks stall in Vienna",
            "",
            "Negotiators left Vienna on Monday without an agreement on the",
            "sequencing of sanctions relief, officials from both delegations said.",
            "",
            "Talks are to resume next week in Geneva, a spokesman for the mediators",
            "said.",
        ],
        title="Talks stall",
        author="Omar Khan",
    )
    document = read_pdf(data, "talks.pdf")
    assert document.title == "Talks stall"
    assert document.authors == ("Omar Khan",)
    assert document.text == (
        "Talks stall in Vienna\n\nNegotiators left Vienna on Monday without an agreement on the "
        "sequencing of sanctions relief, officials from both delegations said.\n\n"
        "Talks are to resume next week in Geneva, a spokesman for the mediators said."
    )


def test_pdf_hyphenated_words_are_joined() -> None:
    """A word split across two lines with a hyphen is whole again."""
    lines = ["The delegations could not agree on the verifi-", "cation of enrichment levels."]
    assert reflow(lines) == [
        "The delegations could not agree on the verification of enrichment levels."
    ]


def test_scanned_pdf_says_it_has_no_text_layer() -> None:
    """A PDF with pictures and no text gets a "no text layer" error, not an empty article."""
    with pytest.raises(ExtractionError, match="has no text layer"):
        read_pdf(makers.scanned_pdf_bytes(), "scan.pdf")


def test_docx_paragraphs_tables_and_properties() -> None:
    """A Word document gives its heading, paragraphs and table rows in order, and its author."""
    document = read_docx(makers.docx_bytes(title="Briefing"), "brief.docx")
    assert document.title == "Briefing"
    assert document.authors == ("Ann Analyst",)
    assert document.text == "\n\n".join(
        ["Briefing on the talks", *makers.DOCX_PARAGRAPHS, "Source | Reuters"]
    )


def test_eml_prefers_the_text_part() -> None:
    """An e-mail gives subject, sender, date and its plain-text part."""
    document = read_eml(makers.eml_bytes(), "desk.eml")
    assert document.title == "Kremlin confirms meeting with Araqchi"
    assert document.authors == ("Desk Editor",)
    assert document.published == datetime(2025, 6, 23, 14, 5)
    assert document.text == (
        "The Kremlin confirmed the meeting.\n\nNo details were given about the letter."
    )


def test_eml_with_only_html_is_cleaned() -> None:
    """An HTML-only e-mail becomes clean text: no markup, no tracking image."""
    document = read_eml(makers.eml_bytes(html_only=True), "desk.eml")
    assert document.text == (
        "The Kremlin confirmed the meeting.\n\nNo details were given about the letter."
    )


def test_mhtml_is_read_as_the_page_it_holds(corpus: Path) -> None:
    """A web archive of the seed page gives the same article as the saved page."""
    page = (corpus / "seed" / "putin-iran-deftechtimes.html").read_bytes()
    document = read_mhtml(makers.mhtml_bytes(page), "seed.mhtml")
    assert document.authors == ("Ruta Deshpande",)
    assert (
        document.text
        == extract_file(corpus / "seed" / "putin-iran-deftechtimes.html").documents[0].text
    )
    assert document.format == "mhtml"


def test_rss_gives_one_article_per_entry() -> None:
    """Each RSS item is an article with its title, link, author, date and the feed's name."""
    data = makers.RSS.format(broken="").encode()
    extraction = extract_bytes(data, "wire.rss", "feed")
    first, second = extraction.documents
    assert extraction.errors == ()
    assert first.title == "Talks stall in Vienna"
    assert first.text == "Talks stall in Vienna\n\nNegotiators left Vienna without a deal."
    assert first.url == "https://wire.invalid/1"
    assert first.published == datetime(2025, 6, 23, 9, 0)
    assert first.site == "Wire Desk" and first.language == "en"
    assert second.part == "entry 2 “Ceasefire holds”"


def test_atom_entry() -> None:
    """An Atom entry gives its author, update date and HTML content as clean text."""
    (document,) = extract_bytes(makers.ATOM.encode(), "desk.atom", "feed").documents
    assert document.authors == ("Li Wu",)
    assert document.published == datetime(2025, 6, 24, 10, 0)
    assert document.text == "Drone strike reported\n\nA drone strike was reported near the border."


def test_feed_entity_tricks_are_not_resolved(tmp_path: Path) -> None:
    """An external entity in a feed does not read local files into the article."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET CONTENT")
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<rss version='2.0'><channel><title>T</title><item><title>A</title>"
        "<description>Story text &amp; more &x;</description></item></channel></rss>"
    ).encode()
    extraction = extract_bytes(feed, "evil.rss", "feed")
    assert all("TOP SECRET" not in document.text for document in extraction.documents)


def test_feed_entry_keeps_a_feed_of_its_own() -> None:
    """Each entry's original is a small feed holding just that entry, which reads back the same."""
    extraction = extract_bytes(makers.RSS.format(broken="").encode(), "wire.rss", "feed")
    for document in extraction.documents:
        (again,) = extract_bytes(document.original, "again.rss", "feed").documents
        assert (again.title, again.text, again.url) == (document.title, document.text, document.url)
    assert b"Ceasefire" not in extraction.documents[0].original
