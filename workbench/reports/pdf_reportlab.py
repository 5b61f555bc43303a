"""The one place the PDF report reaches into reportlab beyond its public calls.

reportlab documents how to write one's own text operators for a TrueType font
(`TTFont.splitString(text, doc)` and `getSubsetInternalName(subset, doc)`, see
`reportlab.pdfbase.ttfonts`), but the document they need is the canvas's private `_doc`.

reportlab keeps every page of a document (its content, its links) until `save`, and then
builds the whole file in memory: memory grows with the report. `StreamedDocument` writes each
page to the file as soon as the canvas finishes it, with its content stream and its links
(a link waits until the bookmark it leads to is placed), formatted by reportlab's own object
classes; what only the end knows (the fonts' subsets, the page tree, the outline, the page
total's form) is written by `finish`, then the cross-reference table and the trailer. The
objects keep the numbers reportlab gave them, so the file says what `save` would have said.
`tests/reports/test_pdf_reportlab.py` fails with the name of what a new reportlab renamed.
"""

from __future__ import annotations

from array import array
from typing import Any, BinaryIO

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc

PRIVATE = ("_doc", "_destinations")  # attributes of reportlab.pdfgen.canvas.Canvas used here
DOCUMENT = (  # attributes of reportlab.pdfbase.pdfdoc.PDFDocument used here
    "idToObject",
    "idToObjectNumberAndVersion",
    "numberToId",
    "objectcounter",
    "delayedFonts",
    "Catalog",
    "Pages",
    "Outlines",
    "info",
    "signature",
    "invariant",
    "encrypt",
    "_pdfVersion",
)
CLASSES = (
    "PDFPage",
    "PDFStream",
    "LinkAnnotation",
    "PDFDestinationXYZ",
    "PDFArray",
    "PDFIndirectObject",
    "PDFTrailer",
    "PDFFile",
)


def document_of(canvas: Any) -> Any:
    """The PDF document a canvas writes into (what a font's subsets are kept per)."""
    return canvas._doc


class StreamedDocument:
    """Writes a canvas's document to `out` page by page (see the module's note)."""

    def __init__(self, canvas: Any, out: BinaryIO) -> None:
        self.canvas, self.doc, self.out = canvas, canvas._doc, out
        self.offsets = array("q")  # by object number: where it starts in the file, or -1
        self.next = 1  # the first object number not yet looked at
        self.waiting: dict[str, list[int]] = {}  # by bookmark not placed yet: its links
        self.placed: list[str] = []  # bookmarks placed on the page being drawn
        self.listed: set[str] = set()  # links a written page lists, not written yet
        self.outlined: set[str] = set()  # bookmarks the outline leads to (kept to the end)
        self.kept: list[int] = []  # objects only the end can write
        self.forms: dict[str, int] = {}
        self.at = 0
        self.drawing = True  # until `finish`
        self._write(pdfdoc.PDFFile(self.doc._pdfVersion).strings[0])

    def reserve_form(self, name: str) -> None:
        """Give the form `name` its number now, so pages can use it before it is drawn
        (`finish_form` gives it its content)."""
        internal = pdfdoc.xObjectName(name)
        self.doc.Reference(pdfdoc.PDFDictionary({}), internal)
        self.forms[internal] = self.doc.idToObjectNumberAndVersion[internal][0]

    def finish_form(self, name: str) -> None:
        """End the form being drawn (`canvas.beginForm(name)`) into the number reserved."""
        doc, internal = self.doc, pdfdoc.xObjectName(name)
        del doc.idToObject[internal]
        self.canvas.endForm()
        drawn, number = doc.objectcounter, self.forms[internal]
        assert doc.numberToId[drawn] == internal, "reportlab numbered the form out of turn"
        del doc.numberToId[drawn]
        doc.objectcounter = drawn - 1
        doc.idToObjectNumberAndVersion[internal] = (number, 0)

    def bookmark(self, name: str, top: float, left: float) -> None:
        """A bookmark at (left, top) of the page being drawn, that the links made before it
        lead to (once its page is written it is forgotten, unless the outline names it)."""
        self.canvas.bookmarkHorizontalAbsolute(name, top, left=left)
        self.placed.append(name)

    def outline_entry(self, title: str, bookmark: str, level: int) -> None:
        """An entry of the PDF's outline, leading to `bookmark`."""
        self.canvas.addOutlineEntry(title, bookmark, level=level, closed=False)
        self.outlined.add(bookmark)

    def page_finished(self) -> None:
        """Write the page the canvas has just finished, and the links now ready."""
        doc = self.doc
        numbers, objects = doc.numberToId, doc.idToObject
        while self.next <= doc.objectcounter:  # formatting a page numbers its content
            number = self.next
            self.next += 1
            found = objects[numbers[number]]
            kind = type(found)
            if kind is pdfdoc.LinkAnnotation:
                if found.Destination.page is None:
                    self.waiting.setdefault(found.Destination.name, []).append(number)
                    continue
            elif kind is not pdfdoc.PDFPage and kind is not pdfdoc.PDFStream:
                self.kept.append(number)
                continue
            self._put(number)
        destinations = self.canvas._destinations
        for name in self.placed:
            for number in self.waiting.pop(name, ()):
                self._put(number)
            if name not in self.outlined:
                destinations.pop(name, None)
        self.placed = []

    def finish(self) -> None:
        """Write what is left, then the cross-reference table and the trailer."""
        doc = self.doc
        self.drawing = False
        for font in doc.delayedFonts:
            font.addObjects(doc)
        doc.info.invariant = doc.invariant
        doc.info.digest(doc.signature)
        doc.Reference(doc.Catalog)
        doc.Reference(doc.info)
        doc.Outlines.prepare(doc, self.canvas)
        if doc.Outlines.ready < 0:
            doc.Catalog.Outlines = None
        doc.encrypt.prepare(doc)
        if self.waiting:
            names = ", ".join(sorted(self.waiting)[:3])
            raise ValueError(
                f"links lead to bookmarks never placed after them: {names} (a link must be made"
                " before its bookmark is placed, unless the outline names the bookmark)"
            )
        for number in self.kept:
            self._put(number)
        self.kept = []
        while self.next <= doc.objectcounter:
            self.next += 1
            self._put(self.next - 1)
        count = doc.objectcounter + 1
        table = ["xref", f"0 {count}", "0000000000 65535 f "]
        table += [f"{offset:010d} 00000 n " for offset in self.offsets[1:count]]
        start = self.at
        self._write(("\n".join(table) + "\n").encode("ascii"))
        trailer = pdfdoc.PDFTrailer(
            startxref=start,
            Size=count,
            Root=doc.Reference(doc.Catalog),
            Info=doc.Reference(doc.info),
            ID=doc.ID(),
        )
        self._write(trailer.format(doc))

    def _put(self, number: int) -> None:
        """Format object `number`, write it, and forget it (a page keeps its number, which
        bookmarks and the page tree name)."""
        doc = self.doc
        name = doc.numberToId.pop(number)
        found = doc.idToObject.pop(name)
        kind = type(found)
        if kind is pdfdoc.PDFPage:
            links = [link.name for link in found.Annots or ()]
        written = self._link(number, found) if kind is pdfdoc.LinkAnnotation else None
        if written is None:
            written = pdfdoc.PDFIndirectObject(name, found).format(doc)
        offsets = self.offsets
        if len(offsets) <= number:
            offsets.extend([-1] * (number + 1024 - len(offsets)))
        offsets[number] = self.at
        self._write(written)
        known = doc.idToObjectNumberAndVersion
        if kind is pdfdoc.PDFPage:
            doc.idToObject[name] = None  # still registered: `Reference` finds it by name
            pages = doc.Pages.pages
            pages[len(pages) - 1 if pages[-1] is found else pages.index(found)] = (
                pdfdoc.PDFObjectReference(name)
            )
            for link in links:  # a link's number is needed until its page is written
                if link in doc.idToObject:
                    self.listed.add(link)
                else:
                    del known[link]
        elif kind is pdfdoc.LinkAnnotation:
            if name in self.listed:
                self.listed.discard(name)
                del known[name]
        elif kind is pdfdoc.PDFStream and self.drawing:  # a page's content
            del known[name]
        else:
            doc.idToObject[name] = None

    def _link(self, number: int, link: Any) -> bytes | None:
        """A plain link (no border, no text, to a point of a page) as reportlab formats it,
        written directly: its generic formatting of each part cost a tenth of the export."""
        place, border = link.Destination.fmt, link.Border
        if link.otherkw or link.Contents or type(place) is not pdfdoc.PDFDestinationXYZ:
            return None
        if type(border) is not pdfdoc.PDFArray or border.sequence != [0, 0, 0]:
            return None
        page = self.doc.idToObjectNumberAndVersion[link.Destination.page.name][0]
        spot, rect = fp_str(place.left, place.top, place.zoom), fp_str(*link.Rect)
        return (
            f"{number} 0 obj\n<<\n/Border [ 0 0 0 ] /Contents () /Dest [ {page} 0 R /XYZ {spot} ]"
            f" /Rect [ {rect} ] /Subtype /Link /Type /Annot\n>>\nendobj\n"
        ).encode("ascii")

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.at += len(data)
