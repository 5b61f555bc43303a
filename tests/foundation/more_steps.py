"""The undo property test's second half of steps: every editing service the first half does
not reach (batch import, new versions, re-attaching, grading, aliases, hop-by-hop attribution,
unlinking, bulk credibility and tags, notes edited and removed, inline creation)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from sqlalchemy import select

import workbench.services.annotations as notes_and_tags
from tests.foundation.step_support import WORDS, Impossible, ids, words
from workbench.domain import (
    Actor,
    ActorAlias,
    Article,
    Claim,
    ClaimActor,
    ClaimEvent,
    ClaimRelation,
    Event,
    EventActor,
    Note,
    Source,
    SourceAlias,
    Tag,
    Tagging,
)
from workbench.domain.anchoring import Span
from workbench.services import (
    Project,
    articles,
    bulk_claims,
    chains,
    claims,
    entities,
    events,
    inline,
    links,
    versions,
)
from workbench.services.articles import NewArticle
from workbench.services.importing import import_paths

Step = Callable[[Project, st.DataObject], None]


def _one_of(project: Project, *columns: Any) -> tuple[Any, ...]:
    """One existing row's values of `columns` of one table (Impossible when there is none)."""
    with project.reading() as session:
        rows = [tuple(row) for row in session.execute(select(*columns).order_by(*columns))]
    if not rows:
        raise Impossible
    return rows[0]


def _a_tagging(project: Project) -> tuple[str, int, str]:
    with project.reading() as session:
        row = session.execute(
            select(Tagging.target_kind, Tagging.target_id, Tag.name)
            .join(Tag, Tag.id == Tagging.tag_id)
            .order_by(Tagging.id)
        ).first()
    if row is None:
        raise Impossible
    return row[0], row[1], row[2]


def import_a_batch(project: Project, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for number in range(data.draw(st.integers(2, 3))):
            page = Path(folder) / f"page-{number}.txt"
            page.write_text(f"{words(data)} {number}.\n\nOne of a batch.", encoding="utf-8")
        import_paths(project, [folder], workers=1)


def add_a_version(project: Project, data: st.DataObject) -> None:
    article = data.draw(st.sampled_from(ids(project, Article)))
    versions.add_version(project, article, NewArticle(text=words(data) + ".\n\nA new version."))


def reattach_an_orphan(project: Project, data: st.DataObject) -> None:
    with project.reading() as session:
        orphan = session.scalar(select(Claim.id).where(Claim.orphaned).order_by(Claim.id))
    if orphan is None:
        raise Impossible
    versions.reattach(project, "claim", orphan, Span(0, data.draw(st.integers(3, 8))))


def grade_or_edit_a_record(project: Project, data: st.DataObject) -> None:
    grade = data.draw(st.sampled_from("ABCDEF"))
    kind = data.draw(st.sampled_from(["source", "actor", "claim", "event"]))
    edit = data.draw(st.booleans())
    if kind in ("source", "actor"):
        record = data.draw(st.sampled_from(ids(project, Source if kind == "source" else Actor)))
        if edit:
            getattr(entities, f"edit_{kind}")(project, record, description=words(data))
        else:
            getattr(entities, f"grade_{kind}")(project, record, grade)
    elif kind == "claim":
        claim = data.draw(st.sampled_from(ids(project, Claim)))
        claims.grade_claim(project, claim, data.draw(st.integers(1, 6)))
    else:
        event = data.draw(st.sampled_from(ids(project, Event)))
        events.edit_event(project, event, title=data.draw(st.sampled_from(WORDS)) + " summit")


def add_or_remove_an_alias(project: Project, data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(["source", "actor"]))
    if data.draw(st.booleans()):
        record = data.draw(st.sampled_from(ids(project, Source if kind == "source" else Actor)))
        entities.add_alias(project, kind, record, data.draw(st.sampled_from(WORDS)) + " (also)")
    elif kind == "source":
        entities.remove_alias(project, kind, *_one_of(project, SourceAlias.source_id,
                                                       SourceAlias.name))  # fmt: skip
    else:
        entities.remove_alias(project, kind, *_one_of(project, ActorAlias.actor_id,
                                                       ActorAlias.name))  # fmt: skip


def attribute_hop_by_hop(project: Project, data: st.DataObject) -> None:
    claim = data.draw(st.sampled_from(ids(project, Claim)))
    action = data.draw(st.sampled_from(["add", "move", "edit", "remove"]))
    length = len(chains.chain_of(project, claim))
    if action == "add" or not length:
        source = data.draw(st.sampled_from(ids(project, Source)))
        chains.add_hop(project, claim, claims.Hop("quoted by", source_id=source))
        return
    position = data.draw(st.integers(0, length - 1))
    if action == "move":
        chains.move_hop(project, claim, position, data.draw(st.sampled_from([-1, 1])))
    elif action == "edit":
        chains.edit_hop(project, claim, position, cue="said", anonymous=data.draw(st.booleans()))
    else:
        chains.remove_hop(project, claim, position)


def unlink_something(project: Project, data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(["actor", "event", "participant", "relation"]))
    if kind == "actor":
        link = _one_of(project, ClaimActor.claim_id, ClaimActor.actor_id, ClaimActor.role)
        links.unlink_actor(project, *link)
    elif kind == "event":
        link = _one_of(project, ClaimEvent.claim_id, ClaimEvent.event_id, ClaimEvent.role)
        links.unlink_event(project, *link)
    elif kind == "participant":
        link = _one_of(project, EventActor.event_id, EventActor.actor_id, EventActor.role)
        links.remove_participant(project, *link)
    else:
        relation = ClaimRelation.from_claim_id, ClaimRelation.to_claim_id, ClaimRelation.kind
        links.unrelate_claims(project, *_one_of(project, *relation))


def bulk_credibility_and_tags(project: Project, data: st.DataObject) -> None:
    chosen = data.draw(st.lists(st.sampled_from(ids(project, Claim)), min_size=1, unique=True))
    tag = data.draw(st.sampled_from(WORDS))
    action = data.draw(st.sampled_from(["credibility", "tag", "untag", "delete"]))
    if action == "credibility":
        bulk_claims.set_credibility(project, chosen, data.draw(st.integers(1, 6)))
    elif action == "tag":
        bulk_claims.add_tag(project, chosen, tag)
    elif action == "untag":
        bulk_claims.remove_tag(project, chosen, tag)
    else:
        bulk_claims.delete_claims(project, chosen)


def tag_articles_in_bulk(project: Project, data: st.DataObject) -> None:
    chosen = data.draw(st.lists(st.sampled_from(ids(project, Article)), min_size=1, unique=True))
    articles.tag_articles(project, chosen, [data.draw(st.sampled_from(WORDS))])


def change_notes_and_tags(project: Project, data: st.DataObject) -> None:
    action = data.draw(st.sampled_from(["edit note", "delete note", "untag", "set tags"]))
    if action == "edit note":
        notes_and_tags.edit_note(project, _one_of(project, Note.id)[0], "edited " + words(data))
    elif action == "delete note":
        notes_and_tags.delete_note(project, _one_of(project, Note.id)[0])
    else:
        kind, target, name = _a_tagging(project)
        if action == "untag":
            notes_and_tags.remove_tag(project, kind, target, name)
        else:
            notes_and_tags.set_tags(project, kind, target, [data.draw(st.sampled_from(WORDS))])


def create_inline(project: Project, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(WORDS)) + " " + data.draw(st.sampled_from(WORDS))
    action = data.draw(st.sampled_from(["mention", "actor", "event"]))
    if action == "mention":
        article = data.draw(st.sampled_from(ids(project, Article)))
        inline.mention_new_actor(project, article, Span(0, 4), name, "person")
    elif action == "actor":
        inline.link_new_actor(project, data.draw(st.sampled_from(ids(project, Claim))), name,
                              "organization")  # fmt: skip
    else:
        inline.link_new_event(project, data.draw(st.sampled_from(ids(project, Claim))), name)


MORE_STEPS: list[Step] = [
    import_a_batch,
    add_a_version,
    reattach_an_orphan,
    grade_or_edit_a_record,
    add_or_remove_an_alias,
    attribute_hop_by_hop,
    unlink_something,
    bulk_credibility_and_tags,
    tag_articles_in_bulk,
    change_notes_and_tags,
    create_inline,
]
