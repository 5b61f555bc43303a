"""Fixtures for reviewing suggestions: the seed article in a fresh project, and proposals for it
made by hand (what the engine would propose), so decisions are checked whatever it finds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from workbench.assist.model import (
    AttributionSuggestion,
    ChainHop,
    DateSuggestion,
    KnownName,
    MentionSuggestion,
    Span,
    Suggestions,
)
from workbench.resources import resource
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.entities import create_actor, create_source

SEED = resource("sample", "putin-iran-deftechtimes.txt")
REUTERS_CLAIM = "the Iranian leadership is not happy with Russia’s actions so far"


@dataclass(frozen=True)
class Seed:
    """The seed article in a project that knows Reuters and Vladimir Putin."""

    project: Project
    article_id: int
    text: str
    reuters: int
    putin: int

    def span(self, words: str, after: int = 0) -> Span:
        start = self.text.index(words, after)
        return Span(start, start + len(words))

    def reuters_claim(self) -> AttributionSuggestion:
        """ "Sources told Reuters that …": unnamed sources → Reuters → Deftechtimes."""
        return AttributionSuggestion(
            cue=self.span("told Reuters"),
            source=self.span("Sources told"),
            content=self.span(REUTERS_CLAIM),
            anonymous=True,
            chain=(
                ChainHop("unnamed sources", "speaker", "told", True, "unnamed sources"),
                ChainHop(
                    "Reuters",
                    "reported by",
                    "told Reuters",
                    known=KnownName("Reuters", "source", self.reuters, "Reuters"),
                ),
                ChainHop("Deftechtimes", "published by", "", kind_guess="outlet"),
            ),
            confidence=0.9,
        )

    def putin_mentions(self) -> tuple[MentionSuggestion, ...]:
        known = KnownName("Vladimir Putin", "actor", self.putin, "Vladimir Putin", "person")
        first = self.span("Vladimir Putin")
        second = self.span("Putin", first.end)
        return (
            MentionSuggestion(first, "Vladimir Putin", known),
            MentionSuggestion(second, "Vladimir Putin", known),
        )

    def araqchi_candidate(self) -> MentionSuggestion:
        return MentionSuggestion(self.span("Abbas Araqchi"), "Abbas Araqchi", None, "person")

    def on_monday(self) -> DateSuggestion:
        return DateSuggestion(self.span("On Monday"), "On Monday", date(2025, 6, 23), "day")

    def suggestions(self) -> Suggestions:
        return Suggestions(
            attributions=(self.reuters_claim(),),
            mentions=(*self.putin_mentions(), self.araqchi_candidate()),
            dates=(self.on_monday(),),
        )


def add_seed(project: Project) -> Seed:
    text = SEED.read_text(encoding="utf-8")
    article_id = add_article(
        project,
        NewArticle(
            text=text,
            title=text.partition("\n")[0],
            outlet="Deftechtimes",
            published=datetime(2025, 6, 23, 14, 5),
            original=text.encode(),
            original_format="txt",
            original_name=SEED.name,
        ),
    )
    reuters = create_source(project, "Reuters", "wire agency", "B")
    putin = create_actor(project, "Vladimir Putin", "person", aliases=["Putin"])
    project.undo_stack.clear()
    return Seed(project, article_id, text, reuters, putin)


@pytest.fixture
def seed(tmp_path: Path) -> Iterator[Seed]:
    """The seed article in a new project that knows Reuters and Vladimir Putin."""
    with Project.create(tmp_path / "review.wbproj") as project:
        yield add_seed(project)
