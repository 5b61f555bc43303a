"""The timeline as CSV: one row per event (when it happened, as the range its dates cover) and
one per article that reported them (when it was reported), cells neutralised against formula
injection as in the claims CSV.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import BinaryIO

from workbench.reports.csv_report import neutralised
from workbench.reports.timeline_model import Timeline

HEADER = (
    "track",
    "id",
    "title",
    "kind",
    "when",
    "first day",
    "last day",
    "place",
    "outlet",
    "actors",
    "claims",
    "articles reporting it",
    "events it reports",
)


def write_timeline_csv(timeline: Timeline, out: BinaryIO) -> None:
    """Events in date order (the days their dates cover), then the reporting articles in
    publication order; claims, articles and events by id, separated by spaces."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(HEADER)
    for event in sorted(timeline.events, key=lambda e: (e.begins, e.id)):
        last_day = (event.ends - timedelta(days=1)).date()
        row: list[str | int] = ["event", event.id, event.title, event.kind, event.when]
        row += [event.begins.date().isoformat(), last_day.isoformat(), event.place, ""]
        row += ["; ".join(event.actors), _ids(event.claims), _ids(event.reported_in), ""]
        writer.writerow(neutralised(row))
    for report in timeline.reports:
        day = report.published.date().isoformat()
        row = ["report", report.article_id, report.title, "", report.published.isoformat(" ")]
        row += [day, day, "", report.outlet, "", report.claims, "", _ids(report.events)]
        writer.writerow(neutralised(row))
    text.detach()


def _ids(ids: tuple[int, ...]) -> str:
    return " ".join(map(str, ids))
