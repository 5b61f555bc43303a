"""Small, real documents of each format, made in memory for the importer's tests."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage

DOCX_PARAGRAPHS = [
    "Sources told Reuters that the talks had stalled.",
    "The Kremlin confirmed the meeting but gave no details.",
]


def pdf_bytes(lines: list[str], *, title: str = "", author: str = "") -> bytes:
    """A PDF with a text layer: one drawn line per entry, a gap for an empty entry."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    sheet.setTitle(title)
    sheet.setAuthor(author)
    y = 800
    for line in lines:
        if line:
            sheet.drawString(72, y, line)
        y -= 14
    sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def scanned_pdf_bytes() -> bytes:
    """A PDF page with only a picture (a filled shape) and no text layer, like a scan."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    sheet.rect(72, 400, 300, 300, fill=1)
    sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def encrypted_pdf_bytes(password: str = "secret") -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_bytes(["Secret plan."]))))
    writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def docx_bytes(paragraphs: list[str] = DOCX_PARAGRAPHS, *, title: str = "") -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "Ann Analyst"
    document.add_heading("Briefing on the talks", level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Source"
    table.rows[0].cells[1].text = "Reuters"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_zip_bomb() -> bytes:
    """A real Word document carrying 20 MB of zeros that pack into a few kilobytes."""
    buffer = io.BytesIO(docx_bytes())
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/filler.bin", b"\0" * (20 * 1024 * 1024))
    return buffer.getvalue()


def eml_bytes(*, html_only: bool = False) -> bytes:
    message = EmailMessage()
    message["Subject"] = "Kremlin confirms meeting with Araqchi"
    message["From"] = "Desk Editor <desk@example.org>"
    message["Date"] = "Mon, 23 Jun 2025 14:05:00 +0000"
    text = "The Kremlin confirmed the meeting.\n\nNo details were given about the letter."
    html = (
        "<html><body><p>The Kremlin <b>confirmed</b> the meeting.</p>"
        '<p>No details were given about the letter.</p><img src="https://tracker.invalid/p.gif">'
        "</body></html>"
    )
    if html_only:
        message.set_content(html, subtype="html")
    else:
        message.set_content(text)
        message.add_alternative(html, subtype="html")
    return bytes(message)


def mhtml_bytes(page: bytes) -> bytes:
    """A browser's single-file web archive holding `page`."""
    message = EmailMessage()
    message["Snapshot-Content-Location"] = "https://deftechtimes.com/saved/"
    message["Subject"] = "Saved page"
    message["Date"] = "Mon, 23 Jun 2025 15:00:00 +0000"
    message.make_related()
    message.add_related(page, maintype="text", subtype="html", cte="quoted-printable")
    message.add_related(b"\x89PNG\r\n\x1a\n", maintype="image", subtype="png")
    return bytes(message)


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire Desk</title><language>en-gb</language>
<item><title>Talks stall in Vienna</title><link>https://wire.invalid/1</link>
<author>desk@wire.invalid (Omar Khan)</author><pubDate>Mon, 23 Jun 2025 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Negotiators left Vienna without a deal.&lt;/p&gt;&lt;img src="https://wire.invalid/x.png"&gt;</description></item>
{broken}
<item><title>Ceasefire holds</title><link>https://wire.invalid/3</link>
<description>The ceasefire held through the night, officials said.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Drone strike reported</title><link href="https://atom.invalid/a"/>
<author><name>Li Wu</name></author><updated>2025-06-24T10:00:00Z</updated>
<content type="html">&lt;p&gt;A drone strike was reported near the border.&lt;/p&gt;</content>
</entry></feed>
"""
