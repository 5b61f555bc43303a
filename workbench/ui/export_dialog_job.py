"""The export dialog's background work: the preview of the first pages, and the export itself.

Both run through the window's task runner on the same services as `workbench export`:
`preview_report` for the first pages, `build_report` + `write_report` (streaming, with progress
and cancel callbacks) for the file. Writing is atomic — a temporary file renamed over the
target — so a cancelled or failed export never leaves a partial file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from workbench.domain.text import plural
from workbench.services import Project
from workbench.services.reporting import (
    build_report,
    preview_report,
    report_for,
    write_report,
)
from workbench.ui.pdf_pages import pdf_pages
from workbench.ui.tasks import TaskControl

CUSTOM_PROPERTY = re.compile(r"(--[\w-]+)\s*:\s*([^;}]+?)\s*[;}]")
USE_OF_PROPERTY = re.compile(r"var\((--[\w-]+)\)")
ROOT_RULE = re.compile(r":root\s*\{[^}]*\}")
PREVIEW_ARTICLES = 3
PREVIEW_TEXT_CHARS = 20_000
PREVIEW_PAGES = 4


@dataclass(frozen=True)
class Preview:
    """What the preview pane shows: HTML, plain text or the pages of a PDF drawn as images,
    and a line saying what it is."""

    html: str
    text: str
    caption: str
    pages: tuple[QImage, ...] = ()


@dataclass(frozen=True)
class Exported:
    """A finished export, as the dialog reports it."""

    path: Path
    fmt: str
    articles: int
    claims: int

    @property
    def summary(self) -> str:
        """ "Wrote report.pdf: 2 articles, 1 claim" """
        counts = f"{plural(self.articles, 'article')}, {plural(self.claims, 'claim')}"
        return f"Wrote {self.path.name}: {counts}"


def preview(project: Project, fmt: str, filters: dict[str, Any], control: TaskControl) -> Preview:
    """The first pages of the report as `fmt` holds them: a PDF as its own pages drawn, text
    formats as their own text, others (DOCX) as the same first pages laid out in HTML."""
    # Only the count of articles: no analysis sections or records are worked out for it.
    total = len(build_report(project, sections=False, records=False, **filters).articles)
    control.check()
    shown = _shown(total)
    data = preview_report(project, fmt, articles=PREVIEW_ARTICLES, **filters)
    control.check()
    if fmt == "pdf":
        return _pdf_preview(data, shown, total)
    text = _as_text(data)
    if fmt == "html" and text is not None:
        return Preview(for_rich_text(text), "", shown)
    if text is not None:
        return Preview("", text[:PREVIEW_TEXT_CHARS], f"{shown}, as the {fmt} file holds them")
    html = preview_report(project, "html", articles=PREVIEW_ARTICLES, **filters)
    caption = (
        f"{shown}: the same report laid out as HTML, not as the {fmt.upper()} file's pages "
        "(this window cannot draw them; open the file written to see its layout)"
    )
    return Preview(for_rich_text(html.decode("utf-8")), "", caption)


def _pdf_preview(data: bytes, shown: str, total: int) -> Preview:
    """The PDF's first pages drawn as the file holds them, and which pages of how many."""
    pages = pdf_pages(data, first=PREVIEW_PAGES)
    drawn = len(pages.images)
    which = "page 1" if drawn == 1 else f"pages 1–{drawn}"
    whole = "the PDF" if total <= PREVIEW_ARTICLES else "the PDF of those articles"
    caption = f"{shown}: {which} of {pages.total} of {whole}, as printed"
    return Preview("", "", caption, pages.images)


def for_rich_text(html: str) -> str:
    """The report's HTML with its CSS custom properties (`var(--disputed)`) replaced by their
    values, which Qt's rich text (the preview pane) does not resolve itself (and the `:root`
    rule that declares them removed, which Qt's parser cannot read)."""
    values = dict(CUSTOM_PROPERTY.findall(html))
    resolved = USE_OF_PROPERTY.sub(lambda use: values.get(use.group(1), use.group(0)), html)
    return ROOT_RULE.sub("", resolved)  # Qt's CSS parser drops every rule after a :root block


def _as_text(data: bytes) -> str | None:
    """The file as text if it is text (HTML, CSV, Markdown, JSON-LD); None for PDF, DOCX…"""
    if b"\0" in data[:4096]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _shown(total: int) -> str:
    if total == 0:
        return "Nothing to export: no article matches this scope"
    if total <= PREVIEW_ARTICLES:
        return "Preview of the 1 article" if total == 1 else f"Preview of all {total} articles"
    return f"Preview of the first {PREVIEW_ARTICLES} of {total:,} articles"


def export(
    project: Project, fmt: str, path: Path, filters: dict[str, Any], control: TaskControl
) -> Exported:
    """Build the report and write it whole to `path`, reporting progress; a cancel stops it
    between batches (`ExportCancelled`) and nothing is written."""
    control.progress(0, 1, "Choosing the articles and claims…")
    report = report_for(project, fmt, **filters)
    control.check()
    articles = plural(len(report.articles), "article")
    written = write_report(
        report,
        fmt,
        path,
        progress=lambda done, total: control.progress(done, total, f"Writing {articles}…"),
        cancelled=lambda: control.cancelled,
    )
    return Exported(written, fmt, len(report.articles), report.claim_count)
