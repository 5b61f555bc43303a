"""An export loads only the libraries of what it shows: networkx, for the corroboration
section's graph, is left out of an export that shows no corroboration; Qt, which draws the
timeline's picture, is left to a child process by an export on the command line."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.reports.golden import sample

LOADED = (
    "import sys\n"
    "from workbench.services import Project\n"
    "from workbench.services.reporting import export_report\n"
    "with Project.open(sys.argv[1], read_only=True) as project:\n"
    "    export_report(project, sys.argv[2], sys.argv[3])\n"
    "print(sys.argv[4] in sys.modules)\n"
)


def _loaded(project: Path, fmt: str, out: Path, module: str = "networkx") -> bool:
    run = subprocess.run(
        [sys.executable, "-c", LOADED, str(project), fmt, str(out), module],
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
    assert not _loaded(path, "jsonld", tmp_path / "report.jsonld")
    assert _loaded(path, "html", tmp_path / "report.html")


def test_a_docx_export_leaves_the_timelines_drawing_to_a_child_process(
    tmp_path: Path, qtbot: QtBot
) -> None:
    """Exported on the command line, the DOCX report carries the timeline's picture, the
    same PNG as this process (with Qt) draws, while the exporting process never loads Qt."""
    from workbench.reports.svg_raster import svg_lines_to_png
    from workbench.reports.timeline_drawing import timeline_lines
    from workbench.reports.timeline_figure import PNG_SCALE
    from workbench.reports.timeline_model import timeline_of_report
    from workbench.services.reporting import build_report

    drawn_here = io.BytesIO()
    with sample(tmp_path) as project:
        path = project.store.path
        svg_lines_to_png(
            timeline_lines(timeline_of_report(build_report(project))), drawn_here, PNG_SCALE
        )
    assert path is not None
    out = tmp_path / "report.docx"
    assert not _loaded(path, "docx", out, "PySide6.QtGui")
    with zipfile.ZipFile(out) as package:
        pictures = [name for name in package.namelist() if name.startswith("word/media/")]
        assert [package.read(name) for name in pictures] == [drawn_here.getvalue()]
