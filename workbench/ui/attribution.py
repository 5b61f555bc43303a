"""The attribution chain editor: the hops from the origin to the publishing outlet.

Each hop shows who it names with that source's or actor's reliability (A–F, graded right there:
an actor at the origin, the Kremlin through its spokesman, is where the claim comes from), then
the role, the cue in the text and whether the source is anonymous. Tab runs from the name's
grade to the role, the cue, "anon." (Space ticks it; Alt+N does from anywhere in the hop) and
on to the next hop. Hops are reordered with ▲/▼ (Ctrl+↑/↓) and removed with ✕
(Ctrl+Shift+Delete). A hop is added by typing a name (type-ahead over names and aliases); a
name that matches nothing is created on Enter, with the kind and grade shown. Every change is
one undoable step.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.grades import HopRole, SourceKind
from workbench.services import chains, entities
from workbench.services.claims import Hop
from workbench.services.queries import ClaimView, HopView
from workbench.ui.grade_box import GradeBox
from workbench.ui.look import icon
from workbench.ui.session import UiSession
from workbench.ui.typeahead import NameField, NewRecordBar, Picked

ROW_KEYS = (("Ctrl+Up", -1), ("Ctrl+Down", 1))
REMOVE_KEY = "Ctrl+Shift+Delete"
ANONYMOUS_KEY = "Alt+N"
CHAIN_KEYS = (  # for the shortcuts page
    ("Attribution", "Tab", "Each hop's grade (A–F), role, cue, anon., then the next hop"),
    ("Attribution", "A…F on a hop's grade", "Grade that source's or actor's reliability"),
    ("Attribution", f"Space on anon., {ANONYMOUS_KEY}", "Mark the hop's source anonymous (or not)"),
    ("Attribution", ", ".join(k for k, _o in ROW_KEYS), "Move the hop with the focus up or down"),
    ("Attribution", REMOVE_KEY, "Remove the hop with the focus from the chain"),
)


def tool_button(shown: QIcon) -> QToolButton:
    button = QToolButton()
    button.setIcon(shown)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the row's keys do the same from anywhere
    return button


def role_box(name: str) -> QComboBox:
    """The roles, each shown whole ("published by" is the longest)."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    box.setAccessibleName(name)
    for role in HopRole:
        box.addItem(role.value, role.value)
    return box


class HopRow(QWidget):
    """One hop: position and name, grade, role, cue, anonymous, and the move/remove buttons.

    `graded(kind, id, grade)` asks to grade the source ("source") or actor ("actor") named."""

    edited = Signal(int, dict)
    moved = Signal(int, int)
    removed = Signal(int)
    graded = Signal(str, int, str)

    def __init__(self, hop: HopView, last: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.position = hop.position
        self.name = QLabel(f"<b>{hop.position + 1}.</b> {hop.name}")
        # Never wider than the dock, and one line (a wrapped label misleads the layout's height).
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.name.setToolTip(f"{hop.name}: {hop.reliability_label}")
        self.named = ("source", hop.source_id) if hop.source_id is not None else None
        if self.named is None and hop.actor_id is not None:
            self.named = ("actor", hop.actor_id)
        self.grade = GradeBox(hop.name, hop.reliability or "F")
        self.grade.activated.connect(self._graded)
        self.role = role_box(f"Role of {hop.name}")
        self.role.setCurrentIndex(max(self.role.findData(hop.role), 0))
        self.cue = QLineEdit(hop.cue, placeholderText="cue in the text")
        self.cue.setAccessibleName(f"Cue for {hop.name}")
        self.anonymous = QCheckBox("anon.")
        self.anonymous.setToolTip(
            f"An anonymous source: its name is withheld in the text (Space, or {ANONYMOUS_KEY}"
            " from anywhere in the hop)"
        )
        self.anonymous.setAccessibleName(f"{hop.name} is anonymous")
        self.anonymous.setChecked(hop.anonymous)
        self.anonymous.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        buttons = [
            self._button("up", f"Move {hop.name} up the chain", hop.position > 0, -1),
            self._button("down", f"Move {hop.name} down the chain", hop.position < last, 1),
        ]
        remove = tool_button(icon("delete"))
        remove.setAccessibleName(f"Remove {hop.name} from the chain")
        remove.setToolTip(f"{remove.accessibleName()} ({REMOVE_KEY})")
        remove.clicked.connect(lambda: self.removed.emit(self.position))
        self._lay_out([*buttons, remove])
        self._add_keys(hop.position > 0, hop.position < last)
        self.role.activated.connect(lambda _i: self._edit(role=self.role.currentData()))
        self.cue.editingFinished.connect(self._cue_done)
        self.anonymous.clicked.connect(lambda checked: self._edit(anonymous=checked))

    @Slot(int)
    def _graded(self, _index: int) -> None:
        if self.named is not None:
            kind, named_id = self.named
            self.graded.emit(kind, named_id, str(self.grade.currentData()))

    def focus_order(self) -> list[QWidget]:
        """What Tab visits in this row: the name's grade, role, cue, anonymous."""
        return [self.grade, self.role, self.cue, self.anonymous]

    def _button(self, glyph: str, tip: str, enabled: bool, offset: int) -> QToolButton:
        button = tool_button(icon(glyph))
        button.setEnabled(enabled)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(lambda: self.moved.emit(self.position, offset))
        return button

    def _add_keys(self, can_rise: bool, can_sink: bool) -> None:
        for keys, offset in ROW_KEYS:
            if (offset < 0 and can_rise) or (offset > 0 and can_sink):
                self._key(keys, lambda o=offset: self.moved.emit(self.position, o))
        self._key(REMOVE_KEY, lambda: self.removed.emit(self.position))
        self._key(ANONYMOUS_KEY, self.anonymous.click)

    def _key(self, keys: str, does: object) -> None:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(does)
        self.addAction(action)

    def _lay_out(self, buttons: list[QToolButton]) -> None:
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.grade)
        for button in buttons:
            top.addWidget(button)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(12, 0, 0, 0)
        bottom.addWidget(self.role)
        bottom.addWidget(self.cue, 1)
        bottom.addWidget(self.anonymous)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def _cue_done(self) -> None:
        if self.cue.isModified():
            self.cue.setModified(False)
            self._edit(cue=self.cue.text())

    def _edit(self, **change: object) -> None:
        self.edited.emit(self.position, change)


class AttributionEditor(QWidget):
    """Edits the chain of the claim shown in the inspector."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.claim_id: int | None = None
        self.rows: list[HopRow] = []
        self.empty = QLabel("No attribution yet: who said it, and through whom did it reach us?")
        self.empty.setWordWrap(True)
        self.hops = QVBoxLayout()
        self.hops.setSpacing(0)
        self.name = NameField(session, ("source", "actor"), "Add a source or actor to the chain…")
        self.role = role_box("Role of the new hop")
        self.role.activated.connect(self._role_chosen)
        self.new_record = NewRecordBar(("source", "actor"), graded=("source", "actor"))
        self._role_set_by_hand = False
        adding = QHBoxLayout()
        adding.addWidget(self.name, 1)
        adding.addWidget(self.role)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addLayout(self.hops)
        layout.addLayout(adding)
        layout.addWidget(self.new_record)
        self.name.picked.connect(self._picked)
        self.name.unknown.connect(self._unknown)
        self.name.new_name.connect(self.new_record.follow)
        self.new_record.create_requested.connect(self._create)

    def focus_name(self) -> None:
        """Put the cursor where the next hop's name is typed."""
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_claim(self, view: ClaimView | None) -> None:
        self.claim_id = view.id if view is not None else None
        hops = view.attribution if view is not None else ()
        focused = self._focus_in_rows()
        for row in self.rows:
            self.hops.removeWidget(row)
            row.hide()
            row.setParent(None)  # out of the window's Tab chain now, not at deletion
            row.deleteLater()
        self.rows = [self._row(hop, len(hops) - 1) for hop in hops]
        for row in self.rows:
            self.hops.addWidget(row)
            row.show()  # now, not after the event loop: the inspector sizes itself on return
        self._order_tabs()
        self._restore_focus(focused)
        self.empty.setVisible(not hops)
        if not self._role_set_by_hand:
            self._suggest_role(HopRole.SPEAKER if not hops else HopRole.REPORTED_BY)

    def _order_tabs(self) -> None:
        """Tab: each hop's grade, role, cue; then the new hop's name, the bar and its role."""
        chain: list[QWidget] = [w for row in self.rows for w in row.focus_order()]
        chain += [self.name, *self.new_record.focus_order(), self.role]
        anchor = self.name.previousInFocusChain()
        for before, after in pairwise([anchor, *chain] if anchor is not None else chain):
            QWidget.setTabOrder(before, after)

    def _focus_in_rows(self) -> tuple[int, int] | None:
        focused = QApplication.focusWidget()
        for row in self.rows:
            order = row.focus_order()
            if focused is not None and focused in order:
                return row.position, order.index(focused)
        return None

    def _restore_focus(self, where: tuple[int, int] | None) -> None:
        if where is None:
            return
        position, index = where
        if position < len(self.rows):
            order = self.rows[position].focus_order()
            order[min(index, len(order) - 1)].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focus_name()

    def _row(self, hop: HopView, last: int) -> HopRow:
        row = HopRow(hop, last, self)
        row.edited.connect(self._edit_hop)
        row.moved.connect(self._move_hop)
        row.removed.connect(self._remove_hop)
        row.graded.connect(self._grade)
        return row

    def _suggest_role(self, role: str) -> None:
        self.role.setCurrentIndex(self.role.findData(role))

    @Slot(int)
    def _role_chosen(self, _index: int) -> None:
        self._role_set_by_hand = True

    def _next_role(self, picked_kind: str) -> str:
        if not self._role_set_by_hand and picked_kind == SourceKind.OUTLET and self.rows:
            return HopRole.PUBLISHED_BY
        return str(self.role.currentData())

    def _added(self) -> None:
        self._role_set_by_hand = False
        self.focus_name()

    @Slot(object)
    def _picked(self, picked: Picked) -> None:
        if self.claim_id is None:
            return
        anonymous = picked.record_kind == SourceKind.ANONYMOUS
        hop = Hop(
            self._next_role(picked.record_kind),
            source_id=picked.id if picked.kind == "source" else None,
            actor_id=picked.id if picked.kind == "actor" else None,
            anonymous=anonymous,
        )
        self.session.attempt(
            f"Add {picked.name} to the attribution",
            chains.add_hop,
            self.claim_id,
            hop,
            named=picked.name,
        )
        self._added()

    @Slot(str)
    def _unknown(self, name: str) -> None:
        if self.claim_id is not None:
            self.new_record.offer(name)

    @Slot(str, str, str, str)
    def _create(self, what: str, name: str, kind: str, reliability: str) -> None:
        if self.claim_id is None:
            return
        role = self._next_role(kind)
        if what == "source":
            self.session.attempt(
                f"Create source {name}",
                chains.add_new_source_hop,
                self.claim_id,
                name,
                source_kind=kind,
                reliability=reliability,
                role=role,
                anonymous=kind == SourceKind.ANONYMOUS,
            )
        else:
            self.session.attempt(
                f"Create actor {name}",
                chains.add_new_actor_hop,
                self.claim_id,
                name,
                actor_kind=kind,
                reliability=reliability,
                role=role,
            )
        self.name.clear()
        self._added()

    @Slot(str, int, str)
    def _grade(self, kind: str, named_id: int, reliability: str) -> None:
        graded = entities.grade_source if kind == "source" else entities.grade_actor
        self.session.attempt(f"Grade {kind}", graded, named_id, reliability)

    @Slot(int, dict)
    def _edit_hop(self, position: int, change: dict) -> None:
        if self.claim_id is not None:
            self.session.attempt(
                "Edit the attribution", chains.edit_hop, self.claim_id, position, **change
            )

    @Slot(int, int)
    def _move_hop(self, position: int, offset: int) -> None:
        if self.claim_id is not None:
            self.session.attempt(
                "Reorder the attribution", chains.move_hop, self.claim_id, position, offset
            )

    @Slot(int)
    def _remove_hop(self, position: int) -> None:
        if self.claim_id is not None:
            self.session.attempt(
                "Remove from the attribution", chains.remove_hop, self.claim_id, position
            )
