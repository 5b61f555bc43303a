"""The HTML report's Timeline figure is drawn as it is written: the pieces, however small,
make the very SVG the whole figure is, and nothing is worked out before the template asks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reports.golden import sample
from workbench.reports import timeline_figure
from workbench.reports.model import Report
from workbench.reports.timeline_model import Timeline
from workbench.services.reporting import build_report


def test_the_figure_in_pieces_is_the_whole_svg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Handed over three lines at a time, the figure's section holds the whole SVG (without
    its XML declaration), in order, between its heading and its caption."""
    monkeypatch.setattr(timeline_figure, "LINES_AT_ONCE", 3)
    with sample(tmp_path) as project:
        report = build_report(project)
        whole = timeline_figure.figure_svg(report)
        pieces = list(timeline_figure.html_parts(report))
    assert whole is not None and len(pieces) > 4
    written = "".join(pieces)
    inline = whole.split("?>", 1)[1]
    assert f"<h2>{timeline_figure.TITLE}</h2>" in written
    assert f'<figure style="overflow-x:auto;margin:0">{inline}<figcaption>' in written


def test_the_figure_is_laid_out_only_when_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asking for the figure's parts reads nothing; the timeline is read as they are taken."""
    asked: list[Report] = []
    real = timeline_figure.timeline_of_report

    def read(report: Report) -> Timeline:
        asked.append(report)
        return real(report)

    monkeypatch.setattr(timeline_figure, "timeline_of_report", read)
    with sample(tmp_path) as project:
        parts = timeline_figure.html_parts(build_report(project))
        assert not asked
        next(parts)
        assert len(asked) == 1
