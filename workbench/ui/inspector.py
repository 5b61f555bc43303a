"""The claim inspector: everything about the current claim, editable in place.

Summary, kind, status, credibility (1–6 with the Admiralty wording) and the combined grade
("B3": the first-hand source's reliability and the claim's credibility), tags, the attribution
chain, linked actors and events (with roles), relations to other claims (both ways) and notes.
Each change is one undoable step taken at once (there is no Save); the inspector re-reads the
claim after every change to the project.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.grades import (
    CREDIBILITY_WORDING,
    ActorRole,
    ClaimKind,
    ClaimStatus,
    EventRole,
    Reliability,
    combined_grade,
    credibility_wording,
)
from workbench.services import Project, ProjectChange, claims
from workbench.services.annotations import set_tags
from workbench.services.queries import ClaimView, claim_view
from workbench.services.team import authors_text, loaded_versions
from workbench.store.errors import RecordNotFound
from workbench.ui.attribution import AttributionEditor
from workbench.ui.claim_links import LinksEditor, NotesEditor
from workbench.ui.corroboration_panel import CorroborationPanel
from workbench.ui.look import status_swatch
from workbench.ui.relations import RelationsEditor
from workbench.ui.session import UiSession

CHOICE_SETTLES_MS = 600
NOTHING_CHOSEN = "No claim chosen. Select words in the reader and press Ctrl+M to mark one."


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for text, data in items:
        box.addItem(text, data)
    return box


def _swatch(status: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(status_swatch(status))
    return QIcon(pixmap)


class ClaimInspector(QScrollArea):
    """Shows and edits one claim; `open_record(kind, id)` asks the window to open a manager,
    `open_claim(article_id, claim_id)` to show a related claim."""

    open_record = Signal(str, int)
    open_claim = Signal(int, int)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view: ClaimView | None = None
        self._settling = QTimer(self, singleShot=True, interval=CHOICE_SETTLES_MS)
        self.setWidgetResizable(True)
        self.setAccessibleName("Claim inspector")
        self.nothing_chosen = QLabel(NOTHING_CHOSEN)
        self.nothing_chosen.setWordWrap(True)
        self.quote = QLabel()
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setAccessibleName("Quote")
        self.quote.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLineEdit(placeholderText="One-line summary of the claim")
        self.summary.setAccessibleName("Summary")
        self.kind = _combo("Kind", [(kind.value, kind.value) for kind in ClaimKind])
        self.status = _combo("Status", [(s.value, s.value) for s in ClaimStatus])
        for row, status in enumerate(ClaimStatus):
            self.status.setItemIcon(row, _swatch(status.value))
        self.credibility = _combo(
            "Credibility",
            [(f"{grade} — {wording}", grade) for grade, wording in CREDIBILITY_WORDING.items()],
        )
        self.grade_label = QLabel()
        self.grade_label.setAccessibleName("Combined grade")
        self.grade_label.setWordWrap(True)
        self.made_by = QLabel()  # who made the claim and who changed it last
        self.made_by.setAccessibleName("Made by")
        self._loaded: dict[tuple[str, int], int] = {}  # the version its edits are based on
        self.tags = QLineEdit(placeholderText="tags, separated by commas")
        self.tags.setAccessibleName("Tags")
        self.attribution = AttributionEditor(session)
        self.actors = LinksEditor(session, "actor", ActorRole)
        self.events = LinksEditor(session, "event", EventRole)
        self.relations = RelationsEditor(session)
        self.notes = NotesEditor(session)
        self.corroboration = CorroborationPanel(session)
        self.setWidget(self._lay_out())
        self._connect()
        self.show_claim(None)

    def _lay_out(self) -> QWidget:
        body = QWidget()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Summary", self.summary)
        form.addRow("Kind", self.kind)
        form.addRow("Status", self.status)
        form.addRow("Credibility", self.credibility)
        form.addRow("Grade", self.grade_label)
        form.addRow("By", self.made_by)
        form.addRow("Tags", self.tags)
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.quote)
        details.addLayout(form)
        for title, editor in (
            ("Attribution", self.attribution),
            ("Actors", self.actors),
            ("Events", self.events),
            ("Relations", self.relations),
            ("Corroboration", self.corroboration),
            ("Notes", self.notes),
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(editor)
            details.addWidget(box)
        layout = QVBoxLayout(body)
        layout.addWidget(self.nothing_chosen)
        layout.addWidget(self.details)
        layout.addStretch(1)
        return body

    def _connect(self) -> None:
        self.summary.editingFinished.connect(self._summary_done)
        self.summary.returnPressed.connect(self.attribution.focus_name)  # on to the chain
        for box in (self.kind, self.status, self.credibility):
            box.activated.connect(lambda _i: self._settling.start())
        self._settling.timeout.connect(self.commit_choices)
        self.tags.editingFinished.connect(self._tags_done)
        self.actors.open_record.connect(self.open_record)
        self.events.open_record.connect(self.open_record)
        self.relations.open_claim.connect(self.open_claim)
        self.corroboration.open_claim.connect(self.open_claim)
        self.corroboration.filled.connect(self._fit_body)
        self.session.changed.connect(self._project_changed)

    # -- showing ------------------------------------------------------------------------------

    @property
    def claim_id(self) -> int | None:
        return self.view.id if self.view is not None else None

    def show_claim(self, claim_id: int | None) -> None:
        """Show a claim (None: nothing chosen)."""
        if self._settling.isActive() and claim_id != self.claim_id:
            self.commit_choices()
        view = None
        if claim_id is not None:
            try:
                view = claim_view(self.session.project, claim_id)
            except RecordNotFound:
                view = None
        if claim_id != self.claim_id or not self.summary.isModified():
            self._loaded = {}  # edits typed meanwhile stay based on what was loaded
            if view is not None:
                self._loaded = loaded_versions(self.session.project, "claims", [view.id])
        self._show(view)

    def _show(self, view: ClaimView | None) -> None:
        self.view = view
        self.nothing_chosen.setVisible(view is None)
        self.details.setVisible(view is not None)
        for editor in (self.attribution, self.actors, self.events, self.notes):
            editor.show_claim(view)
        self.relations.show_claim(view.id if view is not None else None)
        self.corroboration.show_claim(view.id if view is not None else None)
        if view is None:
            self._fit_body()
            return
        orphan = " <i>(orphaned: its words are no longer in the text)</i>" if view.orphaned else ""
        self.quote.setText(f"“{escape(view.exact)}”{orphan}")
        _set_text(self.summary, view.summary)
        _set_text(self.tags, ", ".join(view.tags))
        self.kind.setCurrentIndex(max(self.kind.findData(view.kind), 0))
        self.status.setCurrentIndex(max(self.status.findData(view.status), 0))
        self.credibility.setCurrentIndex(max(self.credibility.findData(view.credibility), 0))
        self.grade_label.setText(grade_text(view))
        self.made_by.setText(made_by_text(self.session.project, view.id))
        self._fit_body()

    def _fit_body(self) -> None:
        """Keep the scrolled body at least as tall as its contents need (word-wrapped labels
        make the scroll area under-estimate it, squeezing the chain's rows)."""
        body = self.widget()
        layout = body.layout() if body is not None else None
        if body is not None and layout is not None:
            layout.activate()
            body.setMinimumHeight(layout.minimumSize().height())

    @Slot(object)
    def _project_changed(self, _change: ProjectChange) -> None:
        if self.view is not None and not self._settling.isActive():
            self.show_claim(self.view.id)

    def focus_summary(self) -> None:
        self.summary.setFocus(Qt.FocusReason.OtherFocusReason)
        self.summary.selectAll()

    # -- editing ------------------------------------------------------------------------------

    def _edit(self, **fields: object) -> None:
        """Save, refused if a colleague changed the claim since it was shown (say who)."""
        if self.view is not None:
            with self.session.project.based_on(self._loaded):
                self.session.attempt("Edit claim", claims.edit_claim, self.view.id, **fields)

    @Slot()
    def _summary_done(self) -> None:
        if self.view is not None and self.summary.text().strip() != self.view.summary:
            self._edit(summary=self.summary.text())
        self.summary.setModified(False)

    def settle(self) -> None:
        """Store a choice still settling now (before undo, redo or closing)."""
        if self._settling.isActive():
            self.commit_choices()

    @Slot()
    def commit_choices(self) -> None:
        """Store kind, status and credibility as chosen. Choices settle for a moment first, so
        stepping through a list with the arrow keys makes one undo step, not one per step."""
        self._settling.stop()
        if self.view is None:
            return
        chosen = {
            "kind": self.kind.currentData(),
            "status": self.status.currentData(),
            "credibility": self.credibility.currentData(),
        }
        changed = {k: value for k, value in chosen.items() if getattr(self.view, k) != value}
        if changed:
            self._edit(**changed)
        else:
            self.show_claim(self.view.id)

    @Slot()
    def _tags_done(self) -> None:
        self.tags.setModified(False)
        if self.view is None:
            return
        wanted = [name.strip() for name in self.tags.text().split(",") if name.strip()]
        if {name.lower() for name in wanted} != {name.lower() for name in self.view.tags}:
            self.session.attempt("Set tags", set_tags, "claim", self.view.id, wanted)

    def grade(self, credibility: int) -> None:
        """Grade the current claim (the window's Alt+1…6 shortcuts)."""
        if self.view is not None:
            self.session.attempt("Grade claim", claims.grade_claim, self.view.id, credibility)


def _set_text(field: QLineEdit, text: str) -> None:
    """Show stored text, unless the analyst is typing in that field right now."""
    if field.hasFocus() and field.isModified():
        return
    field.setText(text)
    field.setModified(False)
    field.setCursorPosition(0)


def made_by_text(project: Project, claim_id: int) -> str:
    """ "alice · last changed by bob at 10:42" (empty before the claim was journalled)."""
    return authors_text(project, "claims", claim_id)


def grade_text(view: ClaimView) -> str:
    """ "B3 — source usually reliable, information possibly true" """
    first = view.attribution[0] if view.attribution else None
    reliability = Reliability(first.reliability) if first and first.reliability else None
    source = f"{first.name}: {reliability.wording}" if first and reliability else "no graded source"
    code = combined_grade(reliability, view.credibility)
    return f"{code} — {source}; information {credibility_wording(view.credibility)}"
