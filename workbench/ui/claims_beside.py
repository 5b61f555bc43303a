"""A view with the list of claims it points at beside it: the link chart's and the timeline's
shared layout (the view three quarters, a heading line and the claims list on the right)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QSplitter, QVBoxLayout, QWidget


def claims_beside(view: QWidget, heading: QLabel, claims: QListWidget) -> QSplitter:
    """`view` on the left, `heading` over `claims` on the right, sized 3 : 1."""
    heading.setWordWrap(True)
    side = QWidget()
    side_layout = QVBoxLayout(side)
    side_layout.setContentsMargins(0, 0, 0, 0)
    side_layout.addWidget(heading)
    side_layout.addWidget(claims, 1)
    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(view)
    split.addWidget(side)
    split.setStretchFactor(0, 4)
    split.setStretchFactor(1, 1)
    split.setSizes([900, 300])
    return split
