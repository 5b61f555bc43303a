"""The timeline's two painting layers: what they find to paint, what they paint, what is
under the mouse; the scene's size does not grow with the number of events."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from workbench.reports.chart_labels import label_width
from workbench.reports.timeline_drawing import COLOURS, kind_colour
from workbench.reports.timeline_model import Timeline, TimelineEvent
from workbench.reports.timeline_picture import BAR, FONT_SIZE, Bar, lay_out_timeline
from workbench.ui.timeline_index import Area
from workbench.ui.timeline_layers import LABEL_SLACK, bar_index
from workbench.ui.timeline_scene import TimelineScene

pytestmark = pytest.mark.gui
KINDS = ("strike", "visit", "statement", "sanctions")


def _many(count: int = 2000) -> Timeline:
    rng = random.Random(4)
    return Timeline(
        tuple(
            TimelineEvent(
                id=n,
                title=f"Event {n}",
                kind=rng.choice(KINDS),
                start=date(2000, 1, 1) + timedelta(days=rng.randrange(20 * 365)),
                start_precision=rng.choice(("day", "day", "month", "year")),
                claims=(n,),
            )
            for n in range(1, count + 1)
        )
    )


def _crosses(bar: Bar, area: Area) -> bool:
    reach = bar.x + bar.width + (4 + label_width(FONT_SIZE)(bar.label) * LABEL_SLACK)
    return (
        bar.x <= area.right
        and reach >= area.left
        and bar.y - 2 <= area.bottom
        and (bar.y + BAR + 2 >= area.top)
    )


def test_the_index_finds_every_bar_an_area_shows_and_few_others() -> None:
    """For areas all over 2,000 bars, every bar crossing the area is found, and hardly any
    that does not (so a frame paints what is on screen, not the whole timeline)."""
    picture = lay_out_timeline(_many(), 4.0)
    index = bar_index(picture)
    rng = random.Random(2)
    for _ in range(40):
        left, top = rng.uniform(0, picture.width), rng.uniform(0, picture.height)
        area = Area(left, top, left + rng.uniform(50, 900), top + rng.uniform(20, 400))
        crossing = {bar for bar in picture.bars if _crosses(bar, area)}
        found = set(index.within(area))
        assert crossing <= found
        assert len(found - crossing) <= max(3, len(crossing) // 10)
    assert 0 < len(set(index.within(Area(0, 0, 400, 200)))) < len(picture.bars) // 10


def test_the_scene_is_a_few_items_however_many_events(qtbot) -> None:
    """2,000 events make the same handful of scene items as 20 do."""
    scene = TimelineScene()
    for count in (20, 2000):
        scene.show_picture(lay_out_timeline(_many(count), 4.0), "light")
        assert len(scene.items()) == 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_bar_is_painted_in_its_kind_colour_where_it_is(qtbot, scheme: str) -> None:
    """Rendering a small part of the scene paints the bar there in its kind's colour, and
    the reports track (no articles here) in the background's."""
    picture = lay_out_timeline(_many(), 4.0)
    scene = TimelineScene()
    scene.show_picture(picture, scheme)
    kinds = list(dict.fromkeys(bar.event.kind for bar in picture.bars))
    bar = next(b for b in picture.bars if 12 <= b.width <= 200 and b.y > 300)
    middle = _rendered(scene, bar.x + bar.width / 2, bar.y + BAR / 2)
    assert middle == QColor(kind_colour(bar.event.kind, kinds, scheme))
    empty = _rendered(scene, picture.width / 2, picture.reports_y + 30)
    assert empty == QColor(COLOURS[scheme]["background"])


def _rendered(scene: TimelineScene, x: float, y: float) -> QColor:
    """The colour the scene paints at (x, y), rendering a small area around it only."""
    image = QImage(41, 41, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), QRectF(x - 20, y - 20, 41, 41))
    painter.end()
    return image.pixelColor(20, 20)


def test_the_tooltip_says_the_event_under_the_mouse(qtbot) -> None:
    """Over a bar the tooltip names the event, its date and its claims; over nothing, none."""
    picture = lay_out_timeline(_many(), 4.0)
    scene = TimelineScene()
    scene.show_picture(picture, "light")
    bar = picture.bars[len(picture.bars) // 2]
    tip = scene.tip_at(QPointF(bar.x + bar.width / 2, bar.y + BAR / 2))
    assert tip.splitlines()[0] == bar.event.title and "1 claim" in tip
    assert scene.tip_at(QPointF(2, picture.height - 2)) == ""
