"""Claim relations in the window: the inspector's list (both ways), the claim picker, and the
dialog a claim's context menu opens ("Relate this claim to…").

Relating and removing are ordinary service calls, so each is one undo step. Clicking the
other claim of a relation opens it at its place, whatever article it is in.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.grades import RelationKind
from workbench.services import links
from workbench.services.relations import ClaimChoice, RelatedClaim, find_claims, relations_of
from workbench.ui.session import UiSession
from workbench.ui.typeahead import NameField

NO_RELATIONS = "No relations yet. Pick a claim below to relate this one to it."


class ClaimPicker(NameField):
    """Type-ahead over the quotes and summaries of every claim in the project ("#12": claim 12).

    `chosen(ClaimChoice)` fires when the analyst picks one (Enter takes the first offered).
    """

    chosen = Signal(object)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, ("claim",), "Find a claim by its words or #number…", parent)
        self.excluding: int | None = None
        self._claims: dict[str, ClaimChoice] = {}

    @Slot(str)
    def _suggest(self, typed: str) -> None:
        found = find_claims(self.session.project, typed, excluding=self.excluding)
        self._claims = {choice.shown: choice for choice in found}
        self._list.setStringList(list(self._claims))
        if found:
            self._completer.complete()

    @Slot(str)
    def _activated(self, shown: str) -> None:
        choice = self._claims.get(shown)
        if choice is not None:
            self._choose(choice)

    @Slot()
    def _entered(self) -> None:
        if self._just_picked or not self.text().strip():
            return
        if not self._claims:
            self._suggest(self.text())
            self._hide_popup()
        choice = self._claims.get(self.text()) or next(iter(self._claims.values()), None)
        if choice is None:
            self.session.tell(f"No claim holds “{self.text().strip()}”")
            return
        self._choose(choice)

    def _choose(self, choice: ClaimChoice) -> None:
        self._just_picked = True
        self._hide_popup()
        self._claims = {}
        self._list.setStringList([])
        self.chosen.emit(choice)
        self._after_pick()


class RelationAdder(QWidget):
    """“This claim [supports] [picked claim]”: relates the claim to the one picked."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.claim_id: int | None = None
        self.kind = QComboBox()
        self.kind.setAccessibleName("Relation")
        for kind in RelationKind:
            self.kind.addItem(kind.value, kind.value)
        self.picker = ClaimPicker(session)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("This claim"))
        row.addWidget(self.kind)
        row.addWidget(self.picker, 1)
        self.picker.chosen.connect(self.relate)

    def set_claim(self, claim_id: int | None) -> None:
        self.claim_id = claim_id
        self.picker.excluding = claim_id
        self.setEnabled(claim_id is not None)

    @Slot(object)
    def relate(self, other: ClaimChoice) -> bool:
        """Relate the claim to another: one undo step."""
        if self.claim_id is None:
            return False
        kind = str(self.kind.currentData())
        done = self.session.edit(
            f"Relate claims ({kind})", links.relate_claims, self.claim_id, other.id, kind
        )
        if done:
            self.session.tell(f"This claim {kind} claim #{other.id} (Ctrl+Z takes it back)")
        return done


class RelationsEditor(QWidget):
    """A claim's relations both ways, each a link to the other claim with a Remove button;
    below them, the adder. `open_claim(article_id, claim_id)` asks to show the other claim."""

    open_claim = Signal(int, int)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.claim_id: int | None = None
        self.relations: list[RelatedClaim] = []
        self.rows = QVBoxLayout()
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(NO_RELATIONS)
        self.empty.setWordWrap(True)
        self.adder = RelationAdder(session)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addLayout(self.rows)
        layout.addWidget(self.adder)

    def show_claim(self, claim_id: int | None) -> None:
        self.claim_id = claim_id
        self.adder.set_claim(claim_id)
        found = relations_of(self.session.project, claim_id) if claim_id is not None else []
        self.relations = found
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # gone from view now, deleted later
                widget.deleteLater()
        for number, relation in enumerate(found):
            row = self._row(number, relation)
            self.rows.addWidget(row)
            row.show()
        self.empty.setVisible(claim_id is not None and not found)

    def shown(self) -> list[str]:
        """The relations as listed ("supports ←  “…” · article (#3)")."""
        return [relation.shown for relation in self.relations]

    def _row(self, number: int, relation: RelatedClaim) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(
            f"<b>{escape(relation.direction)}</b> "
            f"<a href='{number}'>{escape(relation.other.shown)}</a>"
        )
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAccessibleName(f"Relation {relation.direction}")
        label.setToolTip(f"“{relation.other.exact}”\n\nClick to open this claim")
        label.linkActivated.connect(lambda _href, r=relation: self.open_related(r))
        remove = QToolButton()
        remove.setText("Remove")
        remove.setAccessibleName(f"Remove the relation {relation.direction} #{relation.other.id}")
        remove.clicked.connect(lambda _checked=False, r=relation: self.remove(r))
        line.addWidget(label, 1)
        line.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def open_related(self, relation: RelatedClaim) -> None:
        self.open_claim.emit(relation.other.article_id, relation.other.id)

    def remove(self, relation: RelatedClaim) -> None:
        """Remove one relation: one undo step."""
        self.session.attempt(
            f"Remove relation {relation.direction}",
            links.unrelate_claims,
            relation.from_claim_id,
            relation.to_claim_id,
            relation.kind,
        )


class RelateDialog(QDialog):
    """The context menu's “Relate this claim to…”: choose how, then pick the other claim."""

    def __init__(self, session: UiSession, claim_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Relate claim #{claim_id}")
        self.adder = RelationAdder(session)
        self.adder.set_claim(claim_id)
        self.adder.picker.chosen.disconnect(self.adder.relate)
        self.adder.picker.chosen.connect(self._chosen)
        hint = QLabel("Type words of the other claim's quote or summary, then pick it.")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.adder)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())
        self.adder.picker.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(object)
    def _chosen(self, other: ClaimChoice) -> None:
        if self.adder.relate(other):
            self.accept()


def relate_from_menu(session: UiSession, claim_id: int, parent: QWidget) -> RelateDialog:
    """Open the relate dialog for a claim (window-modal, not blocking the event loop)."""
    dialog = RelateDialog(session, claim_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
