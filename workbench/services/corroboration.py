"""Use cases of corroboration: how much to believe a claim, and why; acting on the suggestions.

The project's read model (claims, chains, names, clusters) is read once and then kept up to
date from the row changes every committed edit, undo and redo announces, reading only the rows
that changed. If the change log moved on without a word (another process wrote to the store),
the model is read again whole. Accepting a suggestion is an ordinary edit through the claim and
relation services: one undoable, journalled step.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

from sqlalchemy import func, select

from workbench.analysis.corroboration import ClusterJudgement, judge_cluster
from workbench.analysis.evidence import ClaimEvidence
from workbench.analysis.origin_counts import ClusterOrigins, count_origins
from workbench.domain import ChangeRecord
from workbench.services.claims import edit_claim
from workbench.services.corroboration_changes import FOLLOWED, apply_changes
from workbench.services.corroboration_read import ReadModel, read_model
from workbench.services.project import Project, ProjectChange
from workbench.store.errors import RecordNotFound
from workbench.store.recorder import RowChange


@dataclass(frozen=True)
class ClaimCorroboration:
    """One claim seen through its cluster."""

    claim_id: int
    cluster: ClusterJudgement


class CorroborationCache:
    """A project's corroboration read model, brought up to date before each question."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._model: ReadModel | None = None
        self._pending: list[RowChange] = []
        self._seen: int | None = None
        self._heard_since = False  # a change was announced since the model was last brought up
        self._lock = threading.RLock()
        self.full_reads = 0
        project.subscribe(self._heard)

    def _heard(self, change: ProjectChange) -> None:
        followed = [row for row in change.changes if row.table in FOLLOWED]
        with self._lock:
            self._pending.extend(followed)
            self._heard_since = True

    def model(self) -> ReadModel:
        """The read model as the store is now."""
        with self._lock, self._project.reading() as session:
            latest = session.scalar(select(func.max(ChangeRecord.id)))
            if self._model is None or (latest != self._seen and not self._heard_since):
                self._model = read_model(session)
                self.full_reads += 1
            elif self._pending:
                apply_changes(self._model, self._pending, session)
            self._pending.clear()
            self._heard_since = False
            self._seen = latest
            return self._model

    def judge(self, claim_id: int) -> ClusterJudgement:
        """The cluster of one claim, judged."""
        with self._lock:
            model = self.model()
            if claim_id not in model.claims:
                raise RecordNotFound(f"claim {claim_id} does not exist")
            return judged(model, model.graph.cluster_of(claim_id))

    def judge_all(self) -> list[tuple[ClaimEvidence, ClusterJudgement]]:
        """Every claim with its cluster judged (each cluster once), in claim order."""
        with self._lock:
            model = self.model()
            by_claim: dict[int, ClusterJudgement] = {}
            for cluster in model.graph.clusters(model.claims):
                if not any(c in model.claims for c in cluster):
                    continue
                judgement = judged(model, cluster)
                by_claim.update(dict.fromkeys(judgement.claim_ids, judgement))
            return [(model.claims[c], by_claim[c]) for c in sorted(by_claim)]

    def count_all(self) -> dict[int, ClusterOrigins]:
        """Every claim's cluster with its independent origins counted and circular flag."""
        with self._lock:
            model = self.model()
            by_claim: dict[int, ClusterOrigins] = {}
            for cluster in model.graph.clusters(model.claims):
                members = [model.claims[c] for c in cluster if c in model.claims]
                if members:
                    counted = count_origins(members, model.names)
                    by_claim.update(dict.fromkeys(counted.claim_ids, counted))
            return by_claim

    def in_articles(
        self, article_ids: set[int], claim_ids: set[int] | None = None
    ) -> list[tuple[ClaimEvidence, ClusterJudgement]]:
        """The claims of these articles (only `claim_ids` of them, if given), each with its
        cluster judged (each cluster once), in claim order."""
        with self._lock:
            model = self.model()
            chosen = sorted(
                c
                for a in article_ids
                for c in model.by_article.get(a, ())
                if c in model.claims and (claim_ids is None or c in claim_ids)
            )
            by_claim: dict[int, ClusterJudgement] = {}
            for claim_id in chosen:
                if claim_id not in by_claim:
                    judgement = judged(model, model.graph.cluster_of(claim_id))
                    by_claim.update(dict.fromkeys(judgement.claim_ids, judgement))
            return [(model.claims[c], by_claim[c]) for c in chosen]

    def telling_in_articles(
        self, article_ids: set[int], claim_ids: set[int] | None = None
    ) -> tuple[list[ClaimEvidence], list[ClusterJudgement]]:
        """The claims of these articles (only `claim_ids` of them, if given) in claim order, and
        the clusters among theirs that say something (each judged once): more than one claim, a
        claim marked corroborated, or a contradiction. A claim alone in its cluster, unmarked
        and uncontradicted, is not judged at all (most claims of a large case)."""
        with self._lock:
            model = self.model()
            chosen = sorted(
                c
                for a in article_ids
                for c in model.by_article.get(a, ())
                if c in model.claims and (claim_ids is None or c in claim_ids)
            )
            seen: set[int] = set()
            telling: list[ClusterJudgement] = []
            for claim_id in chosen:
                if claim_id in seen:
                    continue
                cluster = model.graph.cluster_of(claim_id)
                if len(cluster) == 1 and not _alone_telling(model, claim_id):
                    continue
                judgement = judged(model, cluster)
                seen.update(judgement.claim_ids)
                if _says_something(judgement):
                    telling.append(judgement)
            return [model.claims[c] for c in chosen], telling

    def articles_of(self, claim_ids: set[int]) -> dict[int, int]:
        with self._lock:
            claims = self.model().claims
            return {c: claims[c].article_id for c in claim_ids if c in claims}


_CACHES: weakref.WeakKeyDictionary[Project, CorroborationCache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def cache_for(project: Project) -> CorroborationCache:
    """The project's corroboration cache (made, and subscribed to its changes, on first use)."""
    with _CACHES_LOCK:
        cache = _CACHES.get(project)
        if cache is None:
            cache = _CACHES[project] = CorroborationCache(project)
        return cache


def judged(model: ReadModel, cluster: frozenset[int]) -> ClusterJudgement:
    """One cluster of the model judged, with the claims that contradict any of its claims."""
    members = [model.claims[c] for c in cluster if c in model.claims]
    contradicting = {other for c in cluster for other in model.contradicts.get(c, ())}
    return judge_cluster(members, model.names, contradicting)


def _alone_telling(model: ReadModel, claim_id: int) -> bool:
    """Whether a claim judged alone says something: marked corroborated, or contradicted."""
    contradicted = any(other != claim_id for other in model.contradicts.get(claim_id, ()))
    return contradicted or model.claims[claim_id].marked_corroborated


def _says_something(cluster: ClusterJudgement) -> bool:
    many = len(cluster.claim_ids) > 1
    return many or cluster.marked_corroborated or bool(cluster.contradicted_by)


def claim_corroboration(project: Project, claim_id: int) -> ClaimCorroboration:
    """A claim's cluster, origins, circular flag and suggested grade."""
    return ClaimCorroboration(claim_id, cache_for(project).judge(claim_id))


def claims_in_clusters(project: Project) -> list[tuple[ClaimEvidence, ClusterJudgement]]:
    """Every claim (by id) with its cluster judged; each cluster is judged once."""
    return cache_for(project).judge_all()


def articles_of(project: Project, claim_ids: set[int]) -> dict[int, int]:
    """The article each of these claims is in (claims that no longer exist are left out)."""
    return cache_for(project).articles_of(claim_ids)


def accept_suggestion(project: Project, claim_id: int) -> ClusterJudgement:
    """Grade the claim as suggested (credibility and status), through the claim service."""
    judgement = cache_for(project).judge(claim_id)
    suggestion = judgement.suggestion
    edit_claim(project, claim_id, credibility=suggestion.credibility, status=suggestion.status)
    return judgement
