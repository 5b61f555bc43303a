"""Use cases: clear refusals of bad input, merges, deletes, tags and the change log."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from workbench.domain import ChangeRecord, OutboxEntry
from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.annotations import add_note, add_tag, remove_tag, set_tags
from workbench.services.articles import NewArticle, add_article, delete_article, original_bytes
from workbench.services.claims import (
    Hop,
    create_claim,
    delete_claim,
    edit_claim,
    grade_claim,
    set_attribution,
)
from workbench.services.entities import (
    create_actor,
    create_source,
    delete_source,
    grade_source,
    merge_actors,
)
from workbench.services.errors import DuplicateArticle, InvalidInput, NameTaken, StillInUse
from workbench.services.events import create_event, merge_events
from workbench.services.links import link_actor, link_event
from workbench.services.names import suggest
from workbench.services.queries import claim_view, claim_views, project_counts, tags_of
from workbench.store import RecordNotFound

TEXT = "Moscow says talks went well.\n\nTehran says nothing at all."


@pytest.fixture
def article(project: Project) -> int:
    return add_article(project, NewArticle(text=TEXT, title="Talks", original=b"<p>raw</p>"))


def test_same_text_twice_is_a_duplicate(project: Project, article: int) -> None:
    """Importing the same text again is refused as a duplicate naming the existing article."""
    with pytest.raises(DuplicateArticle, match=f"already article {article}"):
        add_article(project, NewArticle(text=TEXT + "\n\n"))
    assert project_counts(project).articles == 1


def test_original_bytes_are_kept(project: Project, article: int) -> None:
    """The bytes an article was imported from come back unchanged."""
    assert original_bytes(project, article) == b"<p>raw</p>"


def test_claim_quote_comes_from_the_text_trimmed(project: Project, article: int) -> None:
    """A selection with surrounding spaces makes a claim of just the words."""
    claim_id = create_claim(project, article, Span(6, 29))
    assert claim_view(project, claim_id).exact == "says talks went well."


@pytest.mark.parametrize(
    ("span", "message"),
    [(Span(28, 30), "select the words"), (Span(0, 999), "past the article's end")],
)
def test_bad_selections_are_refused(
    project: Project, article: int, span: Span, message: str
) -> None:
    """An empty or out-of-range selection is refused with a reason, and nothing is stored."""
    with pytest.raises(InvalidInput, match=message):
        create_claim(project, article, span)
    assert project_counts(project).claims == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"credibility": 9}, "credibility must be 1–6"),
        ({"status": "maybe"}, "not a claim status"),
        ({"kind": "gossip"}, "not a claim kind"),
        ({"colour": "red"}, "no field 'colour'"),
    ],
)
def test_bad_claim_edits_are_refused(
    project: Project, article: int, fields: dict, message: str
) -> None:
    """Grades and vocabularies outside the Admiralty scales are refused with the choices."""
    claim_id = create_claim(project, article, Span(0, 6))
    with pytest.raises(InvalidInput, match=message):
        edit_claim(project, claim_id, **fields)
    assert claim_view(project, claim_id).credibility == 6


def test_grading_is_named_for_undo(project: Project, article: int) -> None:
    """Grading a claim is an undo step named after the grade."""
    claim_id = create_claim(project, article, Span(0, 6))
    grade_claim(project, claim_id, 3)
    assert claim_view(project, claim_id).credibility_label == "3 — possibly true"
    assert project.undo_stack.undo_label == "Grade claim 3"


def test_source_names_and_aliases_are_unique(project: Project) -> None:
    """A second source called like an existing one's name or alias is refused."""
    reuters = create_source(project, "Reuters", "wire agency", "B", aliases=["Thomson Reuters"])
    with pytest.raises(NameTaken, match="already exists"):
        create_source(project, "thomson  reuters", "wire agency")
    assert [match.id for match in suggest_sources(project, "thom")] == [reuters]


def suggest_sources(project: Project, typed: str):
    with project.reading() as session:
        return suggest(session, "source", typed)


def test_type_ahead_finds_actors_by_alias(project: Project) -> None:
    """Typing 'Supreme' suggests Ali Khamenei through his alias."""
    khamenei = create_actor(project, "Ali Khamenei", "person", aliases=["Supreme Leader"])
    create_actor(project, "Iran", "state")
    with project.reading() as session:
        (match,) = suggest(session, "actor", "supreme")
    assert (match.id, match.name, match.matched_alias) == (
        khamenei,
        "Ali Khamenei",
        "Supreme Leader",
    )


def test_reliability_must_be_a_to_f(project: Project) -> None:
    """A source grade outside A–F is refused."""
    source = create_source(project, "Kremlin", "government body")
    with pytest.raises(InvalidInput, match="A–F"):
        grade_source(project, source, "G")


def test_merging_actors_moves_links_and_names(project: Project, article: int) -> None:
    """Merging 'Khamenei' into 'Ali Khamenei' moves claim links; the old name becomes an alias."""
    claim_id = create_claim(project, article, Span(0, 6))
    survivor = create_actor(project, "Ali Khamenei", "person")
    duplicate = create_actor(project, "Khamenei", "person", aliases=["Supreme Leader"])
    link_actor(project, claim_id, duplicate, "speaker")
    link_actor(project, claim_id, survivor, "speaker")
    merge_actors(project, survivor, duplicate)
    assert claim_view(project, claim_id).actors == (
        claim_view(project, claim_id).actors[0].__class__(survivor, "Ali Khamenei", "speaker"),
    )
    with project.reading() as session:
        assert {m.matched_alias for m in suggest(session, "actor", "")} == {""}
        assert [m.id for m in suggest(session, "actor", "supreme")] == [survivor]
        assert [m.id for m in suggest(session, "actor", "khamenei")] == [survivor]
    assert project_counts(project).actors == 1


def test_merging_events_keeps_claim_links(project: Project, article: int) -> None:
    """Merging a duplicate event moves its claim links to the survivor."""
    claim_id = create_claim(project, article, Span(0, 6))
    survivor = create_event(project, "U.S. strikes on Iranian nuclear sites")
    duplicate = create_event(project, "US strike on Iran")
    link_event(project, claim_id, duplicate, "describes")
    merge_events(project, survivor, duplicate)
    assert [event.id for event in claim_view(project, claim_id).events] == [survivor]


def test_a_source_in_a_chain_cannot_be_deleted(project: Project, article: int) -> None:
    """Deleting a source that a chain rests on is refused with advice."""
    claim_id = create_claim(project, article, Span(0, 6))
    reuters = create_source(project, "Reuters", "wire agency")
    set_attribution(project, claim_id, [Hop("reported by", source_id=reuters)])
    with pytest.raises(StillInUse, match="merge it"):
        delete_source(project, reuters)


def test_a_hop_names_a_source_or_an_actor(project: Project, article: int) -> None:
    """A hop with neither (or both) a source and an actor is refused."""
    claim_id = create_claim(project, article, Span(0, 6))
    with pytest.raises(InvalidInput, match="either a source or an actor"):
        set_attribution(project, claim_id, [Hop("speaker")])


def test_deleting_a_claim_takes_its_notes_and_tags(project: Project, article: int) -> None:
    """A deleted claim leaves no orphan notes or tags behind; undo brings them back."""
    claim_id = create_claim(project, article, Span(0, 6))
    add_tag(project, "claim", claim_id, "Nuclear")
    add_note(project, "claim", claim_id, "check this")
    delete_claim(project, claim_id)
    assert claim_views(project) == []
    project.undo()
    restored = claim_view(project, claim_id)
    assert (restored.tags, [n.body for n in restored.notes]) == (("Nuclear",), ["check this"])


def test_tags_are_case_insensitive(project: Project, article: int) -> None:
    """'nuclear' and 'Nuclear' are one tag; set_tags makes the tags exactly the given ones."""
    add_tag(project, "article", article, "Nuclear")
    add_tag(project, "article", article, "nuclear")
    assert tags_of(project, "article", article) == ("Nuclear",)
    set_tags(project, "article", article, ["Iran", "nuclear"])
    assert tags_of(project, "article", article) == ("Iran", "Nuclear")
    remove_tag(project, "article", article, "IRAN")
    assert tags_of(project, "article", article) == ("Nuclear",)


def test_missing_records_are_named(project: Project) -> None:
    """Acting on a claim that does not exist says which one."""
    with pytest.raises(RecordNotFound, match="claim 42 does not exist"):
        grade_claim(project, 42, 2)


def test_deleting_an_article_deletes_its_claims(project: Project, article: int) -> None:
    """Deleting an article removes its claims; undo restores both."""
    create_claim(project, article, Span(0, 6))
    delete_article(project, article)
    assert project_counts(project)[:2] == (0, 0)
    project.undo()
    assert project_counts(project)[:2] == (1, 1)


def test_every_edit_is_journalled_and_queued_for_search(project: Project, article: int) -> None:
    """Each command writes one change-log entry and outbox rows for the documents it touched."""
    claim_id = create_claim(project, article, Span(0, 6))
    add_tag(project, "claim", claim_id, "talks")
    with project.reading() as session:
        actions = session.scalars(select(ChangeRecord.action).order_by(ChangeRecord.id)).all()
        queued = session.execute(
            select(OutboxEntry.entity_kind, func.count()).group_by(OutboxEntry.entity_kind)
        ).all()
    assert actions == ["Add article “Talks”", "Mark claim", "Tag “talks”"]
    assert dict(queued) == {"article": 1, "claim": 2}


def test_a_failed_command_stores_nothing(project: Project, article: int) -> None:
    """A command that fails half-way rolls back everything it did."""
    claim_id = create_claim(project, article, Span(0, 6))
    reuters = create_source(project, "Reuters", "wire agency")
    with pytest.raises(RecordNotFound):
        set_attribution(
            project,
            claim_id,
            [Hop("speaker", source_id=reuters), Hop("reported by", source_id=999)],
        )
    assert claim_view(project, claim_id).attribution == ()
    assert project.undo_stack.undo_label == "New source “Reuters”"
