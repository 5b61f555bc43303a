"""What the window's link chart and timeline ask for: a chart laid out (started, expanded or
refreshed, keeping the places nodes already have) with the groups kept for its nodes, and the
claims behind an edge or a mark, each with its article, to list and open in the reader."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from workbench.domain import Article, AttributionHop, Claim
from workbench.domain.entities import Actor, Source, named_reliability
from workbench.reports.chart_model import LinkChart
from workbench.services.link_chart import (
    CHUNK,
    CLAIM_LIMIT,
    ChartStart,
    chart_of_ids,
    claims_touching,
)
from workbench.services.link_chart_groups import Group, groups_on
from workbench.services.link_chart_layout import Position, lay_out
from workbench.services.link_chart_places import places_on
from workbench.services.project import Project


@dataclass(frozen=True)
class LaidOutChart:
    chart: LinkChart
    places: dict[str, Position]
    claim_ids: tuple[int, ...]  # the claims the chart is made of
    groups: tuple[Group, ...] = ()  # the groups with members on the chart
    pinned: frozenset[str] = frozenset()  # the nodes pinned in the project


def laid_out_chart(
    project: Project,
    *,
    starts: Sequence[ChartStart] = (),
    claim_ids: Iterable[int] = (),
    articles: bool = False,
    layout: str = "spring",
    kept: Mapping[str, Position] | None = None,
    limit: int = CLAIM_LIMIT,
    moved: bool = True,
) -> LaidOutChart:
    """The chart of `claim_ids` (those still in the project) and the claims the starts touch
    (at most `limit` more), laid out with the nodes in `kept` left where they are, and those
    whose places the project keeps at them (pinned ones always, moved ones if `moved`)."""
    with project.reading() as session:
        touched, left_out = claims_touching(session, starts, limit) if starts else ([], 0)
        ids = sorted(set(claim_ids) | set(touched))
        chart = chart_of_ids(session, ids, articles, left_out)
        keys = [node.key for node in chart.nodes]
        groups = groups_on(session, keys)
        saved = places_on(session, keys)
    held = dict(kept or {})
    held.update((key, (p.x, p.y)) for key, p in saved.items() if moved or p.pinned)
    pinned = frozenset(key for key, place in saved.items() if place.pinned)
    places = lay_out(chart, layout, held)
    places.update((key, held[key]) for key in pinned)  # the layered layout too leaves them
    present = tuple(node.record_id for node in chart.nodes if node.kind == "claim")
    return LaidOutChart(chart, places, present, groups, pinned)


@dataclass(frozen=True)
class ClaimBehind:
    """A claim an edge or a mark rests on, as the list beside the chart shows it."""

    id: int
    article_id: int
    article_title: str
    words: str  # its summary, else its quote
    credibility: int
    status: str
    first_hand: str  # the reliability of its chain's origin ("" without a chain)

    @property
    def shown(self) -> str:
        grade = f"{self.first_hand or 'F'}{self.credibility}"
        return f"{grade} · {self.words} — {self.article_title} (#{self.id})"


def claims_behind(project: Project, claim_ids: Iterable[int]) -> list[ClaimBehind]:
    """The claims, best graded first, each with its article and first-hand grade."""
    ids = sorted(set(claim_ids))
    origin = (
        select(AttributionHop.claim_id, named_reliability().label("grade"))
        .outerjoin(Source, Source.id == AttributionHop.source_id)
        .outerjoin(Actor, Actor.id == AttributionHop.actor_id)
        .where(AttributionHop.position == 0)
        .subquery()
    )
    query = (
        select(
            Claim.id,
            Claim.article_id,
            Article.title,
            Claim.summary,
            Claim.exact,
            Claim.credibility,
            Claim.status,
            origin.c.grade,
        )
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(origin, origin.c.claim_id == Claim.id)
    )
    found: list[ClaimBehind] = []
    with project.reading() as session:
        for begin in range(0, len(ids), CHUNK):
            chunk = ids[begin : begin + CHUNK]
            for row in session.execute(query.where(Claim.id.in_(chunk))):
                claim_id, article_id, title, summary, exact, grade, status, first = row
                words = " ".join((summary or exact).split())
                found.append(
                    ClaimBehind(claim_id, article_id, title, words, grade, status, first or "")
                )
    return sorted(found, key=lambda c: (c.credibility, c.first_hand or "F", c.id))
