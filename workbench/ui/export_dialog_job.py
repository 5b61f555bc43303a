"""The export dialog's background work: the preview of the first pages, and the export itself.

Both run through the window's task runner on the same services as `workbench export`
(`build_report`, `write_report`). `services.reporting` reports no progress of its own yet, so the
export is done in steps with a cancel check between them; writing is atomic (a temporary file
renamed over the target), so a cancelled or failed export never leaves a partial file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from workbench.reports import Report, render
from workbench.services import Project
from workbench.services.reporting import build_report, write_report
from workbench.ui.tasks import TaskControl

PREVIEW_ARTICLES = 3
PREVIEW_TEXT_CHARS = 20_000
EXPORT_STEPS = 3


@dataclass(frozen=True)
class Preview:
    """What the preview pane shows: HTML or plain text, and a line saying what it is."""

    html: str
    text: str
    caption: str
    title: str


@dataclass(frozen=True)
class Exported:
    """A finished export, as the dialog reports it."""

    path: Path
    fmt: str
    articles: int
    claims: int


def first_pages(report: Report, articles: int = PREVIEW_ARTICLES) -> Report:
    """The report cut to its first articles (and the relations among their claims)."""
    kept = report.articles[:articles]
    refs = {claim.ref for article in kept for claim in article.claims}
    relations = tuple(r for r in report.relations if r.from_claim in refs and r.to_claim in refs)
    return replace(report, articles=kept, relations=relations)


def preview(project: Project, fmt: str, filters: dict[str, Any], control: TaskControl) -> Preview:
    """The first pages of the report as `fmt` would hold them, for the preview pane."""
    from workbench.reports.html_report import render_html

    report = build_report(project, **filters)
    control.check()
    pages = first_pages(report)
    shown = _shown(report, pages)
    title = report.articles[0].title if report.articles else ""
    text = _as_text(render(pages, fmt)) if fmt != "html" else None
    if text is not None:
        return Preview(
            "", text[:PREVIEW_TEXT_CHARS], f"{shown}, as the {fmt} file holds them", title
        )
    caption = (
        shown if fmt == "html" else f"{shown}, laid out as HTML (the {fmt} file holds the same)"
    )
    return Preview(render_html(pages), "", caption, title)


def _as_text(data: bytes) -> str | None:
    """The file as text if it is text (CSV, Markdown, JSON-LD), None for PDF, DOCX and the like."""
    if b"\0" in data[:4096]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _shown(report: Report, pages: Report) -> str:
    total = len(report.articles)
    if total == 0:
        return "Nothing to export: no article matches this scope"
    noun = "article" if total == 1 else "articles"
    if len(pages.articles) == total:
        return f"Preview of all {total} {noun}" if total > 1 else "Preview of the 1 article"
    return f"Preview of the first {len(pages.articles)} of {total} {noun}"


def export(
    project: Project, fmt: str, path: Path, filters: dict[str, Any], control: TaskControl
) -> Exported:
    """Build the report and write it whole to `path`; stops between steps when cancelled."""
    control.progress(0, EXPORT_STEPS, "Reading the articles and claims…")
    report = build_report(project, **filters)
    control.check()
    articles, claims = len(report.articles), len(report.claims)
    control.progress(1, EXPORT_STEPS, f"Writing {_count(articles, 'article')}…")
    control.check()
    written = write_report(report, fmt, path)
    control.progress(EXPORT_STEPS, EXPORT_STEPS, "Done")
    return Exported(written, fmt, articles, claims)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def summary(done: Exported) -> str:
    """ "Wrote report.pdf: 2 articles, 1 claim" """
    counts = f"{_count(done.articles, 'article')}, {_count(done.claims, 'claim')}"
    return f"Wrote {done.path.name}: {counts}"
