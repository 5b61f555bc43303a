"""The PDF report: its text (read back with pypdf) has the claims, chains and page numbers."""

from __future__ import annotations

import gc
from collections import Counter
from io import BytesIO

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfdoc import Destination, LinkAnnotation, PDFObjectReference, PDFPage

from tests.reports.conftest import CHAIN, HOSTILE_NOTE, REUTERS_QUOTE, squeezed
from tests.reports.streamed import streamed_report
from workbench.reports import pdf_report, render, write
from workbench.reports.pdf_fonts import FontFamily
from workbench.reports.pdf_typeset import Run
from workbench.reports.timeline_figure import TITLE
from workbench.services import Project
from workbench.services.reporting import build_report


def _pages(project: Project) -> list[str]:
    reader = PdfReader(BytesIO(render(build_report(project, analyst="Jo Analyst"), "pdf")))
    return [squeezed(page.extract_text()) for page in reader.pages]


def test_pdf_text_has_the_reuters_claim_and_its_chain(hostile_project: Project) -> None:
    """Quote, the three sources with reliability, and a note as typed (even a script tag)."""
    text = " ".join(_pages(hostile_project))
    assert REUTERS_QUOTE in text
    for name in CHAIN:
        assert name in text
    assert "reliability B — usually reliable" in text
    assert HOSTILE_NOTE in text
    assert "Iran's leadership is unhappy with Russia's support so far" in text


def test_pdf_has_contents_and_numbered_pages(sample_project: Project) -> None:
    """Page two lists the contents; later pages say "page n of N"."""
    pages = _pages(sample_project)
    assert "Contents" in pages[1] and "Sources" in pages[1]
    assert f"page 2 of {len(pages)}" in pages[1]
    assert f"page {len(pages)} of {len(pages)}" in pages[-1]


def test_contents_and_outline_lead_to_the_pages_of_the_headings(sample_project: Project) -> None:
    """Each contents entry links to its heading's page, and so does each bookmark: the article
    to page 3, the closing tables after it (the contents need no page numbers)."""
    data = render(build_report(sample_project), "pdf")
    reader = PdfReader(BytesIO(data))
    page_of = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    links = [link.get_object()["/Dest"][0].idnum for link in reader.pages[1]["/Annots"]]
    targets = [page_of[target] for target in links]  # an entry of two lines has two links
    assert targets[0] == 2 and targets == sorted(targets) and targets[-1] > 2
    headings = [mark for mark in reader.outline if not isinstance(mark, list)]  # not claims
    marks = [reader.get_destination_page_number(mark) for mark in headings]
    assert set(marks) == set(targets)


def test_pdf_writes_each_article_as_it_is_read() -> None:
    """The articles are drawn and written as they are read: the file grows between one batch
    and the next, and no more pages, links, runs of text, bookmarks or references to written
    pages are alive at the last batch than at the first (memory stays flat however many
    articles, pages and outline entries there are)."""
    out = BytesIO()

    def seen() -> tuple[int, ...]:
        gc.collect()
        alive = Counter(type(thing) for thing in gc.get_objects())
        marks = alive[Destination] + alive[PDFObjectReference]
        return out.tell(), alive[PDFPage], alive[LinkAnnotation], alive[Run], marks

    report, record = streamed_report(40, 1_500, seen)  # type: ignore[arg-type]
    write(report, "pdf", out)
    assert len(PdfReader(out).pages) > 40
    written, pages, links, runs, marks = zip(*record, strict=True)
    assert len(written) == 8 and written[1] < written[4] < written[-1]
    assert pages[-1] <= pages[1] and links[-1] <= links[1], (pages, links)
    assert runs[-1] <= runs[1] * 1.5 + 10
    assert marks[-1] <= marks[1] + 5, marks


def test_pdf_title_page_names_the_analyst_and_scope(sample_project: Project) -> None:
    """The first page is the title page."""
    first = _pages(sample_project)[0]
    assert "Jo Analyst" in first and "Everything in the project" in first
    assert "1 article, 6 claims" in first


def test_characters_the_font_lacks_get_stand_ins() -> None:
    """With a font that has no arrow or emoji, arrows become "->" and symbols are dropped."""
    family = FontFamily("r", "b", "i", "bi", glyphs=frozenset(map(ord, "abc .")))
    assert family.printable("a → b ⚖️ c…") == "a -> b  c..."
    assert family.printable("abc") == "abc"


def test_the_timeline_picture_is_decoded_before_the_articles(
    sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The timeline picture is decoded once, before the first article is drawn (while the
    export holds little, not at the end on top of its peak), and still shown on its page."""
    happened: list[str] = []
    reader, article = pdf_report.ImageReader, pdf_report._Report.article

    def decoded(data: BytesIO) -> object:
        happened.append("picture")
        return reader(data)

    def drawn(self: object, number: int, shown: object) -> None:
        happened.append("article")
        article(self, number, shown)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_report, "ImageReader", decoded)
    monkeypatch.setattr(pdf_report._Report, "article", drawn)
    data = render(build_report(sample_project), "pdf")
    assert happened[0] == "picture" and happened.count("picture") == 1, happened
    pages = PdfReader(BytesIO(data)).pages
    assert [page for page in pages if TITLE in page.extract_text() and page.images]


@pytest.mark.parametrize("claims", [999, 1_000, 12_345, 474_564])
def test_a_long_claim_number_stands_whole_beside_its_note(claims: int) -> None:
    """In a report of hundreds or thousands of claims, the last claim's number is drawn whole
    beside its note, a gap before it (the notes stand further right to make room for it), not
    cut to its first digits or touching the quote."""
    from reportlab.pdfgen.canvas import Canvas

    from workbench.reports.pdf_fonts import report_fonts
    from workbench.reports.pdf_page import Pages
    from workbench.reports.pdf_reportlab import StreamedDocument
    from workbench.reports.pdf_text import Looks
    from workbench.reports.pdf_typeset import Typesetter

    fonts = report_fonts()
    canvas = Canvas(BytesIO())
    typesetter = Typesetter(canvas, fonts)
    styles = pdf_report._styles(fonts, typesetter, claims)
    pages = Pages(StreamedDocument(canvas, BytesIO()), typesetter, lambda _pages, _n: None)
    number = Looks(styles).plain(str(claims), styles.footnote, fonts.bold)
    block = pages.block([number._replace(text="“Said so.”")], styles.footnote, number)
    assert block.bullet is not None
    assert "".join(str(run.codes) for run in block.bullet) == str(claims)
    drawn = block.bullet[-1].x + block.bullet[-1].width
    assert styles.detail.indent == styles.footnote.indent >= drawn + 4 > 20


def test_notes_of_up_to_99_claims_keep_their_place() -> None:
    """Up to 99 claims the notes stand 20 points right of their numbers, as always."""
    from reportlab.pdfgen.canvas import Canvas

    from workbench.reports.pdf_fonts import report_fonts
    from workbench.reports.pdf_typeset import Typesetter

    fonts = report_fonts()
    styles = pdf_report._styles(fonts, Typesetter(Canvas(BytesIO()), fonts), 99)
    assert styles.footnote.indent == styles.detail.indent == 20
