"""Earlier versions of an article, and a new version chosen by the analyst.

`VersionsDialog` lists the article's kept texts; the chosen one is shown against the current
text with inserted words in green and deleted words struck through in red (the diff comes
from `services.version_diff`; this module only paints it). `ArticleVersions` holds the two
window actions ("Earlier versions…", "Import a new version…") for the article in the reader.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbench.services.importing import import_new_version
from workbench.services.version_diff import Change, VersionDiff, diff_to_current, kept_versions
from workbench.services.versions import VersionReport
from workbench.ui.look import is_dark
from workbench.ui.session import UiSession
from workbench.ui.tasks import Task, TaskControl

NUMBER = Qt.ItemDataRole.UserRole
_STYLES = {
    False: {Change.INSERTED: "background:#d4f7d4;color:#0b5d0b", Change.DELETED: "color:#a30000"},
    True: {Change.INSERTED: "background:#0f3d1a;color:#b6f2c0", Change.DELETED: "color:#ff9c9c"},
}


_DECORATION = {Change.INSERTED: "underline", Change.DELETED: "line-through"}


def diff_html(diff: VersionDiff, dark: bool = False) -> str:
    """The diff as rich text: inserted words underlined on green, deleted ones struck out."""
    styles = _STYLES[dark]
    parts = []
    for piece in diff.pieces:
        text = html.escape(piece.text)
        if piece.change == Change.SAME:
            parts.append(text)
        else:
            style = f"{styles[piece.change]};text-decoration:{_DECORATION[piece.change]}"
            parts.append(f'<span style="{style}">{text}</span>')
    return f'<div style="white-space:pre-wrap">{"".join(parts)}</div>'


class VersionsDialog(QDialog):
    """An article's earlier versions; the chosen one compared with the current text."""

    def __init__(self, session: UiSession, article_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.article_id = session, article_id
        self.setWindowTitle(f"Earlier versions of article {article_id}")
        self.versions = QListWidget()
        self.versions.setAccessibleName("Earlier versions")
        self.diff = QTextBrowser()
        self.diff.setAccessibleName("Changes from the chosen version to the current text")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        panes = QHBoxLayout()
        panes.addWidget(self.versions, 1)
        panes.addWidget(self.diff, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(panes, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(900, 600)
        self.comparing: Task | None = None
        self.versions.currentItemChanged.connect(self._version_chosen)
        self._fill()

    def _fill(self) -> None:
        kept = self.session.attempt("Earlier versions", kept_versions, self.article_id) or []
        for version in reversed(kept):  # the newest first: most often the one wanted
            when = version.replaced_at.strftime("%Y-%m-%d %H:%M")
            label = f"Version {version.number} — replaced {when}, {version.words:,} words"
            item = QListWidgetItem(label)
            item.setData(NUMBER, version.number)
            self.versions.addItem(item)
        if not kept:
            self.summary.setText("This article's text has never changed: no earlier version.")
            return
        self.versions.setCurrentRow(0)
        self.versions.setFocus()

    @Slot(QListWidgetItem, QListWidgetItem)
    def _version_chosen(self, item: QListWidgetItem | None, _old: object) -> None:
        if item is None:
            return
        number, project, article = int(item.data(NUMBER)), self.session.project, self.article_id
        self.summary.setText(f"Comparing version {number} with the current text…")

        def work(_control: TaskControl) -> VersionDiff:  # a long article takes a moment
            return diff_to_current(project, article, number)

        self.comparing = self.session.tasks.run(
            "Compare versions", work, on_done=self._show_diff, writes=False, owner=self
        )

    def _show_diff(self, diff: VersionDiff) -> None:
        chosen = self.versions.currentItem()
        if chosen is None or int(chosen.data(NUMBER)) != diff.number:
            return  # another version was chosen meanwhile
        self.diff.setHtml(diff_html(diff, is_dark(self.palette())))
        self.summary.setText(
            f"From version {diff.number} to the current text: {diff.inserted_words:,} words "
            f"inserted (green), {diff.deleted_words:,} deleted (struck through, red)."
        )


class ArticleVersions:
    """The window's two version actions, for whichever article the reader shows."""

    def __init__(
        self, session: UiSession, window: QWidget, current_article: Callable[[], int | None]
    ) -> None:
        self.session, self.window, self._current = session, window, current_article
        self.show_versions = QAction("Earlier &versions of this article…", window)
        self.show_versions.setShortcut("Ctrl+Shift+H")
        self.show_versions.setStatusTip("Compare the article with its earlier texts")
        self.import_version = QAction("Import a new &version of this article…", window)
        self.import_version.setStatusTip(
            "Read a file as this article's newer text; its claims follow their words"
        )
        window.addAction(self.show_versions)
        self.show_versions.triggered.connect(self.open_versions)
        self.import_version.triggered.connect(self.choose_new_version)
        self.dialog: VersionsDialog | None = None

    def actions(self) -> list[QAction]:
        return [self.show_versions, self.import_version]

    def place_in_menu_of(self, menu_bar: QMenuBar, after: QAction) -> None:
        """Both actions, in the menu that holds `after`, just below it."""
        for menu in menu_bar.findChildren(QMenu):
            held = menu.actions()
            if after in held:
                following = held[held.index(after) + 1 : held.index(after) + 2]
                for action in self.actions():
                    if following:
                        menu.insertAction(following[0], action)
                    else:
                        menu.addAction(action)
                return

    def _article(self) -> int | None:
        article = self._current()
        if article is None:
            self.session.tell("Open an article in the reader first")
        return article

    @Slot()
    def open_versions(self) -> None:
        article = self._article()
        if article is not None:
            self.dialog = VersionsDialog(self.session, article, self.window)
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.show()

    @Slot()
    def choose_new_version(self) -> None:
        article = self._article()
        if article is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self.window, f"The newer text of article {article}"
        )
        if path:
            self.import_file(article, path)

    def import_file(self, article: int, path: str) -> None:
        """Read `path` as the article's new version in the background, then say what moved."""
        project = self.session.project

        def work(_control: TaskControl) -> VersionReport:
            return import_new_version(project, article, path)

        self.session.tasks.run(
            "Import a new version",
            work,
            on_done=lambda report: self.session.tell(describe_report(report, Path(path).name)),
        )


def describe_report(report: VersionReport, name: str) -> str:
    """ "Article 3 is now version 2 (from page.html): 5 placed, 1 orphaned"."""
    return (
        f"Article {report.article_id} is now version {report.number} (from {name}): "
        f"{report.placed} claims and mentions placed, {report.orphaned} orphaned"
    )
