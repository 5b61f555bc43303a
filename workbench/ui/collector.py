"""Garbage collection on the UI thread only, while a workbench window is open.

Python's cyclic collector runs in whichever thread happens to allocate when a threshold is
crossed — in the workbench, often a background thread (import, search, the indexer). If the
garbage it finds holds Qt objects (a closed dialog, a replaced panel), they are then destroyed
off the UI thread, which Qt does not allow and which can crash the process. So while a window
is open, automatic collection is off and this collector runs it on the UI thread instead,
as often as the collector's own thresholds ask.

Once the first window is built (its first turn of the event loop), what start-up made (the
modules, the window's widgets: some 200,000 objects, which live as long as the window) is
frozen out of the collector's way (`gc.freeze`, as Python's documentation suggests for
long-lived start-up objects): a full collection no longer walks them all (about 140 ms on the
UI thread at a time, measured after the link chart's benchmark), only what was made since.
The last window closed unfreezes them.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication

CHECK_MS = 500


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    @Slot()
    def collect_if_due(self) -> int:
        """Collect the generations whose thresholds are crossed; returns objects freed."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return 0
        generation = 0
        if counts[1] > thresholds[1]:
            generation = 2 if counts[2] > thresholds[2] else 1
        return gc.collect(generation)

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()


_collector: UiThreadCollector | None = None
_windows = 0


def window_opened() -> None:
    """A window opened: collect on the UI thread from now on."""
    global _collector, _windows
    _windows += 1
    if _collector is None:
        _collector = UiThreadCollector(QApplication.instance())
        QTimer.singleShot(0, _freeze_start_up)  # once the window is built, the loop running


def _freeze_start_up() -> None:
    if _collector is not None:
        gc.freeze()


def window_closed() -> None:
    """A window closed (its background work stopped): the last one gives collection back."""
    global _collector, _windows
    _windows = max(0, _windows - 1)
    if _windows == 0 and _collector is not None:
        _collector.stop()
        _collector.deleteLater()
        _collector = None
        gc.unfreeze()
        gc.collect()
