"""How the link chart looks, decided once for the window and the SVG/PNG files: a node's
colour and size by kind, an edge's colour by kind (claim relations each their own), its width
from how many claims it rests on, its dashes from their credibility, its opacity from the
first-hand sources' reliability. Colours come in a light and a dark palette.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from workbench.reports.chart_model import ChartEdge, ChartNode

LABEL_CHARACTERS = 30  # longer labels are cut with an ellipsis (the whole label is a tooltip)
FONT_SIZE = 11.0

NODE_RADIUS = {"actor": 11.0, "source": 10.0, "event": 10.0, "claim": 6.0, "article": 12.0}

PALETTES: dict[str, dict[str, str]] = {
    "light": {
        "background": "#ffffff",
        "text": "#1f2328",
        "halo": "#ffffff",
        "actor": "#2f6fb3",
        "source": "#c26a12",
        "event": "#7b4bb7",
        "claim": "#6b7785",
        "article": "#2e7d4f",
        "role": "#8a96a3",
        "attribution": "#c26a12",
        "event-link": "#7b4bb7",
        "participant": "#9f8bc2",
        "article-link": "#6fae8a",
        "supports": "#2e8540",
        "contradicts": "#c62828",
        "repeats": "#7d8590",
        "updates": "#1f6feb",
        "selected": "#e3a008",
    },
    "dark": {
        "background": "#1e2126",
        "text": "#e6e8eb",
        "halo": "#1e2126",
        "actor": "#6ea8e8",
        "source": "#f0a049",
        "event": "#b48ef0",
        "claim": "#9aa6b2",
        "article": "#5cc38a",
        "role": "#6b7683",
        "attribution": "#e39242",
        "event-link": "#a07fdc",
        "participant": "#7d6ba3",
        "article-link": "#4f9a70",
        "supports": "#4cc463",
        "contradicts": "#ff6b6b",
        "repeats": "#9aa0a6",
        "updates": "#58a6ff",
        "selected": "#f5c542",
    },
}

# Dash patterns (in pen widths): solid for claims probably true or better, dashes for
# "possibly true", dots for doubtful or worse, long gaps when no claim stands behind the edge.
DASHES: dict[str, tuple[float, ...]] = {
    "solid": (),
    "dashed": (5.0, 3.0),
    "dotted": (1.0, 3.0),
    "unsupported": (1.0, 6.0),
}
OPACITY = {"A": 1.0, "B": 1.0, "C": 0.85, "D": 0.7, "E": 0.55, "F": 0.55, "": 0.55}


@dataclass(frozen=True)
class EdgeLook:
    colour: str
    width: float
    dash: str
    opacity: float


def palette(name: str) -> dict[str, str]:
    if name not in PALETTES:
        raise ValueError(f"a palette is {' or '.join(PALETTES)}, not {name!r}")
    return PALETTES[name]


def node_colour(node: ChartNode, colours: dict[str, str]) -> str:
    return colours[node.kind]


def short_label(text: str) -> str:
    """The label on the chart: one line, at most LABEL_CHARACTERS."""
    line = " ".join(text.split())
    return line if len(line) <= LABEL_CHARACTERS else line[: LABEL_CHARACTERS - 1] + "…"


def edge_look(edge: ChartEdge, colours: dict[str, str]) -> EdgeLook:
    """Colour by kind (each claim relation its own), width by the number of claims, dashes by
    their best credibility, opacity by the best first-hand reliability."""
    key = {"event": "event-link", "article": "article-link"}.get(edge.kind, edge.kind)
    if edge.kind == "relation":
        key = edge.label if edge.label in colours else "repeats"
    width = 1.0 + 1.2 * math.log2(1 + edge.weight)
    return EdgeLook(colours[key], round(width, 2), _dash(edge), OPACITY.get(edge.reliability, 0.55))


def _dash(edge: ChartEdge) -> str:
    if not edge.claims or edge.credibility == 0:
        return "unsupported"
    if edge.credibility <= 2:
        return "solid"
    return "dashed" if edge.credibility == 3 else "dotted"


def describe_edge(edge: ChartEdge) -> str:
    """One line on what an edge rests on: "reported by · 3 claims, best graded 2, source B"."""
    count = f"{edge.weight} claim{'s' if edge.weight != 1 else ''}" if edge.claims else "no claim"
    parts = [edge.label, count]
    if edge.credibility:
        parts.append(f"best graded {edge.credibility}")
    if edge.reliability:
        parts.append(f"first-hand source {edge.reliability}")
    return " · ".join(parts)
