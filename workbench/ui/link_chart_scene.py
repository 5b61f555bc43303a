"""The link chart's scene, made from a laid-out chart: node and edge items, their places
carried over from the chart shown before, hidden nodes, pinned nodes, the groups kept in the
project (an outline round the members on the chart), weak edges hidden on request, and which
labels fit at the current zoom."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGraphicsScene

from workbench.reports.chart_drawing import parallel_offsets, shown_labels
from workbench.reports.chart_model import LinkChart
from workbench.services.link_chart_groups import Group
from workbench.ui.link_chart_items import EdgeItem, GroupItem, NodeItem


class ChartScene(QGraphicsScene):
    """What the view shows; `nodes` and `edges` by key."""

    def __init__(self) -> None:
        super().__init__()
        self.chart = LinkChart()
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self.groups: list[GroupItem] = []
        self.hidden: set[str] = set()
        self.pinned: set[str] = set()
        self.hide_weak = False

    def show_chart(
        self,
        chart: LinkChart,
        places: dict[str, tuple[float, float]],
        colours: dict[str, str],
        groups: Sequence[Group] = (),
    ) -> None:
        """Replace what is drawn by `chart` at `places` (those of pinned nodes among them),
        with an outline for each group."""
        self.clear()
        self.nodes, self.edges, self.groups = {}, {}, []
        self.chart = chart
        self.setBackgroundBrush(QBrush(QColor(colours["background"])))
        for node in chart.nodes:
            item = NodeItem(node, colours)
            item.setPos(QPointF(*places.get(node.key, (0.0, 0.0))))
            item.pinned = node.key in self.pinned
            self.addItem(item)
            self.nodes[node.key] = item
        offsets = parallel_offsets(chart.edges)
        for edge in chart.edges:
            ends = (self.nodes[edge.source], self.nodes[edge.target])
            line = EdgeItem(edge, ends, colours, offsets[edge.key])
            self.addItem(line)
            self.edges[edge.key] = line
        for group in groups:
            self._add_group(group, colours)
        # The scene's own rect only ever grows: set it to this chart, so a smaller chart after a
        # larger one does not sit in a corner of empty scene.
        self.setSceneRect(self.itemsBoundingRect().adjusted(-300, -300, 300, 300))
        self.apply_visibility()

    def places(self) -> dict[str, tuple[float, float]]:
        """Where each node is now (after the analyst dragged some)."""
        return {key: (item.pos().x(), item.pos().y()) for key, item in self.nodes.items()}

    def apply_visibility(self) -> None:
        """Hidden nodes and their edges out of sight; weak edges too, when asked."""
        for key, item in self.nodes.items():
            item.setVisible(key not in self.hidden)
        for line in self.edges.values():
            ends_shown = all(end.isVisible() for end in line.ends)
            line.setVisible(ends_shown and (line.edge.strong or not self.hide_weak))
        for group in self.groups:
            group.follow()

    def fit_labels(self, scale: float) -> int:
        """Show the labels that fit at `scale` without covering another; returns how many."""
        visible = {k: item for k, item in self.nodes.items() if item.isVisible()}
        widths = {key: item.label_width for key, item in visible.items()}
        places = {key: (item.pos().x(), item.pos().y()) for key, item in visible.items()}
        shown = shown_labels(self.chart, places, scale, widths)
        for key, item in self.nodes.items():
            item.label.setVisible(key in shown)
        return len(shown)

    def _add_group(self, group: Group, colours: dict[str, str]) -> None:
        members = [self.nodes[key] for key in group.members if key in self.nodes]
        if members:
            item = GroupItem(group, members, colours)
            self.addItem(item)
            self.groups.append(item)

    def edge_count_shown(self) -> int:
        return sum(1 for item in self.edges.values() if item.isVisible())
