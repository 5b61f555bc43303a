"""Reports and exchange: a plain report model and renderers for each format the analyst exports.

`write(report, "html", stream)` writes one format to a binary stream as it goes (each renderer
reads the report's articles in batches, so memory stays flat however many there are);
`render(report, "html")` gives the bytes. Renderers load lazily, so the PDF and DOCX libraries
are imported only when those formats are asked for. Each renderer module has `write(report,
out)` and `PASSES`, how many times it goes through the articles (for progress). Nothing here
touches the project: the services layer builds the `Report` and hands it down.
"""

from __future__ import annotations

import importlib
from io import BytesIO
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from workbench.reports.model import Report

RENDERERS = {
    "html": "workbench.reports.html_report",
    "pdf": "workbench.reports.pdf_report",
    "docx": "workbench.reports.docx_report",
    "md": "workbench.reports.markdown_report",
    "csv": "workbench.reports.csv_report",
    "jsonld": "workbench.reports.web_annotation",
    "qdpx": "workbench.reports.refi_qda",
    "stix": "workbench.reports.stix",
    "ftm": "workbench.reports.ftm",
    "claimreview": "workbench.reports.claimreview",
    "csljson": "workbench.reports.citations",
    "ris": "workbench.reports.citations_ris",
}
FORMATS = tuple(RENDERERS)
SECTION_NAMES = ("hypotheses", "corroboration")  # the analysis sections a Report may carry
SUFFIXES = {fmt: f".{fmt}" for fmt in FORMATS}


def write(report: Report, fmt: str, out: BinaryIO) -> None:
    """Write the report in one format (a key of RENDERERS) to `out`, piece by piece."""
    _renderer(fmt).write(report, out)


def render(report: Report, fmt: str) -> bytes:
    """The report in one format (a key of RENDERERS) as the bytes of a file."""
    buffer = BytesIO()
    write(report, fmt, buffer)
    return buffer.getvalue()


def passes_of(fmt: str) -> int:
    """How many passes over the articles the format's renderer makes."""
    return int(getattr(_renderer(fmt), "PASSES", 1))


def shows_sections(fmt: str) -> bool:
    """Whether the format shows any of the report's analysis sections (competing hypotheses,
    corroboration): a renderer that shows none says so with `SECTIONS = False`."""
    return bool(sections_shown(fmt))


def sections_shown(fmt: str) -> frozenset[str]:
    """The analysis sections (fields of `Report`, of SECTION_NAMES) the format shows: its
    renderer's `SECTIONS` names them (True, the default: all; False: none)."""
    shown = getattr(_renderer(fmt), "SECTIONS", True)
    if isinstance(shown, bool):
        return frozenset(SECTION_NAMES if shown else ())
    return frozenset(shown)


def shows_records(fmt: str) -> bool:
    """Whether the format shows the sources, actors, events and claim relations: a renderer
    that shows only the claims says so with `RECORDS = False`."""
    return bool(getattr(_renderer(fmt), "RECORDS", True))


def shows_counts(fmt: str) -> bool:
    """Whether the format shows how many claims rest on each source and actor (the summary
    tables): a renderer that shows none says so with `COUNTS = False`."""
    return bool(getattr(_renderer(fmt), "COUNTS", True))


def _renderer(fmt: str):  # type: ignore[no-untyped-def]
    if fmt not in RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return importlib.import_module(RENDERERS[fmt])


def format_for(path_suffix: str) -> str | None:
    """The format a file name's suffix asks for (".htm" → "html", ".json" → "jsonld")."""
    suffix = path_suffix.lower()
    aliases = {".htm": "html", ".markdown": "md", ".json": "jsonld"}
    found = [fmt for fmt, known in SUFFIXES.items() if known == suffix]
    return found[0] if found else aliases.get(suffix)


def __getattr__(name: str) -> Any:
    """`Report` loads with its model on first use, so `workbench --help` can list FORMATS
    without importing the domain models (and SQLAlchemy behind them)."""
    if name == "Report":
        from workbench.reports.model import Report

        return Report
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FORMATS",
    "RENDERERS",
    "Report",
    "format_for",
    "passes_of",
    "render",
    "sections_shown",
    "shows_records",
    "shows_sections",
    "write",
]
