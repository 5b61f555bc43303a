"""The link chart as GraphML and GEXF, for Gephi and yEd, written by networkx.

Nodes carry their kind, record id, label, detail, reliability and credibility, and their
place (x, y; in GEXF also as the viz position and colour Gephi draws with); edges carry their
kind, label, the claims they rest on ("1 5 9"), how many, their best credibility, the best
first-hand reliability and whether they are strong. networkx reads both back with every one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import BinaryIO

import networkx as nx

from workbench.reports.chart_model import LinkChart
from workbench.reports.chart_style import palette
from workbench.reports.safe_text import xml_safe

FORMATS = ("graphml", "gexf")


def chart_graph(chart: LinkChart, places: Mapping[str, tuple[float, float]]) -> nx.MultiDiGraph:
    """The chart as a networkx graph, every value a plain string, number or truth value."""
    graph = nx.MultiDiGraph()
    for node in chart.nodes:
        x, y = places.get(node.key, (0.0, 0.0))
        graph.add_node(
            node.key,
            kind=node.kind,
            record_id=node.record_id,
            label=xml_safe(node.label),
            detail=xml_safe(node.detail),
            reliability=node.reliability,
            credibility=node.credibility,
            x=float(x),
            y=float(y),
        )
    for edge in chart.edges:
        graph.add_edge(
            edge.source,
            edge.target,
            key=edge.key,
            kind=edge.kind,
            label=xml_safe(edge.label),
            claims=" ".join(str(claim) for claim in edge.claims),
            claim_count=edge.weight,
            credibility=edge.credibility,
            reliability=edge.reliability,
            strong=edge.strong,
        )
    return graph


def write_graphml(
    chart: LinkChart, places: Mapping[str, tuple[float, float]], out: BinaryIO
) -> None:
    nx.write_graphml(chart_graph(chart, places), out, encoding="utf-8", prettyprint=True)


def write_gexf(chart: LinkChart, places: Mapping[str, tuple[float, float]], out: BinaryIO) -> None:
    graph = chart_graph(chart, places)
    colours = palette("light")
    for _key, values in graph.nodes(data=True):
        red, green, blue = (int(colours[values["kind"]][i : i + 2], 16) for i in (1, 3, 5))
        values["viz"] = {
            "position": {"x": values["x"], "y": -values["y"], "z": 0.0},
            "color": {"r": red, "g": green, "b": blue, "a": 1.0},
        }
    nx.write_gexf(graph, out, encoding="utf-8", prettyprint=True)


def write_chart(
    chart: LinkChart, places: Mapping[str, tuple[float, float]], form: str, out: BinaryIO
) -> None:
    if form == "graphml":
        write_graphml(chart, places, out)
    elif form == "gexf":
        write_gexf(chart, places, out)
    else:
        raise ValueError(f"a graph file is {' or '.join(FORMATS)}, not {form!r}")
