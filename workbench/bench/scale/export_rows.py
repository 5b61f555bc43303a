"""Rows: exporting every claim in every format through the services, each in a child process
(its time and peak memory); floor: `sqlite3 -csv` of the same join (claims with their
article, chain, actors and tags) written to a file, and for PDF and DOCX the same text
written with the format's library alone (`export_floors`), the rows saying claims per second
of both. BENCH_SCALE_FORMATS=pdf,docx measures only the formats named; side by side, the formats
are split between parts (`registry.PARTS`), each part measuring its own.

CSV's floor is `sqlite3 -csv` of `CSV_JOIN`, which reads what our CSV holds: `JOIN` read fewer
columns (no events, notes, source reliabilities, first hop's reliability for the grade, claim
end), so CSV was measured against less work than it does. `CSV_JOIN` is `JOIN` with those added,
each as the same kind of correlated `group_concat` subquery `JOIN` uses for its chain, actors and
tags (actor and event roles too), in no particular order within a cell; it does not sort the
items, word the credibility or neutralise formulas, which ours does. `JOIN` stays the floor of
the other formats."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator, Sequence

from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target, failed
from workbench.bench.scale.timing import Run, counting_cpu, python, run_process

RATIOS = {"csv": 3.0, "jsonld": 3.0, "html": 5.0, "md": 5.0}
CLAIMS_PER_SECOND = 2000  # PDF and DOCX (issue 10)
FLOORS = ("pdf", "docx")  # formats whose floor is their library writing the same text
MEMORY = Target(ratio=1.0, slack=150.0)  # flat: at most 150 MB above a child that only opens
JOIN = (
    "SELECT a.title, a.outlet, a.url, a.published, c.id, c.exact, c.summary, c.kind, c.status,"
    " c.credibility,"
    " (SELECT group_concat(coalesce(s.name, x.name) || ' (' || h.role || ')', ' → ')"
    "  FROM attribution_hops h LEFT JOIN sources s ON s.id = h.source_id"
    "  LEFT JOIN actors x ON x.id = h.actor_id WHERE h.claim_id = c.id),"
    " (SELECT group_concat(x.name, '; ') FROM claim_actors l JOIN actors x ON x.id = l.actor_id"
    "  WHERE l.claim_id = c.id),"
    " (SELECT group_concat(t.name, '; ') FROM taggings g JOIN tags t ON t.id = g.tag_id"
    "  WHERE g.target_kind = 'claim' AND g.target_id = c.id)"
    " FROM claims c JOIN articles a ON a.id = c.article_id ORDER BY c.article_id, c.start"
)

_HOPS = (
    " FROM attribution_hops h LEFT JOIN sources s ON s.id = h.source_id"
    " LEFT JOIN actors x ON x.id = h.actor_id WHERE h.claim_id = c.id"
)
CSV_JOIN = (
    "SELECT c.id, a.id, a.title, a.outlet, substr(a.published, 1, 10), c.exact, c.summary,"
    " c.kind, c.status, c.credibility,"
    f" (SELECT coalesce(s.reliability, x.reliability){_HOPS} ORDER BY h.position LIMIT 1)"
    " || c.credibility,"
    " (SELECT group_concat(coalesce(s.name, x.name) || ': ' || coalesce(s.reliability,"
    f" x.reliability), '; '){_HOPS}),"
    f" (SELECT group_concat(coalesce(s.name, x.name) || ' (' || h.role || ')', ' → '){_HOPS}),"
    " (SELECT group_concat(x.name || ' (' || l.role || ')', ', ') FROM claim_actors l"
    "  JOIN actors x ON x.id = l.actor_id WHERE l.claim_id = c.id),"
    " (SELECT group_concat(e.title || ' (' || l.role || ')', ', ') FROM claim_events l"
    "  JOIN events e ON e.id = l.event_id WHERE l.claim_id = c.id),"
    " (SELECT group_concat(t.name, '; ') FROM taggings g JOIN tags t ON t.id = g.tag_id"
    "  WHERE g.target_kind = 'claim' AND g.target_id = c.id),"
    " (SELECT group_concat(n.body, char(10, 10)) FROM notes n"
    "  WHERE n.target_kind = 'claim' AND n.target_id = c.id),"
    ' c.start, c."end", a.url'
    " FROM claims c JOIN articles a ON a.id = c.article_id ORDER BY c.article_id, c.start"
)
FLOOR_JOINS = {"csv": CSV_JOIN}  # a format whose floor reads more than JOIN


def chosen_formats() -> list[str]:
    """The formats to measure: those BENCH_SCALE_FORMATS names (by commas), or every format."""
    from workbench.reports import FORMATS

    chosen = os.environ.get("BENCH_SCALE_FORMATS", "")
    return [fmt.strip() for fmt in chosen.split(",") if fmt.strip()] or list(FORMATS)


def rows(case: Case, formats: Sequence[str] | None = None) -> Iterator[Measurement]:
    """The rows of `formats` (default `chosen_formats()`; side by side, each part measures some
    of them: `registry.PARTS`), in that order."""
    claims = int(str(case.scalar("SELECT count(*) FROM claims")))
    baseline = _probe(case, "open", str(case.path))
    floors: dict[tuple[str, ...], tuple[str, Run]] = {}  # one run of a floor several formats share
    for fmt in chosen_formats() if formats is None else formats:
        try:
            yield from _format_rows(case, fmt, claims, baseline, floors)
        except Exception as error:  # one format too slow or broken: the others still run
            yield failed(f"export every claim: {fmt}", case.size, error)


def _format_rows(
    case: Case, fmt: str, claims: int, baseline: Run, floors: dict[tuple[str, ...], tuple[str, Run]]
) -> Iterator[Measurement]:
    command = tuple(_floor_command(case, fmt))
    first, floor = floors.get(command) or floors.setdefault(command, (fmt, run_process(command)))
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
    yield Measurement(f"export every claim: {fmt}", case.size, ms, floor.taken, target, note=note)
    yield Measurement(
        f"export memory: {fmt}", case.size, ours.peak_mb, baseline.peak_mb, MEMORY, unit="MB"
    )


def _probe(case: Case, *arguments: str) -> Run:
    return run_process([python(), "-m", "workbench.bench.scale.probe", *arguments])


def _per_second(claims: int, ms: float) -> str:
    return f"{claims / ms * 1000:,.0f}" if ms > 0 else "—"


def _floor_command(case: Case, fmt: str) -> list[str]:
    if fmt in FLOORS:
        out = str(case.scratch / f"floor.{fmt}")
        return [python(), "-m", "workbench.bench.scale.export_floors", fmt, str(case.path), out]
    shell = shutil.which("sqlite3")
    out = str(case.scratch / "floor.csv")
    join = FLOOR_JOINS.get(fmt, JOIN)
    if shell:
        return [shell, "-readonly", "-csv", "-cmd", f".output {out}", str(case.path), join]
    script = (
        "import csv, sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
        " csv.writer(open(sys.argv[3], 'w', newline='')).writerows(c.execute(sys.argv[2]))"
    )
    return [python(), "-c", script, str(case.path), join, out]
