"""Fixtures for the link chart and timeline: a case of many claims about one actor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest

from workbench.domain.anchoring import Span
from workbench.services import Project, claims, entities, events, links
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import Hop


@pytest.fixture
def actor_case(project: Project) -> Callable[[int], int]:
    """Fills the project with `n` claims that name one actor (in one article, each said by a
    source of its own, about an event of its own); returns the actor's id."""

    def filling(n: int) -> int:
        with project.command("Make the case"):
            article = add_article(
                project,
                NewArticle(text="word " * (n + 1), title="Case", published=datetime(2025, 6, 1)),
            )
            actor = entities.create_actor(project, "Vladimir Putin", "person")
            for number in range(n):
                claim = claims.create_claim(
                    project, article, Span(number * 5, number * 5 + 4), credibility=2
                )
                source = entities.create_source(project, f"Source {number}", "person", "B")
                claims.set_attribution(project, claim, [Hop("speaker", source_id=source)])
                links.link_actor(project, claim, actor, "speaker")
                event = events.create_event(project, f"Event {number}", start_date=date(2025, 1, 1))
                links.link_event(project, claim, event, "describes")
                links.add_participant(project, event, actor, "host")
        return actor

    return filling
