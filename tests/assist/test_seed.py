"""The seed article: its four named claims proposed with the right sources, 'On Monday' dated."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.assist import KnownName, Suggestions, suggest
from workbench.ingest import extract_file


@pytest.fixture(scope="module")
def seed(corpus: Path) -> tuple[str, Suggestions]:
    document = extract_file(corpus / "seed" / "putin-iran-deftechtimes.html").documents[0]
    assert document.published is not None
    known = [
        KnownName("Reuters", "source", 1, "Reuters", "wire agency"),
        KnownName("Kremlin", "source", 2, "the Kremlin", "government body"),
        KnownName("Vladimir Putin", "actor", 3, "Vladimir Putin", "person"),
        KnownName("Putin", "actor", 3, "Vladimir Putin", "person"),
    ]
    found = suggest(
        document.text, published=document.published.date(), known=known, outlet=document.site
    )
    return document.text, found


def _proposal(text: str, found: Suggestions, words: str) -> list[tuple[str, str, bool]]:
    """The chain of the attribution whose content holds `words`."""
    for item in found.attributions:
        if item.content and words in text[item.content.start : item.content.end]:
            return [(hop.name, hop.role, hop.anonymous) for hop in item.chain]
    raise AssertionError(f"no attribution proposed for {words!r}")


def test_sources_told_reuters(seed: tuple[str, Suggestions]) -> None:
    """Unnamed sources (speaker, anonymous) → Reuters (reported by) → Deftechtimes."""
    assert _proposal(*seed, "the Iranian leadership is not happy") == [
        ("Sources", "speaker", True),
        ("Reuters", "reported by", False),
        ("Deftechtimes", "published by", False),
    ]


def test_kremlin_confirmed_the_meeting(seed: tuple[str, Suggestions]) -> None:
    """The Kremlin's confirmation of the meeting, resolved to the known Source."""
    assert _proposal(*seed, "the meeting")[0] == ("the Kremlin", "confirmed by", False)


def test_reports_suggest_putin_cautious(seed: tuple[str, Suggestions]) -> None:
    """'Reports suggest that Putin has been cautious': unnamed reports are the source."""
    assert _proposal(*seed, "Putin has been cautious")[0] == ("Reports", "speaker", True)


def test_putin_on_israels_promise(seed: tuple[str, Suggestions]) -> None:
    """'he did reveal that Israel had promised…': 'he' is Putin, not Khamenei named just before."""
    assert _proposal(*seed, "Israel had promised Russia")[0] == ("Vladimir Putin", "speaker", False)


def test_on_monday_is_the_publication_day(seed: tuple[str, Suggestions]) -> None:
    """'On Monday' in the article of Monday 23 June 2025 resolves to that day."""
    text, found = seed
    monday = [date for date in found.dates if date.text == "On Monday"]
    assert [(date.resolved.isoformat(), date.precision) for date in monday] == [
        ("2025-06-23", "day")
    ]
    assert text[monday[0].span.start : monday[0].span.end] == "On Monday"


def test_actors_proposed(seed: tuple[str, Suggestions]) -> None:
    """Putin's mentions are known; Khamenei and Araqchi are proposed as new people."""
    _, found = seed
    known = {m.actor for m in found.mentions if m.known is not None}
    new = {(m.actor, m.kind_guess) for m in found.mentions if m.known is None}
    assert "Vladimir Putin" in known
    assert {("Ali Khamenei", "person"), ("Abbas Araqchi", "person")} <= new
