"""The guard against PySide6's reference leaks on None, True and False keeps sessions alive."""

from __future__ import annotations

import os
import subprocess
import sys

import PySide6
import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from workbench.ui.qt_guard import HEADROOM, singletons_need_headroom


class _Announcer(QObject):
    said = Signal(bool)


@pytest.mark.skipif(not singletons_need_headroom(), reason="immortal on Python 3.12+")
def test_a_long_session_of_qt_calls_cannot_exhaust_the_singletons(qtbot) -> None:
    """A hundred thousand void calls and signal emissions leave None, True and False alive."""
    label = QLabel()
    qtbot.addWidget(label)
    announcer = _Announcer()
    heard: list[bool] = []
    announcer.said.connect(heard.append)
    for number in range(100_000):
        label.setText(str(number % 10))
        announcer.said.emit(number % 2 == 0)
    assert len(heard) == 100_000
    for singleton in (None, True, False):
        assert sys.getrefcount(singleton) > HEADROOM // 2


LEAK_PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for _ in range(300):
    label.setText("x")
print(before - sys.getrefcount(None))
"""


@pytest.mark.skipif(not singletons_need_headroom(), reason="immortal on Python 3.12+")
def test_the_installed_pyside6_still_has_the_fault_the_guard_is_for() -> None:
    """Without the guard, this PySide6 still takes a reference to None per void call: keep it."""
    done = subprocess.run(
        [sys.executable, "-c", LEAK_PROBE],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lost = int(done.stdout.strip())
    assert lost >= 290, (
        f"PySide6 {PySide6.__version__} no longer leaks references to None ({lost} of 300 "
        "calls): remove ui/qt_guard.py and exclude the releases that had the fault instead"
    )
