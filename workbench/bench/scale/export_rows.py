"""Rows: exporting every claim in every format through the services, each in a child process
(its time and peak memory); floor: `sqlite3 -csv` of the same join (claims with their
article, chain, actors and tags) written to a file."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target, failed
from workbench.bench.scale.timing import Run, counting_cpu, python, run_process

RATIOS = {"csv": 3.0, "jsonld": 3.0, "html": 5.0, "md": 5.0}
CLAIMS_PER_SECOND = 2000  # PDF and DOCX (issue 10)
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


def rows(case: Case) -> Iterator[Measurement]:
    from workbench.reports import FORMATS

    claims = int(str(case.scalar("SELECT count(*) FROM claims")))
    baseline = _probe(case, "open", str(case.path))
    for fmt in FORMATS:
        try:
            yield from _format_rows(case, fmt, claims, baseline)
        except Exception as error:  # one format too slow or broken: the others still run
            yield failed(f"export every claim: {fmt}", case.size, error)


def _format_rows(case: Case, fmt: str, claims: int, baseline: Run) -> Iterator[Measurement]:
    floor = run_process(_floor_command(case))
    out = case.scratch / f"export.{fmt}"
    ours = _probe(case, "export", str(case.path), fmt, str(out))
    ms = json.loads(ours.stdout)["cpu_ms" if counting_cpu() else "ms"]
    if fmt in RATIOS:
        target = Target(ratio=RATIOS[fmt])
    else:
        target = Target(limit=claims / CLAIMS_PER_SECOND * 1000)
    yield Measurement(
        f"export every claim: {fmt}", case.size, ms, floor.taken, target, note=f"{claims:,} claims"
    )
    yield Measurement(
        f"export memory: {fmt}", case.size, ours.peak_mb, baseline.peak_mb, MEMORY, unit="MB"
    )


def _probe(case: Case, *arguments: str) -> Run:
    return run_process([python(), "-m", "workbench.bench.scale.probe", *arguments])


def _floor_command(case: Case) -> list[str]:
    shell = shutil.which("sqlite3")
    out = str(case.scratch / "floor.csv")
    if shell:
        return [shell, "-readonly", "-csv", "-cmd", f".output {out}", str(case.path), JOIN]
    script = (
        "import csv, sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
        " csv.writer(open(sys.argv[3], 'w', newline='')).writerows(c.execute(sys.argv[2]))"
    )
    return [python(), "-c", script, str(case.path), JOIN, out]
