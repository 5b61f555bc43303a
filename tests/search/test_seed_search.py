"""The seed article, annotated as in the sample project, found the ways an analyst searches."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.search.conftest import keys
from workbench.services import Project
from workbench.services.annotations import add_note
from workbench.services.search import QueryError, SearchHit, SearchIndex

ARTICLE = ("article", 1)
REUTERS_CLAIM = ("claim", 1)
KREMLIN_CLAIM = ("claim", 2)
CAUTIOUS_CLAIM = ("claim", 3)
STRIKES_CLAIM = ("claim", 5)


def marked(hit: SearchHit) -> list[str]:
    """The words a hit's snippet marks."""
    return [hit.snippet.text[start:end] for start, end in hit.snippet.highlights]


def test_reuters_finds_the_article_and_its_reuters_claim(sample_index: SearchIndex) -> None:
    """`Reuters` finds the article and the claim Reuters reported, with "Reuters" marked."""
    results = sample_index.search("Reuters")
    assert set(keys(results)) == {ARTICLE, REUTERS_CLAIM}
    assert results.total == 2
    for hit in results.hits:
        assert "Reuters" in marked(hit)


def test_phrase_finds_the_words_side_by_side(sample_index: SearchIndex) -> None:
    """`"nuclear sites"` finds the strikes claim first; its snippet marks both words."""
    results = sample_index.search('"nuclear sites"')
    assert keys(results)[0] == STRIKES_CLAIM
    assert set(keys(results)) == {STRIKES_CLAIM, ARTICLE}
    assert marked(results.hits[0]) == ["nuclear", "sites"]


def test_a_phrase_in_the_wrong_order_is_not_found(sample_index: SearchIndex) -> None:
    """`"Reuters told"` finds nothing though `"told Reuters"` does: order matters."""
    assert sample_index.search('"told Reuters"').total == 2
    assert sample_index.search('"Reuters told"').total == 0


def test_actor_found_through_an_alias(sample_index: SearchIndex) -> None:
    """`actor:Khamenei` finds the article that mentions Ali Khamenei (alias "Khamenei")."""
    results = sample_index.search("actor:Khamenei")
    assert keys(results) == [ARTICLE]
    assert "Khamenei" in marked(results.hits[0])


def test_source_finds_the_claim_it_reported(sample_index: SearchIndex) -> None:
    """`source:Reuters` finds the claim whose attribution chain runs through Reuters."""
    results = sample_index.search("source:Reuters")
    assert keys(results) == [REUTERS_CLAIM]
    assert results.hits[0].snippet.field == "quote"
    assert results.hits[0].snippet.text.startswith("Sources told Reuters")


def test_a_claim_found_by_its_note_shows_the_note(sample_index: SearchIndex) -> None:
    """A claim matched only by a word of its note shows that note, the word marked; matched
    by its quote as well, it shows the quote."""
    add_note(sample_index.project, "claim", 1, "Compare with the quokka cable")
    add_note(sample_index.project, "claim", 1, "Reuters again")
    by_note = sample_index.search("quokka")
    assert keys(by_note) == [REUTERS_CLAIM]
    assert (by_note.hits[0].snippet.field, marked(by_note.hits[0])) == ("note", ["quokka"])
    by_quote = [hit for hit in sample_index.search("Reuters").hits if hit.kind == "claim"]
    assert by_quote[0].snippet.field == "quote"


def test_source_alias_finds_the_claim(sample_index: SearchIndex) -> None:
    """A source's alias works like its name: `source:"Thomson Reuters"`."""
    assert keys(sample_index.search('source:"Thomson Reuters"')) == [REUTERS_CLAIM]


def test_title_search_puts_the_article_first(sample_index: SearchIndex) -> None:
    """`title:Putin` finds the article (its claims carry its title too), article first."""
    results = sample_index.search("title:Putin")
    assert keys(results)[0] == ARTICLE
    hit = results.hits[0]
    assert [hit.title[s:e] for s, e in hit.title_highlights] == ["Putin"]


def test_a_broken_query_gives_one_clear_line(sample_index: SearchIndex) -> None:
    """`title:(` is refused with a one-line message naming the unclosed bracket."""
    with pytest.raises(QueryError) as raised:
        sample_index.search("title:(")
    message = str(raised.value)
    assert "\n" not in message and "(" in message and "not closed" in message


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("strike", STRIKES_CLAIM),  # stemming: "strikes" in the quote
        ("Tehrān", ARTICLE),  # accents folded
        ("nucl*", STRIKES_CLAIM),  # prefix wildcard
        ("Khamenie~", ARTICLE),  # fuzzy: one letter off
        ("status:corroborated", KREMLIN_CLAIM),
        ("kind:assessment", CAUTIOUS_CLAIM),
        ("credibility:4", CAUTIOUS_CLAIM),
        ("reliability:F", REUTERS_CLAIM),
        ("event:Araqchi", KREMLIN_CLAIM),
        ('tag:"Iran–Russia relations"', CAUTIOUS_CLAIM),
        ("note:corroboration", REUTERS_CLAIM),
        ("outlet:Deftechtimes", ARTICLE),
        ("author:Deshpande", ARTICLE),
        ("type:claim Bushehr", ("claim", 4)),
    ],
)
def test_the_query_language_finds(
    sample_index: SearchIndex, query: str, expected: tuple[str, int]
) -> None:
    """Each part of the query language finds the record it should."""
    assert expected in keys(sample_index.search(query))


def test_date_ranges(sample_index: SearchIndex) -> None:
    """A date range finds what was published in it, and nothing outside it."""
    assert sample_index.search("date:[2025-06-01 TO 2025-06-30]").total == 7
    assert sample_index.search("date:2025-06").total == 7
    assert sample_index.search("date:>=2025-07-01").total == 0
    assert sample_index.search("date:[2024-01-01 TO 2024-12-31]").total == 0


def test_not_and_or(sample_index: SearchIndex) -> None:
    """AND/OR/NOT combine: NOT Kremlin drops the Kremlin's claim; OR widens."""
    without = keys(sample_index.search("Putin NOT Kremlin"))
    assert KREMLIN_CLAIM not in without and ARTICLE not in without
    assert CAUTIOUS_CLAIM in without
    assert set(keys(sample_index.search("source:Reuters OR source:Kremlin"))) == {
        REUTERS_CLAIM,
        KREMLIN_CLAIM,
    }
    assert keys(sample_index.search("Putin -Kremlin")) == without


def test_facet_counts(sample_index: SearchIndex) -> None:
    """Facets count every match: sources, actors, tags, statuses, outlets, years."""
    facets = sample_index.search("Putin").facets
    counts = {name: {c.value: c.count for c in values} for name, values in facets.items()}
    assert counts["outlets"] == {"Deftechtimes": 7}
    assert counts["years"] == {"2025": 7}
    assert counts["statuses"] == {"unverified": 3, "corroborated": 3}
    assert counts["sources"]["Reuters"] == 1 and counts["sources"]["Deftechtimes"] == 6
    assert counts["actors"]["Vladimir Putin"] == 4
    assert counts["tags"]["nuclear"] == 4


def test_filters_narrow_to_facet_values(sample_index: SearchIndex) -> None:
    """Filters keep only hits with the chosen facet values (claims, corroborated)."""
    results = sample_index.search("Putin", filters={"type": "claim", "statuses": ["corroborated"]})
    assert set(keys(results)) == {KREMLIN_CLAIM, STRIKES_CLAIM, ("claim", 6)}
    assert results.total == 3
    assert {c.value for c in results.facets["statuses"]} == {"corroborated"}


def test_an_unknown_filter_is_named(sample_index: SearchIndex) -> None:
    """Filtering by something that is not a facet is refused by name."""
    with pytest.raises(QueryError, match="colour"):
        sample_index.search("Putin", filters={"colour": "red"})


def test_limit_keeps_the_best_and_counts_all(sample_index: SearchIndex) -> None:
    """With limit 2 the two best hits are shown and the total still counts every match."""
    results = sample_index.search("Putin", limit=2)
    assert len(results.hits) == 2 and results.total == 7
    assert results.hits[0].score >= results.hits[1].score


def test_snippet_points_into_the_article_text(sample_index: SearchIndex) -> None:
    """A snippet's start and highlights locate the match in the article text itself."""
    from workbench.services.articles import article_text

    hit = next(h for h in sample_index.search("Bushehr").hits if h.kind == "article")
    text = article_text(sample_index.project, hit.id)
    start, end = hit.snippet.highlights[0]
    assert text[hit.snippet.start + start : hit.snippet.start + end] == "Bushehr"
    assert hit.snippet.clipped_before and hit.snippet.marked().startswith("…")


def test_seed_page_imported_is_found(corpus: Path, project: Project) -> None:
    """The saved seed page, imported, is found by Reuters, "nuclear sites" and title:Putin."""
    importing = pytest.importorskip("workbench.services.importing")
    importing.import_paths(project, [corpus / "seed" / "putin-iran-deftechtimes.html"])
    index = SearchIndex.open(project)
    try:
        for query in ("Reuters", '"nuclear sites"', "title:Putin"):
            results = index.search(query)
            assert [hit.kind for hit in results.hits] == ["article"], query
    finally:
        index.close()
