"""The link chart read from the project: the claims a start touches, and the chart they make.

A chart is made of claims: what each claim links (its actors and their roles, its events, its
attribution chain, its relations to the other claims on the chart, its article on request),
and the participants of its events. Each is read with one query over the whole set of claims
(in chunks of `CHUNK` ids), never one query per claim, so an actor's neighbourhood of a
thousand claims costs a handful of queries at 100,000 claims.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import CompoundSelect, Select, func, or_, select
from sqlalchemy.orm import Session

from workbench.domain import (
    Actor,
    Article,
    AttributionHop,
    Claim,
    ClaimActor,
    ClaimEvent,
    ClaimRelation,
    Event,
    EventActor,
    Source,
)
from workbench.reports.chart_model import ChartEdge, ChartNode, LinkChart, node_key
from workbench.reports.model import dated
from workbench.services.errors import InvalidInput
from workbench.services.project import Project

CHUNK = 500  # ids per IN (...) list: well under every database's limit on parameters
CLAIM_LIMIT = 1_000  # claims on one chart: an actor's neighbourhood of about 2,000 nodes
STARTS = ("actor", "source", "event", "article", "claim", "project")


@dataclass(frozen=True)
class ChartStart:
    """Where a chart starts: a record of one of STARTS ("project": the whole project)."""

    kind: str
    record_id: int


def chart_of(
    project: Project,
    starts: Sequence[ChartStart],
    *,
    articles: bool = False,
    limit: int = CLAIM_LIMIT,
) -> LinkChart:
    """The chart of the claims that the starts touch (the latest first, at most `limit`)."""
    with project.reading() as session:
        claim_ids, left_out = claims_touching(session, starts, limit)
        return chart_of_ids(session, claim_ids, articles, left_out)


def chart_of_claims(
    project: Project, claim_ids: Iterable[int], *, articles: bool = False
) -> LinkChart:
    """The chart of exactly these claims (those that still exist)."""
    with project.reading() as session:
        return chart_of_ids(session, sorted(set(claim_ids)), articles, 0)


def claims_touching(
    session: Session, starts: Sequence[ChartStart], limit: int
) -> tuple[list[int], int]:
    """The ids of the claims the starts touch, the latest first, cut at `limit`; and how many
    were left out."""
    found: set[int] = set()
    for start in starts:
        if start.kind not in STARTS:
            raise InvalidInput(f"a chart starts from one of {', '.join(STARTS)}, not {start.kind}")
        found.update(session.scalars(_touching(start)))
    ordered = sorted(found, reverse=True)
    return ordered[:limit], max(0, len(ordered) - limit)


def _touching(start: ChartStart) -> Select[int] | CompoundSelect[int]:
    record = start.record_id
    if start.kind == "project":  # every claim (the latest `limit` of them are kept)
        return select(Claim.id)
    if start.kind == "article":
        return select(Claim.id).where(Claim.article_id == record)
    if start.kind == "event":
        return select(ClaimEvent.claim_id).where(ClaimEvent.event_id == record)
    if start.kind == "source":
        return select(AttributionHop.claim_id).where(AttributionHop.source_id == record)
    if start.kind == "claim":
        related = select(ClaimRelation.to_claim_id).where(ClaimRelation.from_claim_id == record)
        back = select(ClaimRelation.from_claim_id).where(ClaimRelation.to_claim_id == record)
        return select(Claim.id).where(
            or_(Claim.id == record, Claim.id.in_(related), Claim.id.in_(back))
        )
    events = select(EventActor.event_id).where(EventActor.actor_id == record)
    return (
        select(ClaimActor.claim_id)
        .where(ClaimActor.actor_id == record)
        .union(
            select(AttributionHop.claim_id).where(AttributionHop.actor_id == record),
            select(ClaimEvent.claim_id).where(ClaimEvent.event_id.in_(events)),
        )
    )


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for begin in range(0, len(ids), CHUNK):
        yield ids[begin : begin + CHUNK]


class _Builder:
    """Gathers the nodes and edges of a chart, merging edges between the same two nodes."""

    def __init__(self) -> None:
        self.nodes: dict[str, ChartNode] = {}
        self.evidence: dict[tuple[str, str, str, str], list[int]] = defaultdict(list)
        self.credibility: dict[int, int] = {}
        self.first_hand: dict[int, str] = {}

    def node(self, node: ChartNode) -> str:
        self.nodes.setdefault(node.key, node)
        return node.key

    def edge(self, source: str, target: str, kind: str, label: str, claims: Iterable[int]) -> None:
        self.evidence[(source, target, kind, label)].extend(claims)

    def chart(self, left_out: int) -> LinkChart:
        edges = [self._edge(key, claims) for key, claims in self.evidence.items()]
        return LinkChart(tuple(self.nodes.values()), tuple(edges), left_out)

    def _edge(self, key: tuple[str, str, str, str], claims: list[int]) -> ChartEdge:
        unique = tuple(sorted(set(claims)))
        grades = [self.credibility[c] for c in unique if c in self.credibility]
        reliabilities = [self.first_hand[c] for c in unique if self.first_hand.get(c)]
        return ChartEdge(
            *key,
            claims=unique,
            credibility=min(grades, default=0),
            reliability=min(reliabilities, default=""),
        )


def chart_of_ids(
    session: Session, claim_ids: Sequence[int], articles: bool, left_out: int
) -> LinkChart:
    """The chart of these claims (ids that exist), read in one session."""
    build = _Builder()
    present = _add_claims(session, build, claim_ids, articles)
    _add_chains(session, build, present)
    _add_actor_roles(session, build, present)
    events = _add_events(session, build, present)
    _add_participants(session, build, events)
    _add_relations(session, build, present)
    return build.chart(left_out)


def _add_claims(
    session: Session, build: _Builder, claim_ids: Sequence[int], articles: bool
) -> list[int]:
    present: list[int] = []
    for chunk in _chunks(claim_ids):
        query = select(
            Claim.id,
            Claim.summary,
            Claim.exact,
            Claim.status,
            Claim.credibility,
            Article.id,
            Article.title,
        ).join(Article, Article.id == Claim.article_id)
        for claim_id, summary, exact, status, grade, article_id, title in session.execute(
            query.where(Claim.id.in_(chunk))
        ):
            present.append(claim_id)
            build.credibility[claim_id] = grade
            label = summary or exact
            key = build.node(
                ChartNode(node_key("claim", claim_id), "claim", claim_id, label, status, "", grade)
            )
            if articles:
                article = build.node(
                    ChartNode(node_key("article", article_id), "article", article_id, title)
                )
                build.edge(article, key, "article", "in the article", [claim_id])
    return present


def _add_chains(session: Session, build: _Builder, claim_ids: Sequence[int]) -> None:
    """Each hop of a chain: the origin says the claim, each later hop passes it on."""
    named = func.coalesce(Source.reliability, Actor.reliability)
    query = (
        select(
            AttributionHop.claim_id,
            AttributionHop.role,
            AttributionHop.source_id,
            AttributionHop.actor_id,
            func.coalesce(Source.name, Actor.name),
            func.coalesce(Source.kind, Actor.kind),
            named,
        )
        .outerjoin(Source, Source.id == AttributionHop.source_id)
        .outerjoin(Actor, Actor.id == AttributionHop.actor_id)
        .order_by(AttributionHop.claim_id, AttributionHop.position)
    )
    previous: tuple[int, str] | None = None
    for chunk in _chunks(claim_ids):
        for claim_id, role, source_id, actor_id, name, kind, grade in session.execute(
            query.where(AttributionHop.claim_id.in_(chunk))
        ):
            kind_of_node = "source" if source_id is not None else "actor"
            record = source_id if source_id is not None else (actor_id or 0)  # one is set
            key = build.node(
                ChartNode(
                    node_key(kind_of_node, record), kind_of_node, record, name, kind, grade or ""
                )
            )
            if previous is None or previous[0] != claim_id:
                build.first_hand[claim_id] = grade or ""
                build.edge(key, node_key("claim", claim_id), "attribution", role, [claim_id])
            else:
                build.edge(previous[1], key, "attribution", role, [claim_id])
            previous = (claim_id, key)


def _add_actor_roles(session: Session, build: _Builder, claim_ids: Sequence[int]) -> None:
    query = select(
        ClaimActor.claim_id, ClaimActor.role, Actor.id, Actor.name, Actor.kind, Actor.reliability
    ).join(Actor, Actor.id == ClaimActor.actor_id)
    for chunk in _chunks(claim_ids):
        for claim_id, role, actor_id, name, kind, grade in session.execute(
            query.where(ClaimActor.claim_id.in_(chunk))
        ):
            key = build.node(
                ChartNode(node_key("actor", actor_id), "actor", actor_id, name, kind, grade)
            )
            build.edge(key, node_key("claim", claim_id), "role", role, [claim_id])


def _add_events(
    session: Session, build: _Builder, claim_ids: Sequence[int]
) -> dict[int, list[int]]:
    """The claims' events; returns each event's claims on the chart."""
    claims_of: dict[int, list[int]] = defaultdict(list)
    query = select(
        ClaimEvent.claim_id,
        ClaimEvent.role,
        Event.id,
        Event.title,
        Event.start_date,
        Event.start_precision,
    ).join(Event, Event.id == ClaimEvent.event_id)
    for chunk in _chunks(claim_ids):
        for claim_id, role, event_id, title, start, precision in session.execute(
            query.where(ClaimEvent.claim_id.in_(chunk))
        ):
            key = build.node(
                ChartNode(
                    node_key("event", event_id), "event", event_id, title, dated(start, precision)
                )
            )
            build.edge(node_key("claim", claim_id), key, "event", role, [claim_id])
            claims_of[event_id].append(claim_id)
    return claims_of


def _add_participants(session: Session, build: _Builder, claims_of: dict[int, list[int]]) -> None:
    """An event's participants, resting on the claims about the event that are on the chart."""
    query = select(
        EventActor.event_id, EventActor.role, Actor.id, Actor.name, Actor.kind, Actor.reliability
    ).join(Actor, Actor.id == EventActor.actor_id)
    for chunk in _chunks(sorted(claims_of)):
        for event_id, role, actor_id, name, kind, grade in session.execute(
            query.where(EventActor.event_id.in_(chunk))
        ):
            key = build.node(
                ChartNode(node_key("actor", actor_id), "actor", actor_id, name, kind, grade)
            )
            build.edge(key, node_key("event", event_id), "participant", role, claims_of[event_id])


def _add_relations(session: Session, build: _Builder, claim_ids: Sequence[int]) -> None:
    """Relations between two claims that are both on the chart."""
    on_chart = set(claim_ids)
    query = select(ClaimRelation.from_claim_id, ClaimRelation.to_claim_id, ClaimRelation.kind)
    for chunk in _chunks(claim_ids):
        for first, second, kind in session.execute(
            query.where(ClaimRelation.from_claim_id.in_(chunk))
        ):
            if second in on_chart:
                build.edge(
                    node_key("claim", first),
                    node_key("claim", second),
                    "relation",
                    kind,
                    [first, second],
                )
