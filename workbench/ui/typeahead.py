"""Type-ahead over names and aliases, and the inline bar that creates a record not found.

`NameField` suggests sources, actors or events as the analyst types ("Tehran" finds Iran by
its alias). Picking a suggestion fires `picked`; Enter on a name that matches nothing fires
`unknown`, and `NewRecordBar` then offers to create it on the spot (with kind and grade).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from workbench.domain.grades import ActorKind, Reliability, SourceKind
from workbench.services.lookup import EventMatch, suggest_events, suggest_names
from workbench.services.names import NameMatch
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
            return
        if self.kinds == ("event",):
            matches: list[NameMatch | EventMatch] = list(
                suggest_events(self.session.project, typed)
            )
        else:
            matches = list(suggest_names(self.session.project, typed, self.kinds))
        self._offer(matches)
        if matches:
            self._completer.complete()

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
            return
        match = self._shown.get(typed) or self._exact(typed)
        if match is not None:
            self._pick(match)
        else:
            self.unknown.emit(typed)

    def _exact(self, typed: str) -> NameMatch | EventMatch | None:
        if not self._shown:
            self._suggest(typed)
            self._hide_popup()
        wanted = typed.lower()
        return next((m for m in self._shown.values() if wanted in _names_of(m)), None)

    def _pick(self, match: NameMatch | EventMatch) -> None:
        self._just_picked = True
        self._hide_popup()
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


class NewRecordBar(QWidget):
    """“Reuters” is new: create it as a source (wire agency, B) or as an actor.

    `create_requested` fires with (what, name, kind, reliability); what is "source", "actor"
    or "event".
    """

    create_requested = Signal(str, str, str, str)

    def __init__(self, whats: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = ""
        self.message = QLabel()
        self.what = QComboBox()
        self.what.setAccessibleName("Create as")
        for what in whats:
            self.what.addItem(f"as {what}", what)
        self.what.setVisible(len(whats) > 1)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind")
        self.reliability = QComboBox()
        self.reliability.setAccessibleName("Reliability")
        for grade in Reliability:
            self.reliability.addItem(grade.label, grade.value)
        self.reliability.setCurrentIndex(self.reliability.findData(Reliability.F.value))
        self.create_button = QPushButton("Create")
        self.create_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.message, self.what, self.kind, self.reliability):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.create_button)
        layout.addWidget(self.cancel_button)
        self.what.currentIndexChanged.connect(self._offer_kinds)
        self.create_button.clicked.connect(self._create)
        self.cancel_button.clicked.connect(self.hide)
        self._offer_kinds()
        self.hide()

    def offer(self, name: str) -> None:
        """Show the bar for a name that matched nothing."""
        self.name = name
        self.message.setText(f"“{name}” is new; create it")
        self.kind.setCurrentIndex(0)
        self.show()
        self.create_button.setFocus()

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
        self.kind.setVisible(vocabulary is not None)
        self.reliability.setVisible(what == "source")

    def choose(self, what: str, kind: str = "", reliability: str = "") -> None:
        """Set what to create (used by the keyboard path and by tests)."""
        self.what.setCurrentIndex(max(self.what.findData(what), 0))
        if kind:
            self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        if reliability:
            self.reliability.setCurrentIndex(max(self.reliability.findData(reliability), 0))

    @Slot()
    def _create(self) -> None:
        self.hide()
        self.create_requested.emit(
            self.chosen_what,
            self.name,
            str(self.kind.currentData() or ""),
            str(self.reliability.currentData() or ""),
        )
