"""Child processes for rows that need their own process (memory, a fresh session).

`python -m workbench.bench.scale.probe export PROJECT FORMAT OUT` exports with the service;
`... probe import PROJECT FOLDER FOLDER` imports two batches of pages in one session;
`... probe exchange PROJECT JSONLD` reads a JSON-LD export into PROJECT (a new one);
`... probe open PROJECT` only opens the project (the baseline for memory rows).
Each prints one JSON object of its timings (ms) and counts; the parent reads the child's peak
memory from its rusage.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.services import Project


def _timed(work: Any) -> tuple[dict[str, float], Any]:
    """What `work` took: wall and CPU time (ms) of this process."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    taken = {
        "ms": (time.perf_counter() - wall) * 1000,
        "cpu_ms": (time.process_time() - cpu) * 1000,
    }
    return taken, result


def export(project_path: str, fmt: str, out: str) -> dict[str, Any]:
    from workbench.services.reporting import export_report

    with Project.open(project_path, read_only=True) as project:
        taken, _ = _timed(lambda: export_report(project, fmt, out))
    return {**taken, "bytes": Path(out).stat().st_size}


def import_pages(project_path: str, first: str, later: str) -> dict[str, Any]:
    from workbench.services.importing import import_paths

    with Project.open(project_path) as project:
        first_taken, one = _timed(lambda: import_paths(project, [first]))
        later_taken, two = _timed(lambda: import_paths(project, [later]))
    return {"first": first_taken, "later": later_taken, "files": [one.files_done, two.files_done]}


def exchange(project_path: str, jsonld: str) -> dict[str, Any]:
    from workbench.services.exchange import import_web_annotations

    with Project.create(Path(project_path)) as project:
        taken, _ = _timed(lambda: import_web_annotations(project, jsonld))
    return taken


def open_only(project_path: str) -> dict[str, Any]:
    with Project.open(project_path, read_only=True) as project:
        taken, _ = _timed(lambda: project.name)
    return taken


COMMANDS: dict[str, Callable[..., dict[str, Any]]] = {
    "export": export,
    "import": import_pages,
    "exchange": exchange,
    "open": open_only,
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: probe {{{','.join(COMMANDS)}}} ARGUMENTS", file=sys.stderr)
        return 2
    print(json.dumps(COMMANDS[argv[0]](*argv[1:])), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
