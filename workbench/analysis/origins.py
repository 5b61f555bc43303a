"""Where a claim comes from: its chain traced to the root, and the line that carried it.

The root is the chain's first hop, the speaker. The *line* is the way the root's word travelled
until a wire agency passed it on: every outlet after that agency copies the same agency story,
so "unnamed sources → Reuters → Deftechtimes" and "unnamed sources → Reuters → Al-Monitor" are
one line, "unnamed sources → Reuters". With no agency in the chain the line is the root and the
first hop that reported it.

The *origin* is what makes two claims independent or not. A named root (the Kremlin) is one
origin however many lines carried it. Unnamed sources cannot be told apart by name, so an
unnamed root is known by who heard it: "unnamed sources via Reuters" and "unnamed sources via
AP" are two origins. A claim with no chain is its outlet's own reporting; a syndicated copy's
own reporting is the original story's.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.analysis.evidence import ClaimEvidence, NamedKey, Names

OriginKey = tuple[NamedKey, ...]


@dataclass(frozen=True)
class Trace:
    """One claim's chain traced: its root, the line that carried it and its origin."""

    claim_id: int
    article_id: int
    path: tuple[NamedKey, ...]  # the whole chain, root first
    line: tuple[NamedKey, ...]  # root … the agency (or the first reporter)
    origin: OriginKey
    unnamed: bool  # the root is anonymous or "unnamed sources"

    @property
    def root(self) -> NamedKey:
        return self.path[0]


def trace(claim: ClaimEvidence, names: Names) -> Trace:
    """Trace a claim's chain to its root (a claim with no chain: its outlet's own reporting)."""
    path = tuple(hop.named for hop in claim.hops)
    if not path:
        own = ("outlet", names.story_of(claim.article_id))
        return Trace(claim.id, claim.article_id, (own,), (own,), (own,), False)
    line = _line(path, names)
    unnamed = _unnamed_root(claim, names)
    return Trace(
        claim.id, claim.article_id, path, line, _origin(claim, line, unnamed, names), unnamed
    )


def origin_of(claim: ClaimEvidence, names: Names) -> OriginKey:
    """Only the claim's origin (what `trace` finds, without the rest of the trace)."""
    if not claim.hops:
        return (("outlet", names.story_of(claim.article_id)),)
    unnamed = _unnamed_root(claim, names)
    if not unnamed:
        return (claim.hops[0].named,)
    return _origin(claim, _line(tuple(hop.named for hop in claim.hops), names), True, names)


def _unnamed_root(claim: ClaimEvidence, names: Names) -> bool:
    root = claim.hops[0]
    return root.anonymous or names.of(root.named).is_unnamed


def _origin(
    claim: ClaimEvidence, line: tuple[NamedKey, ...], unnamed: bool, names: Names
) -> OriginKey:
    if not unnamed:
        return line[:1]
    if len(line) > 1:
        return line[:1] + line[-1:]
    return (line[0], ("outlet", names.story_of(claim.article_id)))


def _line(path: tuple[NamedKey, ...], names: Names) -> tuple[NamedKey, ...]:
    for position, named in enumerate(path[1:], start=1):
        if names.of(named).is_agency:
            return path[: position + 1]
    return path[:2]


def origin_wording(origin: OriginKey, names: Names) -> str:
    """ "unnamed sources via Reuters" or "the Kremlin" """
    root = names.of(origin[0]).name
    if len(origin) == 1:
        return root
    return f"{root} via {names.of(origin[-1]).name}"


def line_wording(line: tuple[NamedKey, ...], names: Names) -> str:
    """ "unnamed sources → Reuters" """
    return " → ".join(names.of(named).name for named in line)
