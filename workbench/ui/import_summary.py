"""The summary after an import: how many came in, duplicates, and each failure with its reason.

Not modal: the analyst can keep working and open an imported article from the list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.text import plural
from workbench.services.importing import ImportSummary

ARTICLE = Qt.ItemDataRole.UserRole


class ImportSummaryDialog(QDialog):
    """`open_article(id)` when an imported (or already present) article is activated."""

    open_article = Signal(int)

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.setWindowTitle("Import finished" if not summary.cancelled else "Import cancelled")
        self.setModal(False)
        rate = summary.files_done / summary.seconds if summary.seconds > 0 else 0.0
        self.headline = QLabel(
            f"<b>{summary.headline()}</b><br>{plural(summary.files_done, 'file')} in "
            f"{summary.seconds:.1f} s ({rate:.1f} files/s)"
        )
        self.headline.setWordWrap(True)
        self.items = QListWidget()
        self.items.setAccessibleName("What was imported, and what failed")
        self.items.setWordWrap(True)
        self._fill()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.items, 1)
        layout.addWidget(QLabel("Double-click an article to open it."))
        layout.addWidget(buttons)
        self.items.itemActivated.connect(self._activated)
        self.resize(640, 420)

    def _fill(self) -> None:
        for failure in self.summary.failures:
            self._add(f"✕ failed: {failure.path} — {failure.reason}", None)
        for duplicate in self.summary.duplicates:
            self._add(
                f"= already in the project: {duplicate.path} (article {duplicate.existing_id})",
                duplicate.existing_id,
            )
        for article in self.summary.imported:
            near = (
                f" — near-duplicate of article {article.near_duplicate_of}"
                if article.near_duplicate_of is not None
                else ""
            )
            self._add(f"✓ {article.title or article.path}{near}", article.article_id)
        if self.summary.skipped:
            skipped = plural(len(self.summary.skipped), "file")
            self._add(f"{skipped} of other kinds were left alone", None)

    def _add(self, text: str, article_id: int | None) -> None:
        item = QListWidgetItem(text)
        item.setData(ARTICLE, article_id)
        self.items.addItem(item)

    def lines(self) -> list[str]:
        return [self.items.item(row).text() for row in range(self.items.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        article_id = item.data(ARTICLE)
        if article_id is not None:
            self.open_article.emit(int(article_id))
