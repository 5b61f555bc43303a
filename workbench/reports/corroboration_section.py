"""The report's "Corroboration" section, for every format.

Markdown, DOCX and PDF show it as two closing tables (`tables()`: the clusters with their
origins, lines and circular flags, then the sources' track records), each through that
renderer's own table code; HTML gets the clusters as a list with the circular flags marked
(`html()`) and the track records as a table. A report with no cluster of more than one claim,
no claim marked corroborated and no source with a record has no such section.
"""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from workbench.reports.corroboration_model import (
    SECTION_TITLE,
    TRACK_TITLE,
    ClusterEntry,
    CorroborationSection,
)
from workbench.reports.html_blocks import text
from workbench.reports.model import Report
from workbench.reports.tables import Table

ANCHOR = "corroboration"
CLUSTER_HEADER = ("Claim", "Reports and origins", "Lines", "Circular reporting", "Suggested")
CLUSTER_WIDTHS = (0.24, 0.2, 0.22, 0.16, 0.18)
TRACK_HEADER = ("Source", "Graded", "How its claims ended", "When", "Suggested")
TRACK_WIDTHS = (0.18, 0.08, 0.3, 0.16, 0.28)


def _section(report: Report) -> CorroborationSection | None:
    return report.corroboration or None


def tables(report: Report) -> list[Table]:
    """The clusters and the track records as closing tables; none without them. The clusters'
    rows are made as the table is read (a pass over the section's clusters)."""
    section = _section(report)
    if section is None:
        return []
    records = [
        [r.name, r.reliability, r.outcome, r.period, r.suggestion] for r in section.track_records
    ]
    clusters = _Rows(section)
    return [
        Table(SECTION_TITLE, ANCHOR, CLUSTER_HEADER, clusters, CLUSTER_WIDTHS),
        Table(TRACK_TITLE, f"{ANCHOR}-track-records", TRACK_HEADER, records, TRACK_WIDTHS),
    ]


class _Rows:
    """The clusters' rows, made afresh on every pass (none held)."""

    def __init__(self, section: CorroborationSection) -> None:
        self._section = section

    def __iter__(self) -> Iterator[list[str]]:
        return (_cluster_row(entry) for entry in self._section.clusters)


def _cluster_row(entry: ClusterEntry) -> list[str]:
    lines = "; ".join(
        f"{line.wording} ({len(line.articles)} article{'s' if len(line.articles) != 1 else ''})"
        for origin in entry.origins
        for line in origin.lines
    )
    suggestion = entry.suggestion
    if entry.contradicted_by:
        suggestion += f" (contradicted by: {'; '.join(entry.contradicted_by)})"
    return [
        entry.claim,
        entry.summary,
        lines,
        entry.circular_note if entry.circular else "no",
        suggestion,
    ]


def html(report: Report) -> Markup:
    """The section as HTML (every text escaped); empty without it."""
    return Markup("".join(html_parts(report)))


def html_parts(report: Report) -> Iterator[Markup]:
    """The section as HTML, a piece at a time as its clusters are judged; none without it."""
    section = _section(report)
    if section is None:
        return
    yield Markup(
        f'<section class="summary-table" id="{ANCHOR}">\n<h2>{_text(SECTION_TITLE)}</h2>\n'
    )
    yield Markup("<ol>\n")
    for entry in section.clusters:
        yield Markup(_cluster_html(entry) + "\n")
    yield Markup("</ol>\n")
    if section.track_records:
        yield Markup(f"<h3>{_text(TRACK_TITLE)}</h3>\n")
        head = "".join(f"<th>{_text(label)}</th>" for label in TRACK_HEADER)
        yield Markup(f"<table><thead><tr>{head}</tr></thead><tbody>\n")
        for r in section.track_records:
            cells = (r.name, r.reliability, r.outcome, r.period, r.suggestion)
            yield Markup(f"<tr>{''.join(f'<td>{_text(c)}</td>' for c in cells)}</tr>\n")
        yield Markup("</tbody></table>\n")
    yield Markup("</section>")


def _cluster_html(entry: ClusterEntry) -> str:
    origins = "".join(
        f"<li>{_text(origin.wording)} ({_text(origin.reliability)}): "
        + "; ".join(
            f"{_text(line.wording)} → {_text(', '.join(line.articles))}" for line in origin.lines
        )
        + "</li>"
        for origin in entry.origins
    )
    flag = (
        f'<p class="circular" style="color:#b3261e"><strong>⚠ {_text(entry.circular_note)}'
        "</strong></p>"
        if entry.circular
        else ""
    )
    against = (
        f"<p>Contradicted by: {_text('; '.join(entry.contradicted_by))}</p>"
        if entry.contradicted_by
        else ""
    )
    return (
        f"<li><p><strong>{_text(entry.claim)}</strong> — {_text(entry.summary)}</p>{flag}"
        f"<ul>{origins}</ul>{against}<p>Suggested: {_text(entry.suggestion)}</p></li>"
    )


def _text(value: str) -> str:
    return text(value)
