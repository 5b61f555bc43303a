"""Hostile and extreme text in every report format: markup, control characters, long fields,
full-width formula signs."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import replace
from datetime import datetime
from io import BytesIO

import pytest
from docx import Document
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from tests.reports.conftest import squeezed
from workbench.reports import FORMATS, render
from workbench.reports.csv_report import neutralise
from workbench.reports.model import Article, Claim, Hop, Report
from workbench.reports.pdf_fonts import report_fonts
from workbench.reports.pdf_typeset import Look, Segment, Typesetter

LINK = '<a href="javascript:alert(1)">click</a>'
IMAGE = '<img src="/etc/workbench-secret.png"/>'
TEXT = "Officials met on Monday.\n\nThe minister said the talks failed."


def _report(title: str = "Report", summary: str = "", exact: str = "the talks failed") -> Report:
    start = TEXT.index("the talks failed")
    claim = Claim(
        ref="c1",
        number=1,
        start=start,
        end=start + len("the talks failed"),
        exact=exact,
        summary=summary,
        credibility=3,
        attribution=(Hop("Reuters", "reported by", reliability="B"),),
        notes=(summary,) if summary else (),
    )
    article = Article(ref="ab" * 32, title=title, text=TEXT, claims=(claim,))
    return Report(title=title, created=datetime(2025, 6, 23), articles=(article,))


def _pdf(report: Report) -> PdfReader:
    return PdfReader(BytesIO(render(report, "pdf")))


def test_pdf_titles_with_markup_are_printed_as_text_everywhere() -> None:
    """A title holding a javascript link and a local image makes neither, on the page, in the
    contents or in the bookmarks; the characters are printed as typed."""
    reader = _pdf(_report(title=f"{LINK} {IMAGE}"))
    text = squeezed(" ".join(page.extract_text() for page in reader.pages))
    assert text.count('<a href="javascript:alert(1)">click</a>') >= 3  # title, contents, heading
    assert "/etc/workbench-secret.png" in text
    for page in reader.pages:
        for annotation in page.get("/Annots") or ():
            action = annotation.get_object().get("/A")
            assert action is None or "/URI" not in action
        resources = page["/Resources"]
        objects = resources.get("/XObject") if "/XObject" in resources else {}
        assert all(x.get_object()["/Subtype"] != "/Image" for x in dict(objects).values())
    assert any(LINK in item.title for item in reader.outline if hasattr(item, "title"))


def test_pdf_operators_in_text_are_printed_as_typed() -> None:
    """A title holding PDF text operators, brackets and backslashes is drawn as those
    characters (escaped in its string), never run as operators that draw something else."""
    hostile = r"Talks) Tj ET BT /F1 60 Tf 1 0 0 1 9 9 Tm (INJECTED) Tj ET BT (\ end"
    reader = _pdf(_report(title=hostile))
    text = squeezed(" ".join(page.extract_text() for page in reader.pages))
    assert text.count(squeezed(hostile)) >= 3  # title page, contents, heading
    assert "INJECTED" not in text.replace(squeezed(hostile), "")


def test_pdf_draws_arabic_and_cyrillic_quotes_in_the_faces_that_have_them() -> None:
    """A quote (set in italics) in Arabic or Cyrillic reads back as its letters: what the
    oblique face lacks is drawn in the regular one, never as empty boxes."""
    for quote in ("المحادثات فشلت", "переговоры провалились"):
        text = TEXT.replace("the talks failed", quote)
        report = _report(exact=quote)
        start = text.index(quote)
        claim = replace(report.articles[0].claims[0], start=start, end=start + len(quote))
        article = replace(report.articles[0], text=text, claims=(claim,))
        reader = _pdf(replace(report, articles=(article,)))
        notes = [
            page.extract_text()
            for page in reader.pages
            if "Claims in article" in page.extract_text()
        ]
        assert notes and "\x00" not in notes[0], quote  # a glyph the face lacks reads as NUL
        assert set(quote) <= set(notes[0]), (
            quote
        )  # (reading order aside: Arabic reads back reversed)


def test_pdf_lays_out_a_quote_and_summary_longer_than_a_page() -> None:
    """A 2,500-character quote and a 30,000-character summary wrap across pages whole."""
    summary = " ".join(f"word{n}" for n in range(4_000))
    quote = ("a long quoted passage " * 120)[:2_500]
    reader = _pdf(_report(summary=summary, exact=quote))
    text = squeezed(" ".join(page.extract_text() for page in reader.pages))
    assert "word0 " in text and "word3999" in text
    assert len(reader.pages) > 4


def test_pdf_draws_full_width_formula_signs() -> None:
    """＝＋－＠ come out of the PDF as themselves (a font with those glyphs), not as "?"."""
    reader = _pdf(_report(title="Budget ＝＋－＠ 2025"))
    assert "＝＋－＠" in reader.pages[0].extract_text()


JSON_EXCHANGE = {"jsonld", "stix", "ftm", "claimreview", "csljson"}  # JSON escapes them: lossless


@pytest.mark.parametrize("fmt", [fmt for fmt in FORMATS if fmt not in JSON_EXCHANGE])
def test_control_characters_never_reach_a_document(fmt: str) -> None:
    """NUL and ESC in a title and a summary are dropped alike by every document format,
    and the text around them survives."""
    data = render(_report(title="Subject\x1b: talks\x00", summary="bad\x00byte\x0c"), fmt)
    if fmt == "docx":
        document = Document(BytesIO(data))
        data = "\n".join(p.text for p in document.paragraphs).encode("utf-8")
    elif fmt == "pdf":
        data = _pdf_text(data).encode("utf-8")
    elif fmt == "qdpx":
        data = zipfile.ZipFile(BytesIO(data)).read("project.qde")
    assert b"\x00" not in data and b"\x1b" not in data and b"\x0c" not in data
    assert b"Subject: talks" in data
    if fmt != "ris":  # RIS carries the articles as references, not their claims
        assert b"badbyte" in data


def _pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def test_json_ld_keeps_control_characters_exactly() -> None:
    """The exchange file is lossless: JSON escapes an ESC, nothing is dropped."""
    data = render(_report(title="Subject\x1b"), "jsonld").decode("utf-8")
    assert "Subject\\u001b" in data


@pytest.mark.parametrize("cell", ["＝1+1", "＋1", "－1", "＠SUM(A1)", "﹦1", "  ＝1", "=1", "@A"])
def test_csv_neutralises_formulas_in_full_width_and_small_forms(cell: str) -> None:
    """Spreadsheets fold ＝＋－＠ (and ﹦…) to ASCII, so those cells are neutralised too."""
    assert neutralise(cell) == f"'{cell}"


def test_csv_cells_carry_no_nul_bytes() -> None:
    """A NUL in a summary is dropped, so the CSV opens in every spreadsheet app."""
    text = render(_report(summary="a\x00b"), "csv").decode("utf-8-sig")
    [row] = list(csv.DictReader(io.StringIO(text, newline="")))
    assert row["Summary"] == "ab"


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "pdf", "docx"])
def test_combined_grade_is_shown_for_each_claim(fmt: str) -> None:
    """A claim first reported by a usually reliable source, possibly true, is graded B3."""
    data = render(_report(), fmt)
    if fmt == "pdf":
        text = _pdf_text(data)
    elif fmt == "docx":
        text = "\n".join(p.text for p in Document(BytesIO(data)).paragraphs)
    else:
        text = data.decode("utf-8-sig")
    assert "B3" in text


def test_a_megabyte_of_text_is_set_in_lines_that_fit_the_page() -> None:
    """A megabyte of words, and a word wider than the page, are set in lines no wider than
    the page, every word kept (the second as pieces of itself)."""
    fonts = report_fonts()
    typeset = Typesetter(Canvas(BytesIO()), fonts)
    look = Look(fonts.regular, 10.5, colors.black)
    lines, _ = typeset.lines([Segment("word " * 200_000 + "x" * 3_000, look)], 480)
    runs = [run for line in lines for run in line]
    assert all(run.x + run.width <= 480.01 for run in runs)
    texts = [run.codes for run in runs]
    assert all(isinstance(text, str) for text in texts)
    assert sum(str(text).split().count("word") for text in texts) == 200_000
    cut = [text for text in texts if str(text).startswith("x")]
    assert len(cut) > 3 and "".join(map(str, cut)) == "x" * 3_000


def test_the_title_repeated_as_the_texts_first_line_is_shown_once() -> None:
    """A plain-text import keeps its first line as the title; the report prints it once."""
    report = _report(title="Officials met on Monday.")
    html = render(report, "html").decode("utf-8")
    body = html[html.index('<article class="article"') :]
    assert body.count("Officials met on Monday.") == 1


def test_one_claim_is_one_claim_in_the_contents() -> None:
    """The contents say "1 claim", not "1 claims"."""
    html = render(_report(), "html").decode("utf-8")
    assert "(1 claim)" in html and "1 claims" not in html
