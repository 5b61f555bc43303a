"""A case of circular reporting built through the services (fixture `case`): the seed article's
Reuters claim, a syndicated copy of the article, and a third outlet citing the same story."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from workbench.domain import Claim, Source
from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article, article_text
from workbench.services.claims import Hop, create_claim, set_attribution
from workbench.services.entities import create_source
from workbench.services.links import link_actor, link_event, relate_claims
from workbench.services.sample import build_sample

REUTERS_QUOTE = (
    "Sources told Reuters that the Iranian leadership is not happy with Russia’s actions so far"
)
THIRD_TEXT = (
    "Tehran unhappy with Moscow\n\n"
    "Sources told Reuters that the Iranian leadership is not happy with Russia’s actions so "
    "far, the agency said on Tuesday."
)
KREMLIN_TEXT = (
    "Kremlin responds\n\n"
    "The Kremlin said the Iranian leadership is not happy with Russia’s actions so far, "
    "and that talks would go on."
)


@dataclass
class Case:
    """The claims of the case, by where they were marked."""

    project: Project
    seed: int
    copy: int
    third: int
    seed_article: int
    copy_article: int
    sources: dict[str, int]


def source_id(project: Project, name: str) -> int:
    with project.reading() as session:
        found = session.scalar(select(Source.id).where(Source.name == name))
    assert found is not None
    return found


def mark(project: Project, article_id: int, quote: str) -> int:
    text = article_text(project, article_id)
    start = text.index(quote)
    return create_claim(project, article_id, Span(start, start + len(quote)))


def via_reuters(project: Project, claim_id: int, outlet_id: int) -> None:
    anonymous, reuters = source_id(project, "unnamed sources"), source_id(project, "Reuters")
    set_attribution(
        project,
        claim_id,
        [
            Hop("speaker", source_id=anonymous, anonymous=True),
            Hop("reported by", source_id=reuters, cue="told Reuters"),
            Hop("published by", source_id=outlet_id),
        ],
    )


def add_outlet_article(project: Project, text: str, outlet: str, copy_of: int | None) -> int:
    new = NewArticle(text=text, title=text.split("\n")[0], outlet=outlet)
    new.near_duplicate_of_id = copy_of
    return add_article(project, new)


_TEMPLATE: dict[str, object] = {}  # the case built once per test session, copied per test


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    """Three articles, three outlets, one Reuters story from unnamed sources (a fresh copy of
    a case built once: building it through the services for every test is slow)."""
    if not _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="workbench-corroboration-case-"))
        atexit.register(shutil.rmtree, folder, True)
        with Project.create(folder / "case.wbproj") as project:
            build_sample(project)
            _TEMPLATE.update(path=folder / "case.wbproj", ids=_build(project))
    path = tmp_path / "case.wbproj"
    template = Path(str(_TEMPLATE["path"]))
    for suffix in ("", "-wal"):
        if Path(f"{template}{suffix}").exists():
            shutil.copyfile(f"{template}{suffix}", f"{path}{suffix}")
    with Project.open(path) as project:
        project.undo_stack.clear()
        yield Case(project, **_TEMPLATE["ids"])  # type: ignore[arg-type]


def _build(project: Project) -> dict[str, object]:
    with project.reading() as session:
        seed_claim, seed_article = session.execute(
            select(Claim.id, Claim.article_id).where(Claim.exact.startswith("Sources told"))
        ).one()
    seed_text = article_text(project, seed_article)
    copy_article = add_outlet_article(
        project, seed_text.replace("Putin Caught", "Putin Stuck", 1), "Al-Monitor", seed_article
    )
    third_article = add_outlet_article(project, THIRD_TEXT, "Tehran Times", None)
    sources = {
        name: create_source(project, name, "outlet", "C") for name in ("Al-Monitor", "Tehran Times")
    }
    copy = mark(project, copy_article, REUTERS_QUOTE)
    via_reuters(project, copy, sources["Al-Monitor"])
    third = mark(project, third_article, REUTERS_QUOTE)
    via_reuters(project, third, sources["Tehran Times"])
    relate_claims(project, third, seed_claim, "repeats")
    return {
        "seed": seed_claim, "copy": copy, "third": third, "seed_article": seed_article,
        "copy_article": copy_article, "sources": sources,
    }  # fmt: skip


def kremlin_statement(case: Case) -> int:
    """The Kremlin's own statement of the same thing, in a fourth article, repeating the seed."""
    project = case.project
    article = add_outlet_article(project, KREMLIN_TEXT, "TASS", None)
    claim = mark(project, article, "The Kremlin said the Iranian leadership is not happy")
    tass = create_source(project, "TASS", "wire agency", "C")
    set_attribution(
        project,
        claim,
        [
            Hop("speaker", source_id=source_id(project, "Kremlin"), cue="said"),
            Hop("published by", source_id=tass),
        ],
    )
    relate_claims(project, claim, case.seed, "repeats")
    return claim


LIKE_TEXT = "Iran upset\n\nIran's leadership is not happy with Russia's actions, sources said."


def look_alike(case: Case) -> int:
    """A claim worded like the seed's, with the same actors and event, in a new article."""
    project = case.project
    article = add_outlet_article(project, LIKE_TEXT, "Iran Watch", None)
    claim = mark(project, article, "Iran's leadership is not happy with Russia's actions")
    with project.reading() as session:
        seed = session.get(Claim, case.seed)
        assert seed is not None
        actors = [(link.actor_id, link.role) for link in seed.actor_links]
        events = [(link.event_id, link.role) for link in seed.event_links]
    for actor_id, role in actors:
        link_actor(project, claim, actor_id, role)
    for event_id, role in events:
        link_event(project, claim, event_id, role)
    return claim
