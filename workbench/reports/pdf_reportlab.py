"""The one place the PDF report reaches into reportlab beyond its public calls.

reportlab documents how to write one's own text operators for a TrueType font
(`TTFont.splitString(text, doc)` and `getSubsetInternalName(subset, doc)`, see
`reportlab.pdfbase.ttfonts`), but the document they need is the canvas's private `_doc`.

reportlab keeps every page of a document (its content, its links, its bookmarks and outline)
until `save`, and then builds the whole file in memory: memory grows with the report.
`StreamedDocument` writes each page to the file as soon as the canvas finishes it, with its
content stream and its links, and then forgets it: the page and its compressed content are
formatted here byte for byte as reportlab's `PDFPage` and `PDFStream` format them (their
entries chosen by reportlab's own lists), the rest by reportlab's own object classes. A link
leads to a destination object of its own (`/Dest 12 0 R`, numbered when the link or the
outline first names the bookmark), written once the bookmark's page is: so a link may lead
ahead to a page not drawn yet and nothing waits for it. The outline is written entry by
entry (`pdf_outline`). What only the end knows (the fonts' subsets, the page tree, the page
total's form) is written by `finish`, then the cross-reference table (a piece at a time: at
100,000 articles it has two million entries) and the trailer.
`tests/reports/test_pdf_reportlab.py` fails with the name of what a new reportlab renamed.
"""

from __future__ import annotations

import zlib
from array import array
from functools import cache
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc

from workbench.reports.pdf_outline import Outline

PRIVATE = ("_doc", "_destinations")  # attributes of reportlab.pdfgen.canvas.Canvas used here
DOCUMENT = (  # attributes of reportlab.pdfbase.pdfdoc.PDFDocument used here
    "idToObject",
    "idToObjectNumberAndVersion",
    "numberToId",
    "objectcounter",
    "delayedFonts",
    "Catalog",
    "Pages",
    "info",
    "signature",
    "invariant",
    "encrypt",
    "_pdfVersion",
)
CLASSES = (
    "PDFPage",
    "PDFPages",
    "PDFStream",
    "PDFString",
    "LinkAnnotation",
    "PDFArray",
    "PDFIndirectObject",
    "PDFObjectReference",
    "PDFTrailer",
    "PDFFile",
    "PDFZCompress",
    "format",
)
PAGE: tuple[str, ...] = ("stream", "compression", "Contents", "Resources", "XObjects")
PAGE += ("hasImages", "ExtGState", "_shadingUsed", "_colorsUsed")  # of a finished PDFPage
WRITTEN_AT_ONCE = (pdfdoc.LinkAnnotation, pdfdoc.PDFPage, pdfdoc.PDFStream)  # a page's parts
OUTLINE = "Outlines.streamed"  # the name the catalog knows the outline's root by
XREF_AT_ONCE = 8192  # cross-reference entries formatted at a time


def document_of(canvas: Any) -> Any:
    """The PDF document a canvas writes into (what a font's subsets are kept per)."""
    return canvas._doc


class StreamedDocument:
    """Writes a canvas's document to `out` page by page (see the module's note)."""

    def __init__(self, canvas: Any, out: BinaryIO) -> None:
        self.canvas, self.doc, self.out = canvas, canvas._doc, out
        self.offsets = array("q")  # by object number: where it starts in the file, or -1
        self.next = 1  # the first object number not yet looked at
        self.destinations: dict[str, int] = {}  # by bookmark not written yet: its number
        self.placed: list[tuple[str, float, float]] = []  # bookmarks of the page being drawn
        self.pages = array("q")  # the pages' object numbers, in order
        self.resources: dict[Any, bytes] = {}  # a page's resources, formatted: by what is in them
        self.kept: list[int] = []  # objects only the end can write
        self.forms: dict[str, int] = {}
        self.outline = Outline(self._reserve, self._write_object)
        self.at = 0
        self.drawing = True  # until `finish`
        self.plain = formats_plainly(self.doc)  # pages and their content formatted here
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
        """A bookmark at (left, top) of the page being drawn, that links made before it (and
        on its page) lead to; once its page is written it is forgotten."""
        self.placed.append((name, left, top))

    def outline_entry(self, title: str, bookmark: str, level: int) -> None:
        """An entry of the PDF's outline, leading to `bookmark` (placed on this page or later)."""
        shown = pdfdoc.PDFString(title).format(self.doc)
        self.outline.add(shown, self._destination(bookmark), level)

    def page_finished(self) -> None:
        """Write the page the canvas has just finished, its links, and the destinations of
        the bookmarks placed on it that a link or the outline leads to."""
        doc = self.doc
        numbers, objects = doc.numberToId, doc.idToObject
        while self.next <= doc.objectcounter:  # formatting a page numbers its content
            number = self.next
            self.next += 1
            name = numbers.get(number)
            if name is None:  # a number taken here (a destination, an outline entry)
                continue
            kind = type(objects[name])
            if kind in WRITTEN_AT_ONCE:
                self._put(number)
            else:
                self.kept.append(number)
        if self.placed and self.pages:
            page = self.pages[-1]
            for name, left, top in self.placed:
                number = self.destinations.pop(name, 0)
                if number:
                    place = f"[ {page} 0 R /XYZ {fp_str(left, top, 0)} ]"
                    self._write_object(number, place.encode("ascii"))
        self.placed = []

    def finish(self) -> None:
        """Write what is left, then the cross-reference table and the trailer."""
        doc = self.doc
        self.drawing = False
        if self.destinations:
            names = ", ".join(sorted(self.destinations)[:3])
            raise ValueError(
                f"links lead to bookmarks never placed after them: {names} (a link must be made"
                " before the page of its bookmark is written)"
            )
        for font in doc.delayedFonts:
            font.addObjects(doc)
        doc.info.invariant = doc.invariant
        doc.info.digest(doc.signature)
        root = self.outline.finish()
        if root:
            doc.idToObjectNumberAndVersion[OUTLINE] = (root, 0)
        doc.Catalog.Outlines = pdfdoc.PDFObjectReference(OUTLINE) if root else None
        doc.Reference(doc.Catalog)
        doc.Reference(doc.info)
        doc.encrypt.prepare(doc)
        for number in self.kept:
            self._put(number)
        self.kept = []
        while self.next <= doc.objectcounter:
            self.next += 1
            if self.next - 1 in doc.numberToId:
                self._put(self.next - 1)
        count = doc.objectcounter + 1
        start = self.at
        self._write(f"xref\n0 {count}\n0000000000 65535 f \n".encode("ascii"))
        for first in range(1, count, XREF_AT_ONCE):  # in pieces: 20 bytes an object, millions
            offsets = self.offsets[first : min(first + XREF_AT_ONCE, count)]
            self._write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
        trailer = pdfdoc.PDFTrailer(
            startxref=start,
            Size=count,
            Root=doc.Reference(doc.Catalog),
            Info=doc.Reference(doc.info),
            ID=doc.ID(),
        )
        self._write(trailer.format(doc))

    def _put(self, number: int) -> None:
        """Format object `number`, write it, and forget it."""
        doc = self.doc
        name = doc.numberToId.pop(number)
        found = doc.idToObject.pop(name)
        kind = type(found)
        if kind is pdfdoc.PDFPage:
            links = [link.name for link in found.Annots or ()]
            resources = self._prepared(found)
        if kind is pdfdoc.LinkAnnotation:
            written = self._link(number, found)
        elif kind is pdfdoc.PDFPages:
            written = self._page_tree(number)
        elif kind is pdfdoc.PDFPage and self.plain and not found.Override_default_compilation:
            written = self._page(number, found)
        elif kind is pdfdoc.PDFStream and self.plain and _compressed_only(found):
            written = _stream(number, found.content)
        else:
            written = pdfdoc.PDFIndirectObject(name, found).format(doc)
        self._at_offset(number)
        self._write(written)
        known = doc.idToObjectNumberAndVersion
        if kind is pdfdoc.PDFPage:
            if resources is not None and resources not in self.resources:
                self.resources[resources] = pdfdoc.format(found.Resources, doc)
            self.pages.append(number)
            pages = doc.Pages.pages
            del pages[len(pages) - 1 if pages[-1] is found else pages.index(found)]
            for link in links:  # a link's number is needed until its page is written
                del known[link]
            del known[name]
        elif kind is pdfdoc.LinkAnnotation:
            self.canvas._destinations.pop(found.Destination.name, None)
        elif kind is pdfdoc.PDFStream and self.drawing:  # a page's content
            del known[name]
        else:
            doc.idToObject[name] = None  # still registered: `Reference` finds it by name

    def _prepared(self, page: Any) -> tuple[Any, ...] | None:
        """Give the page its content stream compressed without ASCII85 (reportlab's default,
        `useA85`, makes the stream a quarter longer and costs a tenth of the export in
        re-encoding), and its resources as formatted for the first page with the same (they
        cost as much again, alike on every page); what its resources are known by."""
        if page.compression and not page.Contents and page.stream:
            page.Contents = pdfdoc.PDFStream(content=page.stream, filters=[pdfdoc.PDFZCompress])
        if page.Resources or page.ExtGState or page._shadingUsed or page._colorsUsed:
            return None
        forms = page.XObjects
        key = (bool(page.hasImages), *(sorted(forms.dict) if forms else ()))
        page.Resources = self.resources.get(key)
        return key

    def _link(self, number: int, link: Any) -> bytes:
        """A plain link (no border, no text), to the destination of its bookmark."""
        border = link.Border
        plain = type(border) is pdfdoc.PDFArray and border.sequence == [0, 0, 0]
        if link.otherkw or link.Contents or not plain:
            raise ValueError("only plain links (no border, no text) are written page by page")
        there, rect = self._destination(link.Destination.name), fp_str(*link.Rect)
        return (
            f"{number} 0 obj\n<<\n/Border [ 0 0 0 ] /Contents () /Dest {there} 0 R"
            f" /Rect [ {rect} ] /Subtype /Link /Type /Annot\n>>\nendobj\n"
        ).encode("ascii")

    def _page(self, number: int, page: Any) -> bytes:
        """The page object as reportlab's `PDFPage.format` writes it (its entries chosen and
        referenced alike, in the same order, so its content stream takes the same number),
        formatted here: reportlab's general formatting of every entry was a sixth of writing
        the pages."""
        doc = self.doc
        page.check_format(doc)
        entries = {}
        for key, value in page.__Defaults__.items():
            value = getattr(page, key, value)
            if value is not None:
                entries[key] = value
        for key in page.__NoDefault__:
            value = getattr(page, key, None)
            if value is not None:
                entries[key] = value
        for key in page.__Refs__:
            if key in entries:
                entries[key] = doc.Reference(entries[key])
        body = [_name(key) + b" " + self._formatted(entries[key]) for key in sorted(entries)]
        for at in reversed(range(6, len(body), 6)):  # a break every six entries, as reportlab
            body.insert(at, b"\n ")
        return b"%d 0 obj\n<<\n%s\n>>\nendobj\n" % (number, b" ".join(body))

    def _formatted(self, value: Any) -> bytes:
        """A value as `pdfdoc.format` writes it inside a dictionary (references, numbers and
        arrays of them here, anything else by reportlab)."""
        kind = type(value)
        if kind is pdfdoc.PDFObjectReference:
            return b"%d %d R" % self.doc.idToObjectNumberAndVersion[value.name]
        if kind is bytes:
            return value
        if kind is int or kind is float:
            return fp_str(value).encode("ascii")
        if kind is pdfdoc.PDFArray and value.multiline is True:
            items = [self._formatted(item) for item in value.sequence]
            for at in reversed(range(10, len(items), 10)):  # a break every ten, as reportlab
                items.insert(at, b"\n ")
            return b"[ " + b" ".join(items) + b" ]"
        return pdfdoc.format(value, self.doc)

    def _page_tree(self, number: int) -> bytes:
        """The page tree: one node whose kids are every page, in order."""
        kids = " ".join(f"{page} 0 R" for page in self.pages)
        return (
            f"{number} 0 obj\n<<\n/Count {len(self.pages)} /Kids [ {kids} ] /Type /Pages\n>>"
            "\nendobj\n"
        ).encode("ascii")

    def _destination(self, bookmark: str) -> int:
        """The number of the destination object of a bookmark not written yet."""
        number = self.destinations.get(bookmark)
        if number is None:
            number = self.destinations[bookmark] = self._reserve()
        return number

    def _reserve(self) -> int:
        """An object number of reportlab's count, for an object written here."""
        self.doc.objectcounter += 1
        return int(self.doc.objectcounter)

    def _write_object(self, number: int, body: bytes) -> None:
        self._at_offset(number)
        self._write(b"%d 0 obj\n%s\nendobj\n" % (number, body))

    def _at_offset(self, number: int) -> None:
        offsets = self.offsets
        if len(offsets) <= number:
            offsets.extend([-1] * (number + 1024 - len(offsets)))
        offsets[number] = self.at

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.at += len(data)


def formats_plainly(doc: Any) -> bool:
    """Whether pages and their content can be formatted here as reportlab would: with no
    encryption, comments or entries a line each (reportlab's defaults)."""
    return (
        type(doc.encrypt) is pdfdoc.NoEncryption
        and not rl_config.pdfComments
        and not rl_config.pdfMultiLine
    )


def _compressed_only(stream: Any) -> bool:
    """Whether a stream is a page's content as `_prepared` made it: compressed, nothing else."""
    return not stream.dictionary.dict and stream.filters == [pdfdoc.PDFZCompress]


def _stream(number: int, content: str | bytes) -> bytes:
    """A compressed stream object, as reportlab's `PDFStream.format` writes it."""
    data = zlib.compress(content.encode("utf8") if isinstance(content, str) else content)
    head = b"%d 0 obj\n<<\n/Filter [ /FlateDecode ] /Length %d\n>>\nstream\n" % (number, len(data))
    return head + data + b"endstream\nendobj\n"


@cache
def _name(key: str) -> bytes:
    return pdfdoc.PDFName(key).encode("ascii")
