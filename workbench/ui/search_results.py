"""Search hits as a list: each shows its kind, title, outlet and date, and a snippet with the
matching words in bold. Painted as rich text by a delegate (the list holds only the hits shown).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from workbench.domain.anchoring import Span

if TYPE_CHECKING:  # the search engine loads when the index opens, after the window shows
    from workbench.services.search import SearchHit

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
HTML = Qt.ItemDataRole.UserRole + 1
HIT = Qt.ItemDataRole.UserRole + 2


def marked_html(text: str, highlights: tuple[tuple[int, int], ...]) -> str:
    """Text with each highlighted stretch in bold, everything else escaped."""
    parts, last = [], 0
    for start, end in highlights:
        parts += [escape(text[last:start]), "<b>", escape(text[start:end]), "</b>"]
        last = end
    parts.append(escape(text[last:]))
    return "".join(parts)


def hit_html(hit: SearchHit) -> str:
    snippet = hit.snippet
    body = marked_html(snippet.text, snippet.highlights)
    body = ("… " if snippet.clipped_before else "") + body + (" …" if snippet.clipped_after else "")
    kind = "claim" if hit.kind == "claim" else "article"
    where = " · ".join(
        part
        for part in (
            escape(hit.outlet),
            f"{hit.published:%Y-%m-%d}" if hit.published else "",
            escape(hit.status),
        )
        if part
    )
    title = marked_html(hit.title or "(untitled)", hit.title_highlights)
    summary = f"<br><i>{escape(hit.summary)}</i>" if hit.kind == "claim" and hit.summary else ""
    return (
        f"<small>{kind.upper()} · {where}</small><br><b>{title}</b>{summary}<br><span>{body}</span>"
    )


def reveal_span(hit: SearchHit) -> Span | None:
    """Where an article hit's first match sits in the article's text (code points)."""
    snippet = hit.snippet
    if hit.kind != "article" or snippet.field != "text" or not snippet.highlights:
        return None
    start, end = snippet.highlights[0]
    return Span(snippet.start + start, snippet.start + end)


class HitsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: tuple[SearchHit, ...] = ()
        self._html: list[str] = []

    def set_hits(self, hits: tuple[SearchHit, ...]) -> None:
        self.beginResetModel()
        self.hits = hits
        self._html = [hit_html(hit) for hit in hits]
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == HTML:
            return self._html[index.row()]
        if role == HIT:
            return hit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit.kind}: {hit.title} — {hit.snippet.marked('', '')}"
        return None


class HitDelegate(QStyledItemDelegate):
    """Paints a hit's rich text, wrapped to the list's width."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(index.data(HTML) or "")
        document.setTextWidth(max(option.rect.width() - 8, 80))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 3)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 4, option.rect.height() - 3))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 8)
