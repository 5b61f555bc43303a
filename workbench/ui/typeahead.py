"""Type-ahead over names and aliases, and the inline bar that creates a record not found.

`NameField` suggests sources, actors or events as the analyst types ("Tehran" finds Iran by
its alias). Picking a suggestion (or Enter on a name typed in full) fires `picked`. While the
typed name matches nothing, `new_name` says so and `NewRecordBar` shows what Enter will create
(kind and grade as last chosen); Enter then fires `unknown`, and the bar creates it. Enter on an
empty field moves on to the next name field (from the chain to the actors, then the events).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.grades import ActorKind, Reliability, SourceKind
from workbench.services.lookup import EventMatch, suggest_events, suggest_names
from workbench.services.names import NameMatch
from workbench.ui.grade_box import GradeBox
from workbench.ui.session import UiSession


@dataclass(frozen=True)
class Picked:
    """What was chosen: a source, actor or event by id."""

    kind: str
    id: int
    name: str
    record_kind: str = ""


def _shown(match: NameMatch | EventMatch) -> str:
    if isinstance(match, EventMatch):
        when = f" ({match.start_date:%Y-%m-%d})" if match.start_date else ""
        return f"{match.title}{when}"
    alias = f" “{match.matched_alias}”" if match.matched_alias else ""
    return f"{match.name}{alias} — {match.kind}, {match.record_kind}"


def _picked(match: NameMatch | EventMatch) -> Picked:
    if isinstance(match, EventMatch):
        return Picked("event", match.id, match.title)
    return Picked(match.kind, match.id, match.name, match.record_kind)


def _names_of(match: NameMatch | EventMatch) -> set[str]:
    if isinstance(match, EventMatch):
        return {match.title.lower()}
    return {match.name.lower(), match.matched_alias.lower()} - {""}


class NameField(QLineEdit):
    """A line edit suggesting records of the given kinds ("source", "actor", "event")."""

    picked = Signal(object)
    unknown = Signal(str)
    new_name = Signal(str)

    def __init__(
        self,
        session: UiSession,
        kinds: tuple[str, ...],
        placeholder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.kinds = kinds
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(placeholder)
        self.setClearButtonEnabled(True)
        self._shown: dict[str, NameMatch | EventMatch] = {}
        self._list = QStringListModel(self)
        self._completer = QCompleter(self._list, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(12)
        self.setCompleter(self._completer)
        self._just_picked = False
        self.textEdited.connect(self._suggest)
        self._completer.activated.connect(self._activated)
        self.returnPressed.connect(self._entered)

    @property
    def suggestions(self) -> list[str]:
        """The suggestions now offered, as shown."""
        return self._list.stringList()

    @Slot(str)
    def _suggest(self, typed: str) -> None:
        if not typed.strip():
            self._offer([])
            self.new_name.emit("")
            return
        matches = self._matches(typed)
        self._offer(matches)
        self.new_name.emit("" if matches else " ".join(typed.split()))
        if matches:
            self._completer.complete()

    def _matches(self, typed: str) -> list[NameMatch | EventMatch]:
        if self.kinds == ("event",):
            return list(suggest_events(self.session.project, typed))
        return list(suggest_names(self.session.project, typed, self.kinds))

    def _offer(self, matches: list[NameMatch | EventMatch]) -> None:
        self._shown = {_shown(match): match for match in matches}
        self._list.setStringList(list(self._shown))

    @Slot(str)
    def _activated(self, shown: str) -> None:
        match = self._shown.get(shown)
        if match is not None:
            self._pick(match)

    @Slot()
    def _entered(self) -> None:
        if self._just_picked:
            return
        typed = " ".join(self.text().split())
        if not typed:
            self._move_on()
            return
        match = self._shown.get(typed) or self._exact(typed)
        if match is not None:
            self._pick(match)
        else:
            self.unknown.emit(typed)

    def _exact(self, typed: str) -> NameMatch | EventMatch | None:
        if not self._shown:
            self._offer(self._matches(typed))
        wanted = typed.lower()
        return next((m for m in self._shown.values() if wanted in _names_of(m)), None)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        _bring_into_view(self)

    def _move_on(self) -> None:
        """Enter on an empty field: on to the next name field of the window."""
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if isinstance(widget, NameField) and widget.isVisible() and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _pick(self, match: NameMatch | EventMatch) -> None:
        self._just_picked = True
        self._hide_popup()
        self.new_name.emit("")
        self.picked.emit(_picked(match))
        self._offer([])
        QTimer.singleShot(0, self._after_pick)

    def _hide_popup(self) -> None:
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    def _after_pick(self) -> None:
        self.clear()
        self._just_picked = False


def _bring_into_view(widget: QWidget) -> None:
    """Scroll the panel holding a field so the field shows, however it got the focus."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if isinstance(parent, QScrollArea):
        parent.ensureWidgetVisible(widget)


class NewRecordBar(QWidget):
    """“Reuters” is new: Enter creates it as a source (wire agency, B) or as an actor.

    The kind and grade stay as the analyst last chose them (they are never reset behind their
    back). `create_requested` fires with (what, name, kind, reliability); what is "source",
    "actor" or "event". Enter anywhere in the bar creates; Esc closes it.
    """

    create_requested = Signal(str, str, str, str)
    closed = Signal()

    def __init__(
        self,
        whats: tuple[str, ...],
        parent: QWidget | None = None,
        graded: tuple[str, ...] = ("source",),
    ) -> None:
        super().__init__(parent)
        self.name = ""
        self._graded = graded  # what is created with a reliability grade (A–F)
        self._kind_of: dict[str, str] = {}
        self._return_to: QWidget | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.what = _narrow_box("Create as")
        for what in whats:
            self.what.addItem(f"as {what}", what)
        self.what.setVisible(len(whats) > 1)
        self.kind = _narrow_box("Kind")
        self.reliability = GradeBox("the new name", Reliability.F.value)  # letter shown, fits
        self.create_button = QPushButton("Create")
        self.create_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self._lay_out()
        self.what.currentIndexChanged.connect(self._offer_kinds)
        self.kind.activated.connect(self._kind_chosen)
        self.create_button.clicked.connect(self.create_record)
        self.cancel_button.clicked.connect(self.close_bar)
        self._offer_kinds()
        self.hide()

    def _lay_out(self) -> None:
        said = QHBoxLayout()
        said.addWidget(self.message, 1)
        said.addWidget(self.create_button)
        said.addWidget(self.cancel_button)
        choices = QHBoxLayout()
        for widget in (self.kind, self.reliability, self.what):
            choices.addWidget(widget, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(said)
        layout.addLayout(choices)

    def focus_order(self) -> list[QWidget]:
        """The bar's fields in Tab order (the hidden ones are skipped by Qt)."""
        return [self.kind, self.reliability, self.what, self.create_button, self.cancel_button]

    def follow(self, name: str) -> None:
        """Show what Enter will create for a typed name that matches nothing ("" hides)."""
        if not name:
            self.hide()
            return
        focused = QApplication.focusWidget()
        if focused is not None and not self.isAncestorOf(focused):
            self._return_to = focused
        self.name = name
        self.message.setText(f"“{name}” is new: Enter creates it")
        self.show()

    def offer(self, name: str) -> None:
        """Enter on a name nothing matches: create it if the bar already shows it, else show
        it (a second Enter creates), so a half-typed name is never created by surprise."""
        if self.isVisible() and self.name == name:
            self.create_record()
        else:
            self.follow(name)

    @property
    def chosen_what(self) -> str:
        return str(self.what.currentData())

    @Slot()
    def _offer_kinds(self) -> None:
        what = self.chosen_what
        self.kind.clear()
        vocabulary = {"source": SourceKind, "actor": ActorKind}.get(what)
        for member in vocabulary or ():
            self.kind.addItem(member.value, member.value)
        kept = self.kind.findData(self._kind_of.get(what, ""))
        self.kind.setCurrentIndex(max(kept, 0))
        self.kind.setVisible(vocabulary is not None)
        self.reliability.setVisible(what in self._graded)

    @Slot(int)
    def _kind_chosen(self, _index: int) -> None:
        self._kind_of[self.chosen_what] = str(self.kind.currentData())

    def choose(self, what: str, kind: str = "", reliability: str = "") -> None:
        """Set what to create (used by the keyboard path and by tests)."""
        self.what.setCurrentIndex(max(self.what.findData(what), 0))
        if kind:
            self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
            self._kind_chosen(0)
        if reliability:
            self.reliability.setCurrentIndex(max(self.reliability.findData(reliability), 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.create_record()
        elif event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    @Slot()
    def close_bar(self) -> None:
        self.hide()
        self._give_back_focus()

    def _give_back_focus(self) -> None:
        """Back to the field the name was typed in (Create and Cancel are gone)."""
        back, self._return_to = self._return_to, None
        if back is not None and back is not self and not self.isAncestorOf(back):
            back.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    @Slot()
    def create_record(self) -> None:
        """Ask for the record as the bar shows it."""
        self.hide()
        self.create_requested.emit(
            self.chosen_what,
            self.name,
            str(self.kind.currentData() or ""),
            str(self.reliability.currentData() or ""),
        )
        self._give_back_focus()


def _narrow_box(name: str) -> QComboBox:
    """A choice that shrinks with the dock (its text is elided, its list shows it whole)."""
    box = QComboBox()
    box.setAccessibleName(name)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(4)
    return box
