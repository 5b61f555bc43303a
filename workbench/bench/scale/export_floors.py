"""Floors of the PDF and DOCX export rows: the same text written with the least the format's
library needs, in a child process of its own.

`python -m workbench.bench.scale.export_floors pdf|docx PROJECT OUT` reads every article's
title and text and every claim's quote, summary and chain (plain sqlite3, the export rows'
join) and writes them: for PDF, reportlab's canvas drawing each line with `drawString` (the
text cut into lines of `LINE` characters, no wrapping by width, no markup, one font; its page
streams compressed without ASCII85, as the report's are); for
DOCX, Python's zipfile writing a minimal package whose document part has one escaped
paragraph per line of text. No layout engine, no document model: what is left is reading the
data and the format's own encoding of that much text.
"""

from __future__ import annotations

import sqlite3
import sys
import zipfile
from collections.abc import Iterator
from xml.sax.saxutils import escape

LINE = 95  # characters a line of A4 holds at 10 pt
ARTICLES = "SELECT title, text FROM articles ORDER BY id"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels"'
    ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def texts(project: str) -> Iterator[str]:
    """Every text an export of the whole project shows: articles, then claims."""
    from workbench.bench.scale.shell_floors import JOIN

    database = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    try:
        for title, text in database.execute(ARTICLES):
            yield title
            yield text
        for row in database.execute(JOIN):
            yield " · ".join(str(value) for value in row if value is not None)
    finally:
        database.close()


def lines(project: str) -> Iterator[str]:
    for text in texts(project):
        for paragraph in text.split("\n"):
            for start in range(0, max(len(paragraph), 1), LINE):
                yield paragraph[start : start + LINE]


def pdf(project: str, out: str) -> None:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from workbench.reports.pdf_fonts import report_fonts

    rl_config.useA85 = 0  # the report writes its page streams so (pdf_reportlab): the same work
    font = report_fonts().regular
    canvas = Canvas(out, pagesize=A4)
    top, bottom, step = A4[1] - 57, 57, 14
    y = top
    canvas.setFont(font, 10)
    for line in lines(project):
        if y < bottom:
            canvas.showPage()
            canvas.setFont(font, 10)
            y = top
        canvas.drawString(57, y, line)
        y -= step
    canvas.save()


def docx(project: str, out: str) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", RELATIONSHIPS)
        with package.open("word/document.xml", "w") as document:
            document.write(
                f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'.encode()
            )
            for line in lines(project):
                paragraph = f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
                document.write(paragraph.encode())
            document.write(b"</w:body></w:document>")


FLOORS = {"pdf": pdf, "docx": docx}


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in FLOORS:
        print(f"usage: export_floors {{{','.join(FLOORS)}}} PROJECT OUT", file=sys.stderr)
        return 2
    FLOORS[argv[0]](argv[1], argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
