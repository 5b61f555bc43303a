"""The link chart as plain values: nodes (actors, sources, events, claims, articles) and the
edges between them, each edge carrying the claims it rests on and how strong they are.

Every edge rests on claims: a claim's link to an actor or event, a hop of its attribution
chain, a relation between two claims, an event's participant (resting on the event's claims
in the chart). An edge with no claim behind it is drawn as such; one whose claims are all
doubtful or worse is "weak" and can be hidden.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

# An edge is strong when at least one claim behind it is graded this credible or better
# (Admiralty 1 confirmed, 2 probably true, 3 possibly true); 4–6 are doubtful, improbable
# and cannot be judged.
STRONG_CREDIBILITY = 3

NODE_KINDS = ("actor", "source", "event", "claim", "article")
# What links two nodes: a claim's actor role, a hop of an attribution chain, a claim's event,
# an event's participant, a relation between claims, the article a claim is in.
EDGE_KINDS = ("role", "attribution", "event", "participant", "relation", "article")


def node_key(kind: str, record_id: int) -> str:
    """The chart's name for a record: "actor:12"."""
    return f"{kind}:{record_id}"


@dataclass(frozen=True)
class ChartNode:
    """One record on the chart."""

    key: str
    kind: str
    record_id: int
    label: str
    detail: str = ""  # the actor's or source's kind, the event's date, the claim's status
    reliability: str = ""  # sources and actors: Admiralty A–F
    credibility: int = 0  # claims: Admiralty 1–6 (0 for everything else)


@dataclass(frozen=True)
class ChartEdge:
    """A link between two nodes and the evidence it rests on."""

    source: str
    target: str
    kind: str
    label: str
    claims: tuple[int, ...] = ()
    credibility: int = 0  # the best (lowest) grade among its claims; 0 when it has none
    reliability: str = ""  # the best first-hand reliability among its claims

    @property
    def key(self) -> str:
        return f"{self.source}>{self.target}:{self.kind}:{self.label}"

    @property
    def strong(self) -> bool:
        """True when at least one claim behind it is possibly true or better."""
        return 0 < self.credibility <= STRONG_CREDIBILITY

    @property
    def weight(self) -> int:
        return len(self.claims)


@dataclass(frozen=True)
class LinkChart:
    """Nodes and edges; `left_out` counts the claims of the start left off over the limit."""

    nodes: tuple[ChartNode, ...] = ()
    edges: tuple[ChartEdge, ...] = ()
    left_out: int = 0
    _by_key: dict[str, ChartNode] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self._by_key.update((node.key, node) for node in self.nodes)

    def node(self, key: str) -> ChartNode:
        return self._by_key[key]

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def without_weak_edges(self) -> LinkChart:
        """The chart without the edges that rest only on doubtful (or worse) claims."""
        return LinkChart(self.nodes, tuple(e for e in self.edges if e.strong), self.left_out)

    def edges_between(self, first: str, second: str) -> list[ChartEdge]:
        return [e for e in self.edges if {e.source, e.target} == {first, second}]

    def claims_behind(self, edges: Iterable[ChartEdge]) -> tuple[int, ...]:
        """The claims the edges rest on, each once, in the order first met."""
        return tuple(dict.fromkeys(claim for edge in edges for claim in edge.claims))
