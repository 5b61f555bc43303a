"""The Suggestions pane: what the workbench proposes for the open article, to accept or reject
from the keyboard.

The keys (ui/suggestion_keys.py): Enter accepts the chosen proposal (a claim with its chain,
sources and actors; a mention; an event with the date), Delete rejects it (remembered: not
proposed again), Tab opens a small editor to change it first, Ctrl+Shift+Enter accepts every
proposal of its kind at once. Each is one undo step. Choosing a proposal scrolls the reader to
it; the proposals are underlined in the reader (ui/suggestion_marks.py). The proposals are
worked out in the background.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.assist.model import (
    AttributionSuggestion,
    DateSuggestion,
    MentionSuggestion,
    Span,
    Suggestions,
)
from workbench.domain.suggestions import SuggestionKind
from workbench.services import ProjectChange
from workbench.services.suggestion_accept import (
    AttributionEdits,
    accept_all,
    accept_attribution,
    accept_date,
    accept_mention,
    reject,
)
from workbench.services.suggestions import (
    Review,
    claim_span_of,
    mentions_within,
    proposed_event_title,
    review_of,
)
from workbench.ui.flow_layout import FlowLayout
from workbench.ui.session import UiSession
from workbench.ui.suggestion_editor import SuggestionEditor
from workbench.ui.suggestion_keys import review_actions
from workbench.ui.suggestion_rows import GROUPS, Row, rows_of

ROW = Qt.ItemDataRole.UserRole


class SuggestionsPane(QWidget):
    """Proposals for one article, grouped by kind. `span_chosen(span)` when one is chosen,
    `spans_changed()` when the list changes (the reader repaints its underlines)."""

    span_chosen = Signal(object)
    spans_changed = Signal()

    def __init__(
        self,
        session: UiSession,
        actions: dict[str, QAction] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.article_id: int | None = None
        self.text = ""
        self.suggestions = Suggestions()
        self.rows: dict[str, list[Row]] = {}
        self._stale = False
        self._generation = 0
        self.shown = 0  # how many times a list was shown (tests wait on it)
        self._keep_at: tuple[str, int] | None = None
        self.summary = QLabel("Open an article to see what the workbench suggests in it.")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Suggestions")
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(True)
        self.tree.currentItemChanged.connect(self._chosen)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("Why this is suggested")
        self.editor = SuggestionEditor(self)
        self.editor.accepted.connect(self._accept_edited)
        self.editor.cancelled.connect(self.tree.setFocus)
        self.actions_ = self._take_actions(actions)
        self.buttons = self._make_buttons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.editor)
        layout.addLayout(self.buttons)
        session.changed.connect(self._project_changed)

    # -- building -----------------------------------------------------------------------------

    def _take_actions(self, actions: dict[str, QAction] | None) -> dict[str, QAction]:
        actions = actions or review_actions(self.tree)
        for name, slot in (
            ("accept", self.accept_current),
            ("reject", self.reject_current),
            ("edit", self.edit_current),
            ("accept_all", self.accept_kind),
        ):
            actions[name].triggered.connect(slot)
            self.tree.addAction(actions[name])
        return actions

    def _make_buttons(self) -> FlowLayout:
        row = FlowLayout()  # wraps in a narrow column
        for name, label in (
            ("accept", "Accept"),
            ("reject", "Reject"),
            ("edit", "Edit…"),
            ("accept_all", "Accept all of this kind"),
        ):
            button = QPushButton(label)
            button.setToolTip(f"{self.actions_[name].text()} ({self._keys(name)})")
            button.clicked.connect(self.actions_[name].trigger)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(button)
        return row

    def _keys(self, name: str) -> str:
        native = QKeySequence.SequenceFormat.NativeText
        return self.actions_[name].shortcut().toString(native)

    # -- what is shown ------------------------------------------------------------------------

    def show_article(self, article_id: int | None) -> None:
        """Propose for this article (worked out now if the pane is shown, else when it is)."""
        if article_id != self.article_id:
            self._keep_at = None
        self.article_id = article_id
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Work the proposals out again, in the background."""
        self._stale = False
        self._generation += 1
        generation, article_id = self._generation, self.article_id
        if article_id is None:
            self._show(None, "", Suggestions())
            return
        self.summary.setText("Looking for suggestions…")

        def work(_control: object) -> Review:
            return review_of(self.session.project, article_id)

        def done(review: Review) -> None:
            if generation == self._generation:
                self._show(article_id, review.text, review.suggestions)

        self.session.tasks.run("Suggest", work, on_done=done, writes=False, owner=self)

    def _show(self, article_id: int | None, text: str, suggestions: Suggestions) -> None:
        self.text, self.suggestions = text, suggestions
        self.shown += 1
        self.rows = rows_of(text, suggestions)
        self.tree.blockSignals(True)
        self.tree.clear()
        for kind, title in GROUPS:
            rows = self.rows[kind.value]
            group = QTreeWidgetItem(self.tree, [f"{title} ({len(rows)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            group.setData(0, ROW, kind.value)
            for row in rows:
                item = QTreeWidgetItem(group, [row.label])
                item.setData(0, ROW, row)
                item.setToolTip(0, row.detail)
            group.setExpanded(True)
        self.tree.blockSignals(False)
        count = sum(len(rows) for rows in self.rows.values())
        self.summary.setText(_summary(article_id, count))
        self._choose_again()
        self.spans_changed.emit()

    def _choose_again(self) -> None:
        """After an accept or reject, the proposal that took the decided one's place (else the
        first proposal)."""
        kind, index = self._keep_at or ("", 0)
        groups = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        filled = [g for g in groups if g is not None and g.childCount()]
        same = [g for g in filled if g.data(0, ROW) == kind]
        if same:
            chosen = same[0].child(min(index, same[0].childCount() - 1))
        else:
            chosen = filled[0].child(0) if filled else None
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        else:
            self.detail.clear()
            self.span_chosen.emit(None)

    def group(self, kind: str) -> QTreeWidgetItem | None:
        """The list's heading of one kind ("Claims (7)"), its proposals under it."""
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None and item.data(0, ROW) == kind:
                return item
        return None

    def spans(self) -> list[Span]:
        """Where every open proposal is, for the reader's underlines."""
        return [row.span for rows in self.rows.values() for row in rows]

    def current_row(self) -> Row | None:
        item = self.tree.currentItem()
        value = item.data(0, ROW) if item is not None else None
        return value if isinstance(value, Row) else None

    def current_kind(self) -> str | None:
        item = self.tree.currentItem()
        value = item.data(0, ROW) if item is not None else None
        return value.kind if isinstance(value, Row) else value

    def _chosen(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        row = self.current_row()
        self.detail.setText(row.detail if row is not None else "")
        if row is not None and row in self.rows.get(row.kind, []):
            self._keep_at = (row.kind, self.rows[row.kind].index(row))
        self.span_chosen.emit(row.span if row is not None else None)

    def _project_changed(self, change: ProjectChange) -> None:
        if self.article_id is not None and change.tables() & WATCHED:
            self.show_article(self.article_id)

    # -- deciding -----------------------------------------------------------------------------

    def accept_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self._decide(row, lambda: self._accept(row, None))

    def _accept(self, row: Row, edit: object) -> object:
        project, article_id, proposal = self.session.project, self.article_id, row.proposal
        assert article_id is not None
        if isinstance(proposal, AttributionSuggestion):
            within = mentions_within(self.suggestions, claim_span_of(proposal))
            edits = edit if isinstance(edit, AttributionEdits) else None
            return accept_attribution(project, article_id, proposal, edits=edits, mentioned=within)
        if isinstance(proposal, MentionSuggestion):
            name = edit if isinstance(edit, str) and edit.strip() else None
            return accept_mention(project, article_id, proposal, actor_name=name)
        assert isinstance(proposal, DateSuggestion)
        title = edit if isinstance(edit, str) else proposed_event_title(self.text, proposal)
        return accept_date(project, article_id, proposal, title=title)

    def reject_current(self) -> None:
        row = self.current_row()
        if row is not None and self.article_id is not None:
            article_id = self.article_id
            self._decide(
                row, lambda: reject(self.session.project, article_id, row.proposal.key, row.kind)
            )

    def edit_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        summary = title = ""
        if isinstance(row.proposal, AttributionSuggestion):
            summary = " ".join(self.text[row.span.start : row.span.end].split())
        if isinstance(row.proposal, DateSuggestion):
            title = proposed_event_title(self.text, row.proposal)
        self.editor.edit(row, summary, title)

    def _accept_edited(self, edit: object) -> None:
        """Enter in the editor; on a problem (a name taken…) the editor stays, as typed."""
        row = self.editor.row
        if row is not None and self._decide(row, lambda: self._accept(row, edit)):
            self.editor.close_editor()
            self.tree.setFocus()

    def accept_kind(self) -> None:
        kind, article_id = self.current_kind(), self.article_id
        if kind is None or article_id is None:
            return
        if kind == SuggestionKind.DATE:
            self.session.tell("Dates are accepted one at a time: each goes on an event of its own")
            return
        count = self.session.attempt(
            "Accept all", lambda project: accept_all(project, article_id, self.suggestions, kind)
        )
        if count:
            self.session.tell(f"Accepted {count} suggestions (Ctrl+Z takes them all back)")

    def _decide(self, row: Row, deciding: Callable[[], object]) -> bool:
        """Accept or reject through `deciding`; True when done (a problem is reported)."""
        rows = self.rows.get(row.kind, [])
        self._keep_at = (row.kind, rows.index(row) if row in rows else 0)
        if not self.session.edit("Suggestion", lambda _project: deciding()):
            return False
        self._drop(row)
        return True

    def _drop(self, row: Row) -> None:
        """Take a decided proposal off the list at once (the list is worked out again in the
        background), the next one of its kind chosen: Enter, Enter, … goes down the list."""
        rows = self.rows.get(row.kind, [])
        group = self.group(row.kind)
        if row not in rows or group is None:
            return
        index = rows.index(row)
        rows.remove(row)
        group.takeChild(index)
        title = dict(GROUPS)[SuggestionKind(row.kind)]
        group.setText(0, f"{title} ({len(rows)})")
        self._choose_again()
        self.spans_changed.emit()


WATCHED = {
    "suggestion_decisions",
    "claims",
    "actor_mentions",
    "sources",
    "source_aliases",
    "actors",
    "actor_aliases",
}


def _summary(article_id: int | None, count: int) -> str:
    if article_id is None:
        return "Open an article to see what the workbench suggests in it."
    if not count:
        return "Nothing more to suggest in this article."
    return (
        f"{count} suggestion{'s' if count != 1 else ''} — Enter accepts, Delete rejects,"
        " Tab edits first"
    )
