"""The reader's heading stays readable when the colours change: its link takes the scheme's."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from workbench.ui.look import apply_scheme
from workbench.ui.main_window import MainWindow


def test_the_address_link_follows_the_dark_colours(qapp: QApplication, sample_window) -> None:
    """After View → Colours → Dark, the heading's address is drawn in the dark scheme's link
    colour (light blue on the dark background), not the light scheme's dark blue."""
    window: MainWindow = sample_window
    try:
        apply_scheme(qapp, "dark")
        qapp.processEvents()
        link = QGuiApplication.palette().color(QPalette.ColorRole.Link).name()
        assert (
            link != "#0000ff"
            and QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 100
        )
        assert f'style="color:{link}"' in window.reader.header.text()
    finally:
        apply_scheme(qapp, "light")
        qapp.processEvents()
    light = QGuiApplication.palette().color(QPalette.ColorRole.Link).name()
    assert light != link and f'style="color:{light}"' in window.reader.header.text()
