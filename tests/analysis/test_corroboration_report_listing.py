"""The report's corroboration section lists exactly the clusters that say something, though a
claim alone in its cluster, unmarked and uncontradicted, is never judged for it."""

from __future__ import annotations

from sqlalchemy import select

from tests.analysis.corroboration_case import Case, case, mark
from workbench.domain import Claim
from workbench.services.claims import edit_claim
from workbench.services.corroboration import cache_for
from workbench.services.corroboration_report import corroboration_section
from workbench.services.links import relate_claims

__all__ = ["case"]  # the fixture


def _listed_by_judging_every_cluster(case: Case, article_ids: list[int]) -> list[int]:
    """The clusters a report lists, found the long way: every claim's cluster judged."""
    judged = cache_for(case.project).in_articles(set(article_ids))
    telling = {
        cluster.id: cluster
        for _claim, cluster in judged
        if len(cluster.claim_ids) > 1 or cluster.marked_corroborated or cluster.contradicted_by
    }
    return sorted(telling)


def test_lone_claims_marked_or_contradicted_are_listed_and_silent_ones_are_not(
    case: Case,
) -> None:
    """A lone corroborated claim and a lone contradicted one are listed; a silent one is not."""
    with case.project.reading() as session:
        third_article = session.scalar(select(Claim.article_id).where(Claim.id == case.third))
    assert third_article is not None
    silent_claim = mark(case.project, third_article, "the agency said on Tuesday")
    with case.project.reading() as session:
        rows = session.execute(select(Claim.id, Claim.article_id).order_by(Claim.id)).all()
    article_ids = sorted({article for _claim, article in rows})
    telling = _listed_by_judging_every_cluster(case, article_ids)
    clustered = {case.seed, case.copy, case.third, *telling}
    lone = [claim_id for claim_id, _article in rows if claim_id not in clustered]
    marked, contradicted, *silent = lone
    edit_claim(case.project, marked, status="corroborated")
    relate_claims(case.project, case.seed, contradicted, "contradicts")

    section = corroboration_section(case.project, article_ids)
    shown = {entry.claim for entry in section.clusters}
    evidence = cache_for(case.project).model().claims

    def words(claim_id: int) -> str:
        return evidence[claim_id].summary or evidence[claim_id].exact

    assert words(marked) in shown
    assert words(contradicted) in shown
    assert silent_claim in silent
    assert not any(words(claim_id) in shown for claim_id in silent)
    expected = _listed_by_judging_every_cluster(case, article_ids)
    assert [entry.claim for entry in section.clusters] == [words(c) for c in expected]
