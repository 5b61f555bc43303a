"""Link-chart places kept in the project: a node pinned or moved is drawn where it was left
when the chart is opened again (after the project was closed too); undo unpins; laid out
again, only pinned nodes keep their places and new nodes never move a pinned one."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from workbench.services import Project
from workbench.services.errors import InvalidInput
from workbench.services.link_chart import ChartStart
from workbench.services.link_chart_places import move_nodes, pin_nodes, places_on
from workbench.services.lookup import named
from workbench.ui.link_chart import LinkChartPanel
from workbench.ui.session import UiSession

pytestmark = pytest.mark.gui
FAR_OFF = (4321.0, -1234.0)


def _opened(qtbot: QtBot, project: Project, start: ChartStart) -> LinkChartPanel:
    panel = LinkChartPanel(UiSession(project))
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        panel.start([start])
    return panel


def _reuters(project: Project) -> str:
    return f"source:{named(project, 'source', 'Reuters')}"


def test_a_pinned_node_is_there_and_pinned_after_the_project_is_reopened(
    qtbot: QtBot, sample_project: Project
) -> None:
    """Reuters dragged far off and pinned: after closing the project and opening it again,
    the article's chart draws Reuters at that very place, marked pinned."""
    panel = _opened(qtbot, sample_project, ChartStart("article", 1))
    key = _reuters(sample_project)
    panel.scene.nodes[key].setPos(*FAR_OFF)
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        panel.toggle_pin(key)
    path = sample_project.store.path
    assert path is not None
    panel.close()
    sample_project.close()
    with Project.open(path) as reopened:
        again = _opened(qtbot, reopened, ChartStart("article", 1))
        assert again.scene.places()[key] == pytest.approx(FAR_OFF)
        assert again.scene.nodes[key].pinned
        again.close()


def test_undo_unpins_and_redo_pins_again(qtbot: QtBot, sample_project: Project) -> None:
    """Pinning is one undoable step: undo leaves the node unpinned, redo pins it again."""
    panel = _opened(qtbot, sample_project, ChartStart("article", 1))
    key = _reuters(sample_project)
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        panel.toggle_pin(key)
    assert sample_project.undo_stack.undo_label == "Pin node"
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        sample_project.undo()
    assert not panel.scene.nodes[key].pinned and key not in panel.scene.pinned
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        sample_project.redo()
    assert panel.scene.nodes[key].pinned


def test_a_node_dragged_is_kept_where_it_was_let_go(qtbot: QtBot, sample_project: Project) -> None:
    """Dragging Reuters with the mouse keeps its new place in the project (one step, "Move
    node"), and a chart opened again draws it there."""
    panel = _opened(qtbot, sample_project, ChartStart("article", 1))
    key = _reuters(sample_project)
    item = panel.scene.nodes[key]
    panel.view.centerOn(item)
    start = panel.view.mapFromScene(item.pos())
    end = start + QPoint(60, 40)
    viewport = panel.view.viewport()
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(viewport, start + QPoint(20, 10))
        qtbot.mouseMove(viewport, end)
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert sample_project.undo_stack.undo_label == "Move node"
    moved = panel.scene.places()[key]
    assert moved != pytest.approx((start.x(), start.y()))
    again = _opened(qtbot, sample_project, ChartStart("article", 1))
    assert again.scene.places()[key] == pytest.approx(moved)
    assert not again.scene.nodes[key].pinned


def test_a_node_dragged_on_a_read_only_project_stays_where_it_was_put(
    qtbot: QtBot, sample_project: Project
) -> None:
    """Opened read-only, a node dragged stays where it was let go, with no problem reported
    and nothing kept in the project."""
    path = sample_project.store.path
    assert path is not None
    with Project.open(path, read_only=True) as reading:
        panel = _opened(qtbot, reading, ChartStart("article", 1))
        problems: list[tuple[str, str]] = []
        panel.session.problem.connect(lambda what, why: problems.append((what, why)))
        key = _reuters(reading)
        item = panel.scene.nodes[key]
        item.setSelected(True)
        panel.view.nodes_moved.emit({key: FAR_OFF})
        item.setPos(*FAR_OFF)
        qtbot.wait(50)
        assert problems == [] and panel.scene.places()[key] == pytest.approx(FAR_OFF)
        with reading.reading() as session:
            assert places_on(session, [key]) == {}
        panel.close()


def test_laid_out_again_only_pinned_nodes_keep_their_places(
    qtbot: QtBot, sample_project: Project
) -> None:
    """With Reuters pinned far off and claim 1 moved far off, "Lay out again" leaves Reuters
    where it is and lays claim 1 out afresh (the place it was moved to is forgotten)."""
    panel = _opened(qtbot, sample_project, ChartStart("article", 1))
    key = _reuters(sample_project)
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        pin_nodes(sample_project, {key: FAR_OFF})
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        move_nodes(sample_project, {"claim:1": (-FAR_OFF[0], -FAR_OFF[1])})
    assert panel.scene.places()["claim:1"] == pytest.approx((-FAR_OFF[0], -FAR_OFF[1]))
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        panel.relayout.click()
    places = panel.scene.places()
    assert places[key] == pytest.approx(FAR_OFF)
    x, y = places["claim:1"]
    assert abs(x + FAR_OFF[0]) + abs(y + FAR_OFF[1]) > 1000  # no longer where it was moved
    with sample_project.reading() as session:
        assert set(places_on(session, [key, "claim:1"])) == {key}


def test_new_nodes_do_not_move_a_pinned_one(qtbot: QtBot, sample_project: Project) -> None:
    """From claim 6 with the United States pinned, expanding it adds claim 5 and leaves the
    pinned node exactly where it was pinned."""
    panel = _opened(qtbot, sample_project, ChartStart("claim", 6))
    usa = f"actor:{named(sample_project, 'actor', 'United States')}"
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        pin_nodes(sample_project, {usa: (100.0, 200.0)})
    with qtbot.waitSignal(panel.shown, timeout=20_000):
        panel.expand(usa)
    assert sorted(panel.claim_ids) == [5, 6]
    assert panel.scene.places()[usa] == pytest.approx((100.0, 200.0))


@pytest.mark.parametrize(
    ("places", "says"),
    [({}, "choose a node"), ({"planet:3": (0, 0)}, "not a node"),
     ({"claim:1": (float("nan"), 0)}, "off the chart")],
)  # fmt: skip
def test_a_place_that_makes_no_sense_is_refused(
    sample_project: Project, places: dict[str, Any], says: str
) -> None:
    """No node, a key naming no record kind, or a place that is not a number: a clear error,
    and nothing kept."""
    with pytest.raises(InvalidInput, match=says):
        pin_nodes(sample_project, places)
    with sample_project.reading() as session:
        assert places_on(session, ["claim:1", "planet:3"]) == {}
