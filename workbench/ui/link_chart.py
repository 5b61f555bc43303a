"""The "Link chart" panel: actors, sources, events and claims (articles on request) joined by
what the claims say, every edge opening the claims it rests on.

Start from the current article, the selected claims (else the current claim), or a name
typed; expand a node's neighbours from its menu. Charts are read and laid out off the UI
thread (the task runner); when the project changes (an edit, an undo) the same claims are
read again and laid out keeping every node where it was, so the picture does not jump. Nodes
the analyst moves or pins keep their places in the project (services/link_chart_places.py), so
the chart opened again draws them there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.reports.chart_model import LinkChart
from workbench.reports.chart_style import palette
from workbench.services import ProjectChange
from workbench.services.link_chart import ChartStart
from workbench.services.link_chart_groups import Group, group_nodes, ungroup
from workbench.services.link_chart_places import forget_moves, move_nodes, pin_nodes, unpin_nodes
from workbench.services.link_chart_reads import LaidOutChart, claims_behind, laid_out_chart
from workbench.ui.claims_beside import claims_beside
from workbench.ui.link_chart_items import EdgeItem, NodeItem
from workbench.ui.link_chart_scene import ChartScene
from workbench.ui.link_chart_view import ChartView
from workbench.ui.look import is_dark
from workbench.ui.session import UiSession
from workbench.ui.typeahead import NameField, Picked

CHART_TABLES = {
    "claims", "attribution_hops", "claim_actors", "claim_events", "claim_relations",
    "event_actors", "actors", "sources", "events", "articles", "chart_groups", "chart_places",
}  # fmt: skip
LABEL_DELAY_MS = 60


class LinkChartPanel(QWidget):
    """`open_claim(article, claim)` asks the window to show a claim in the reader; `shown`
    fires each time a chart is on screen (after its layout came back)."""

    open_claim = Signal(int, int)
    shown = Signal()

    def __init__(
        self,
        session: UiSession,
        current_article: Callable[[], int | None] = lambda: None,
        current_claims: Callable[[], Sequence[int]] = lambda: (),
        selected_claims: Callable[[], Sequence[int]] = lambda: (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.current_article = current_article
        self.current_claims = current_claims
        self.selected_claims = selected_claims
        self.setAccessibleName("Link chart")
        self.claim_ids: tuple[int, ...] = ()
        self.task: object = None
        self.scene = ChartScene()
        self.view = ChartView(self.scene)
        self._labels = QTimer(self, singleShot=True, interval=LABEL_DELAY_MS)
        self._labels.timeout.connect(self._fit_labels)
        self._build()
        self.scene.selectionChanged.connect(self._selection_changed)
        self.view.zoomed.connect(self._labels.start)
        self.view.node_menu.connect(self._node_menu)
        self.view.node_opened.connect(self._node_opened)
        self.view.nodes_moved.connect(self._nodes_moved)
        session.changed.connect(self._project_changed)

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.from_article = QPushButton("This article")
        self.from_claims = QPushButton("Claims")
        self.from_claims.setToolTip(
            "The selected claims (in All claims, or several in the article's claims);"
            " else the current claim and the claims related to it"
        )
        self.start_name = NameField(self.session, ("actor", "source", "event"), "Start from…")
        self.layout_box = QComboBox()
        self.layout_box.addItem("Spring", "spring")
        self.layout_box.addItem("Chains", "chains")
        self.layout_box.setToolTip("Spring: related nodes together; Chains: who passed it on")
        self.hide_weak = QCheckBox("Hide weak links")
        self.hide_weak.setToolTip(
            "Hide links resting only on claims graded 4–6 (doubtful or worse)"
        )
        self.articles = QCheckBox("Articles")
        self.find_field = QLineEdit(placeholderText="Find on the chart")
        self.find_field.setClearButtonEnabled(True)
        self.relayout = QPushButton("Lay out again")
        self.relayout.setToolTip("A new layout: only pinned nodes keep their places")
        fit = QPushButton("Fit")
        bar = QHBoxLayout()
        starting = (self.from_article, self.from_claims, self.start_name, self.layout_box)
        showing = (self.hide_weak, self.articles, self.find_field, self.relayout, fit)
        for widget in (*starting, *showing):
            bar.addWidget(widget)
        self.status = QLabel("Start from an article, a claim or a name.")
        self.claims_title = QLabel("Click a link to see the claims behind it.")
        self.claims = QListWidget()
        self.claims.setAccessibleName("Claims behind the link")
        split = claims_beside(self.view, self.claims_title, self.claims)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.from_article.clicked.connect(self.start_from_article)
        self.from_claims.clicked.connect(self.start_from_claims)
        self.start_name.picked.connect(self._picked)
        self.layout_box.currentIndexChanged.connect(lambda _i: self.refresh(keep=False))
        self.hide_weak.toggled.connect(self._weak_toggled)
        self.articles.toggled.connect(lambda _on: self.refresh())
        self.find_field.returnPressed.connect(lambda: self.find_node(self.find_field.text()))
        self.relayout.clicked.connect(lambda: self.refresh(keep=False))
        fit.clicked.connect(self.view.fit)
        self.claims.itemActivated.connect(self._claim_activated)

    # -- starting and refreshing --------------------------------------------------------------

    @Slot()
    def start_from_article(self) -> None:
        article = self.current_article()
        if article is None:
            self.session.tell("Open an article first")
            return
        self.start([ChartStart("article", article)])

    @Slot()
    def start_from_claims(self) -> None:
        selected = list(self.selected_claims())
        if selected:
            self.start_from_claim_ids(selected)
            return
        chosen = list(self.current_claims())
        if not chosen:
            self.session.tell("Choose a claim first")
            return
        self.start([ChartStart("claim", claim) for claim in chosen])

    def _picked(self, picked: Picked) -> None:
        self.start([ChartStart(picked.kind, picked.id)])

    def start(self, starts: Sequence[ChartStart]) -> None:
        """A new chart of the claims the starts touch."""
        self.scene.hidden.clear()
        self._lay_out(starts=list(starts), claim_ids=(), kept={}, fresh=True)

    def start_from_claim_ids(self, claim_ids: Sequence[int]) -> None:
        """A new chart of exactly these claims."""
        self.scene.hidden.clear()
        self._lay_out(starts=[], claim_ids=list(claim_ids), kept={}, fresh=True)

    def expand(self, key: str) -> None:
        """Add the claims touching a node (its neighbours) to the chart."""
        node = self.scene.nodes[key].node
        start = ChartStart(node.kind, node.record_id)
        self._lay_out(starts=[start], claim_ids=self.claim_ids, kept=self.scene.places())

    def refresh(self, keep: bool = True) -> None:
        """Read the chart's claims again; nodes keep their places unless `keep` is False
        (then only pinned nodes do)."""
        if not self.claim_ids:
            return
        kept = self.scene.places() if keep else {}  # the pinned ones the project keeps
        self._lay_out(starts=[], claim_ids=self.claim_ids, kept=kept, moved=keep)

    def _lay_out(
        self,
        *,
        starts: list[ChartStart],
        claim_ids: Sequence[int],
        kept: dict[str, tuple[float, float]],
        fresh: bool = False,
        moved: bool = True,
    ) -> None:
        project = self.session.project
        articles, layout = self.articles.isChecked(), str(self.layout_box.currentData())
        self.status.setText("Laying out the chart…")

        def work(_control: object) -> LaidOutChart:
            return laid_out_chart(
                project, starts=starts, claim_ids=claim_ids, articles=articles,
                layout=layout, kept=kept, moved=moved,
            )  # fmt: skip

        self.task = self.session.tasks.run(
            "Lay out the link chart",
            work,
            on_done=lambda result: self._show(result, fresh, moved),
            writes=False,
            owner=self,
        )

    def _show(self, result: LaidOutChart, fresh: bool, moved: bool = True) -> None:
        self.task = None
        self.claim_ids = result.claim_ids
        self.scene.pinned = set(result.pinned)
        self.show_laid_out(result.chart, result.places, fit=fresh, groups=result.groups)
        if not moved and not self.read_only:  # laid out again: where nodes were moved goes
            self.session.edit("Lay out again", forget_moves, list(self.scene.nodes))

    def show_laid_out(
        self,
        chart: LinkChart,
        places: dict[str, tuple[float, float]],
        fit: bool = False,
        groups: Sequence[Group] = (),
    ) -> None:
        """Draw a chart at its places with its groups, the labels that fit, and say what is
        shown."""
        self.scene.show_chart(chart, places, self.colours(), groups)
        if fit:
            self.view.fit()
        self._fit_labels()
        left_out = f" · {chart.left_out} more claims left out" if chart.left_out else ""
        hidden = f" · {len(self.scene.hidden)} hidden" if self.scene.hidden else ""
        claims = sum(1 for node in chart.nodes if node.kind == "claim")
        self.status.setText(
            f"{len(chart.nodes)} nodes, {self.scene.edge_count_shown()} links, "
            f"{claims} claims{hidden}{left_out}"
        )
        self.shown.emit()

    def colours(self) -> dict[str, str]:
        return palette("dark" if is_dark(self.palette()) else "light")

    @Slot(object)
    def _project_changed(self, change: ProjectChange) -> None:
        if self.claim_ids and change.tables() & CHART_TABLES:
            self.refresh()

    # -- what the analyst does on the chart ---------------------------------------------------

    def _weak_toggled(self, hide: bool) -> None:
        self.scene.hide_weak = hide
        self.scene.apply_visibility()
        self._fit_labels()

    def _fit_labels(self) -> None:
        self.scene.fit_labels(self.view.scale_now)

    def find_node(self, text: str) -> bool:
        """Select and centre the first node whose label holds `text` (any case)."""
        wanted = text.casefold().strip()
        for item in self.scene.nodes.values():
            if wanted and wanted in item.node.label.casefold() and item.isVisible():
                self.scene.clearSelection()
                item.setSelected(True)
                self.view.centerOn(item)
                return True
        self.session.tell(f"Nothing on the chart is called “{text}”")
        return False

    def hide_node(self, key: str) -> None:
        self.scene.hidden.add(key)
        self.scene.apply_visibility()
        self._fit_labels()

    def show_hidden(self) -> None:
        self.scene.hidden.clear()
        self.scene.apply_visibility()
        self._fit_labels()

    def toggle_pin(self, key: str) -> None:
        """Pin a node where it is, or let it go (an undoable edit, kept in the project)."""
        if key in self.scene.pinned:
            self.session.edit("Unpin", unpin_nodes, [key])
        else:
            self.session.edit("Pin", pin_nodes, {key: self.scene.places()[key]})

    def _nodes_moved(self, places: dict[str, tuple[float, float]]) -> None:
        if not self.read_only:  # read-only, the nodes stay where they were put until closed
            self.session.edit("Move", move_nodes, places)

    @property
    def read_only(self) -> bool:
        return self.session.project.store.read_only

    def group_selected(self, name: str) -> None:
        """Keep the selected nodes as a named group (an undoable edit); the chart then draws
        its outline, and does again whenever it shows them."""
        keys = [i.node.key for i in self.scene.selectedItems() if isinstance(i, NodeItem)]
        if len(keys) >= 2:
            self.session.edit("Group", group_nodes, name, keys)

    def ungroup(self, group: Group) -> None:
        self.session.edit("Ungroup", ungroup, group.id)

    def _ungroup_entry(self, menu: QMenu, group: Group) -> None:
        menu.addAction(f"Ungroup “{group.name}”", lambda: self.ungroup(group))

    def _node_menu(self, node: NodeItem | None, menu: QMenu) -> None:
        if node is not None:
            key = node.node.key
            menu.addAction("Expand neighbours", lambda: self.expand(key))
            menu.addAction("Hide", lambda: self.hide_node(key))
            menu.addAction("Unpin" if node.pinned else "Pin", lambda: self.toggle_pin(key))
            for outline in self.scene.groups:
                if key in outline.kept.members:
                    self._ungroup_entry(menu, outline.kept)
        selected = [i for i in self.scene.selectedItems() if isinstance(i, NodeItem)]
        if len(selected) >= 2:
            menu.addAction(f"Group the {len(selected)} selected nodes…", self._ask_group)
        if self.scene.hidden:
            menu.addAction(f"Show {len(self.scene.hidden)} hidden", self.show_hidden)

    def _ask_group(self) -> None:
        name, done = QInputDialog.getText(self, "Group", "Name of the group:")
        if done and name.strip():
            self.group_selected(name.strip())

    def _selection_changed(self) -> None:
        if not shiboken6.isValid(self.scene):  # the scene says so as it is destroyed
            return
        chosen = self.scene.selectedItems()
        edges = [item.edge for item in chosen if isinstance(item, EdgeItem)]
        nodes = [item for item in chosen if isinstance(item, NodeItem)]
        if edges:
            first = self.scene.chart.node(edges[0].source).label
            second = self.scene.chart.node(edges[0].target).label
            self.list_claims(self.scene.chart.claims_behind(edges),
                             f"{edges[0].label}: {first} — {second}")  # fmt: skip
        elif len(nodes) == 1:
            touching = [item.edge for item in nodes[0].edges]
            self.list_claims(self.scene.chart.claims_behind(touching), nodes[0].node.label)

    def list_claims(self, claim_ids: Sequence[int], about: str) -> None:
        """Show the claims behind a link or a node, best graded first."""
        found = claims_behind(self.session.project, claim_ids)
        what = f"{len(found)} claim{'s' if len(found) != 1 else ''}" if found else "No claim"
        self.claims_title.setText(f"{what} behind {about}")
        self.claims.clear()
        for claim in found:
            item = QListWidgetItem(claim.shown)
            item.setData(Qt.ItemDataRole.UserRole, (claim.article_id, claim.id))
            item.setToolTip(claim.words)
            self.claims.addItem(item)

    def _claim_activated(self, item: QListWidgetItem) -> None:
        article, claim = item.data(Qt.ItemDataRole.UserRole)
        self.open_claim.emit(article, claim)

    def _node_opened(self, node: NodeItem) -> None:
        if node.node.kind == "claim":
            found = claims_behind(self.session.project, [node.node.record_id])
            if found:
                self.open_claim.emit(found[0].article_id, found[0].id)
        else:
            self.expand(node.node.key)

    def shown_claims(self) -> list[tuple[int, int]]:
        """(article, claim) of each claim listed beside the chart."""
        return [
            self.claims.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.claims.count())
        ]
