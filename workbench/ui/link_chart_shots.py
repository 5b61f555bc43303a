"""Screenshots of the Link chart and the Timeline (a step of `make screenshots`): both on the
sample project, then on a generated chart of about 2,000 nodes and a generated timeline of
2,000 events, each in the light and the dark palette. The docks float at a fixed size for the
shots and go back in their place after."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QDockWidget

from workbench.reports.chart_model import ChartEdge, ChartNode, LinkChart
from workbench.reports.timeline_model import Timeline, TimelineEvent
from workbench.services.link_chart_layout import lay_out
from workbench.ui.look import apply_scheme

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

SIZE = (1400, 860)
ROLES = ("speaker", "subject", "target", "mentioned")


def link_chart_and_timeline(window: MainWindow, app: QApplication, folder: Path) -> list[Path]:
    """link-chart(-dark).png, timeline(-dark).png on the sample; the -2000 ones generated."""
    from workbench.ui.screenshots import save, settle

    docks = window.chart_docks
    shots: list[Path] = []
    generated = _generated_chart()
    panel, timeline = docks.chart, docks.timeline
    for scheme in ("light", "dark"):
        apply_scheme(app, scheme)
        suffix = "" if scheme == "light" else "-dark"
        chart, line = _floated(docks.chart_dock, app), _floated(docks.timeline_dock, app)
        _until(app, lambda: bool(panel.scene.nodes))
        panel.refresh()  # drawn again in this palette
        settle(app, 1.5)
        panel.view.fit()
        settle(app, 0.4)
        shots.append(save(chart, folder / f"link-chart{suffix}.png"))
        _until(app, lambda: bool(len(timeline.picture.placed)))
        timeline.fit()
        settle(app, 0.4)
        shots.append(save(line, folder / f"timeline{suffix}.png"))
        panel.show_laid_out(generated, lay_out(generated), fit=True)
        settle(app, 0.4)
        shots.append(save(chart, folder / f"link-chart-2000{suffix}.png"))
        timeline.pixels_per_day = 0.0
        timeline.show_timeline(_generated_timeline())
        settle(app, 0.4)
        shots.append(save(line, folder / f"timeline-2000{suffix}.png"))
        for dock in (docks.chart_dock, docks.timeline_dock):
            dock.setFloating(False)
        timeline.reload()
        panel.start_from_article()
        settle(app, 1.0)
    apply_scheme(app, "light")
    window.claims_dock.raise_()
    settle(app)
    return shots


def _floated(dock: QDockWidget, app: QApplication) -> QDockWidget:
    from workbench.ui.screenshots import settle

    dock.show()
    dock.raise_()
    dock.setFloating(True)
    dock.resize(*SIZE)
    settle(app, 0.6)
    return dock


def _until(app: QApplication, done: Callable[[], bool], seconds: float = 30.0) -> None:
    from workbench.ui.screenshots import settle

    ends = time.monotonic() + seconds
    while not done() and time.monotonic() < ends:
        settle(app, 0.1)


def _generated_chart(claims: int = 1000, actors: int = 700, seed: int = 5) -> LinkChart:
    """About 2,000 nodes: claims naming two actors each, said by sources, some on events."""
    rng = random.Random(seed)
    nodes = [ChartNode(f"claim:{n}", "claim", n, f"Claim {n}", "unverified", "", rng.randint(1, 6))
             for n in range(1, claims + 1)]  # fmt: skip
    nodes += [ChartNode(f"actor:{n}", "actor", n, f"Actor {n}", "person", rng.choice("ABCDEF"))
              for n in range(1, actors + 1)]  # fmt: skip
    nodes += [ChartNode(f"source:{n}", "source", n, f"Source {n}", "outlet", rng.choice("ABCDEF"))
              for n in range(1, 121)]  # fmt: skip
    nodes += [ChartNode(f"event:{n}", "event", n, f"Event {n}") for n in range(1, 181)]
    grade = {node.key: node.credibility for node in nodes}
    edges = []
    for n in range(1, claims + 1):
        claim = f"claim:{n}"
        for actor in rng.sample(range(1, actors + 1), 2):
            edges.append(_edge(f"actor:{actor}", claim, "role", rng.choice(ROLES), n, grade))
        edges.append(
            _edge(f"source:{rng.randint(1, 120)}", claim, "attribution", "speaker", n, grade)
        )
        if n % 3 == 0:
            edges.append(
                _edge(claim, f"event:{rng.randint(1, 180)}", "event", "describes", n, grade)
            )
    return LinkChart(tuple(nodes), tuple(edges))


def _edge(source: str, target: str, kind: str, label: str, claim: int, grade: dict) -> ChartEdge:
    return ChartEdge(source, target, kind, label, (claim,), grade[f"claim:{claim}"], "C")


def _generated_timeline(count: int = 2000, seed: int = 9) -> Timeline:
    rng = random.Random(seed)
    kinds = ("military strike", "diplomatic visit", "statement", "sanctions", "election", "protest")
    events = tuple(
        TimelineEvent(
            id=n,
            title=f"{kind.capitalize()} {n}",
            kind=kind,
            start=date(2000, 1, 1) + timedelta(days=rng.randrange(25 * 365)),
            start_precision=rng.choice(("day", "day", "day", "month", "year")),
        )
        for n in range(1, count + 1)
        for kind in (rng.choice(kinds),)
    )
    return Timeline(events)
