"""The reader: the article's title, outlet, authors, date and address above its text, with the
claims highlighted by status and the actor mentions underlined.

Hovering a highlight shows the claim's summary and attribution; clicking it selects the claim.
Selecting words and pressing Ctrl+M marks a claim on them (the window owns that action);
right-clicking a highlight offers to relate that claim to another (`relate_requested`).
A near-duplicate (a syndicated copy) says so in a line above its text, with a link that opens
the article it copies (`original_requested`).

The title is shown once: when the stored text begins with it (as imported pages and plain text
do), that first paragraph is hidden from view rather than cut from the text, so every position
in the document is still the stored offset it was; if a claim or mention is marked on it, the
title stays in the text, where its mark is, and the heading leaves it out instead.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QHelpEvent,
    QMouseEvent,
    QPalette,
    QTextCursor,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QToolTip, QVBoxLayout, QWidget

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import CopyOf, copy_of
from workbench.services.reading import ArticleForReading, article_for_reading
from workbench.ui.highlights import MarkLayout, extra_selections
from workbench.ui.look import is_dark
from workbench.ui.snapping import snap_selection

EMPTY_HINT = "Choose an article in the library, or import one (File → Import, or drop files here)."


class ArticleText(QPlainTextEdit):
    """The article's text: read-only, selectable by mouse and keyboard, with marks painted over."""

    claim_clicked = Signal(int)
    relate_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName("Article text")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        self.document().setDocumentMargin(14)
        self.layout_of_marks: MarkLayout | None = None
        self.context_actions: list[QAction] = []
        self._pressed_at: QPoint | None = None

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().viewportEvent(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        text = self.tooltip_at(event.pos())
        if text:
            QToolTip.showText(event.globalPos(), text, self.viewport())
        else:
            QToolTip.hideText()

    def tooltip_at(self, point: QPoint) -> str:
        """What hovering at a point of the viewport shows: the claims and mentions there."""
        if self.layout_of_marks is None:
            return ""
        position = self.cursorForPosition(point).position()
        claims = self.layout_of_marks.claims_at(position)
        parts = [claim.tooltip for claim in claims]
        parts += [f"Mentions {m.actor_name}" for m in self.layout_of_marks.mentions_at(position)]
        return "\n\n".join(parts)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        moved = self._pressed_at is not None and (point - self._pressed_at).manhattanLength() > 3
        if event.button() == Qt.MouseButton.LeftButton and not moved:
            claim = self.claim_at(point)
            if claim is not None:
                self.claim_clicked.emit(claim)
        exact = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if event.button() == Qt.MouseButton.LeftButton and moved and not exact:
            snap_selection(self, self.layout_of_marks)  # whole words; Alt marks exactly

    def claim_at(self, point: QPoint) -> int | None:
        """The innermost claim under a point of the viewport, if any."""
        if self.layout_of_marks is None:
            return None
        claims = self.layout_of_marks.claims_at(self.cursorForPosition(point).position())
        return claims[0].id if claims else None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.context_actions:
            menu.addSeparator()
            menu.addActions(self.context_actions)
        claim = self.claim_at(event.pos())
        if claim is not None:
            menu.addSeparator()
            relate = menu.addAction("Relate this claim to another…")
            relate.triggered.connect(lambda _checked=False: self.relate_requested.emit(claim))
        menu.exec(event.globalPos())
        menu.deleteLater()


class ReaderView(QWidget):
    """Header above, text below. Emits `claim_clicked(id)` when a highlight is clicked."""

    claim_clicked = Signal(int)
    relate_requested = Signal(int)
    original_requested = Signal(int)

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.article: ArticleForReading | None = None
        self.current_claim: int | None = None
        self._hidden_until = 0  # UTF-16 end of the title paragraph hidden from view
        self._title_in_text = False  # the analyst went into the title: show it in the text
        # Further layers painted over the marks (the suggestions' underlines), each given the
        # layout of this article's marks.
        self.overlays: list[Callable[[MarkLayout], list[QTextEdit.ExtraSelection]]] = []
        self.header = QLabel(EMPTY_HINT)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setOpenExternalLinks(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.header.setAccessibleName("Article details")
        self.header.setContentsMargins(14, 10, 14, 6)
        self.copy_note = QLabel()
        self.copy_note.setWordWrap(True)
        self.copy_note.setTextFormat(Qt.TextFormat.RichText)
        self.copy_note.setAccessibleName("Near-duplicate")
        self.copy_note.setContentsMargins(14, 2, 14, 6)
        self.copy_note.linkActivated.connect(lambda href: self.original_requested.emit(int(href)))
        self.copy_note.hide()
        self.text = ArticleText(self)
        self.text.claim_clicked.connect(self.claim_clicked)
        self.text.cursorPositionChanged.connect(self._cursor_moved)
        self.text.relate_requested.connect(self.relate_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.copy_note)
        layout.addWidget(self.text, 1)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.article is not None:
            self._show_title_once(self.article)
            self._lay_marks(self.article)

    @property
    def article_id(self) -> int | None:
        return self.article.id if self.article is not None else None

    def show_article(self, article_id: int) -> None:
        """Open an article: header, text and marks (scrolled to the top)."""
        article = article_for_reading(self.project, article_id)
        self.article = article
        self.current_claim = None
        self._show_copy(copy_of(self.project, article_id))
        self._hidden_until = 0  # a new document: nothing hidden yet
        self._title_in_text = False
        self.text.setPlainText(article.text)
        self._show_title_once(article)
        self._lay_marks(article)

    def clear(self) -> None:
        self.article = None
        self.current_claim = None
        self.text.layout_of_marks = None
        self.text.setExtraSelections([])
        self.text.setPlainText("")
        self._hidden_until = 0
        self._title_in_text = False
        self.header.setText(EMPTY_HINT)
        self._show_copy(None)

    def refresh_marks(self) -> None:
        """Re-read the claims and mentions (after an edit) without moving the text."""
        if self.article is None:
            return
        article = article_for_reading(self.project, self.article.id)
        self.article = article
        self._show_title_once(article)
        self._show_copy(copy_of(self.project, article.id))
        self._lay_marks(article)

    def _show_title_once(self, article: ArticleForReading) -> None:
        """Hide the text's opening title paragraph, or else (a mark is on it, or the analyst went
        into it) leave the title out of the heading."""
        lead = title_lead(article)
        marked = any(c.start < lead for c in article.claims if not c.orphaned) or any(
            m.start < lead for m in article.mentions
        )
        in_text = marked or self._title_in_text
        hidden = len(article.text[:lead].encode("utf-16-le")) // 2 if not in_text else 0
        document = self.text.document()
        reach = max(hidden, self._hidden_until)
        block = document.firstBlock()
        while block.isValid() and block.position() < reach:
            block.setVisible(block.position() >= hidden)
            block = block.next()
        if reach:
            document.markContentsDirty(0, reach)
        self._hidden_until = hidden
        if self.text.textCursor().position() < hidden:
            cursor = self.text.textCursor()
            cursor.setPosition(hidden)
            self.text.setTextCursor(cursor)
        self.header.setText(header_html(article, with_title=not (lead and in_text)))

    def _cursor_moved(self) -> None:
        """A find, a search hit or the keyboard went into the hidden title: show it in the text."""
        cursor = self.text.textCursor()
        if (
            self.article is not None
            and self._hidden_until
            and (cursor.selectionStart() < self._hidden_until)
        ):
            self._title_in_text = True
            self._show_title_once(self.article)

    def _show_copy(self, copy: CopyOf | None) -> None:
        """The line above the text of a near-duplicate, linking to the article it copies."""
        if copy is not None:
            share = f" ({copy.score:.0%} of its text is shared)" if copy.score is not None else ""
            self.copy_note.setText(
                f"⧉ Near-duplicate: this looks like a copy of "
                f"<a href='{copy.original_id}'>“{escape(copy.original_title)}”</a>{share}."
            )
        self.copy_note.setVisible(copy is not None)

    def _lay_marks(self, article: ArticleForReading) -> MarkLayout:
        layout = MarkLayout(article)
        self.text.layout_of_marks = layout
        selections = extra_selections(self.text.document(), layout, self.current_claim, is_dark())
        for overlay in self.overlays:
            selections += overlay(layout)
        self.text.setExtraSelections(selections)
        return layout

    def repaint_marks(self) -> None:
        """Paint the marks and overlays again (an overlay changed) without re-reading."""
        if self.article is not None:
            self._lay_marks(self.article)

    def set_current_claim(self, claim_id: int | None, *, scroll: bool = True) -> None:
        """Emphasise one claim (and bring it into view)."""
        self.current_claim = claim_id
        if self.article is None:
            return
        layout = self._lay_marks(self.article)
        where = layout.claim_position(claim_id) if claim_id else None
        if where is not None and scroll:
            self._bring_into_view(where[0], where[0])

    def reveal(self, span: Span) -> None:
        """Select a span of the text (code points) and centre it, as a search hit does."""
        if self.article is None or self.text.layout_of_marks is None:
            return
        start, end = self.text.layout_of_marks.utf16.span_to_utf16(span)
        self._bring_into_view(start, end)

    def _bring_into_view(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()

    def selected_span(self) -> Span | None:
        """The selected words as a code-point span, or None if nothing is selected."""
        cursor = self.text.textCursor()
        if self.text.layout_of_marks is None or not cursor.hasSelection():
            return None
        return self.text.layout_of_marks.to_span(cursor.selectionStart(), cursor.selectionEnd())

    def select_span(self, span: Span) -> None:
        """Select a span of the text (code points), as the analyst would with the mouse."""
        self.reveal(span)


def title_lead(article: ArticleForReading) -> int:
    """How many code points of the text are its title paragraph and the blank lines after it
    (0 when the text does not begin with the title)."""
    first, _sep, _rest = article.text.partition("\n")
    if not article.title.strip() or first.strip() != article.title.strip():
        return 0
    body = len(article.text) - len(article.text[len(first) :].lstrip())
    return body if body < len(article.text) else 0


def header_html(article: ArticleForReading, *, with_title: bool = True) -> str:
    byline = [escape(article.outlet or "unknown outlet")]
    if article.authors:
        byline.append("by " + escape(", ".join(article.authors)))
    if article.published is not None:
        byline.append(f"{article.published:%d %B %Y, %H:%M}")
    claims = len(article.claims)
    byline.append(f"{claims} claim{'s' if claims != 1 else ''}")
    url = escape(article.url, quote=True)
    # The link's colour is written out: a label's own palette may not have followed a change of
    # colours yet when the reader redraws its heading (the dark scheme showed a dark blue link).
    link = QGuiApplication.palette().color(QPalette.ColorRole.Link).name()
    address = (
        f'<br><a href="{url}" style="color:{link}">{escape(article.url)}</a>' if article.url else ""
    )
    title = f"<div style='font-size:140%; font-weight:600'>{escape(article.title)}</div>"
    return f"{title if with_title else ''}<div>{' · '.join(byline)}{address}</div>"
