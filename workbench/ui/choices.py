"""Drop-down filters that keep their first entry ("any …") and the analyst's choice on refill."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def refill(box: QComboBox, items: list[tuple[str, object]]) -> None:
    """Replace every entry after the first with `items`, keeping the chosen one if it remains
    (signals held back, so a refill never looks like the analyst's choice)."""
    chosen = box.currentData()
    box.blockSignals(True)
    try:
        while box.count() > 1:
            box.removeItem(1)
        for text, data in items:
            box.addItem(text, data)
        found = box.findData(chosen) if chosen is not None else 0
        box.setCurrentIndex(max(found, 0))
    finally:
        box.blockSignals(False)
