"""The Word report: opens with python-docx, with shaded claims, real footnotes and tables."""

from __future__ import annotations

from io import BytesIO
from itertools import pairwise
from pathlib import Path

import docx
from docx.oxml.ns import qn

from tests.reports.conftest import CHAIN, HOSTILE_NOTE, REUTERS_QUOTE
from tests.reports.streamed import streamed_report
from workbench.domain.anchoring import Span
from workbench.reports import render, write
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim, edit_claim
from workbench.services.reporting import build_report
from workbench.store import ProjectStore

FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def _document(project: Project) -> docx.document.Document:
    return docx.Document(BytesIO(render(build_report(project), "docx")))


def _footnotes_xml(document: docx.document.Document) -> str:
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype == FOOTNOTES)
    return part.blob.decode("utf-8")


def test_docx_opens_and_holds_the_reuters_claim(hostile_project: Project) -> None:
    """The quote is in the text, its detail lists the chain, and the note is kept as typed."""
    document = _document(hostile_project)
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert REUTERS_QUOTE in text
    assert "unnamed sources (speaker; F) → Reuters (reported by; B) → Deftechtimes" in text
    assert HOSTILE_NOTE in text


def test_each_claim_has_a_real_footnote_carrying_its_chain(sample_project: Project) -> None:
    """Six footnote references in the body, six notes; the Reuters one names all three hops."""
    document = _document(sample_project)
    references = document.element.body.findall(".//" + qn("w:footnoteReference"))
    assert len(references) == 6
    notes = _footnotes_xml(document)
    assert notes.count("<w:footnote ") == 8  # six claims plus Word's two separators
    assert "Claim 2: Iran's leadership is unhappy with Russia's support so far" in notes
    for name in CHAIN:
        assert name in notes


def test_claim_text_is_shaded_by_status(sample_project: Project) -> None:
    """The runs of the Reuters quote carry the unverified colour."""
    document = _document(sample_project)
    shaded = [
        run
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if run._r.find(".//" + qn("w:shd")) is not None and REUTERS_QUOTE[:20] in run.text
    ]
    assert shaded
    assert shaded[0]._r.find(".//" + qn("w:shd")).get(qn("w:fill")) == "FDE68A"


def test_summary_tables_list_sources_with_reliability(sample_project: Project) -> None:
    """The sources table has each source with its Admiralty wording and claim count."""
    document = _document(sample_project)
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert ["Reuters", "wire agency", "B — usually reliable", "1"] in rows
    assert ["Deftechtimes", "outlet", "C — fairly reliable", "6"] in rows


def test_footnotes_are_numbered_in_reading_order(sample_project: Project) -> None:
    """With citations, the heading's note is the first and each later reference's note the
    next, so Word and LibreOffice number them alike (1 on the heading, 2–7 on the claims)."""
    report = build_report(sample_project, citation_style="chicago")
    document = docx.Document(BytesIO(render(report, "docx")))
    references = document.element.body.iter(qn("w:footnoteReference"))
    assert [int(reference.get(qn("w:id"))) for reference in references] == list(range(1, 8))


def test_docx_is_written_while_its_articles_are_read() -> None:
    """The body goes into the file as the articles are read, not all at the end: by each
    batch read, more of the file has been written."""
    out = BytesIO()
    report, written = streamed_report(60, 30_000, out.tell)
    write(report, "docx", out)
    assert len(written) == 12
    assert all(later > earlier for earlier, later in pairwise(written[1:]))
    assert written[-1] > out.tell() / 2
    document = docx.Document(BytesIO(out.getvalue()))
    assert sum(p.style.name == "Heading 1" for p in document.paragraphs if p.style) >= 60


def test_each_claim_says_who_made_it_and_who_changed_it_last(tmp_path: Path) -> None:
    """Under the claim Alice made and Bob changed: "By: alice · last changed by bob" (as the
    PDF says it); under a claim made by nobody named (as in the golden sample), no By line."""
    path = tmp_path / "case.wbproj"
    ProjectStore.create(path).close()
    talks = "Geneva talks collapse.\n\nReuters reports the Geneva talks collapsed on Tuesday."
    with Project(ProjectStore.open(path), user="alice") as alice:
        article = add_article(alice, NewArticle(text=talks, title="Geneva talks collapse"))
        changed = create_claim(alice, article, Span(0, 22))
    with Project(ProjectStore.open(path), user="") as nobody:
        create_claim(nobody, article, Span(24, 31))
    with Project(ProjectStore.open(path), user="bob") as bob:
        edit_claim(bob, changed, summary="talks collapsed")
        document = docx.Document(BytesIO(render(build_report(bob), "docx")))
    lines = [paragraph.text for paragraph in document.paragraphs]
    assert [line for line in lines if line.startswith("By")] == ["By: alice · last changed by bob"]
    quotes = [index for index, line in enumerate(lines) if line.startswith(("1. “", "2. “"))]
    assert len(quotes) == 2  # the By line sits under the first claim, before the second
    assert quotes[0] < lines.index("By: alice · last changed by bob") < quotes[1]
