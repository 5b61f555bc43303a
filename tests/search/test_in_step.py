"""Every edit reaches the index: new, changed, deleted, undone, renamed, tagged, mentioned."""

from __future__ import annotations

import threading

from tests.search.conftest import keys
from workbench.domain.anchoring import Span
from workbench.services import Project, claims, entities, links
from workbench.services.annotations import add_note, add_tag
from workbench.services.articles import NewArticle, add_article, article_text, delete_article
from workbench.services.search import SearchIndex

REUTERS_CLAIM = ("claim", 1)


def _span(index: SearchIndex, quote: str) -> Span:
    text = article_text(index.project, 1)
    start = text.index(quote)
    return Span(start, start + len(quote))


def test_a_new_claim_is_found_at_once(sample_index: SearchIndex) -> None:
    """A claim marked a moment ago is found by the words of its summary."""
    claim_id = claims.create_claim(
        sample_index.project,
        1,
        _span(sample_index, "Russia has long been considered a key ally of Iran"),
        summary="Zebra-striped alliance between Moscow and Tehran",
    )
    assert keys(sample_index.search("zebra")) == [("claim", claim_id)]


def test_an_edit_replaces_the_old_words(sample_index: SearchIndex) -> None:
    """After a summary is rewritten, its old words no longer find the claim; the new ones do."""
    claims.edit_claim(sample_index.project, 1, summary="Tehran grumbles about Moscow")
    assert REUTERS_CLAIM not in keys(sample_index.search("summary:unhappy"))
    assert keys(sample_index.search("summary:grumbles")) == [REUTERS_CLAIM]
    assert sample_index.engine.document_count() == 7


def test_delete_and_undo(sample_index: SearchIndex) -> None:
    """A deleted claim disappears from search; undoing the delete brings it back."""
    claims.delete_claim(sample_index.project, 1)
    assert keys(sample_index.search("source:Reuters")) == []
    sample_index.project.undo()
    assert keys(sample_index.search("source:Reuters")) == [REUTERS_CLAIM]


def test_deleting_an_article_removes_its_claims(sample_index: SearchIndex) -> None:
    """Deleting the article removes it and its six claims from the index."""
    delete_article(sample_index.project, 1)
    assert sample_index.search("Putin").total == 0
    assert sample_index.engine.document_count() == 0


def test_a_new_source_alias_finds_its_claims(sample_index: SearchIndex) -> None:
    """An alias added to Reuters finds the claims Reuters reported."""
    entities.add_alias(sample_index.project, "source", 2, "Agence Lionfish")
    assert keys(sample_index.search("source:Lionfish")) == [REUTERS_CLAIM]


def test_renaming_an_actor_reaches_articles_that_mention_it(sample_index: SearchIndex) -> None:
    """An alias added to Khamenei finds the article where he is marked as mentioned."""
    entities.add_alias(sample_index.project, "actor", 1, "Rahbar")
    assert keys(sample_index.search("actor:Rahbar")) == [("article", 1)]


def test_a_new_mention_finds_the_article(sample_index: SearchIndex) -> None:
    """Marking a mention of a new actor makes the article findable by that actor."""
    project = sample_index.project
    actor = entities.create_actor(project, "Security Council", "organisation", ["UNSC"])
    links.mark_mention(project, 1, _span(sample_index, "United Nations Security Council"), actor)
    assert keys(sample_index.search("actor:UNSC")) == [("article", 1)]


def test_tags_and_notes_are_searchable(sample_index: SearchIndex) -> None:
    """A tag on the article and a note on a claim are found with tag: and note:."""
    add_tag(sample_index.project, "article", 1, "Bushehr watch")
    add_note(sample_index.project, "claim", 3, "Compare with the TASS wording")
    assert keys(sample_index.search('tag:"Bushehr watch"')) == [("article", 1)]
    assert keys(sample_index.search("note:TASS")) == [("claim", 3)]


def test_the_background_indexer_keeps_up(sample_index: SearchIndex) -> None:
    """With the background indexer running, a new article is indexed without being asked."""
    indexed = threading.Event()
    indexer = sample_index.start_background(on_indexed=lambda _count: indexed.set())
    try:
        add_article(
            sample_index.project,
            NewArticle(text="Quokka sightings\n\nA quokka was seen near Perth.", title="Quokkas"),
        )
        assert indexer.wait_until_idle(timeout=10)
        assert indexed.wait(timeout=10)
        assert sample_index.engine.document_count() == 8
        assert [hit.title for hit in sample_index.search("quokka").hits] == ["Quokkas"]
    finally:
        indexer.stop()


def test_the_background_indexer_reports_failures(sample_index: SearchIndex) -> None:
    """A failure while indexing goes to on_error as one line; the indexer carries on."""
    errors: list[str] = []
    indexer = sample_index.start_background(on_error=errors.append)
    original = sample_index.engine.drain
    calls = {"count": 0}

    def failing_once(wait: bool = True, settle: bool = True) -> int:
        calls["count"] += 1
        if calls["count"] == 1:
            raise OSError("disk full")
        return original(wait, settle)

    sample_index.engine.drain = failing_once  # type: ignore[method-assign]
    try:
        claims.edit_claim(sample_index.project, 2, summary="Kremlin stays vague")
        claims.edit_claim(sample_index.project, 3, summary="Putin is wary")
        assert indexer.wait_until_idle(timeout=10)
        assert errors and "disk full" in errors[0] and "\n" not in errors[0]
        assert keys(sample_index.search("summary:vague")) == [("claim", 2)]
    finally:
        indexer.stop()


def test_an_empty_project_finds_nothing_then_its_first_article(project: Project) -> None:
    """A new, empty project searches without error; its first article is found at once."""
    index = SearchIndex.open(project)
    try:
        assert index.search("anything").total == 0
        add_article(
            project, NewArticle(text="Narwhal news\n\nA narwhal surfaced.", title="Narwhal")
        )
        assert [hit.title for hit in index.search("narwhal").hits] == ["Narwhal"]
    finally:
        index.close()
