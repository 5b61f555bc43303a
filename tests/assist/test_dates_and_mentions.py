"""Dates resolved against the publication day, and actors' mentions (known and new)."""

from __future__ import annotations

import datetime

from workbench.assist import KnownName, MentionMatcher, suggest_dates, suggest_mentions

MONDAY = datetime.date(2025, 6, 23)


def _resolved(text: str, published: datetime.date | None = MONDAY) -> list[tuple[str, str, str]]:
    return [
        (date.text, date.resolved.isoformat(), date.precision)
        for date in suggest_dates(text, published)
    ]


def test_relative_and_partial_dates() -> None:
    """The issue's expressions, written on Monday 23 June 2025, resolve with their precision."""
    text = (
        "On Monday he left. Over the weekend it rained. Last week they met, and just last week "
        "again. The revolution of 1979 is history; the deal is dead since 2018. "
        "On June 21 it ended."
    )
    assert _resolved(text) == [
        ("On Monday", "2025-06-23", "day"),
        ("Over the weekend", "2025-06-21", "week"),
        ("Last week", "2025-06-16", "week"),
        ("just last week", "2025-06-16", "week"),
        ("of 1979", "1979-01-01", "year"),
        ("since 2018", "2018-01-01", "year"),
        ("On June 21", "2025-06-21", "day"),
    ]


def test_weekday_before_the_publication_is_the_last_one() -> None:
    """'on Friday' in an article of Monday is the Friday before, never the one after."""
    assert _resolved("They met on Friday.") == [("on Friday", "2025-06-20", "day")]


def test_calendar_date_without_a_year_is_in_the_past() -> None:
    """'Sept. 12' in an article of June 2025 is 12 September 2024; 'in March' is March 2025."""
    assert _resolved("It began Sept. 12 and resumed in March.") == [
        ("Sept. 12", "2024-09-12", "day"),
        ("in March", "2025-03-01", "month"),
    ]


def test_no_date_in_plain_numbers() -> None:
    """Counts and prices are not years: '1,500 people' and '$2020' propose nothing."""
    assert _resolved("Some 1,500 people paid 12020 dollars for 300 seats.") == []


def test_known_names_and_aliases_whole_words_longest_first() -> None:
    """Every occurrence of a known name or alias; 'Iran' inside 'Iranian' is not one."""
    known = [
        KnownName("Ali Khamenei", "actor", 1, "Ali Khamenei", "person"),
        KnownName("Supreme Leader Ayatollah Ali Khamenei", "actor", 1, "Ali Khamenei", "person"),
        KnownName("Iran", "actor", 2, "Iran", "state"),
    ]
    text = "😀 Iranian media: Supreme Leader Ayatollah Ali Khamenei spoke for Iran."
    found = MentionMatcher(known).find(text)
    assert [(text[m.span.start : m.span.end], m.actor) for m in found] == [
        ("Supreme Leader Ayatollah Ali Khamenei", "Ali Khamenei"),
        ("Iran", "Iran"),
    ]


def test_one_matcher_serves_many_articles() -> None:
    """A matcher built once finds the names in every article it is given."""
    matcher = MentionMatcher([KnownName("Reuters", "actor", 4, "Reuters", "organisation")])
    assert [
        len(matcher.find(text)) for text in ("Reuters said.", "No one.", "Reuters, Reuters")
    ] == [
        1,
        0,
        2,
    ]


def test_new_actor_candidates_with_titles_and_kind() -> None:
    """Titled names are proposed as new people without their title; a surname alone follows."""
    text = (
        "Iran’s top authority, Supreme Leader Ayatollah Ali Khamenei, wrote to Russian "
        "President Vladimir Putin. Later, Putin replied."
    )
    found = [(m.actor, m.kind_guess) for m in suggest_mentions(text, ()) if m.known is None]
    assert ("Ali Khamenei", "person") in found
    assert ("Vladimir Putin", "person") in found
    assert found.count(("Vladimir Putin", "person")) == 2


def test_candidates_at_a_sentence_start_and_after_a_role() -> None:
    """A name opening a sentence is a candidate; 'CEO of Determined AI' names an organisation."""
    text = (
        "Jonathan Koomey cautions us. Evan Sparks, CEO of Determined AI, agrees. Some AI labs wait."
    )
    found = [(m.actor, m.kind_guess) for m in suggest_mentions(text, ())]
    assert ("Jonathan Koomey", "person") in found
    assert ("Determined AI", "organisation") in found
    assert all(actor not in ("of Determined AI", "Some AI") for actor, _ in found)
