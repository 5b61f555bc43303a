"""Articles as RIS references (`workbench export --format ris`), written with `rispy`, as
Zotero, EndNote and Mendeley read them: the same fields as the CSL-JSON items
(`citations.csl_item`), in RIS tags (NEWS; TI, T2 outlet, AU, DA, PY, UR, LA, KW, N1)."""

from __future__ import annotations

import io
from typing import Any, BinaryIO

import rispy

from workbench.reports import model as rm
from workbench.reports.model import Report
from workbench.reports.safe_text import xml_safe

PASSES = 1
SECTIONS = False  # an exchange file carries records, not the analysis sections


class _Writer(rispy.RisWriter):
    """RIS as reference managers write it: no numbered line before each reference."""

    def set_header(self, count: int) -> str:
        return ""


def ris_entry(article: rm.Article) -> dict[str, Any]:
    """The article as an RIS entry (rispy's field names; empty fields left out)."""
    entry: dict[str, Any] = {"type_of_reference": "NEWS", "id": article.ref, "title": article.title}
    fields: dict[str, Any] = {
        "secondary_title": article.outlet,
        "authors": list(article.authors),
        "urls": [article.url] if article.url else [],
        "language": article.language,
        "keywords": list(article.tags),
        "notes": list(article.notes),
    }
    if article.published is not None:
        day = article.published
        fields["date"] = f"{day.year:04d}/{day.month:02d}/{day.day:02d}/"
        fields["year"] = f"{day.year:04d}"
    entry.update({key: value for key, value in fields.items() if value})
    return {key: _line(value) for key, value in entry.items()}


def _line(value: Any) -> Any:
    """A value as one RIS line: no control characters, and no line break (which would end it
    and start a line a reader takes for a tag)."""
    if isinstance(value, list):
        return [_line(item) for item in value]
    return " ".join(xml_safe(str(value)).split())


def write(report: Report, out: BinaryIO) -> None:
    """Write the report's articles as RIS, a batch at a time."""
    for batch in report.batches(text=False, claims=False):
        text = io.StringIO()
        rispy.dump([ris_entry(article) for article in batch], text, implementation=_Writer)
        out.write(text.getvalue().encode("utf-8"))
