"""The Link chart and Timeline docks of the window, tabbed with the claims below the reader;
each panel is made the first time its dock is seen (ui/when_shown.py). The window calls
`add_chart_docks(window)` once; this module does all the wiring. Link chart (and "Link chart
of selected claims", ui/link_chart_selection.py) charts the selected claims when there are
some; a chart made without them starts from the article in the reader."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QWidget

from workbench.ui.link_chart_selection import (
    NOTHING_SELECTED,
    chart_of_selection_action,
    selected_claims,
)
from workbench.ui.when_shown import WhenShown

if TYPE_CHECKING:
    from workbench.ui.link_chart import LinkChartPanel
    from workbench.ui.main_window import MainWindow
    from workbench.ui.timeline import TimelinePanel


class ChartDocks:
    """The two docks, their panels (made when first shown) and the actions that raise them."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.chart_holder = WhenShown(self._make_chart, self._chart_made)
        self.timeline_holder = WhenShown(self._make_timeline, self._timeline_made)
        self.chart_dock = self._dock("Link chart", "link-chart-dock", self.chart_holder)
        self.timeline_dock = self._dock("Timeline", "timeline-dock", self.timeline_holder)
        window.claims_dock.raise_()
        self._claims_to_chart: list[int] = []
        actions = window.actions_
        actions.link_chart.triggered.connect(self.show_chart)
        actions.timeline.triggered.connect(self.show_timeline)
        self.chart_selection = chart_of_selection_action(window)
        self.chart_selection.triggered.connect(self.chart_selected_claims)

    def _dock(self, title: str, name: str, holder: QWidget) -> QDockWidget:
        window = self.window
        dock = QDockWidget(title, window)
        dock.setObjectName(name)
        dock.setWidget(holder)
        dock.setAccessibleName(title)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        window.tabifyDockWidget(window.claims_dock, dock)
        window.docks.append(dock)
        return dock

    @property
    def chart(self) -> LinkChartPanel:
        return cast("LinkChartPanel", self.chart_holder.panel)

    @property
    def timeline(self) -> TimelinePanel:
        return cast("TimelinePanel", self.timeline_holder.panel)

    def _make_chart(self) -> QWidget:
        from workbench.ui.link_chart import LinkChartPanel

        window = self.window
        return LinkChartPanel(
            window.session,
            current_article=lambda: window.reader.article_id,
            current_claims=lambda: [window.current_claim] if window.current_claim else [],
            selected_claims=lambda: selected_claims(window),
        )

    def _chart_made(self, panel: QWidget) -> None:
        chart = cast("LinkChartPanel", panel)
        chart.open_claim.connect(self._open_claim)
        if self._claims_to_chart:
            chart.start_from_claim_ids(self._claims_to_chart)
        elif self.window.reader.article_id is not None:
            chart.start_from_article()

    def _make_timeline(self) -> QWidget:
        from workbench.ui.timeline import TimelinePanel

        return TimelinePanel(self.window.session)

    def _timeline_made(self, panel: QWidget) -> None:
        cast("TimelinePanel", panel).open_claim.connect(self._open_claim)

    def _open_claim(self, article: int, claim: int) -> None:
        self.window.open_article(article, claim)

    def show_chart(self) -> None:
        """Bring the chart forward: of the selected claims when there are some."""
        chosen = selected_claims(self.window)
        made = self.chart_holder.is_made
        self._claims_to_chart = chosen
        self.chart_dock.show()
        self.chart_dock.raise_()
        chart = self.chart  # made now if it was not (and then started)
        if chosen and made:
            chart.start_from_claim_ids(chosen)
        self._claims_to_chart = []
        QTimer.singleShot(0, lambda: self.chart.find_field.setFocus())

    def chart_selected_claims(self) -> None:
        if not selected_claims(self.window):
            self.window.session.tell(NOTHING_SELECTED)
            return
        self.show_chart()

    def show_timeline(self) -> None:
        self.timeline_dock.show()
        self.timeline_dock.raise_()


def add_chart_docks(window: MainWindow) -> ChartDocks:
    return ChartDocks(window)
