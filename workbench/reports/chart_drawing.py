"""The link chart as an SVG picture, from the chart and its layout: edges styled by their
evidence (chart_style.py), nodes shaped by kind, labels that never cover one another
(chart_labels.py). Every node and edge carries a tooltip (<title>) with its whole label or
the claims it rests on. The SVG keeps to SVG Tiny 1.2, which Qt's renderer draws to PNG.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from xml.sax.saxutils import escape, quoteattr

from workbench.reports.chart_labels import LabelBox, label_box, label_width, labels_that_fit
from workbench.reports.chart_model import ChartEdge, ChartNode, LinkChart
from workbench.reports.chart_style import (
    DASHES,
    FONT_SIZE,
    NODE_RADIUS,
    describe_edge,
    edge_look,
    palette,
    short_label,
)
from workbench.reports.safe_text import xml_safe

Places = Mapping[str, tuple[float, float]]
MARGIN = 40.0
FONT = "DejaVu Sans, Arial, sans-serif"


def shown_labels(
    chart: LinkChart,
    places: Places,
    scale: float = 1.0,
    widths: Mapping[str, float] | None = None,
) -> set[str]:
    """The nodes whose labels fit at this zoom (`scale` pixels per unit) without covering
    another, the most linked first (claims last: their words are long, their edges say more).
    `widths` are the labels' widths in pixels, when a font engine measured them."""
    degree = Counter(key for edge in chart.edges for key in (edge.source, edge.target))
    estimate = label_width(FONT_SIZE)
    boxes = [
        label_box(
            node.key,
            places[node.key],
            NODE_RADIUS[node.kind] + 2 / scale,
            (widths[node.key] if widths else estimate(short_label(node.label))) / scale,
            FONT_SIZE * 1.3 / scale,
        )
        for node in chart.nodes
        if node.key in places and (widths is None or node.key in widths)
    ]
    priority: dict[str, float] = {
        n.key: degree[n.key] - (1000 if n.kind == "claim" else 0) for n in chart.nodes
    }
    # The nodes themselves come first: a label may not be drawn under another node either.
    shapes = [
        LabelBox(f"{OBSTACLE}{n.key}", x - r, y - r, x + r, y + r)
        for n in chart.nodes
        if n.key in places and (widths is None or n.key in widths)
        for (x, y), r in ((places[n.key], NODE_RADIUS[n.kind] * 1.2),)
    ]
    priority.update((box.key, float("inf")) for box in shapes)
    fits = labels_that_fit([*shapes, *boxes], priority, own=_own_node)
    return {key for key in fits if not key.startswith(OBSTACLE)}


OBSTACLE = "node-shape:"


def _own_node(label: str, obstacle: str) -> bool:
    """A node's label may touch its own node."""
    return obstacle == f"{OBSTACLE}{label}"


def chart_svg(chart: LinkChart, places: Places, scheme: str = "light") -> str:
    """The whole picture as SVG text."""
    colours = palette(scheme)
    left, top, right, bottom = _bounds(places)
    width, height = right - left + 2 * MARGIN, bottom - top + 2 * MARGIN
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
        f'width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="{left - MARGIN:.1f} {top - MARGIN:.1f} {width:.1f} {height:.1f}">',
        f'<rect x="{left - MARGIN:.1f}" y="{top - MARGIN:.1f}" width="{width:.1f}" '
        f'height="{height:.1f}" fill="{colours["background"]}"/>',
        '<g id="edges" fill="none">',
    ]
    offsets = parallel_offsets(chart.edges)
    for edge in chart.edges:
        if edge.source in places and edge.target in places:
            parts.append(_edge(edge, places, colours, offsets[edge.key]))
    parts.append('</g><g id="nodes">')
    parts.extend(_node(node, places[node.key], colours) for node in chart.nodes)
    parts.append(f'</g><g id="labels" font-family="{FONT}" font-size="{FONT_SIZE:.0f}">')
    labelled = shown_labels(chart, places)
    parts.extend(
        _label(node, places[node.key], colours) for node in chart.nodes if node.key in labelled
    )
    parts.append("</g></svg>")
    return "\n".join(parts)


def _bounds(places: Places) -> tuple[float, float, float, float]:
    if not places:
        return 0.0, 0.0, 200.0, 100.0
    xs = [x for x, _y in places.values()]
    ys = [y for _x, y in places.values()]
    half_label = label_width(FONT_SIZE)("m" * 30) / 2
    return min(xs) - half_label, min(ys) - 20, max(xs) + half_label, max(ys) + 30


def parallel_offsets(edges: tuple[ChartEdge, ...]) -> dict[str, float]:
    """Edges between the same two nodes are drawn side by side, this far from the centre line."""
    seen: Counter[frozenset[str]] = Counter()
    offsets: dict[str, float] = {}
    for edge in edges:
        pair = frozenset((edge.source, edge.target))
        number = seen[pair]
        seen[pair] += 1
        offsets[edge.key] = (number + 1) // 2 * 4.0 * (1 if number % 2 else -1)
    return offsets


def edge_ends(
    start: tuple[float, float], end: tuple[float, float], offset: float
) -> tuple[float, float, float, float]:
    """The line of an edge, moved `offset` to its side (for edges that share their nodes)."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    dx, dy = -(y2 - y1) / length * offset, (x2 - x1) / length * offset
    return x1 + dx, y1 + dy, x2 + dx, y2 + dy


def _edge(edge: ChartEdge, places: Places, colours: dict[str, str], offset: float) -> str:
    look = edge_look(edge, colours)
    x1, y1, x2, y2 = edge_ends(places[edge.source], places[edge.target], offset)
    dashes = " ".join(f"{d * look.width:.1f}" for d in DASHES[look.dash])
    dash = f' stroke-dasharray="{dashes}"' if dashes else ""
    title = escape(xml_safe(f"{describe_edge(edge)} (claims {_ids(edge.claims)})"))
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{look.colour}" '
        f'stroke-width="{look.width}" stroke-opacity="{look.opacity}"{dash}>'
        f"<title>{title}</title></line>"
    )


def _ids(claims: tuple[int, ...]) -> str:
    return ", ".join(f"#{claim}" for claim in claims) or "none"


def node_outline(kind: str, x: float, y: float) -> tuple[str, str]:
    """The SVG element and attributes of a node's shape: actors round, sources square, events
    diamonds, claims small dots, articles wide rectangles."""
    r = NODE_RADIUS[kind]
    if kind == "source":
        return "rect", f'x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}"'
    if kind == "article":
        return (
            "rect",
            f'x="{x - r * 1.4:.1f}" y="{y - r:.1f}" width="{r * 2.8:.1f}" height="{2 * r:.1f}"',
        )
    if kind == "event":
        d = r * 1.2
        corners = ((x, y - d), (x + d, y), (x, y + d), (x - d, y))
        points = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in corners)
        return "polygon", f'points="{points}"'
    return "circle", f'cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"'


def _node(node: ChartNode, place: tuple[float, float], colours: dict[str, str]) -> str:
    shape, geometry = node_outline(node.kind, *place)
    title = escape(
        xml_safe(f"{node.kind}: {node.label}" + (f" ({node.detail})" if node.detail else ""))
    )
    return (
        f'<{shape} {geometry} fill="{colours[node.kind]}" stroke="{colours["background"]}" '
        f'stroke-width="1.5"><title>{title}</title></{shape}>'
    )


def _label(node: ChartNode, place: tuple[float, float], colours: dict[str, str]) -> str:
    x, y = place
    baseline = y + NODE_RADIUS[node.kind] + 2 + FONT_SIZE
    text = escape(xml_safe(short_label(node.label)))
    common = f'x="{x:.1f}" y="{baseline:.1f}" text-anchor="middle"'
    halo_colour = quoteattr(colours["halo"])
    halo = f'<text {common} fill="none" stroke={halo_colour} stroke-width="3">{text}</text>'
    return f'{halo}<text {common} fill="{colours["text"]}">{text}</text>'
