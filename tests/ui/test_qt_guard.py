"""The guard against PySide6's None reference leak keeps long sessions alive."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel

from workbench.ui.qt_guard import HEADROOM, none_needs_headroom


@pytest.mark.skipif(not none_needs_headroom(), reason="None is immortal on Python 3.12+")
def test_a_long_session_of_qt_calls_cannot_exhaust_none(qtbot) -> None:
    """A hundred thousand void Qt calls (a busy afternoon) leave None far from zero."""
    label = QLabel()
    qtbot.addWidget(label)
    for number in range(100_000):
        label.setText(str(number % 10))
    assert sys.getrefcount(None) > HEADROOM // 2
