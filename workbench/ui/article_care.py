"""What the library does to the articles chosen in it: edit one's details, tag them, delete
them (after a confirmation naming how many articles and claims go). Each is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from workbench.domain.text import plural
from workbench.services.articles import delete_articles, deletion_extent, tag_articles
from workbench.services.queries import tags_of
from workbench.ui.article_editor import ArticleEditor, edit_article_details
from workbench.ui.session import UiSession
from workbench.ui.shortcuts import name_for_the_page


def deletion_question(articles: int, claims: int) -> str:
    """ "Delete 3 articles and their 12 claims?" """
    if claims == 0:
        return f"Delete {plural(articles, 'article')}? (no claims are marked in them)"
    their = "its" if articles == 1 else "their"
    return f"Delete {plural(articles, 'article')} and {their} {plural(claims, 'claim')}?"


class ArticleCare(QObject):
    """The library's article actions, for whichever articles `chosen()` returns."""

    def __init__(self, session: UiSession, view: QWidget, chosen: Callable[[], list[int]]) -> None:
        super().__init__(view)
        self.session = session
        self.view = view
        self.chosen = chosen
        self.edit_action = self._action("&Edit details…", "F2", self.edit)
        self.tag_action = self._action("&Tag…", "Ctrl+T", self.tag)
        self.delete_action = self._action(
            "&Delete…", QKeySequence(QKeySequence.StandardKey.Delete), self.delete
        )
        self.dialog: QWidget | None = None

    def _action(self, text: str, keys: QKeySequence | str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.view)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        name_for_the_page(action, text)  # the menu's text counts the articles; the page's not
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def menu(self, parent: QWidget) -> QMenu:
        """The context menu for the chosen articles."""
        ids = self.chosen()
        menu = QMenu(parent)
        self.edit_action.setEnabled(len(ids) == 1)
        self.tag_action.setText(f"&Tag {plural(len(ids), 'article')}…")
        self.delete_action.setText(f"&Delete {plural(len(ids), 'article')}…")
        menu.addActions([self.edit_action, self.tag_action])
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    @Slot()
    def edit(self) -> ArticleEditor | None:
        ids = self.chosen()
        if len(ids) != 1:
            self.session.tell("Choose one article to edit its details")
            return None
        editor = edit_article_details(self.session, ids[0], self.view.window())
        self.dialog = editor
        return editor

    @Slot()
    def tag(self) -> QInputDialog | None:
        ids = self.chosen()
        if not ids:
            return None
        dialog = QInputDialog(self.view.window())
        dialog.setWindowTitle("Tag articles")
        current = (
            ", ".join(tags_of(self.session.project, "article", ids[0])) if len(ids) == 1 else ""
        )
        hint = f" (now: {current})" if current else ""
        dialog.setLabelText(f"Tags to add to {plural(len(ids), 'article')}{hint}, with commas:")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda text: self._tag(ids, text))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _tag(self, ids: list[int], text: str) -> None:
        names = [name.strip() for name in text.split(",") if name.strip()]
        if names and self.session.edit("Tag articles", tag_articles, ids, names):
            self.session.tell(f"Tagged {plural(len(ids), 'article')} (Ctrl+Z undoes)")

    @Slot()
    def delete(self) -> QMessageBox | None:
        ids = self.chosen()
        if not ids:
            return None
        extent = deletion_extent(self.session.project, ids)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Delete articles",
            deletion_question(extent.articles, extent.claims),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.view.window(),
        )
        box.setInformativeText("Ctrl+Z brings them back.")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText("&Delete")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        confirm = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(lambda button: self._delete(ids) if button == confirm else None)
        box.open()
        self.dialog = box
        return box

    def _delete(self, ids: list[int]) -> None:
        if self.session.edit("Delete articles", delete_articles, ids):
            self.session.tell(f"Deleted {plural(len(ids), 'article')} (Ctrl+Z brings them back)")
