"""The report's corroboration clusters worked out from the store set-based, judged a batch at a
time: no read model of every claim is kept.

A plan is read first with a few queries of ids: the links that cluster claims (`repeats`
relations, and the same quotes of a syndicated copy and its original story), the
contradictions, and which of the report's claims say something (linked, marked corroborated,
or contradicted). It holds claim ids only. The clusters are then judged `BATCH` at a time,
afresh on every pass a renderer makes, reading only their own claims, chains and articles, so
a report's memory is one batch of clusters whatever the size of the project.

The clusters, their order and every word of their entries are those of the project's read
model (`services.corroboration`), the graph being the same `analysis.clusters.ClaimGraph`.
"""

from __future__ import annotations

import heapq
from array import array
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, or_, select
from sqlalchemy.orm import Session

from workbench.analysis.clusters import REPEATS, SYNDICATED, ClaimGraph, same_quotes
from workbench.analysis.corroboration import ClusterJudgement, judge_cluster
from workbench.analysis.evidence import ArticleFacts, ClaimEvidence, NamedKey, Names
from workbench.domain import Article, AttributionHop, Claim, ClaimRelation
from workbench.domain.grades import ClaimStatus, RelationKind
from workbench.reports.corroboration_model import ClusterEntry
from workbench.services.corroboration_read import read_articles, read_claims, read_named
from workbench.services.project import Project

BATCH = 1000  # clusters judged at a time
CHUNK = 500  # ids per IN (…) list
Cluster = tuple[int, ...]  # its claims' ids, in id order (the first is the cluster's id)
EntryMaker = Callable[[ClusterJudgement, dict[int, ClaimEvidence], dict[int, str]], ClusterEntry]


class TellingClusters:
    """The report's telling clusters in order, as two arrays of integers (every cluster's
    claim ids one after another, and where each cluster starts), not a tuple per cluster: a
    report of 100,000 articles has some 150,000 of them, most a claim alone."""

    def __init__(self, clusters: Iterable[Cluster]) -> None:
        self._claims, self._starts = array("q"), array("q", [0])
        for cluster in clusters:
            self._claims.extend(cluster)
            self._starts.append(len(self._claims))

    def __len__(self) -> int:
        return len(self._starts) - 1

    def between(self, start: int, end: int) -> list[Cluster]:
        """The clusters from `start` up to (not including) `end`, as tuples of claim ids."""
        starts, claims = self._starts, self._claims
        last = min(end, len(self))
        return [tuple(claims[starts[at] : starts[at + 1]]) for at in range(start, last)]


@dataclass(frozen=True)
class ClusterPlan:
    """The report's telling clusters by id, the contradictions, and who its chains name."""

    clusters: TellingClusters
    contradicts: dict[int, set[int]]
    cited: set[NamedKey]


def plan_clusters(
    project: Project, article_ids: Collection[int], claim_ids: Collection[int] | None
) -> ClusterPlan:
    """Which clusters the report lists (each once, by id), in a few set-based queries."""
    chosen_articles = set(article_ids)
    wanted = set(claim_ids) if claim_ids is not None else None
    with project.reading() as session:
        core = session.connection()
        graph, linked, contradicts = _links(core)
        candidates = {
            claim_id
            for claim_id, article_id in _articles_of(core, linked)
            if article_id in chosen_articles
        }
        candidates |= _marked(core, chosen_articles)
        if wanted is not None:
            candidates &= wanted
        cited = _cited(core, chosen_articles, wanted)
    return ClusterPlan(_telling(graph, contradicts, candidates), contradicts, cited)


def cluster_entries(
    project: Project, plan: ClusterPlan, entry: EntryMaker
) -> Iterator[ClusterEntry]:
    """The plan's clusters judged and made entries, `BATCH` at a time, in cluster order."""
    with project.reading() as session:
        names = Names(named=read_named(session, None, None))
        for at in range(0, len(plan.clusters), BATCH):
            batch = plan.clusters.between(at, at + BATCH)
            wanted = {c for cluster in batch for c in cluster}
            against = {cluster[0]: _contradicting(plan.contradicts, cluster) for cluster in batch}
            wanted.update(other for found in against.values() for other in found)
            claims = {claim.id: claim for claim in read_claims(session, wanted)}
            names.articles = _facts(session, {claim.article_id for claim in claims.values()})
            titles = {article_id: facts.title for article_id, facts in names.articles.items()}
            for cluster in batch:
                members = [claims[c] for c in cluster if c in claims]
                judgement = judge_cluster(members, names, against[cluster[0]])
                yield entry(judgement, claims, titles)


def _contradicting(contradicts: dict[int, set[int]], cluster: Cluster) -> set[int]:
    return {other for c in cluster for other in contradicts.get(c, ())}


def _links(core: Connection) -> tuple[ClaimGraph, set[int], dict[int, set[int]]]:
    """The graph of claims asserting the same thing, the claims linked in it or contradicted,
    and who contradicts whom (ids only)."""
    graph = ClaimGraph()
    linked: set[int] = set()
    contradicts: dict[int, set[int]] = defaultdict(set)
    kinds = (RelationKind.REPEATS.value, RelationKind.CONTRADICTS.value)
    relations = select(
        ClaimRelation.from_claim_id, ClaimRelation.to_claim_id, ClaimRelation.kind
    ).where(ClaimRelation.kind.in_(kinds))
    for from_id, to_id, kind in core.execute(relations):
        if from_id != to_id:
            linked.update((from_id, to_id))
        if kind == RelationKind.REPEATS.value:
            graph.link(from_id, to_id, REPEATS)
        else:
            contradicts[from_id].add(to_id)
            contradicts[to_id].add(from_id)
    copies = select(Article.id, Article.near_duplicate_of_id).where(
        Article.near_duplicate_of_id.is_not(None)
    )
    pairs = [(copy, original) for copy, original in core.execute(copies) if original is not None]
    quotes = _quotes(core, {a for pair in pairs for a in pair})
    for copy, original in pairs:
        for claim_id, twin in same_quotes(quotes.get(copy, {}), quotes.get(original, {})):
            if claim_id != twin:
                linked.update((claim_id, twin))
            graph.link(claim_id, twin, SYNDICATED)
    return graph, linked, dict(contradicts)


def _quotes(core: Connection, article_ids: set[int]) -> dict[int, dict[int, str]]:
    """Each article's claims' quotes, in the order the read model keeps them (a set of ids
    made in id order), so a tie between equally close quotes falls the same way."""
    rows: dict[int, list[tuple[int, str]]] = defaultdict(list)
    query = select(Claim.id, Claim.article_id, Claim.exact).order_by(Claim.id)
    for chunk in _chunks(article_ids):
        for claim_id, article_id, exact in core.execute(query.where(Claim.article_id.in_(chunk))):
            rows[article_id].append((claim_id, exact or ""))
    found: dict[int, dict[int, str]] = {}
    for article_id, claims in rows.items():
        quote = dict(claims)
        kept: set[int] = set()
        kept.update(claim_id for claim_id, _quote in claims)  # added in id order
        found[article_id] = {claim_id: quote[claim_id] for claim_id in kept}
    return found


def _articles_of(core: Connection, claim_ids: set[int]) -> Iterator[tuple[int, int]]:
    query = select(Claim.id, Claim.article_id)
    for chunk in _chunks(claim_ids):
        yield from core.execute(query.where(Claim.id.in_(chunk)))


def _marked(core: Connection, article_ids: set[int]) -> set[int]:
    """The claims of these articles marked corroborated (or graded 1, confirmed): one query
    for the project's marked claims, kept by article here (asked a chunk of articles at a
    time, SQLite answered the OR from the status and credibility indexes, reading every
    marked claim of the project for every chunk: quadratic)."""
    marked = or_(Claim.status == ClaimStatus.CORROBORATED.value, Claim.credibility == 1)
    query = select(Claim.id, Claim.article_id).where(marked)
    return {claim_id for claim_id, article_id in core.execute(query) if article_id in article_ids}


def _cited(core: Connection, article_ids: set[int], wanted: set[int] | None) -> set[NamedKey]:
    """Every source and actor the chains of the report's claims name (each pair once, from
    the database, unless only some claims are chosen)."""
    who = (AttributionHop.source_id, AttributionHop.actor_id)
    base = select(*who) if wanted is None else select(AttributionHop.claim_id, *who)
    query = base.join(Claim, Claim.id == AttributionHop.claim_id)
    query = query.distinct() if wanted is None else query
    found: set[NamedKey] = set()
    for chunk in _chunks(article_ids):
        for *claim, source_id, actor_id in core.execute(query.where(Claim.article_id.in_(chunk))):
            if wanted is None or claim[0] in wanted:
                found.add(
                    ("source", source_id) if source_id is not None else ("actor", actor_id or 0)
                )
    return found


def _telling(
    graph: ClaimGraph, contradicts: dict[int, set[int]], candidates: set[int]
) -> TellingClusters:
    """The candidates' clusters, each once, by id. Every one says something: a linked cluster
    has more than one claim, and a claim alone is a candidate only when marked corroborated
    or contradicted by another. The clusters are apart, so their order is their first claims';
    the claims alone (most of them, not in the graph) are streamed in that order into the
    arrays, the few linked clusters merged in: no tuple or set entry per claim alone is held."""
    seen: set[int] = set()
    linked: list[Cluster] = []
    for claim_id in sorted(c for c in candidates if c in graph):
        if claim_id in seen:
            continue
        cluster = tuple(sorted(graph.cluster_of(claim_id)))
        seen.update(cluster)
        linked.append(cluster)
    alone = ((claim_id,) for claim_id in sorted(candidates) if claim_id not in graph)
    return TellingClusters(heapq.merge(alone, sorted(linked)))


def _facts(session: Session, article_ids: set[int]) -> dict[int, ArticleFacts]:
    """These articles' facts, and those of the stories they copy (however far back)."""
    found: dict[int, ArticleFacts] = {}
    asked: set[int] = set()
    missing = set(article_ids)
    while missing:
        asked |= missing
        for facts in read_articles(session, missing):
            found[facts.id] = facts
        missing = {f.copy_of for f in found.values() if f.copy_of is not None} - asked
    return found


def _chunks(ids: Collection[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for at in range(0, len(ordered), CHUNK):
        yield ordered[at : at + CHUNK]
