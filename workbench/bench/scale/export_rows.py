"""Rows: exporting every claim in every format through the services, each in a child process
(its time and peak memory); floor: the `sqlite3` shell writing what the format's file holds
to a file (`shell_floors`), and for PDF and DOCX the same text written with the format's
library alone (`export_floors`), the rows saying claims per second of both.
BENCH_SCALE_FORMATS=pdf,docx measures only the formats named; side by side, the formats are
split between parts (`registry.PARTS`), each part measuring its own.

The `sqlite3` floors read what each format's file holds (`shell_floors`); the rows of HTML,
Markdown and JSON-LD also give, in their note, their ratio to the former floor of the three
(`shell_floors.FORMER`, the claims join without the articles' text, events, notes or mentions)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence

from workbench.bench.scale import shell_floors
from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target, failed
from workbench.bench.scale.timing import Run, counting_cpu, python, run_process

RATIOS = {"csv": 3.0, "jsonld": 3.0, "html": 5.0, "md": 5.0}
CLAIMS_PER_SECOND = 2000  # PDF and DOCX (issue 10)
FLOORS = ("pdf", "docx")  # formats whose floor is their library writing the same text
MEMORY = Target(ratio=1.0, slack=150.0)  # flat: at most 150 MB above a child that only opens


def chosen_formats() -> list[str]:
    """The formats to measure: those BENCH_SCALE_FORMATS names (by commas), or every format."""
    from workbench.reports import FORMATS

    chosen = os.environ.get("BENCH_SCALE_FORMATS", "")
    return [fmt.strip() for fmt in chosen.split(",") if fmt.strip()] or list(FORMATS)


Floors = dict[tuple[str, ...], tuple[str, Run]]  # a floor's command: the first format, its run
FORMER_FLOOR = ("html", "md", "jsonld")  # formats whose note gives the former floor's ratio


def rows(case: Case, formats: Sequence[str] | None = None) -> Iterator[Measurement]:
    """The rows of `formats` (default `chosen_formats()`; side by side, each part measures some
    of them: `registry.PARTS`), in that order."""
    claims = int(str(case.scalar("SELECT count(*) FROM claims")))
    baseline = _probe(case, "open", str(case.path))
    floors: Floors = {}  # one run of a floor several formats share
    for fmt in chosen_formats() if formats is None else formats:
        try:
            yield from _format_rows(case, fmt, claims, baseline, floors)
        except Exception as error:  # one format too slow or broken: the others still run
            yield failed(f"export every claim: {fmt}", case.size, error)


def _format_rows(
    case: Case, fmt: str, claims: int, baseline: Run, floors: Floors
) -> Iterator[Measurement]:
    first, floor = _floor(floors, fmt, _floor_command(case, fmt))
    out = case.scratch / f"export.{fmt}"
    ours = _probe(case, "export", str(case.path), fmt, str(out))
    case.keep(f"export.{fmt}", out)  # the JSON-LD round trip reads this very file back
    ms = json.loads(ours.stdout)["cpu_ms" if counting_cpu() else "ms"]
    note = f"{claims:,} claims" + (f"; the floor run for {first}" if first != fmt else "")
    if fmt in RATIOS:
        target = Target(ratio=RATIOS[fmt])
    else:
        target = Target(limit=claims / CLAIMS_PER_SECOND * 1000)
        note += f"; {_per_second(claims, ms)} claims/s, floor {_per_second(claims, floor.taken)}"
    if fmt in FORMER_FLOOR:
        former = _floor(floors, fmt, _shell_command(case, shell_floors.FORMER, "former"))[1]
        note += f"; {_ratio(ms, former.taken)} the former floor, the claims join alone"
    yield Measurement(f"export every claim: {fmt}", case.size, ms, floor.taken, target, note=note)
    yield Measurement(
        f"export memory: {fmt}", case.size, ours.peak_mb, baseline.peak_mb, MEMORY, unit="MB"
    )


def _floor(floors: Floors, fmt: str, command: list[str]) -> tuple[str, Run]:
    """The floor's run, once for all the formats that share it."""
    key = tuple(command)
    return floors.get(key) or floors.setdefault(key, (fmt, run_process(command)))


def _probe(case: Case, *arguments: str) -> Run:
    return run_process([python(), "-m", "workbench.bench.scale.probe", *arguments])


def _per_second(claims: int, ms: float) -> str:
    return f"{claims / ms * 1000:,.0f}" if ms > 0 else "—"


def _ratio(ms: float, floor_ms: float) -> str:
    return f"{ms / floor_ms:.2f}× ({floor_ms:,.0f} ms)" if floor_ms > 0 else "— (0 ms)"


def _floor_command(case: Case, fmt: str) -> list[str]:
    if fmt in FLOORS:
        out = str(case.scratch / f"floor.{fmt}")
        return [python(), "-m", "workbench.bench.scale.export_floors", fmt, str(case.path), out]
    if fmt in shell_floors.FLOORS:
        return _shell_command(case, shell_floors.FLOORS[fmt], fmt)
    return _shell_command(case, shell_floors.FORMER, "former")  # the exchange formats' floor


def _shell_command(case: Case, floor: shell_floors.Floor, name: str) -> list[str]:
    return shell_floors.command(str(case.path), floor, str(case.scratch / f"floor-{name}.out"))
