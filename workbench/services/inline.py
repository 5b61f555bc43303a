"""Creating an actor or event on the spot while marking or linking: one undo step with the link."""

from __future__ import annotations

from workbench.domain.anchoring import Span
from workbench.domain.grades import ActorRole, EventRole
from workbench.services.entities import create_actor
from workbench.services.events import create_event
from workbench.services.links import link_actor, link_event, mark_mention
from workbench.services.project import Project


def _clean(name: str) -> str:
    return " ".join(name.split())


def mention_new_actor(
    project: Project, article_id: int, span: Span, name: str, actor_kind: str
) -> tuple[int, int]:
    """A new actor named by a span of text; returns (actor id, mention id)."""
    with project.command(f"Mark mention of new actor “{_clean(name)}”"):
        actor_id = create_actor(project, name, actor_kind)
        return actor_id, mark_mention(project, article_id, span, actor_id)


def link_new_actor(
    project: Project, claim_id: int, name: str, actor_kind: str, role: str = ActorRole.SUBJECT
) -> int:
    """A new actor, linked to a claim with a role; returns the actor's id."""
    with project.command(f"Link new actor “{_clean(name)}”"):
        actor_id = create_actor(project, name, actor_kind)
        link_actor(project, claim_id, actor_id, role)
        return actor_id


def link_new_event(
    project: Project, claim_id: int, title: str, role: str = EventRole.REFERS_TO
) -> int:
    """A new event (title only; dates and place can follow in the manager), linked to a claim."""
    with project.command(f"Link new event “{_clean(title)}”"):
        event_id = create_event(project, title)
        link_event(project, claim_id, event_id, role)
        return event_id
