"""The inspector's corroboration panel: how much to believe the chosen claim, and why.

The claim's cluster ("3 articles, 3 outlets, 1 origin: unnamed sources via Reuters"), each
independent origin with the lines of hops that lead from it and the articles they reached, the
circular-reporting flag naming the shared root, the claims that contradict the cluster, and
the suggested grade with its reason: Ctrl+Alt+G accepts it (one undoable step, through the
claim service). Below, claims proposed as saying the same thing, each accepted (a `repeats`
relation) or rejected. The answers are worked out off the UI thread; the panel only shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from workbench.analysis.corroboration import ClusterJudgement
from workbench.analysis.matches import ProposedMatch
from workbench.services import Project
from workbench.services.corroboration import (
    accept_suggestion,
    articles_of,
    claim_corroboration,
)
from workbench.services.corroboration_matches import accept_match, proposed_matches, reject_match
from workbench.ui.session import UiSession

ACCEPT_KEYS = "Ctrl+Alt+G"
WORKING = "Tracing origins…"


@dataclass(frozen=True)
class Corroborated:
    """What the panel shows of one claim, worked out in the background."""

    claim_id: int
    cluster: ClusterJudgement
    proposals: list[ProposedMatch]
    articles: dict[int, int]  # the article of each claim shown


def corroborated(project: Project, claim_id: int) -> Corroborated:
    """The claim's cluster judged and the matches proposed for it (run off the UI thread)."""
    cluster = claim_corroboration(project, claim_id).cluster
    proposals = proposed_matches(project, claim_id)
    shown = {*cluster.claim_ids, *cluster.contradicted_by, *(p.other_id for p in proposals)}
    return Corroborated(claim_id, cluster, proposals, articles_of(project, shown))


def cluster_html(cluster: ClusterJudgement, claim_id: int) -> str:
    """The cluster as rich text: summary, circular flag, origins and lines, contradictions."""
    parts = [f"<p><b>{escape(cluster.summary)}</b></p>"]
    if cluster.circular:
        parts.append(f"<p style='color:#b3261e'><b>⚠ {escape(cluster.circular_note)}</b></p>")
    others = [c for c in cluster.claim_ids if c != claim_id]
    if others:
        parts.append(f"<p>Same claim as {_claim_links(others)}</p>")
    for origin in cluster.origins:
        lines = "".join(
            f"<li>{escape(line.wording)} — {_count(len(line.article_ids), 'article')}"
            f" ({', '.join(f'#{a}' for a in line.article_ids)})</li>"
            for line in origin.lines
        )
        parts.append(
            f"<p>Origin: <b>{escape(origin.wording)}</b> ({escape(origin.reliability)})</p>"
            f"<ul style='margin-top:0'>{lines}</ul>"
        )
    if cluster.contradicted_by:
        parts.append(f"<p>Contradicted by {_claim_links(cluster.contradicted_by)}</p>")
    return "".join(parts)


def _claim_links(claim_ids: tuple[int, ...] | list[int]) -> str:
    return ", ".join(f"<a href='claim:{c}'>#{c}</a>" for c in claim_ids)


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"


class CorroborationPanel(QWidget):
    """Cluster, origins, circular flag and suggestion for one claim (shown again whenever
    `show_claim` is called: the inspector does after every change); `open_claim(article_id,
    claim_id)` asks to show another claim."""

    open_claim = Signal(int, int)
    filled = Signal()  # what it shows changed (its height may have)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.claim_id: int | None = None
        self.shown: Corroborated | None = None
        self.cluster = QLabel(WORKING)
        self.cluster.setWordWrap(True)
        self.cluster.setTextFormat(Qt.TextFormat.RichText)
        self.cluster.setAccessibleName("Cluster and origins")
        self.cluster.linkActivated.connect(self._link)
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.suggestion.setAccessibleName("Suggested grade")
        self.accept = QPushButton(f"Accept suggestion ({ACCEPT_KEYS})")
        self.accept.setAccessibleName("Accept the suggested grade")
        self.accept.clicked.connect(self.accept_suggestion)
        self.accept_action = QAction("Accept the suggested grade", self)
        self.accept_action.setShortcut(ACCEPT_KEYS)
        self.accept_action.triggered.connect(self.accept_suggestion)
        self.addAction(self.accept_action)
        self.proposals = QVBoxLayout()
        self.proposals.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.cluster, self.suggestion, self.accept):
            layout.addWidget(widget)
        layout.addLayout(self.proposals)

    def show_claim(self, claim_id: int | None) -> None:
        """Work out and show a claim's corroboration (None: nothing)."""
        self.claim_id = claim_id
        if claim_id is None:
            self._show(None)
            return
        if self.shown is None or self.shown.claim_id != claim_id:
            self.cluster.setText(WORKING)
        self.session.tasks.run(
            "Trace origins",
            lambda _control: corroborated(self.session.project, claim_id),
            on_done=self._done,
            writes=False,
            owner=self,
        )

    @Slot(object)
    def _done(self, found: Corroborated) -> None:
        if found.claim_id == self.claim_id:
            self._show(found)

    def _show(self, found: Corroborated | None) -> None:
        self.shown = found
        self.accept.setEnabled(found is not None)
        self.accept_action.setEnabled(found is not None)
        self._clear_proposals()
        if found is None:
            self.cluster.setText("")
            self.suggestion.setText("")
            return
        self.cluster.setText(cluster_html(found.cluster, found.claim_id))
        self.suggestion.setText(f"Suggested: {found.cluster.suggestion.reason}")
        for proposal in found.proposals:
            row = self._proposal_row(proposal)
            self.proposals.addWidget(row)
            row.show()
        self.filled.emit()

    def _proposal_row(self, proposal: ProposedMatch) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(
            f"May repeat <a href='claim:{proposal.other_id}'>#{proposal.other_id}</a>: "
            f"{escape(proposal.reason)}"
        )
        label.setWordWrap(True)
        label.linkActivated.connect(self._link)
        line.addWidget(label, 1)
        for text, action in (("Same claim", accept_match), ("Not the same", reject_match)):
            button = QToolButton()
            button.setText(text)
            button.setAccessibleName(f"{text}: claim #{proposal.other_id}")
            button.clicked.connect(
                lambda _c=False, act=action, p=proposal: self.session.attempt(
                    "Proposed match", act, p.claim_id, p.other_id
                )
            )
            line.addWidget(button)
        return row

    def _clear_proposals(self) -> None:
        while self.proposals.count():
            item = self.proposals.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()

    @Slot()
    def accept_suggestion(self) -> None:
        """Grade the claim as suggested: one undo step."""
        if self.shown is None or self.shown.claim_id != self.claim_id:
            return
        suggestion = self.shown.cluster.suggestion
        if self.session.edit("Accept suggested grade", accept_suggestion, self.shown.claim_id):
            self.session.tell(
                f"Graded {suggestion.credibility}, {suggestion.status} as suggested"
                " (Ctrl+Z takes it back)"
            )

    @Slot(str)
    def _link(self, href: str) -> None:
        claim_id = int(href.removeprefix("claim:")) if href.startswith("claim:") else None
        article_id = self.shown.articles.get(claim_id) if self.shown and claim_id else None
        if claim_id is not None and article_id is not None:
            self.open_claim.emit(article_id, claim_id)
