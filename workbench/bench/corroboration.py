"""Corroboration benchmark: origins for every claim of a case, and after one edit.

- Origins for all claims (read the claims, chains, names and relations, cluster them, trace
  every chain and judge every cluster) against the floor: the same chains read by one plain
  SQL query through Python's sqlite3. Target: ≤ 5 s at 100,000 claims.
- After an edit (a status, a chain, a `repeats` relation, an undo), bringing the kept model up
  to date and judging the edited claim's cluster, against the floor: that claim's chain read
  by one plain SQL query. Target: ≤ 50 ms.

Each row is printed as it finishes, wall and CPU time (the machine may be shared: say so).
`python -m workbench.bench.corroboration --claims 5000` runs a small case.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from workbench.bench.corroboration_case import CLAIMS_PER_ARTICLE, ensure_corroboration_case

T = TypeVar("T")
CLAIMS = 100_000
EDITS = 12  # edits of each kind timed
ALL_TARGET_S, EDIT_TARGET_MS = 5.0, 50.0
CHAINS_SQL = (
    "SELECT c.id, c.article_id, c.status, c.credibility, c.exact, h.source_id, h.actor_id,"
    " h.role, h.anonymous FROM claims c LEFT JOIN attribution_hops h ON h.claim_id = c.id"
    " ORDER BY c.id, h.position"
)
ONE_CHAIN_SQL = CHAINS_SQL.replace(" ORDER BY", " WHERE c.id = ? ORDER BY")


def _timed(work: Callable[[], T]) -> tuple[float, float, T]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def _row(
    what: str, wall: float, cpu: float, floor: tuple[float, float] | None = None, unit: str = "s"
) -> None:
    """One row: wall and CPU time, and (given the floor's wall and CPU) the ratio of each."""
    scale = 1000 if unit == "ms" else 1
    ratio = ""
    if floor and floor[0] > 0 and floor[1] > 0:
        ratio = f"  {wall / floor[0]:6.1f}× / {cpu / floor[1]:6.1f}× floor (wall / CPU)"
    print(f"  {what:<46} {wall * scale:9.2f} {unit} wall {cpu * scale:9.2f} {unit} CPU{ratio}",
          flush=True)  # fmt: skip


def run(cache: Path, claims: int = CLAIMS) -> None:
    print(f"  case: {claims:,} claims, {claims // CLAIMS_PER_ARTICLE:,} articles", flush=True)
    wall, cpu, made = _timed(lambda: ensure_corroboration_case(claims, cache))
    _row("case ready (generated once, then cached)", wall, cpu)
    with tempfile.TemporaryDirectory(prefix="workbench-corroboration-") as folder:
        case = Path(folder) / "case.wbproj"
        shutil.copyfile(str(made), case)
        _all_claims(case, claims)
        _after_edits(case)


def _all_claims(case: Path, claims: int) -> None:
    from workbench.services import Project
    from workbench.services.corroboration import CorroborationCache

    floor_wall, floor_cpu, _rows = _timed(lambda: _plain_chains(case))
    floor = (floor_wall, floor_cpu)
    _row("floor: every chain by one plain SQL query", floor_wall, floor_cpu)
    with Project.open(case, read_only=True) as project:
        cache = CorroborationCache(project)
        wall, cpu, _model = _timed(cache.model)
        _row("read model (claims, chains, names, relations)", wall, cpu, floor)
        count_wall, count_cpu, counted = _timed(cache.count_all)
        _row("trace every claim, count its cluster's origins", count_wall, count_cpu, floor)
        _row(f"origins for {claims:,} claims (target ≤ {ALL_TARGET_S:g} s)", wall + count_wall,
             cpu + count_cpu, floor)  # fmt: skip
        circular = sum(1 for cluster in counted.values() if cluster.circular)
        print(f"  ({circular:,} claims in circular clusters)", flush=True)
        judge_wall, judge_cpu, _judged = _timed(cache.judge_all)
        _row("and judged in words (claims --json, reports)", judge_wall, judge_cpu, floor)


def _plain_chains(case: Path) -> list[tuple]:
    connection = sqlite3.connect(f"file:{case}?mode=ro", uri=True)
    try:
        return connection.execute(CHAINS_SQL).fetchall()
    finally:
        connection.close()


def _after_edits(case: Path) -> None:
    from workbench.services import Project
    from workbench.services.claims import Hop, edit_claim, set_attribution
    from workbench.services.corroboration import cache_for
    from workbench.services.links import relate_claims

    with Project.open(case) as project:
        cache = cache_for(project)
        cache.model()
        every = sorted(cache.model().claims)
        claims = every[:: max(1, len(every) // (EDITS + 1))][: EDITS + 1]
        first = claims[0]
        edits: dict[str, Callable[[int], object]] = {
            "status edited": lambda c: edit_claim(project, c, status="disputed"),
            "chain replaced": lambda c: set_attribution(
                project, c, [Hop("speaker", actor_id=1), Hop("published by", source_id=1)]
            ),
            "repeats relation added": lambda c: relate_claims(project, c, first, "repeats"),
            "undone": lambda _c: project.undo(),
        }
        floor = _one_chain_floor(case, claims)
        _row("floor: one claim's chain by one plain SQL query", *floor, unit="ms")
        for label, edit in edits.items():
            times = []
            edit(claims[1])  # a first edit of the kind, untimed: its queries are compiled once
            cache.judge(claims[1])
            for claim_id in claims[2:]:
                edit(claim_id)
                wall, cpu, _found = _timed(partial(cache.judge, claim_id))
                times.append((wall, cpu))
            wall = statistics.median(t[0] for t in times)
            cpu = statistics.median(t[1] for t in times)
            _row(f"after an edit: {label} (median)", wall, cpu, floor, unit="ms")
            _row(f"after an edit: {label} (slowest)", max(t[0] for t in times),
                 max(t[1] for t in times), floor, unit="ms")  # fmt: skip
        print(f"  target ≤ {EDIT_TARGET_MS:g} ms; full reads: {cache.full_reads}", flush=True)


def _one_chain_floor(case: Path, claims: list[int]) -> tuple[float, float]:
    """The median wall and CPU time of one claim's chain read on an open connection."""
    connection = sqlite3.connect(f"file:{case}?mode=ro", uri=True)
    try:
        read = connection.execute
        times = [_timed(partial(lambda c: read(ONE_CHAIN_SQL, (c,)).fetchall(), c)) for c in claims]
        return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)
    finally:
        connection.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="workbench.bench.corroboration")
    parser.add_argument("--claims", type=int, default=CLAIMS)
    parser.add_argument("--cache", type=Path, default=None)
    arguments = parser.parse_args(argv)
    from platformdirs import user_cache_dir

    folder = arguments.cache or Path(user_cache_dir("analyst-workbench")) / "corroboration"
    run(folder, arguments.claims)


if __name__ == "__main__":
    main()
