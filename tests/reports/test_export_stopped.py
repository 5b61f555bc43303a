"""An export stopped by SIGTERM or SIGHUP (a session ending, `kill`) leaves neither its `.part`
file nor anything under the report's name: the old report stays as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.services import Project, part_files

# The child exports the project and, once the first batch is written, says so and waits to be
# stopped (its progress callback sleeps), so the signal comes while the `.part` is open.
CHILD = """
import sys, time
from workbench.services import Project
from workbench.services.reporting import export_report

def stalled(done, total):
    print("writing", flush=True)
    time.sleep(60)

with Project.open(sys.argv[1], read_only=True) as project:
    export_report(project, sys.argv[2], sys.argv[3], progress=stalled)
"""


@pytest.mark.parametrize(("fmt", "stop"), [("html", signal.SIGTERM), ("qdpx", signal.SIGHUP)])
def test_a_stopped_export_leaves_no_part_file(
    sample_project: Project, tmp_path: Path, fmt: str, stop: signal.Signals
) -> None:
    """The export is killed midway: the folder holds the old report, unchanged, and nothing
    else, and the process ended by the signal."""
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / f"r.{fmt}"
    out.write_bytes(b"the good report")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(sample_project.store.path), fmt, str(out)],
        stdout=subprocess.PIPE,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "writing"
        assert len(list(folder.glob(".r.*.part"))) == 1  # the export was under way
        child.send_signal(stop)
        assert child.wait(timeout=30) == -stop
    finally:
        child.kill()
        child.wait()
    assert [path.name for path in folder.iterdir()] == [out.name]
    assert out.read_bytes() == b"the good report"


def test_a_file_is_listed_only_while_written(tmp_path: Path) -> None:
    """A `.part` is listed for removal while it is written, and not after."""
    path = tmp_path / ".r.html.x.part"
    with part_files.writing(path):
        assert path in part_files.being_written()
    assert path not in part_files.being_written()
