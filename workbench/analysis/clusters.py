"""Claims that assert the same thing, grouped: a graph of "these two say the same" links.

Two claims are linked by a `repeats` relation the analyst made (or accepted), or because they
are the same quote in a syndicated copy and its original story (near-duplicate articles). A
cluster is a connected group of linked claims (networkx's connected components); a claim
linked to nothing is a cluster of one. Links are added and dropped one at a time, so an edit
changes the graph without rebuilding it; a cluster is read by walking only its own claims.
networkx is imported when a graph is made, so an export that shows no corroboration (JSON-LD)
never loads it (about 12 MB of the process).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from rapidfuzz import fuzz, process

REPEATS = "repeats"
SYNDICATED = "syndicated"
SAME_QUOTE = 90.0  # rapidfuzz ratio (0–100) at which two quotes in copied stories match
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


class ClaimGraph:
    """The links between claims that assert the same thing, each with why it is there."""

    def __init__(self) -> None:
        import networkx as nx

        self._graph = nx.Graph()

    def link(self, claim_id: int, other_id: int, reason: str) -> None:
        if claim_id == other_id:
            return
        if self._graph.has_edge(claim_id, other_id):
            self._graph.edges[claim_id, other_id]["reasons"].add(reason)
        else:
            self._graph.add_edge(claim_id, other_id, reasons={reason})

    def unlink(self, claim_id: int, other_id: int, reason: str) -> None:
        if not self._graph.has_edge(claim_id, other_id):
            return
        reasons = self._graph.edges[claim_id, other_id]["reasons"]
        reasons.discard(reason)
        if not reasons:
            self._graph.remove_edge(claim_id, other_id)
            for claim in (claim_id, other_id):
                if self._graph.degree(claim) == 0:
                    self._graph.remove_node(claim)

    def forget_claim(self, claim_id: int) -> None:
        if claim_id in self._graph:
            self._graph.remove_node(claim_id)

    def __contains__(self, claim_id: object) -> bool:
        """Whether the claim is linked to another (a claim on its own is not in the graph)."""
        return claim_id in self._graph

    def linked(self, claim_id: int, reason: str) -> list[int]:
        """The claims linked to this one for a reason (e.g. its syndicated twins)."""
        if claim_id not in self._graph:
            return []
        return sorted(
            other for other, data in self._graph.adj[claim_id].items() if reason in data["reasons"]
        )

    def cluster_of(self, claim_id: int) -> frozenset[int]:
        """Every claim asserting the same thing as this one (itself included)."""
        if claim_id not in self._graph:
            return frozenset({claim_id})
        import networkx as nx

        return frozenset(nx.node_connected_component(self._graph, claim_id))

    def clusters(self, claim_ids: Iterable[int]) -> Iterator[frozenset[int]]:
        """Every cluster of the given claims, linked groups first, then claims on their own."""
        import networkx as nx

        for component in nx.connected_components(self._graph):
            yield frozenset(component)
        for claim_id in claim_ids:
            if claim_id not in self._graph:
                yield frozenset({claim_id})


def quote_key(text: str) -> str:
    """A quote as compared across copies: NFC, case folded, straight quotes, single spaces."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).casefold()
    return _SPACE.sub(" ", text).strip()


def same_quotes(copy: dict[int, str], original: dict[int, str]) -> list[tuple[int, int]]:
    """Claims of a syndicated copy and of its original whose quotes match (claim ids, the
    copy's first): the same words, or at least `SAME_QUOTE`% alike (rapidfuzz ratio)."""
    if not copy or not original:
        return []
    keys = {claim_id: quote_key(text) for claim_id, text in original.items()}
    pairs = []
    for claim_id, text in copy.items():
        best = process.extractOne(quote_key(text), keys, scorer=fuzz.ratio, score_cutoff=SAME_QUOTE)
        if best is not None:
            pairs.append((claim_id, best[2]))
    return pairs
