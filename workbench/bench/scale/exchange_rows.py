"""Rows: the JSON-LD round trip of the whole case — our export read into a new project through
the exchange service (in a child process: its time and peak memory), then exported again and
compared with the first file record by record (streamed, so the comparison's memory is flat).
Floor: the same file parsed with Python's `json` and its articles, claims and hops inserted
into a fresh SQLite file with plain `executemany`, in a child process of its own."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target
from workbench.bench.scale.timing import Run, python, run_process

RATIO = 5.0  # issue 10: JSON-LD import at most 5× its floor
MEMORY = Target(ratio=1.0, slack=150.0)
FLOOR = """
import json, sqlite3, sys
data = json.load(open(sys.argv[1], "rb"))
db = sqlite3.connect(sys.argv[2])
db.executescript(
    "CREATE TABLE articles (iri TEXT PRIMARY KEY, title TEXT, text TEXT);"
    "CREATE TABLE claims (iri TEXT PRIMARY KEY, article TEXT, exact TEXT, start INT, end INT,"
    " body TEXT);"
    "CREATE TABLE hops (claim TEXT, position INT, name TEXT, role TEXT);"
)
db.executemany("INSERT INTO articles VALUES (?, ?, ?)",
    ((a["id"], a.get("wb:title", ""), a["wb:text"]) for a in data.get("wb:articles", [])))
claims, hops = [], []
for item in data["first"]["items"]:
    target = item["target"]
    if item.get("motivation") != "assessing":
        continue
    quote, where = target["selector"]
    claims.append((item["id"], target["source"], quote["exact"], where["start"], where["end"],
                   json.dumps(item["body"])))
    for body in item["body"]:
        for n, hop in enumerate(body.get("wb:hops", [])):
            hops.append((item["id"], n, hop["wb:name"], hop["wb:role"]))
db.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?)", claims)
db.executemany("INSERT INTO hops VALUES (?, ?, ?, ?)", hops)
db.commit()
"""


def rows(case: Case) -> Iterator[Measurement]:
    first = case.scratch / "round-trip-1.jsonld"
    again = case.scratch / "round-trip-2.jsonld"
    fresh = case.scratch / "round-trip.wbproj"
    for stale in (fresh, case.scratch / "round-trip-floor.sqlite"):
        stale.unlink(missing_ok=True)
    _probe("export", str(case.path), "jsonld", str(first))
    floor = run_process(
        [python(), "-c", FLOOR, str(first), str(case.scratch / "round-trip-floor.sqlite")]
    )
    ours = _probe("exchange", str(fresh), str(first))
    ms = json.loads(ours.stdout)["ms"]
    _probe("export", str(fresh), "jsonld", str(again))
    same = digest(first) == digest(again)
    note = "re-export identical" if same else "re-export DIFFERS from the first export"
    yield Measurement(
        "JSON-LD import of the whole case",
        case.size,
        ms,
        floor.ms,
        Target(ratio=RATIO),
        note=note,
        agrees=same,
    )
    yield Measurement(
        "JSON-LD import memory", case.size, ours.peak_mb, floor.peak_mb, MEMORY, unit="MB"
    )


def digest(path: Path) -> str:
    """An order-free digest of a file's records and annotations (not its collection id/date)."""
    from workbench.reports.web_annotation_stream import parts

    total = 0
    with path.open("rb") as source:
        for kind, node in parts(source):
            if kind == "top":
                continue
            canonical = json.dumps([kind, node], sort_keys=True, ensure_ascii=False)
            total += int.from_bytes(hashlib.sha256(canonical.encode("utf-8")).digest(), "big")
    return f"{total % 2**256:064x}"


def _probe(*arguments: str) -> Run:
    return run_process([python(), "-m", "workbench.bench.scale.probe", *arguments])
