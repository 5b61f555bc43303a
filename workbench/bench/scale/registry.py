"""Which modules produce the benchmark's rows, in the order they run.

A producer is a module with `rows(case: Case) -> Iterator[Measurement]` (see `case.Case` and
`table`): it measures its operations on the case and yields one `Measurement` per row as soon as
it has it, beside a floor measured in the same run with the same work. To add an area's rows,
write such a module (anywhere, e.g. `workbench/bench/search_scale.py`) and add its dotted name
here; nothing else needs changing. A producer that raises loses only its remaining rows: the
runner prints a MISS row naming the failure and goes on with the next producer.

Reads come first, then commands in child processes, then writes (edits, exports, imports), as
later producers change the case's working copy.
"""

from __future__ import annotations

PRODUCERS: tuple[str, ...] = (
    "workbench.bench.scale.library_rows",
    "workbench.bench.scale.claim_list_rows",
    "workbench.bench.scale.reading_rows",
    "workbench.bench.scale.picker_rows",
    "workbench.bench.scale.command_rows",
    "workbench.bench.scale.window_rows",
    "workbench.bench.search_scale",
    "workbench.bench.scale.edit_rows",
    "workbench.bench.scale.export_rows",
    "workbench.bench.scale.exchange_rows",
    "workbench.bench.scale.import_rows",
)
