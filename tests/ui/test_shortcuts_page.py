"""Help → Keyboard shortcuts (F1) lists every shortcut the window has, read from the actions
themselves: the menus', the library's article keys, the panels' own."""

from __future__ import annotations

from PySide6.QtGui import QAction

from workbench.ui.main_window import MainWindow
from workbench.ui.shortcuts import PAGE_NAME, ShortcutsPage, keys_of


def _page(window: MainWindow) -> ShortcutsPage:
    window.actions_.shortcuts.trigger()
    page = window.shortcuts_page
    assert page.isVisible() and page.windowTitle() == "Keyboard shortcuts"
    return page


def _listed(page: ShortcutsPage, action: QAction) -> bool:
    """Whether some row names all of the action's keys and (if it has a name) its name."""
    wanted = set(keys_of(action).split(", "))
    does = action.property(PAGE_NAME) or action.text().replace("&", "")
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
    """F2, Ctrl+T and Delete (edit, tag, delete articles) are on the page, under "Library", by
    their steady names even after the context menu counted the articles chosen."""
    care = sample_window.library.care
    care.menu(sample_window.library).deleteLater()  # "Tag 1 article…", "Delete 1 article…"
    assert care.tag_action.text() == "&Tag 1 article…"
    rows = _page(sample_window).rows()
    assert ("Library", "F2", "Edit details…") in rows
    assert ("Library", "Ctrl+T", "Tag…") in rows
    assert ("Library", "Del", "Delete…") in rows


def test_undo_is_listed_by_its_name(sample_window: MainWindow) -> None:
    """Undo is listed as "Undo" with Ctrl+Z, whatever the step it would undo now."""
    sample_window.select_claim(sample_window.reader.article.claims[0].id)
    sample_window.actions_.statuses[2].trigger()  # an edit to undo: Undo's text names it
    assert sample_window.actions_.undo.text().startswith("&Undo ")
    rows = _page(sample_window).rows()
    assert any(row[0] == "Edit" and row[2] == "Undo" and "Ctrl+Z" in row[1] for row in rows)


def test_the_page_follows_a_key_added_later(qtbot, sample_window: MainWindow) -> None:
    """An action given keys after the page was first shown is listed when it is shown again."""
    page = _page(sample_window)
    page.close()
    sample_window.actions_.reset_layout.setShortcut("Ctrl+Alt+R")
    sample_window.actions_.shortcuts.trigger()
    assert ("View", "Ctrl+Alt+R", "Reset the layout") in page.rows()  # under the menu holding it


def test_keys_only_some_keyboards_have_are_not_listed(sample_window: MainWindow) -> None:
    """New project… reads "Ctrl+N", not "Ctrl+N, New" (the dedicated New key of a few keyboards)."""
    page = _page(sample_window)
    assert page.keys_for("New project…") == "Ctrl+N"
    assert page.keys_for("Undo") == "Ctrl+Z, Alt+Backspace"
