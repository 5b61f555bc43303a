"""The link chart and the timeline written to files: GraphML, GEXF, SVG and PNG for the chart;
SVG, PNG and CSV for the timeline. Each file is written whole or not at all."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from workbench.reports.chart_formats import CHART_FORMATS, TIMELINE_FORMATS
from workbench.reports.chart_model import LinkChart
from workbench.services.errors import InvalidInput
from workbench.services.link_chart import CLAIM_LIMIT, ChartStart, chart_of
from workbench.services.link_chart_layout import lay_out
from workbench.services.project import Project
from workbench.services.reporting import replace_atomically
from workbench.services.timeline import timeline


def write_link_chart(
    project: Project,
    starts: Sequence[ChartStart],
    form: str,
    out: Path,
    *,
    articles: bool = False,
    layout: str = "spring",
    scheme: str = "light",
) -> LinkChart:
    """Lay out the chart of the starts and write it as `form` at `out`; returns the chart."""
    if form not in CHART_FORMATS:
        raise InvalidInput(f"a link chart is written as {', '.join(CHART_FORMATS)}, not {form}")
    chart = chart_of(project, starts, articles=articles, limit=CLAIM_LIMIT)
    places = lay_out(chart, layout)

    def writing(stream: BinaryIO) -> None:
        if form in ("graphml", "gexf"):
            from workbench.reports.chart_exchange import write_chart

            write_chart(chart, places, form, stream)
            return
        from workbench.reports.chart_drawing import chart_svg

        _write_picture(chart_svg(chart, places, scheme), form, stream)

    replace_atomically(_checked(out), writing)
    return chart


def write_timeline(
    project: Project, form: str, out: Path, *, lanes_by: str = "kind", scheme: str = "light"
) -> int:
    """Write the project's timeline as `form` at `out`; returns how many events it shows."""
    if form not in TIMELINE_FORMATS:
        raise InvalidInput(f"a timeline is written as {', '.join(TIMELINE_FORMATS)}, not {form}")
    shown = timeline(project)

    def writing(stream: BinaryIO) -> None:
        if form == "csv":
            from workbench.reports.timeline_csv import write_timeline_csv

            write_timeline_csv(shown, stream)
            return
        from workbench.reports.timeline_drawing import timeline_svg

        _write_picture(timeline_svg(shown, lanes_by, scheme), form, stream)

    replace_atomically(_checked(out), writing)
    return len(shown.events)


def _write_picture(svg: str, form: str, stream: BinaryIO) -> None:
    if form == "svg":
        stream.write(svg.encode("utf-8"))
        return
    from workbench.reports.chart_raster import svg_to_png

    svg_to_png(svg, stream)


def _checked(out: Path) -> Path:
    target = Path(out).expanduser()
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder; give a file name to write")
    if not target.parent.is_dir():
        raise InvalidInput(f"cannot write {target}: the folder {target.parent} does not exist")
    return target
