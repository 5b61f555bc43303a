"""The bar under the reader for "Mark actor mention" (Ctrl+E): link the selected words to an
actor, found by name or alias as you type, or created on the spot. Escape closes it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workbench.domain.anchoring import Span
from workbench.services import inline, links
from workbench.ui.attribution import tool_button
from workbench.ui.look import icon
from workbench.ui.session import UiSession
from workbench.ui.typeahead import NameField, NewRecordBar, Picked


class MentionBar(QWidget):
    """Shown by the window with the selected span; `marked(actor id)` after linking."""

    marked = Signal(int)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.article_id: int | None = None
        self.span: Span | None = None
        self.words = QLabel()
        self.actor = NameField(session, ("actor",), "Which actor? (type a name or alias)")
        self.new_actor = NewRecordBar(("actor",))
        close = tool_button(icon("delete"))
        close.setToolTip("Close (Esc)")
        close.setAccessibleName("Close the mention bar")
        top = QHBoxLayout()
        top.addWidget(self.words)
        top.addWidget(self.actor, 1)
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addLayout(top)
        layout.addWidget(self.new_actor)
        self.actor.picked.connect(self._picked)
        self.actor.unknown.connect(self.new_actor.offer)
        self.actor.new_name.connect(self.new_actor.follow)
        self.new_actor.create_requested.connect(self._create)
        close.clicked.connect(self.hide)
        self.hide()

    def start(self, article_id: int, span: Span, words: str) -> None:
        """Ask which actor the words name; the words themselves are the first guess."""
        self.article_id, self.span = article_id, span
        shown = words if len(words) <= 40 else words[:39] + "…"
        self.words.setText(f"Mention “{shown}” of")
        self.new_actor.hide()
        self.show()
        self.actor.setText(" ".join(words.split()))
        self.actor.textEdited.emit(self.actor.text())
        self.actor.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.actor.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)

    @Slot(object)
    def _picked(self, picked: Picked) -> None:
        if self.article_id is None or self.span is None:
            return
        done = self.session.attempt(
            "Mark actor mention", links.mark_mention, self.article_id, self.span, picked.id
        )
        if done is not None:
            self.hide()
            self.session.tell(f"Marked a mention of {picked.name}")
            self.marked.emit(picked.id)

    @Slot(str, str, str, str)
    def _create(self, _what: str, name: str, kind: str, _reliability: str) -> None:
        if self.article_id is None or self.span is None:
            return
        done = self.session.attempt(
            "Mark actor mention", inline.mention_new_actor, self.article_id, self.span, name, kind
        )
        if done is not None:
            self.hide()
            self.session.tell(f"New actor {name}; mention marked")
            self.marked.emit(done[0])
