"""The link chart and timeline written to files: GraphML/GEXF round trips, SVG, PNG, CSV."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest

from workbench.reports.chart_exchange import chart_graph, write_gexf, write_graphml
from workbench.services import events
from workbench.services.errors import InvalidInput
from workbench.services.link_chart import ChartStart, chart_of
from workbench.services.link_chart_files import write_link_chart, write_timeline
from workbench.services.link_chart_layout import lay_out

SVG = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def laid_out(sample_project):
    """The sample article's chart (with its article) and its spring layout."""
    chart = chart_of(sample_project, [ChartStart("article", 1)], articles=True)
    return chart, lay_out(chart)


@pytest.mark.parametrize("form", ["graphml", "gexf"])
def test_a_graph_file_reads_back_with_every_attribute(laid_out, form: str) -> None:
    """networkx reads GraphML and GEXF back with every node and edge attribute as written."""
    chart, places = laid_out
    written = chart_graph(chart, places)
    buffer = io.BytesIO()
    (write_graphml if form == "graphml" else write_gexf)(chart, places, buffer)
    buffer.seek(0)
    read = nx.read_graphml(buffer) if form == "graphml" else nx.read_gexf(buffer)
    assert set(read.nodes) == set(written.nodes)
    for key, values in written.nodes(data=True):
        assert {name: read.nodes[key][name] for name in values} == values
    written_edges = {(a, b, d["kind"], d["label"]): d for a, b, d in written.edges(data=True)}
    read_edges = {(a, b, d["kind"], d["label"]): d for a, b, d in read.edges(data=True)}
    assert read_edges.keys() == written_edges.keys()
    for key, values in written_edges.items():
        assert {name: read_edges[key][name] for name in values} == values
    reuters_hop = next(d for k, d in read_edges.items() if k[3] == "reported by")
    assert (reuters_hop["claims"], reuters_hop["claim_count"]) == ("1", 1)


def test_the_svg_draws_every_edge_with_the_claims_it_rests_on(laid_out) -> None:
    """One line per edge, each titled with its claims; every node is drawn with its name."""
    from workbench.reports.chart_drawing import chart_svg

    chart, places = laid_out
    root = ElementTree.fromstring(chart_svg(chart, places).encode("utf-8"))
    lines = root.find(f"{SVG}g[@id='edges']")
    assert lines is not None and len(lines) == len(chart.edges)
    titles = [line.findtext(f"{SVG}title") or "" for line in lines]
    assert any(t.startswith("reported by · 1 claim") and "#1" in t for t in titles)
    nodes = root.find(f"{SVG}g[@id='nodes']")
    assert nodes is not None and len(nodes) == len(chart.nodes)
    assert any("Reuters" in (node.findtext(f"{SVG}title") or "") for node in nodes)


def test_labels_on_the_svg_never_cover_one_another(laid_out) -> None:
    """The labels shown, as boxes, are pairwise apart (some wait for a closer zoom)."""
    from workbench.reports.chart_drawing import shown_labels
    from workbench.reports.chart_labels import label_box, label_width
    from workbench.reports.chart_style import FONT_SIZE, short_label

    chart, _places = laid_out
    crowded = {
        node.key: (number % 3 * 40.0, number // 3 * 8.0) for number, node in enumerate(chart.nodes)
    }
    shown = shown_labels(chart, crowded)
    width = label_width(FONT_SIZE)
    boxes = [
        label_box(n.key, crowded[n.key], 10, width(short_label(n.label)), FONT_SIZE * 1.3)
        for n in chart.nodes
        if n.key in shown
    ]
    assert 0 < len(boxes) < len(chart.nodes)
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_the_chart_and_timeline_are_written_as_png(sample_project, tmp_path: Path, qapp) -> None:
    """PNG files of both views are real pictures of a readable size."""
    write_link_chart(sample_project, [ChartStart("article", 1)], "png", tmp_path / "chart.png")
    write_timeline(sample_project, "png", tmp_path / "timeline.png")
    for name in ("chart.png", "timeline.png"):
        data = (tmp_path / name).read_bytes()
        assert data.startswith(PNG_SIGNATURE)
        width = int.from_bytes(data[16:20], "big")
        assert width >= 800


def test_the_timeline_csv_lists_events_as_the_days_they_cover(sample_project, tmp_path) -> None:
    """The 2018 exit runs 1 January to 31 December 2018; the article is a 'report' row."""
    events.create_event(sample_project, '=HYPERLINK("x")', start_date=date(2024, 3, 5))
    write_timeline(sample_project, "csv", tmp_path / "timeline.csv")
    with (tmp_path / "timeline.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    exit_ = next(r for r in rows if r["title"] == "U.S. exit from the Iran nuclear deal")
    assert (exit_["first day"], exit_["last day"], exit_["when"]) == (
        "2018-01-01",
        "2018-12-31",
        "2018",
    )
    assert [r["track"] for r in rows].count("report") == 1
    assert any(r["title"] == '\'=HYPERLINK("x")' for r in rows)


def test_a_file_in_a_folder_that_does_not_exist_is_refused(sample_project, tmp_path) -> None:
    """Writing into a missing folder says so, and writes nothing."""
    with pytest.raises(InvalidInput, match="does not exist"):
        write_timeline(sample_project, "svg", tmp_path / "missing" / "timeline.svg")
    assert not (tmp_path / "missing").exists()
