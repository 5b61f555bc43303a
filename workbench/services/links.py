"""Use cases that link things: claim–actor, claim–event, event–actor, claim–claim, mentions."""

from __future__ import annotations

from sqlalchemy import select

from workbench.domain import ActorMention, ClaimActor, ClaimEvent, ClaimRelation, EventActor
from workbench.domain.anchoring import Span, quote_selector
from workbench.domain.grades import ActorRole, EventRole, ParticipantRole, RelationKind
from workbench.services.claims import article_text_in, trimmed_span
from workbench.services.errors import InvalidInput
from workbench.services.project import Project
from workbench.services.vocabulary import chosen
from workbench.store import UnitOfWork


def _link(uow: UnitOfWork, model: type, **columns: object) -> None:
    found = uow.session.scalar(select(model).filter_by(**columns))
    if found is None:
        uow.session.add(model(**columns))
        uow.session.flush()


def _unlink(uow: UnitOfWork, model: type, what: str, **columns: object) -> None:
    found = uow.session.scalar(select(model).filter_by(**columns))
    if found is None:
        raise InvalidInput(f"there is no such {what} to remove")
    uow.session.delete(found)


def link_actor(
    project: Project, claim_id: int, actor_id: int, role: str = ActorRole.SUBJECT
) -> None:
    """Say how an actor figures in a claim: speaker, subject, target or mentioned."""
    role = chosen(ActorRole, role, "claim–actor role")
    with project.command("Link actor") as uow:
        uow.claims.get(claim_id)
        uow.actors.get(actor_id)
        _link(uow, ClaimActor, claim_id=claim_id, actor_id=actor_id, role=role)


def unlink_actor(project: Project, claim_id: int, actor_id: int, role: str) -> None:
    with project.command("Unlink actor") as uow:
        _unlink(uow, ClaimActor, "actor link", claim_id=claim_id, actor_id=actor_id, role=role)


def link_event(
    project: Project, claim_id: int, event_id: int, role: str = EventRole.REFERS_TO
) -> None:
    """Say how a claim bears on an event: describes, refers to, predicts."""
    role = chosen(EventRole, role, "claim–event role")
    with project.command("Link event") as uow:
        uow.claims.get(claim_id)
        uow.events.get(event_id)
        _link(uow, ClaimEvent, claim_id=claim_id, event_id=event_id, role=role)


def unlink_event(project: Project, claim_id: int, event_id: int, role: str) -> None:
    with project.command("Unlink event") as uow:
        _unlink(uow, ClaimEvent, "event link", claim_id=claim_id, event_id=event_id, role=role)


def add_participant(
    project: Project, event_id: int, actor_id: int, role: str = ParticipantRole.PARTICIPANT
) -> None:
    """An actor takes part in an event, with a role."""
    role = chosen(ParticipantRole, role, "participant role")
    with project.command("Add participant") as uow:
        uow.events.get(event_id)
        uow.actors.get(actor_id)
        _link(uow, EventActor, event_id=event_id, actor_id=actor_id, role=role)


def remove_participant(project: Project, event_id: int, actor_id: int, role: str) -> None:
    with project.command("Remove participant") as uow:
        _unlink(uow, EventActor, "participant", event_id=event_id, actor_id=actor_id, role=role)


def relate_claims(project: Project, from_claim_id: int, to_claim_id: int, kind: str) -> None:
    """Claim to claim, across articles: supports, contradicts, repeats, updates."""
    kind = chosen(RelationKind, kind, "claim relation")
    if from_claim_id == to_claim_id:
        raise InvalidInput("a claim cannot be related to itself")
    with project.command(f"Relate claims ({kind})") as uow:
        uow.claims.get(from_claim_id)
        uow.claims.get(to_claim_id)
        _link(uow, ClaimRelation, from_claim_id=from_claim_id, to_claim_id=to_claim_id, kind=kind)


def unrelate_claims(project: Project, from_claim_id: int, to_claim_id: int, kind: str) -> None:
    with project.command("Remove claim relation") as uow:
        _unlink(
            uow,
            ClaimRelation,
            "claim relation",
            from_claim_id=from_claim_id,
            to_claim_id=to_claim_id,
            kind=kind,
        )


def mark_mention(project: Project, article_id: int, span: Span, actor_id: int) -> int:
    """Link a span of an article's text to the actor it names."""
    with project.command("Mark actor mention") as uow:
        text = article_text_in(uow, article_id)
        uow.actors.get(actor_id)
        span = trimmed_span(span, text)
        mention = ActorMention(article_id=article_id, actor_id=actor_id)
        mention.place(span, quote_selector(text, span))
        uow.session.add(mention)
        uow.session.flush()
        return mention.id


def delete_mention(project: Project, mention_id: int) -> None:
    with project.command("Delete actor mention") as uow:
        mention = uow.session.get(ActorMention, mention_id)
        if mention is None:
            raise InvalidInput(f"actor mention {mention_id} does not exist")
        uow.session.delete(mention)
