"""Which modules produce the benchmark's rows, in the order they run.

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
producers run as two parts, each in a process of its own on a working copy of its own: those
named in `BESIDE`, and the others, each part in the order above. `BESIDE` holds the edits with
what reads them back (the exports and the JSON-LD round trip, which also checks the edits'
claims come back); the other part, the reads, the search rows and the page import, takes
about as long at 100,000 articles. A producer may define `prepare() -> None`, run once before
the parts start, to make what several parts would otherwise make at the same time (a shared
input in the cache).
"""

from __future__ import annotations

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
BESIDE: tuple[str, ...] = ("edit_rows", "export_rows", "exchange_rows")
