"""How a cell of the ACH matrix is painted: on its rating's colour even when it is the
current cell, which gets a frame in the highlight colour instead of the selection's fill."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

FRAME = 2


class RatingCellDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        plain.state &= ~QStyle.StateFlag.State_HasFocus
        super().paint(painter, plain, index)
        if selected:
            painter.save()
            colour = option.palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(colour, FRAME))
            inner = option.rect.adjusted(1, 1, -FRAME, -FRAME)
            painter.drawRect(inner)
            painter.restore()
