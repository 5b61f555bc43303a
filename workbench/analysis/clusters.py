"""Claims that assert the same thing, grouped: a graph of "these two say the same" links.

Two claims are linked by a `repeats` relation the analyst made (or accepted), or because they
are the same quote in a syndicated copy and its original story (near-duplicate articles). A
cluster is a connected group of linked claims; a claim linked to nothing is a cluster of one.
Links are added and dropped one at a time, so an edit changes the graph without rebuilding it;
a cluster is read by walking only its own claims. The graph is plain dictionaries, not a
networkx graph: networkx costs a report's export about 12 MB of the process to load.
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
    """The links between claims that assert the same thing, each with why it is there.

    Kept as each linked claim's links (the claims it is linked to, each with its reasons, one
    set shared by both ends), claims in the order they were first linked; a claim stays in the
    graph once linked (unlinked from everything, it is a cluster of one among the linked), as
    networkx's graph kept it."""

    def __init__(self) -> None:
        self._links: dict[int, dict[int, set[str]]] = {}

    def link(self, claim_id: int, other_id: int, reason: str) -> None:
        if claim_id == other_id:
            return
        links = self._links.setdefault(claim_id, {})
        others = self._links.setdefault(other_id, {})
        reasons = links.get(other_id)
        if reasons is None:
            reasons = links[other_id] = others[claim_id] = set()
        reasons.add(reason)

    def unlink(self, claim_id: int, other_id: int, reason: str) -> None:
        reasons = self._links.get(claim_id, {}).get(other_id)
        if reasons is None:
            return
        reasons.discard(reason)
        if not reasons:
            del self._links[claim_id][other_id], self._links[other_id][claim_id]
            for claim in (claim_id, other_id):
                if not self._links[claim]:
                    del self._links[claim]

    def forget_claim(self, claim_id: int) -> None:
        for other in self._links.pop(claim_id, {}):
            del self._links[other][claim_id]

    def __contains__(self, claim_id: object) -> bool:
        """Whether the claim is linked to another (a claim on its own is not in the graph)."""
        return claim_id in self._links

    def linked(self, claim_id: int, reason: str) -> list[int]:
        """The claims linked to this one for a reason (e.g. its syndicated twins)."""
        links = self._links.get(claim_id, {})
        return sorted(other for other, reasons in links.items() if reason in reasons)

    def cluster_of(self, claim_id: int) -> frozenset[int]:
        """Every claim asserting the same thing as this one (itself included)."""
        if claim_id not in self._links:
            return frozenset({claim_id})
        return frozenset(self._reached(claim_id))

    def clusters(self, claim_ids: Iterable[int]) -> Iterator[frozenset[int]]:
        """Every cluster of the given claims, linked groups first (in the order their first
        claim was linked), then claims on their own."""
        seen: set[int] = set()
        for claim_id in self._links:
            if claim_id not in seen:
                cluster = self._reached(claim_id)
                seen.update(cluster)
                yield frozenset(cluster)
        for claim_id in claim_ids:
            if claim_id not in self._links:
                yield frozenset({claim_id})

    def _reached(self, claim_id: int) -> set[int]:
        """The claims reached from this one through links, breadth first."""
        reached, level = {claim_id}, [claim_id]
        while level:
            later = []
            for claim in level:
                for other in self._links[claim]:
                    if other not in reached:
                        reached.add(other)
                        later.append(other)
            level = later
        return reached


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
