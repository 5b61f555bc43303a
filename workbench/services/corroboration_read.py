"""The read model corroboration works on, read from the store in a few set-based queries.

Claims, their chains, the sources and actors the chains name, the articles (outlet, the story a
syndicated copy copies), and the claim relations that cluster (`repeats`) or contradict. The
whole model is read once; after an edit only the rows it touched are read again
(`read_claims`, `read_named`, `read_articles` take ids), one query per kind of row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import BindParameter, Select, bindparam, select
from sqlalchemy.orm import Session

from workbench.analysis.clusters import REPEATS, SYNDICATED, ClaimGraph, same_quotes
from workbench.analysis.evidence import ArticleFacts, ClaimEvidence, EvidenceHop, Named, Names
from workbench.domain import Actor, Article, AttributionHop, Claim, ClaimRelation, Source
from workbench.domain.grades import RelationKind
from workbench.services.plain_rows import plain_rows

_IN_BATCH = 500  # ids per IN (…) list


@dataclass
class ReadModel:
    """Everything corroboration needs, kept in memory and updated row by row."""

    claims: dict[int, ClaimEvidence] = field(default_factory=dict)
    names: Names = field(default_factory=Names)
    graph: ClaimGraph = field(default_factory=ClaimGraph)
    contradicts: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    by_article: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    copies: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))

    def put_claim(self, claim: ClaimEvidence) -> None:
        old = self.claims.get(claim.id)
        if old is not None and old.article_id != claim.article_id:
            self.by_article[old.article_id].discard(claim.id)
        self.claims[claim.id] = claim
        self.by_article[claim.article_id].add(claim.id)

    def drop_claim(self, claim_id: int) -> None:
        old = self.claims.pop(claim_id, None)
        if old is not None:
            self.by_article[old.article_id].discard(claim_id)
        self.graph.forget_claim(claim_id)
        for other in self.contradicts.pop(claim_id, set()):
            self.contradicts[other].discard(claim_id)

    def put_article(self, article: ArticleFacts) -> None:
        old = self.names.articles.get(article.id)
        if old is not None and old.copy_of is not None:
            self.copies[old.copy_of].discard(article.id)
        self.names.articles[article.id] = article
        if article.copy_of is not None:
            self.copies[article.copy_of].add(article.id)

    def relate(self, from_id: int, to_id: int, kind: str, *, present: bool) -> None:
        if kind == RelationKind.REPEATS.value:
            if present:
                self.graph.link(from_id, to_id, REPEATS)
            else:
                self.graph.unlink(from_id, to_id, REPEATS)
        elif kind == RelationKind.CONTRADICTS.value:
            for a, b in ((from_id, to_id), (to_id, from_id)):
                if present:
                    self.contradicts[a].add(b)
                else:
                    self.contradicts[a].discard(b)

    def relink_copies(self, article_ids: Iterable[int]) -> None:
        """Link again the same quotes of these articles and of the stories they copy (or that
        copy them)."""
        pairs = set()
        for article_id in article_ids:
            article = self.names.articles.get(article_id)
            if article is not None and article.copy_of is not None:
                pairs.add((article_id, article.copy_of))
            pairs.update((copy, article_id) for copy in self.copies.get(article_id, ()))
        for copy, original in pairs:
            self._link_pair(copy, original)

    def _link_pair(self, copy: int, original: int) -> None:
        copied = self._quotes(copy)
        its_copies = self.copies.get(copy, set())
        for claim_id in copied:  # its links to the story it copied (maybe another, before)
            for twin in self.graph.linked(claim_id, SYNDICATED):
                twin_claim = self.claims.get(twin)
                if twin_claim is None or twin_claim.article_id not in its_copies:
                    self.graph.unlink(claim_id, twin, SYNDICATED)
        for claim_id, twin in same_quotes(copied, self._quotes(original)):
            self.graph.link(claim_id, twin, SYNDICATED)

    def _quotes(self, article_id: int) -> dict[int, str]:
        claims = self.by_article.get(article_id, ())
        return {c: self.claims[c].exact for c in claims if c in self.claims}


def read_model(session: Session) -> ReadModel:
    """The whole project's read model: six queries, whatever its size."""
    model = ReadModel()
    for article in read_articles(session, None):
        model.put_article(article)
    model.names.named.update(read_named(session, None, None))
    for claim in read_claims(session, None):
        model.put_claim(claim)
    relations = select(ClaimRelation.from_claim_id, ClaimRelation.to_claim_id, ClaimRelation.kind)
    kinds = (RelationKind.REPEATS.value, RelationKind.CONTRADICTS.value)
    chosen = relations.where(ClaimRelation.kind.in_(kinds))
    for from_id, to_id, kind in session.connection().execute(chosen):
        model.relate(from_id, to_id, kind, present=True)
    model.relink_copies([a for a, facts in model.names.articles.items() if facts.copy_of])
    return model


_CLAIMS = select(
    Claim.id, Claim.article_id, Claim.status, Claim.credibility, Claim.exact, Claim.summary
)
_HOPS = select(
    AttributionHop.claim_id,
    AttributionHop.source_id,
    AttributionHop.actor_id,
    AttributionHop.role,
    AttributionHop.anonymous,
).order_by(AttributionHop.claim_id, AttributionHop.position)
_IDS: BindParameter[Any] = bindparam("ids", expanding=True)  # a batch of claim ids
_CLAIMS_OF, _HOPS_OF = (
    _CLAIMS.where(Claim.id.in_(_IDS)),
    _HOPS.where(AttributionHop.claim_id.in_(_IDS)),
)


def read_claims(session: Session, ids: Collection[int] | None) -> list[ClaimEvidence]:
    """Claims with their chains (all of them, or those with these ids), read as plain rows."""
    chains: dict[int, list[EvidenceHop]] = defaultdict(list)
    same: dict[tuple, EvidenceHop] = {}  # equal hops are one value (most chains share them)
    rows: list = []
    core = session.connection()  # Core rows: no ORM result processing
    for batch in _batches(ids):
        hops, claims = (_HOPS, _CLAIMS) if batch is None else (_HOPS_OF, _CLAIMS_OF)
        values = {} if batch is None else {"ids": batch}
        for claim_id, *hop in plain_rows(core, hops, **values):
            found = same.get(tuple(hop))
            if found is None:
                found = same[tuple(hop)] = _hop(*hop)
            chains[claim_id].append(found)
        rows.extend(plain_rows(core, claims, **values))
    return [
        ClaimEvidence(row[0], row[1], row[2], row[3], row[4] or "", row[5] or "",
                      tuple(chains.get(row[0], ())))
        for row in rows
    ]  # fmt: skip


def _hop(source_id: int | None, actor_id: int | None, role: str, anonymous: bool) -> EvidenceHop:
    named = ("source", source_id) if source_id is not None else ("actor", actor_id or 0)
    return EvidenceHop(named, role, bool(anonymous))


def read_named(
    session: Session, source_ids: Collection[int] | None, actor_ids: Collection[int] | None
) -> dict[tuple[str, int], Named]:
    """Sources and actors by key (all of them when both id lists are None)."""
    found: dict[tuple[str, int], Named] = {}
    for kind, model, ids in (("source", Source, source_ids), ("actor", Actor, actor_ids)):
        if ids is not None and not ids:
            continue
        query = select(model.id, model.name, model.kind, model.reliability)
        for batch in _batches(ids):
            for row_id, name, row_kind, reliability in session.connection().execute(
                _within(query, model.id, batch)
            ):
                found[(kind, row_id)] = Named(name, row_kind, reliability or "F")
    return found


def read_articles(session: Session, ids: Collection[int] | None) -> list[ArticleFacts]:
    query = select(Article.id, Article.title, Article.outlet, Article.near_duplicate_of_id)
    return [
        ArticleFacts(row[0], row[1] or "", row[2] or "", row[3])
        for batch in _batches(ids)
        for row in session.connection().execute(_within(query, Article.id, batch))
    ]


def _batches(ids: Collection[int] | None) -> Iterable[list[int] | None]:
    if ids is None:
        yield None
        return
    ordered = sorted(ids)
    for start in range(0, len(ordered), _IN_BATCH):
        yield ordered[start : start + _IN_BATCH]


def _within(query: Select, column: object, ids: list[int] | None) -> Select:
    return query if ids is None else query.where(column.in_(ids))  # type: ignore[attr-defined]
