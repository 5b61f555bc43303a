"""DOCX and REFI-QDA write their markup as text: analyst text that looks like markup (closing
tags, quotes, entities, CDATA, a carriage return) is read back from the file exactly as typed,
in the place it was typed, and adds no element."""

from __future__ import annotations

import zipfile
from datetime import datetime
from io import BytesIO

from docx import Document
from lxml import etree

from workbench.reports import refi_qda_codes as codes
from workbench.reports import render
from workbench.reports.model import Article, Claim, Hop, Report, Source

W_BREAKOUT = "</w:t></w:r><w:r><w:t>INJECTED</w:t></w:r></w:p><w:p><w:r><w:t>"
Q_BREAKOUT = '"/><PlainTextSelection guid="x" startPosition="0" endPosition="1"/><X a="'
ENTITIES = "AT&T <b>bold</b> &amp; &#x41; <![CDATA[raw]]> <!-- comment --> 'single' \"double\""
TEXT = f"Officials met.\n\nThe minister said {W_BREAKOUT} and {Q_BREAKOUT}."


def _report() -> Report:
    start = TEXT.index(W_BREAKOUT)
    end = TEXT.index(Q_BREAKOUT) + len(Q_BREAKOUT)
    claim = Claim(
        ref="c1",
        number=1,
        start=start,
        end=end,
        exact=TEXT[start:end],
        summary=f"Summary {ENTITIES}",
        attribution=(Hop(f"Agency {Q_BREAKOUT}", "reported by", cue=f"told {ENTITIES}"),),
        tags=(f"tag {W_BREAKOUT}",),
        notes=(f"note {ENTITIES}\r\nsecond line",),
    )
    article = Article(
        ref="ab" * 32,
        title=f"Title {W_BREAKOUT} {Q_BREAKOUT}",
        text=TEXT,
        outlet=f"Outlet {ENTITIES}",
        claims=(claim,),
    )
    source = Source(f"Agency {Q_BREAKOUT}", "wire", description=ENTITIES)
    return Report(
        title=f"Report {Q_BREAKOUT}",
        created=datetime(2025, 6, 23),
        articles=(article,),
        sources=(source,),
    )


def test_docx_shows_markup_typed_by_the_analyst_as_text() -> None:
    """Title, quote, summary, outlet and note come back from Word's paragraphs as typed; the
    quote's paragraph is one paragraph, and the footnote carries the summary as typed."""
    document = Document(BytesIO(render(_report(), "docx")))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert f"1. Title {W_BREAKOUT} {Q_BREAKOUT}" in paragraphs
    assert f"The minister said {W_BREAKOUT} and {Q_BREAKOUT}." in paragraphs
    assert f"Summary {ENTITIES}" in paragraphs
    assert f"Outlet {ENTITIES}" in paragraphs
    assert f"note {ENTITIES}\r\nsecond line" in paragraphs  # the line break a w:br
    assert "INJECTED" not in paragraphs
    with zipfile.ZipFile(BytesIO(render(_report(), "docx"))) as package:
        notes = etree.fromstring(package.read("word/footnotes.xml"))
    shown = ["".join(note.itertext()) for note in notes]
    assert any(f"Summary {ENTITIES}" in text for text in shown)


def test_qdpx_keeps_markup_typed_by_the_analyst_as_values() -> None:
    """The selection's name, the description, the note, the case's name and the cue read back
    as typed, and the archive holds exactly one selection, one source and one case."""
    with zipfile.ZipFile(BytesIO(render(_report(), "qdpx"))) as archive:
        root = etree.fromstring(archive.read(codes.QDE))
    ns = {"q": codes.NS}
    [selection] = root.findall(".//q:PlainTextSelection", ns)
    assert selection.get("name") == f"{W_BREAKOUT} and {Q_BREAKOUT}"
    assert selection.findtext("q:Description", namespaces=ns) == f"Summary {ENTITIES}"
    assert len(root.findall(".//q:TextSource", ns)) == 1
    [case] = root.findall(".//q:Case", ns)
    assert case.get("name") == f"Agency {Q_BREAKOUT}"
    assert case.findtext("q:Description", namespaces=ns) == ENTITIES
    notes = [note.findtext("q:PlainTextContent", namespaces=ns) for note in root.iter(q("Note"))]
    assert f"note {ENTITIES}\r\nsecond line" in notes
    assert f"told {ENTITIES}" in notes
    assert root.get("name") == f"Report {Q_BREAKOUT}"
    assert root.find("q:X", ns) is None and not root.findall(".//q:X", ns)


def q(name: str) -> str:
    return f"{{{codes.NS}}}{name}"
