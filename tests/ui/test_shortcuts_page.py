"""Help → Keyboard shortcuts (F1) lists every shortcut the window has, read from the actions
themselves: the menus', the library's article keys, the panels' own."""

from __future__ import annotations

from PySide6.QtGui import QAction

from workbench.ui.main_window import MainWindow
from workbench.ui.shortcuts import ShortcutsPage, keys_of


def _page(window: MainWindow) -> ShortcutsPage:
    window.actions_.shortcuts.trigger()
    page = window.shortcuts_page
    assert page.isVisible() and page.windowTitle() == "Keyboard shortcuts"
    return page


def _listed(page: ShortcutsPage, action: QAction) -> bool:
    """Whether some row names all of the action's keys and (if it has a name) its name."""
    wanted = set(keys_of(action).split(", "))
    does = action.text().replace("&", "")
    return any(
        wanted <= set(keys.split(", ")) and (not does or row_does == does)
        for _where, keys, row_does in page.rows()
    )


def test_every_action_with_keys_is_on_the_page(sample_window: MainWindow) -> None:
    """Each action of the window that has keys (menus, library, claims lists, the chain's hop
    rows) appears on the page with those keys — none is missing."""
    claim = sample_window.reader.article.claims[0].id
    sample_window.select_claim(claim)  # the inspector's chain rows have keys of their own
    page = _page(sample_window)
    with_keys = [a for a in sample_window.findChildren(QAction) if keys_of(a)]
    assert len(with_keys) > 30
    missing = [(a.text(), keys_of(a)) for a in with_keys if not _listed(page, a)]
    assert missing == []


def test_the_library_article_keys_are_listed_under_the_library(sample_window) -> None:
    """F2, Ctrl+T and Delete (edit, tag, delete articles) are on the page, under "Library"."""
    care = sample_window.library.care
    rows = _page(sample_window).rows()
    for action in (care.edit_action, care.tag_action, care.delete_action):
        row = ("Library", keys_of(action), action.text().replace("&", ""))
        assert row in rows
    assert ("Library", "F2", "Edit details…") in rows


def test_the_page_follows_a_key_added_later(qtbot, sample_window: MainWindow) -> None:
    """An action given keys after the page was first shown is listed when it is shown again."""
    page = _page(sample_window)
    page.close()
    sample_window.actions_.reset_layout.setShortcut("Ctrl+Alt+R")
    sample_window.actions_.shortcuts.trigger()
    assert ("View", "Ctrl+Alt+R", "Reset the layout") not in page.rows()  # not a menu group
    assert page.keys_for("Reset the layout") == "Ctrl+Alt+R"
