"""The next undo step is named whole in the Edit menu and the tooltip, shortened on the toolbar
so a long title does not push the other buttons off it, and an "&" in a title shown as such."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton

from workbench.services.articles import NewArticle, add_article
from workbench.ui.actions import TOOLBAR_STEP_CHARACTERS
from workbench.ui.main_window import MainWindow

LONG = "Russia Weighs Its Answer as Iran Asks Moscow for Help After the Strikes on Its Sites"


def _undo_button(window: MainWindow) -> QToolButton:
    button = window.toolbar.widgetForAction(window.actions_.undo)
    assert isinstance(button, QToolButton)
    return button


def test_a_long_step_is_shortened_on_the_toolbar_only(qtbot, sample_window: MainWindow) -> None:
    """Adding an article with a long title: the toolbar's Undo says it in 40 characters, the
    Edit menu and the tooltip whole."""
    add_article(sample_window.session.project, NewArticle(text=f"{LONG}.", title=LONG))
    undo = sample_window.actions_.undo
    qtbot.waitUntil(lambda: LONG[:20] in undo.text(), timeout=5000)
    whole = undo.toolTip()
    assert whole.startswith(f"Undo Add article “{LONG[:20]}") and len(whole) > 50
    assert undo.text() == f"&{whole}"
    shown = _undo_button(sample_window).text()
    assert len(shown) == TOOLBAR_STEP_CHARACTERS and shown.endswith("…")
    assert whole.startswith(shown[:-1])


def test_an_ampersand_in_a_title_is_shown_not_a_mnemonic(qtbot, sample_window: MainWindow) -> None:
    """A title "AT&T sued" reads "Undo Add article “AT&T sued”", its "&" doubled for Qt."""
    add_article(sample_window.session.project, NewArticle(text="AT&T sued.", title="AT&T sued"))
    qtbot.waitUntil(lambda: "AT" in sample_window.actions_.undo.text(), timeout=5000)
    assert sample_window.actions_.undo.text() == "&Undo Add article “AT&&T sued”"
    assert _undo_button(sample_window).text() == "Undo Add article “AT&&T sued”"
    assert sample_window.actions_.undo.toolTip() == "Undo Add article “AT&T sued”"
