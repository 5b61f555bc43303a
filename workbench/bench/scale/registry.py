"""Which modules produce the benchmark's rows, in the order they run, and how they are split into
parts that run side by side.

A producer is a module with `rows(case: Case) -> Iterator[Measurement]` (see `case.Case` and
`table`): it measures its operations on the case and yields one `Measurement` per row as soon as
it has it, beside a floor measured in the same run with the same work. To add an area's rows,
write such a module (anywhere, e.g. `workbench/bench/search_scale.py`) and add its dotted name
here; nothing else needs changing. A producer that raises loses only its remaining rows: the
runner prints a MISS row naming the failure and goes on with the next producer.

Reads come first, then commands in child processes, then writes (edits, exports, imports), as
later producers change the case's working copy. The window's rows come after the search rows,
whose measured build makes the search index: a window opened on a project without one builds it
in the background (in worker processes), and its warm-up run waited for that whole build, a second
build of the same index before the measured one.

Side by side (`--jobs 2`, the default on two cores or more; `side_by_side`), each size's
producers run as the parts of `PARTS`, each in a process of its own on a working copy of its
own, each part in the order above; a producer no part names runs in one more part, the rest
(the library, claim list, reading and picker rows: a minute at 100,000 articles). One part
alone used to hold the edits, every export and the JSON-LD round trip: 65 minutes of a 65-minute
run. Now the exports are split by format (`Exports`), each group a part of its own: the JSON-LD
export stays in the part of the round trip, which reads back that very file (`Case.kept`) and
checks that the edits' claims come back; every other part that exports first replays the edits
(`EDITS`: the same claims marked and edited, its rows not printed, so every export sees the same
claims), and the formats no group names are measured by the one `Exports()` without formats.
The search rows keep the window's rows after them. `SECONDS` and `FORMAT_SECONDS` say what each
took at 100,000 articles (CPU seconds, the last whole run, floors included): the runner starts
the longest parts first, onto whichever core is free (`schedule`). A producer may define
`prepare() -> None`, run once before the parts start, to make what several parts would
otherwise make at the same time (a shared input in the cache).
"""

from __future__ import annotations

from dataclasses import dataclass

PRODUCERS: tuple[str, ...] = (
    "workbench.bench.scale.library_rows",
    "workbench.bench.scale.claim_list_rows",
    "workbench.bench.scale.reading_rows",
    "workbench.bench.scale.picker_rows",
    "workbench.bench.scale.command_rows",
    "workbench.bench.search_scale",
    "workbench.bench.scale.window_rows",
    "workbench.bench.scale.edit_rows",
    "workbench.bench.scale.export_rows",
    "workbench.bench.scale.exchange_rows",
    "workbench.bench.scale.import_rows",
)
EXPORTS = "export_rows"  # the producer whose formats are split between parts
EDITS = "edit_rows"  # replayed, rows unprinted, before the exports of a part that lacks it


@dataclass(frozen=True)
class Exports:
    """The export rows of some formats (`Exports("pdf")`); with none, every format that no other
    part names."""

    formats: tuple[str, ...]

    def __init__(self, *formats: str) -> None:
        object.__setattr__(self, "formats", formats)


PARTS: tuple[tuple[str | Exports, ...], ...] = (
    (EDITS, Exports("jsonld"), "exchange_rows"),
    (Exports("pdf"),),
    (Exports("docx", "ftm", "stix"),),
    (Exports(),),  # html, md, csv, qdpx, claimreview, csljson, ris
    ("search_scale", "window_rows"),
    ("command_rows",),
    ("import_rows",),
)
SECONDS: dict[str, float] = {
    "library_rows": 11,
    "claim_list_rows": 35,
    "reading_rows": 0.4,
    "picker_rows": 0.4,
    "command_rows": 433,
    "search_scale": 630,
    "window_rows": 54,
    "edit_rows": 1,
    "exchange_rows": 835,
    "import_rows": 382,
}
FORMAT_SECONDS: dict[str, float] = {
    "pdf": 837,
    "docx": 231,
    "ftm": 211,
    "stix": 204,
    "qdpx": 194,
    "claimreview": 173,
    "html": 143,
    "md": 110,
    "jsonld": 76,
    "csv": 45,
    "ris": 25,
    "csljson": 23,
}
