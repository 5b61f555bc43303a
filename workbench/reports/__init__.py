"""Reports and exchange: a plain report model and renderers for each format the analyst exports.

`render(report, "html")` gives the bytes of one format; renderers load lazily, so the PDF and
DOCX libraries are imported only when those formats are asked for. Nothing here touches the
project: the services layer builds the `Report` and hands it down.
"""

from __future__ import annotations

import importlib

from workbench.reports.model import Report

RENDERERS = {
    "html": "workbench.reports.html_report",
    "pdf": "workbench.reports.pdf_report",
    "docx": "workbench.reports.docx_report",
    "md": "workbench.reports.markdown_report",
    "csv": "workbench.reports.csv_report",
    "jsonld": "workbench.reports.web_annotation",
}
FORMATS = tuple(RENDERERS)
SUFFIXES = {fmt: f".{fmt}" for fmt in FORMATS}


def render(report: Report, fmt: str) -> bytes:
    """The report in one format (a key of RENDERERS) as the bytes of a file."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return importlib.import_module(RENDERERS[fmt]).render(report)


def format_for(path_suffix: str) -> str | None:
    """The format a file name's suffix asks for (".htm" → "html", ".json" → "jsonld")."""
    suffix = path_suffix.lower()
    aliases = {".htm": "html", ".markdown": "md", ".json": "jsonld"}
    found = [fmt for fmt, known in SUFFIXES.items() if known == suffix]
    return found[0] if found else aliases.get(suffix)


__all__ = ["FORMATS", "RENDERERS", "Report", "format_for", "render"]
