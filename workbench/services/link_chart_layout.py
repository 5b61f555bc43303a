"""Where each node of a link chart goes: a force-directed (spring) layout by igraph, or
layers (networkx) for attribution chains (claim, who said it, who passed it on, who published it).

Layouts are incremental: nodes that already have a place keep it (they are held fixed) and
only new nodes are placed, starting beside a neighbour that has a place; so a chart that
changes (an edit, an undo, a node expanded) does not jump about. A layout is repeatable: each
node starts at a place drawn from its own key, and igraph's force layout (which draws random
numbers as it goes) is given a generator seeded by the part it lays out, so the same project
gives the same picture run after run. Positions are scene pixels.
"""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import igraph
import networkx as nx

from workbench.reports.chart_model import LinkChart

Position = tuple[float, float]
UNIT = 150.0  # pixels per unit of the spring layout (about one unit square per node)
ITERATIONS = 200  # igraph's default is 500; 200 settle a 2,000-node chart as well
# With most nodes held, the new ones settle in fewer, gentler steps (units moved per step).
SETTLING, SETTLING_STEP = 100, 1.0
GAP = 1.5  # units between the connected parts of a fresh layout
LAYER_GAP = 280.0  # pixels between the layers of the chain layout
ROW_GAP = 46.0  # pixels between nodes of one layer
LAYOUTS = ("spring", "chains")
_GENERATOR = threading.Lock()  # igraph has one random generator for the whole process


def simple_graph(chart: LinkChart) -> nx.Graph:
    """The chart as an undirected graph with one edge per linked pair (for the layered layout)."""
    graph = nx.Graph()
    graph.add_nodes_from(node.key for node in chart.nodes)
    graph.add_edges_from((edge.source, edge.target) for edge in chart.edges)
    return graph


def spring_layout(
    chart: LinkChart,
    kept: Mapping[str, Position] | None = None,
    *,
    seed: int = 7,
) -> dict[str, Position]:
    """Force-directed places (igraph's Fruchterman–Reingold) for the chart's nodes; those in
    `kept` stay exactly where they are, the others start beside a placed neighbour."""
    keys = [node.key for node in chart.nodes]
    if not keys:
        return {}
    kept = {key: place for key, place in (kept or {}).items() if key in chart}
    if len(kept) == len(keys):
        return dict(kept)
    index = {key: number for number, key in enumerate(keys)}
    pairs = {tuple(sorted((index[e.source], index[e.target]))) for e in chart.edges}
    graph = igraph.Graph(n=len(keys), edges=sorted(pairs))
    if not kept:
        return dict(zip(keys, _fresh(graph, keys), strict=True))
    start = _starting_places(keys, graph, kept, random.Random(seed))
    with _seeded(f"{seed}:{keys[0]}"):
        placed = graph.layout_fruchterman_reingold(
            seed=start, niter=SETTLING, start_temp=SETTLING_STEP, **_held(keys, kept)
        )
    return {key: (x * UNIT, y * UNIT) for key, (x, y) in zip(keys, placed.coords, strict=True)}


def _fresh(graph: igraph.Graph, keys: list[str]) -> list[Position]:
    """Each connected part laid out by itself, then the parts set side by side in rows, the
    largest first (laid out together, small parts drift far off and squeeze the large one)."""
    places: list[Position] = [(0.0, 0.0)] * graph.vcount()
    parts = sorted(graph.connected_components(), key=lambda part: (-len(part), part[0]))
    boxes = [_part(graph, members, [keys[m] for m in members]) for members in parts]
    row_width = math.sqrt(sum(w * h for _coords, w, h in boxes)) * 1.3
    x = y = row_height = 0.0
    for members, (coords, width, height) in zip(parts, boxes, strict=True):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        for member, (px, py) in zip(members, coords, strict=True):
            places[member] = ((x + px) * UNIT, (y + py) * UNIT)
        x, row_height = x + width + GAP, max(row_height, height)
    return places


def _part(
    graph: igraph.Graph, members: list[int], keys: list[str]
) -> tuple[list[Position], float, float]:
    """A connected part's layout, spread to about one unit square a node, from (0, 0); and
    its width and height (in units)."""
    if len(members) == 1:
        return [(0.0, 0.0)], 0.0, 0.0
    part = graph.induced_subgraph(members)
    with _seeded(keys[0]):
        laid = part.layout_fruchterman_reingold(seed=_keyed_start(keys), niter=ITERATIONS)
    coords = laid.coords
    xs, ys = [x for x, _y in coords], [y for _x, y in coords]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    area = width * height
    scale = math.sqrt(len(members) / area) if area > 0 else 1.0 / max(width, height, 1e-9)
    placed = [((x - min(xs)) * scale, (y - min(ys)) * scale) for x, y in coords]
    return placed, width * scale, height * scale


@contextmanager
def _seeded(seed: str) -> Iterator[None]:
    """igraph's random numbers drawn from a generator seeded by `seed` for the while, then
    from Python's `random` again (igraph's own default)."""
    with _GENERATOR:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            igraph.set_random_number_generator(random)


def _keyed_start(keys: list[str]) -> list[list[float]]:
    """A starting place for each node in a square of about one unit a node, drawn from a
    generator seeded by the node's key (a string seed is hashed by SHA-512: the same in every
    run, whatever PYTHONHASHSEED)."""
    side = math.sqrt(len(keys))
    places = []
    for key in keys:
        chance = random.Random(key)
        places.append([chance.uniform(0, side), chance.uniform(0, side)])
    return places


def _starting_places(
    keys: list[str], graph: igraph.Graph, kept: Mapping[str, Position], chance: random.Random
) -> list[list[float]]:
    """Layout units: kept nodes where they are, new ones beside a placed neighbour (else
    anywhere in a square that gives each node about one unit of room)."""
    side = math.sqrt(len(keys)) + 1.0
    start: list[list[float] | None] = [
        [kept[key][0] / UNIT, kept[key][1] / UNIT] if key in kept else None for key in keys
    ]
    for number, place in enumerate(start):
        if place is not None:
            continue
        near = next((start[n] for n in graph.neighbors(number) if start[n] is not None), None)
        if near is not None:
            start[number] = [near[0] + chance.uniform(-1, 1), near[1] + chance.uniform(-1, 1)]
        else:
            start[number] = [chance.uniform(0, side), chance.uniform(0, side)]
    return [place for place in start if place is not None]


def _held(keys: list[str], kept: Mapping[str, Position]) -> dict[str, list[float]]:
    """Bounds that hold each kept node at its place and leave the others free."""
    if not kept:
        return {}
    free = 1e9  # no bound worth the name
    bounds: dict[str, list[float]] = {"minx": [], "maxx": [], "miny": [], "maxy": []}
    for key in keys:
        x, y = (kept[key][0] / UNIT, kept[key][1] / UNIT) if key in kept else (None, None)
        bounds["minx"].append(-free if x is None else x)
        bounds["maxx"].append(free if x is None else x)
        bounds["miny"].append(-free if y is None else y)
        bounds["maxy"].append(free if y is None else y)
    return bounds


def chain_layers(chart: LinkChart) -> dict[str, int]:
    """Each node's layer: claims 0, a chain's origin 1, each hop after it one more; events
    and the other actors in the layer after the deepest hop."""
    hops = nx.DiGraph()
    hops.add_edges_from(
        (e.source, e.target)
        for e in chart.edges
        if e.kind == "attribution" and not e.target.startswith("claim:")
    )
    origins = {e.source for e in chart.edges if e.kind == "attribution" and e.target in chart}
    hops.add_nodes_from(origins)
    depth = _depths(hops)
    layers = {key: 1 + depth[key] for key in depth}
    last = max(layers.values(), default=0) + 1
    for node in chart.nodes:
        if node.kind == "claim":
            layers[node.key] = 0
        layers.setdefault(node.key, last)
    return layers


def _depths(hops: nx.DiGraph) -> dict[str, int]:
    """The longest way from a chain's origin to each hop (a cycle counts as one place)."""
    condensed = nx.condensation(hops)
    members = condensed.graph["mapping"]
    depth_of: dict[int, int] = {}
    for component in nx.topological_sort(condensed):
        before = [depth_of[p] + 1 for p in condensed.predecessors(component)]
        depth_of[component] = max(before, default=0)
    return {key: depth_of[members[key]] for key in hops}


def chain_layout(chart: LinkChart) -> dict[str, Position]:
    """The chains read left to right: claims, who said them, who passed them on, who
    published them; each layer a column, its nodes in the order networkx gives."""
    graph = simple_graph(chart)
    if graph.number_of_nodes() == 0:
        return {}
    layers = chain_layers(chart)
    by_layer: dict[int, list[str]] = {}
    for key in graph:
        by_layer.setdefault(layers[key], []).append(key)
    placed = nx.multipartite_layout(graph, subset_key=by_layer, align="vertical", scale=1.0)
    tallest = max(len(nodes) for nodes in by_layer.values())
    ys = [float(y) for _x, y in placed.values()]
    spread = (max(ys) - min(ys)) or 1.0
    height = ROW_GAP * max(tallest - 1, 1)
    return {
        key: (layers[key] * LAYER_GAP, float(y) / spread * height)
        for key, (_x, y) in placed.items()
    }


def lay_out(
    chart: LinkChart, layout: str = "spring", kept: Mapping[str, Position] | None = None
) -> dict[str, Position]:
    """The chart laid out by name ("spring" keeps the places given; "chains" is layered)."""
    if layout == "chains":
        return chain_layout(chart)
    if layout == "spring":
        return spring_layout(chart, kept)
    raise ValueError(f"a layout is one of {', '.join(LAYOUTS)}, not {layout!r}")
