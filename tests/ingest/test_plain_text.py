"""Plain text and Markdown: the title line, and boilerplate removed by precise rules."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from workbench.domain.text import normalize_text
from workbench.ingest import extract_file
from workbench.ingest.boilerplate import is_related_headline
from workbench.ingest.normalize import clean_paragraphs
from workbench.ingest.plaintext import read_markdown, read_text
from workbench.resources import resource

SAMPLE_TEXT = resource("sample", "putin-iran-deftechtimes.txt")


def test_seed_text_is_cleaned_to_the_article(corpus: Path) -> None:
    """The seed .txt loses its bio box, related headlines, ad marker and "Trending" tail."""
    document = extract_file(corpus / "seed" / "putin-iran-deftechtimes.txt").documents[0]
    assert document.text == normalize_text(SAMPLE_TEXT.read_text(encoding="utf-8"))
    assert document.title.startswith("⚖️ Putin Caught Between Ukraine and Iran")


def test_seed_text_author_comes_from_its_author_box(seed_text: str) -> None:
    """The "More from Author" box names the author, who becomes the article's author."""
    assert read_text(seed_text.encode("utf-8"), "seed.txt").authors == ("Ruta Deshpande",)


def test_section_headings_are_kept_and_related_headlines_dropped() -> None:
    """Short subheadings stay; long title-case headlines of other articles go."""
    assert not is_related_headline("Russia’s Role in Iran Nuclear Crisis")
    assert not is_related_headline("Urgent Trip to Moscow After US Attacks")
    assert is_related_headline(
        "Nuclear Tension Boils: Overnight B-2 Bomber Strike Hits Iran’s Hidden Nuclear Bunkers"
    )
    assert not is_related_headline(
        "Officials said on Monday: the talks will resume in Vienna next week, as planned."
    )


def test_boilerplate_in_the_first_half_is_not_a_tail() -> None:
    """A "Related" heading early in the text drops only itself, not the article after it."""
    body = ["Title", "Related", *[f"Paragraph {n} of the report." for n in range(6)]]
    text = clean_paragraphs(body).text
    assert text.startswith("Title\n\nParagraph 0")
    assert "Paragraph 5 of the report." in text


def test_paywall_prompt_and_everything_after_it_go() -> None:
    """A subscription prompt ends the article; the lines after it are promotion too."""
    body = [
        "Ministry says schools are safe.",
        "Officials reported that vaccination consent forms had been sent to parents.",
        "More than 130 parents had responded positively by Friday.",
        "Subscribe now to our eNATION edition for the full story.",
        "Get our app for the latest stories.",
    ]
    text = clean_paragraphs(body).text
    assert text.endswith("responded positively by Friday.")


def test_credit_and_advertisement_lines_go() -> None:
    """Photo credits and "- Advertisement -" markers are removed, the sentences kept."""
    body = ["Coal slid 18 percent.", "(Credit: Clayton Aldern / Grist)", "- Advertisement -",
            "Gas took its place."]  # fmt: skip
    assert clean_paragraphs(body).text == "Coal slid 18 percent.\n\nGas took its place."


def test_markdown_front_matter_and_markup() -> None:
    """Markdown gives title, author and date from front matter and loses its markup."""
    source = (
        b"---\ntitle: Talks stall\nauthor: Omar Khan\ndate: 2025-06-23\n---\n"
        b"# Talks stall\n\nNegotiators **left** Vienna [without a deal](https://x.invalid).\n\n"
        b"- Iran wants guarantees\n- Russia offers mediation\n"
    )
    document = read_markdown(source, "talks.md")
    assert document.title == "Talks stall"
    assert document.authors == ("Omar Khan",)
    assert document.published == datetime(2025, 6, 23)
    assert document.text == (
        "Talks stall\n\nNegotiators left Vienna without a deal.\n\n"
        "Iran wants guarantees\nRussia offers mediation"
    )


def test_first_line_is_the_title() -> None:
    """A text file's first line is its title and stays the first paragraph of the text."""
    document = read_text(b"Ceasefire holds\n\nThe guns fell silent at midnight.\n", "c.txt")
    assert document.title == "Ceasefire holds"
    assert document.text == "Ceasefire holds\n\nThe guns fell silent at midnight."


def test_page_furniture_near_the_top_goes() -> None:
    """Bare dates and "Posted on" lines at the top go; a dateline joins its paragraph."""
    body = [
        "Posted on",
        "Latest update May 6th, 2022 12:49 AM",
        "WASHINGTON —",
        "This is not the welcome the candidate expected.",
        "May 6, 2022 was a Friday, officials noted.",
    ]
    assert clean_paragraphs(body).text == (
        "WASHINGTON — This is not the welcome the candidate expected.\n\n"
        "May 6, 2022 was a Friday, officials noted."
    )


def test_teasers_captions_and_prompts_go() -> None:
    """Cut-off teasers, captions ending in a photo credit and "click here" prompts go."""
    body = [
        "The ministry said schools were safe.",
        "Chief Education Officer Dr Ramona Archer-Bradshaw. (Picture by Jameel Springer)",
        "The Petroleum Commission is far more important than the Board... more",
        "If you're on the ABC7 News app, click here to watch live",
        "Classes resume on Monday.",
    ]
    assert clean_paragraphs(body).text == (
        "The ministry said schools were safe.\n\nClasses resume on Monday."
    )
