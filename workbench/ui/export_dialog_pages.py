"""The Export dialog's view of a PDF's first pages: each page drawn as an image, one under the
other on a grey desk, fitted to the width of the view and scrolled like a PDF reader."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

DESK = "#8a8f98"
GAP = 12


class PageView(QScrollArea):
    """Shows page images; `pages` are the labels the analyst sees, top to bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Pages of the PDF")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        desk = QWidget()
        desk.setObjectName("desk")
        desk.setStyleSheet(f"#desk {{ background: {DESK}; }}")
        self._column = QVBoxLayout(desk)
        self._column.setContentsMargins(GAP, GAP, GAP, GAP)
        self._column.setSpacing(GAP)
        self._column.addStretch(1)
        self.setWidget(desk)
        self.images: tuple[QImage, ...] = ()
        self.pages: list[QLabel] = []

    def show_pages(self, images: tuple[QImage, ...]) -> None:
        """Replace the pages shown with these, scrolled to the top."""
        for label in self.pages:
            self._column.removeWidget(label)
            label.deleteLater()
        self.images = images
        self.pages = []
        for number in range(1, len(images) + 1):
            label = QLabel()
            label.setAccessibleName(f"Page {number}")
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setFrameShape(QFrame.Shape.NoFrame)
            self._column.insertWidget(number - 1, label)
            self.pages.append(label)
        self._fit()
        self.verticalScrollBar().setValue(0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Each page as wide as the view leaves room for (never wider than it was drawn)."""
        room = max(120, self.viewport().width() - 2 * GAP)
        for label, image in zip(self.pages, self.images, strict=True):
            width = min(room, image.width())
            scaled = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(QPixmap.fromImage(scaled))
