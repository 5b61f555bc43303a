"""The search dock is built only when the project-wide search service is installed."""

from __future__ import annotations

from importlib.util import find_spec

from PySide6.QtWidgets import QWidget

from workbench.ui.session import UiSession


def make_search_panel(session: UiSession) -> QWidget | None:
    if find_spec("workbench.services.search") is None:
        return None
    from workbench.ui.search_panel import SearchPanel

    return SearchPanel(session)
