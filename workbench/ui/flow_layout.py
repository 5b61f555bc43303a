"""A layout that lays its widgets out in lines like words in a paragraph, for bars of filters
and buttons that must fit a narrow dock: what does not fit on a line wraps to the next.

Qt ships no such layout (its documentation has one as the "Flow Layout" example); this one
follows it, and in addition gives each line's spare width to the widgets that grow
horizontally (a filter field), so a wide dock shows one full line. Its height follows its
width (heightForWidth), so the layout above it gives it the lines it needs.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- QLayout's item bookkeeping ----------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes --------------------------------------------------------------------------------

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown)
        width += self.spacing() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:
        """As narrow as the widest single widget: everything else can wrap."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return self._with_margins(size)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # -- laying out ---------------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = []
        used = 0
        for item in self._shown():
            wanted = item.sizeHint().width()
            if lines and used + self.spacing() + wanted <= width:
                lines[-1].append(item)
                used += self.spacing() + wanted
            else:
                lines.append([item])
                used = wanted
        return lines

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Place the items in `rect` line by line (if `place`); returns the height it takes."""
        area = rect.marginsRemoved(self.contentsMargins())
        y = area.y()
        for line in self._lines(area.width()):
            height = max(item.sizeHint().height() for item in line)
            if place:
                self._place_line(line, QPoint(area.x(), y), area.width(), height)
            y += height + self.spacing()
        margins = self.contentsMargins()
        return max(y - self.spacing() - area.y(), 0) + margins.top() + margins.bottom()

    def _place_line(self, line: list[QLayoutItem], at: QPoint, width: int, height: int) -> None:
        widths = [item.sizeHint().width() for item in line]
        spare = width - sum(widths) - self.spacing() * (len(line) - 1)
        growing = [i for i, item in enumerate(line) if _grows(item)]
        for n, i in enumerate(growing):
            widths[i] += spare // len(growing) + (1 if n < spare % len(growing) else 0)
        x = at.x()
        for item, item_width in zip(line, widths, strict=True):
            shown = max(min(item_width, width), item.minimumSize().width())
            top = at.y() + (height - item.sizeHint().height()) // 2
            item.setGeometry(QRect(x, top, shown, item.sizeHint().height()))
            x += shown + self.spacing()


def _grows(item: QLayoutItem) -> bool:
    widget = item.widget()
    policy = widget.sizePolicy().horizontalPolicy() if widget is not None else None
    return policy is not None and bool(policy.value & QSizePolicy.PolicyFlag.ExpandFlag.value)
