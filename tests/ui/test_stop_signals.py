"""A window waiting in Qt's event loop ends on SIGTERM and removes a report's `.part`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

WINDOW = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QLabel
from workbench.services import part_files
from workbench.ui import stop_signals

app = QApplication(sys.argv)
stop_signals.listen(app)
label = QLabel("waiting")
label.show()
part = Path(sys.argv[1])
part.write_text("half a report")
with part_files.writing(part):
    print("waiting", flush=True)
    app.exec()
print("the event loop returned", flush=True)
"""


@pytest.mark.parametrize("stop", ["SIGTERM", "SIGHUP"])
def test_waiting_window_ends_on_signal_and_leaves_no_part(tmp_path: Path, stop: str) -> None:
    """A window idle in its event loop ends at once on the signal, and the `.part` is gone."""
    part = tmp_path / "report.html.part"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", WINDOW, str(part)],
        stdout=subprocess.PIPE,
        text=True,
        env=environment,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "waiting"
        child.send_signal(getattr(signal, stop))
        code = child.wait(timeout=20)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert code == -getattr(signal, stop)
    assert not part.exists()
