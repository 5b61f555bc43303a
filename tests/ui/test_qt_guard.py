"""The guard against PySide6's reference leaks on None, True and False keeps sessions alive."""

from __future__ import annotations

import sys

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
