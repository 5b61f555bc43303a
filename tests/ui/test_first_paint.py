"""Start-up promise: the window paints before the readers, renderers and signatures load."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from workbench.services import Project
from workbench.services.sample import build_sample

# Needed only by an import, an export or a check: never before the window first paints.
NOT_BEFORE_PAINT = (
    "reportlab",
    "trafilatura",
    "docx",
    "pypdf",
    "feedparser",
    "lxml",
    "jinja2",
    "dateparser",
    "datasketch",
)


def test_the_window_paints_before_heavy_libraries_load(tmp_path: Path) -> None:
    """Opening a project shows the window without importing import/export libraries first."""
    path = tmp_path / "sample.wbproj"
    with Project.create(path) as project:
        build_sample(project)
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "workbench.ui.bench_startup", "loaded", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    painted, loaded = done.stdout.splitlines()[:2]
    assert painted.split()[0] == "painted"
    assert "PySide6" in loaded.split()  # the report lists what was imported
    assert sorted(set(loaded.split()) & set(NOT_BEFORE_PAINT)) == []
