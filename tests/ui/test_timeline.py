"""The Timeline panel, and both chart docks in the window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from workbench.reports.timeline_picture import BAR, Bar
from workbench.services import events
from workbench.ui.timeline import TimelinePanel

pytestmark = pytest.mark.gui


def _click(qtbot, panel: TimelinePanel, bar: Bar) -> None:
    panel.view.ensureVisible(bar.x, bar.y, bar.width, BAR)
    point = panel.view.mapFromScene(bar.x + bar.width / 2, bar.y + BAR / 2)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _drawn(panel: TimelinePanel) -> bool:
    return bool(panel.picture.bars)


def test_clicking_an_event_lists_its_claims(qtbot, sample_window) -> None:
    """The timeline dock opens on the sample; clicking the Moscow visit lists claims 1 and 2."""
    docks = sample_window.chart_docks
    sample_window.actions_.timeline.trigger()
    qtbot.waitUntil(lambda: docks.timeline_holder.is_made, timeout=20_000)
    panel = docks.timeline
    qtbot.waitUntil(lambda: _drawn(panel), timeout=20_000)
    (visit,) = (b for b in panel.picture.bars if "Moscow" in b.event.title)
    _click(qtbot, panel, visit)
    assert sorted(claim for _article, claim in panel.listed()) == [1, 2]
    assert panel.details.text().startswith("Araqchi's visit to Moscow")


def test_a_month_precision_event_is_a_month_wide(qtbot, sample_project) -> None:
    """An event known to the month is drawn as wide as 31 days of May at the same zoom."""
    from workbench.ui.session import UiSession

    events.create_event(
        sample_project, "Talks in May", start_date=date(2024, 5, 1), start_precision="month"
    )
    panel = TimelinePanel(UiSession(sample_project))
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: _drawn(panel), timeout=20_000)
    panel.pixels_per_day = 2.0  # two pixels a day: a month is wider than the narrowest bar
    panel.draw()
    (talks,) = (b for b in panel.picture.bars if b.event.title == "Talks in May")
    assert talks.width == pytest.approx(31 * 2.0)


def test_zooming_in_keeps_the_moment_in_the_middle(qtbot, sample_project) -> None:
    """Zooming in from years: ticks become finer, the moment in the middle stays there."""
    from workbench.ui.session import UiSession

    panel = TimelinePanel(UiSession(sample_project))
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    qtbot.waitUntil(lambda: _drawn(panel), timeout=20_000)
    before = panel.picture.scale.step()

    def middle():
        x = panel.view.mapToScene(panel.view.viewport().rect().center()).x()
        return panel.picture.scale.moment(x)

    centre = middle()
    for _ in range(6):
        panel.zoom(1.5)
    assert panel.picture.scale.step() != before
    drift = abs((middle() - centre).total_seconds()) / 86_400
    assert drift * panel.pixels_per_day < 1  # within a pixel on screen, 11 times zoomed


def test_the_link_chart_dock_starts_from_the_open_article(qtbot, sample_window) -> None:
    """Ctrl+Shift+L shows the Link chart of the article in the reader; a claim opens there."""
    docks = sample_window.chart_docks
    sample_window.actions_.link_chart.trigger()
    qtbot.waitUntil(lambda: docks.chart_holder.is_made, timeout=20_000)
    chart = docks.chart
    qtbot.waitUntil(lambda: bool(chart.scene.nodes), timeout=20_000)
    assert {"claim:1", "claim:6"} <= set(chart.scene.nodes)
    chart.list_claims([4], "a link")
    chart.claims.itemActivated.emit(chart.claims.item(0))
    assert sample_window.current_claim == 4
