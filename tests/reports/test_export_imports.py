"""An export loads only the libraries of what it shows: networkx, for the corroboration
section's graph, is left out of an export that shows no corroboration."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.reports.golden import sample

LOADED = (
    "import sys\n"
    "from workbench.services import Project\n"
    "from workbench.services.reporting import export_report\n"
    "with Project.open(sys.argv[1], read_only=True) as project:\n"
    "    export_report(project, sys.argv[2], sys.argv[3])\n"
    "print('networkx' in sys.modules)\n"
)


def _networkx_loaded(project: Path, fmt: str, out: Path) -> bool:
    run = subprocess.run(
        [sys.executable, "-c", LOADED, str(project), fmt, str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.strip() == "True"


def test_a_json_ld_export_loads_no_graph_library(tmp_path: Path) -> None:
    """Exporting JSON-LD (no corroboration section) never imports networkx; exporting HTML,
    whose corroboration section clusters claims on a graph, does."""
    with sample(tmp_path) as project:
        path = project.store.path
    assert path is not None
    assert not _networkx_loaded(path, "jsonld", tmp_path / "report.jsonld")
    assert _networkx_loaded(path, "html", tmp_path / "report.html")
