"""The Link chart panel: click a link to see its claims, and the chart follows undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from workbench.services import links
from workbench.services.link_chart import ChartStart
from workbench.services.lookup import named
from workbench.ui.link_chart import LinkChartPanel
from workbench.ui.link_chart_items import EdgeItem
from workbench.ui.session import UiSession

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, sample_project) -> LinkChartPanel:
    """The panel on the sample project, shown, charting the sample article."""
    chart = LinkChartPanel(UiSession(sample_project))
    qtbot.addWidget(chart)
    chart.resize(1100, 700)
    chart.show()
    with qtbot.waitSignal(chart.shown, timeout=20_000):
        chart.start([ChartStart("article", 1)])
    return chart


def _edge_between(panel: LinkChartPanel, first: str, second: str, kind: str) -> EdgeItem:
    keys = {f"source:{named(panel.session.project, 'source', n)}" for n in (first, second)}
    return next(
        item
        for item in panel.scene.edges.values()
        if {item.edge.source, item.edge.target} == keys and item.edge.kind == kind
    )


def _point_on(panel: LinkChartPanel, edge: EdgeItem) -> QPoint:
    """A point of the view where the edge, and nothing above it, is under the mouse."""
    panel.view.centerOn(edge.line().center())
    for share in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75):
        point = panel.view.mapFromScene(edge.line().pointAt(share))
        clickable = [i for i in panel.view.items(point) if i.acceptedMouseButtons()]
        if clickable and clickable[0] is edge:
            return point
    raise AssertionError("the edge is covered everywhere")


def test_clicking_a_link_lists_the_claims_behind_it(qtbot, panel: LinkChartPanel) -> None:
    """Clicking Reuters → Deftechtimes lists claim 1 alone, the one that hop carried."""
    edge = _edge_between(panel, "Reuters", "Deftechtimes", "attribution")
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=_point_on(panel, edge))
    assert edge.isSelected()
    assert panel.shown_claims() == [(1, 1)]
    assert panel.claims_title.text().startswith("1 claim behind published by")


def test_a_listed_claim_opens_in_the_reader(qtbot, panel: LinkChartPanel) -> None:
    """Activating a claim in the list asks for it at its place in its article."""
    panel.list_claims([2], "a link")
    with qtbot.waitSignal(panel.open_claim) as opened:
        panel.claims.itemActivated.emit(panel.claims.item(0))
    assert opened.args == [1, 2]


def test_undo_in_the_project_updates_the_chart(qtbot, panel: LinkChartPanel) -> None:
    """Unlinking Russia from claim 1 removes that link; undo brings it back, nodes unmoved."""
    project = panel.session.project
    russia = named(project, "actor", "Russia")
    assert russia is not None
    link = f"actor:{russia}>claim:1:role:target"
    before = panel.scene.places()
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        links.unlink_actor(project, 1, russia, "target")
    assert link not in panel.scene.edges
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        project.undo()
    assert link in panel.scene.edges
    after = panel.scene.places()
    assert all(after[key] == pytest.approx(place) for key, place in before.items())


def test_hiding_weak_links_hides_those_of_doubtful_claims(panel: LinkChartPanel) -> None:
    """With the toggle on, links resting only on claim 3 (graded 4) are out of sight."""
    panel.hide_weak.setChecked(True)
    weak = [item for item in panel.scene.edges.values() if item.edge.claims == (3,)]
    assert weak and not any(item.isVisible() for item in weak)
    assert any(item.isVisible() for item in panel.scene.edges.values())


def test_a_node_is_found_hidden_and_pinned(qtbot, panel: LinkChartPanel) -> None:
    """Find selects Reuters; hide takes it and its links away; pinned, it is marked pinned."""
    assert panel.find_node("reuters")
    (found,) = panel.scene.selectedItems()
    key = found.node.key
    panel.hide_node(key)
    assert not found.isVisible() and not any(e.isVisible() for e in found.edges)
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        panel.toggle_pin(key)
    assert key in panel.scene.pinned and panel.scene.nodes[key].pinned


def test_expanding_a_node_adds_its_claims_and_keeps_the_others_in_place(qtbot, panel) -> None:
    """From claim 6 alone, expanding the United States adds claim 5; claim 6 stays put."""
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        panel.start([ChartStart("claim", 6)])
    assert sorted(panel.claim_ids) == [6]
    before = panel.scene.places()["claim:6"]
    usa = f"actor:{named(panel.session.project, 'actor', 'United States')}"
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        panel.expand(usa)
    assert sorted(panel.claim_ids) == [5, 6]
    assert panel.scene.places()["claim:6"] == pytest.approx(before)


def test_grouping_outlines_the_selected_nodes(qtbot, panel: LinkChartPanel) -> None:
    """Two selected nodes grouped get one named outline that encloses both; the chart opened
    again (a new panel) outlines them too; undo takes the outline away."""
    chosen = [panel.scene.nodes["claim:1"], panel.scene.nodes["claim:2"]]
    for node in chosen:
        node.setSelected(True)
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        panel.group_selected("Moscow visit")
    (group,) = panel.scene.groups
    assert group.name == "Moscow visit"
    chosen = [panel.scene.nodes["claim:1"], panel.scene.nodes["claim:2"]]
    assert all(group.path().boundingRect().contains(n.sceneBoundingRect()) for n in chosen)
    again = LinkChartPanel(panel.session)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.shown, timeout=20_000):
        again.start([ChartStart("article", 1)])
    assert [outline.name for outline in again.scene.groups] == ["Moscow visit"]
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        panel.session.project.undo()
    assert panel.scene.groups == []
