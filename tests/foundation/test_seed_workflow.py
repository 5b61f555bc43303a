"""The job in miniature: the seed article stored, its Reuters claim attributed, linked, undone."""

from __future__ import annotations

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article, article_text
from workbench.services.claims import Hop, create_claim, set_attribution
from workbench.services.entities import create_actor, create_source
from workbench.services.links import link_actor
from workbench.services.queries import claim_views, project_counts

REUTERS_QUOTE = (
    "Sources told Reuters that the Iranian leadership is not happy with Russia’s actions so far"
)


def _mark_reuters_claim(project: Project, seed_text: str) -> int:
    article_id = add_article(project, NewArticle(text=seed_text, outlet="Deftechtimes"))
    text = article_text(project, article_id)
    start = text.index(REUTERS_QUOTE)
    claim_id = create_claim(
        project, article_id, Span(start, start + len(REUTERS_QUOTE)), summary="Iran unhappy"
    )
    unnamed = create_source(project, "unnamed sources", "unnamed sources", "F")
    reuters = create_source(project, "Reuters", "wire agency", "B")
    outlet = create_source(project, "Deftechtimes", "outlet", "C")
    set_attribution(
        project,
        claim_id,
        [
            Hop("speaker", source_id=unnamed, cue="Sources told", anonymous=True),
            Hop("reported by", source_id=reuters, cue="told Reuters"),
            Hop("published by", source_id=outlet),
        ],
    )
    for name in ("Iran", "Russia"):
        link_actor(project, claim_id, create_actor(project, name, "state"), "subject")
    return claim_id


def test_seed_claim_carries_a_three_hop_chain_and_two_actors(
    project: Project, seed_text: str
) -> None:
    """The Reuters claim on the seed article reads unnamed sources → Reuters → Deftechtimes."""
    _mark_reuters_claim(project, seed_text)
    (claim,) = claim_views(project)
    assert claim.exact == REUTERS_QUOTE
    assert [hop.name for hop in claim.attribution] == ["unnamed sources", "Reuters", "Deftechtimes"]
    assert [hop.role for hop in claim.attribution] == ["speaker", "reported by", "published by"]
    assert claim.attribution[0].anonymous
    assert claim.attribution[1].reliability_label == "B — usually reliable"
    assert sorted(actor.name for actor in claim.actors) == ["Iran", "Russia"]


def test_undoing_every_step_leaves_an_empty_project(project: Project, seed_text: str) -> None:
    """Undo, step by step, removes the claim, chain, links, sources, actors and the article."""
    _mark_reuters_claim(project, seed_text)
    steps = 0
    while project.undo_stack.can_undo:
        project.undo()
        steps += 1
    assert steps == 10
    assert project_counts(project) == (0, 0, 0, 0, 0)


def test_redo_brings_the_claim_back_as_it_was(project: Project, seed_text: str) -> None:
    """After undoing everything, redoing everything restores the same claim and chain."""
    _mark_reuters_claim(project, seed_text)
    before = claim_views(project)
    while project.undo_stack.can_undo:
        project.undo()
    while project.undo_stack.can_redo:
        project.redo()
    assert claim_views(project) == before
