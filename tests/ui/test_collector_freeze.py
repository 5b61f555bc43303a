"""While a window is open, what start-up made is frozen out of the collector's way (a full
collection walks only what was made since); the last window closed unfreezes it."""

from __future__ import annotations

import gc

import pytest
from pytestqt.qtbot import QtBot

from workbench.ui import collector

pytestmark = pytest.mark.gui


def test_start_up_objects_are_frozen_while_a_window_is_open(qtbot: QtBot) -> None:
    """After the window's first turn of the event loop, start-up's objects are frozen (and
    not among those a collection walks); closing the window unfreezes them."""
    made_at_start_up = [object() for _ in range(3)]  # a list: tracked by the collector
    collector.window_opened()
    try:
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5_000)
        assert not any(found is made_at_start_up for found in gc.get_objects())
    finally:
        collector.window_closed()
    assert gc.get_freeze_count() == 0
    assert any(found is made_at_start_up for found in gc.get_objects())
