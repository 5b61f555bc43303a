"""The sample project: the seed article, annotated as an analyst would, built through services."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from workbench.domain.anchoring import Span
from workbench.resources import resource
from workbench.services import claims, entities, events, links
from workbench.services.annotations import add_note, add_tag
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import Hop
from workbench.services.project import Project

SAMPLE = resource("sample", "sample.json")


def build_sample(project: Project) -> int:
    """Fill a project with the annotated sample article as one undo step; returns its id."""
    spec = json.loads(SAMPLE.read_text(encoding="utf-8"))
    with project.command("Create sample project") as uow:
        article_id = _add_sample_article(project, spec["article"])
        text = uow.articles.get(article_id).text
        sources = {s["name"]: _add_source(project, s) for s in spec["sources"]}
        actors = {a["name"]: _add_actor(project, a) for a in spec["actors"]}
        event_ids = {e["title"]: _add_event(project, e, actors) for e in spec["events"]}
        names = _Names(sources, actors, event_ids)
        claim_ids = [_add_claim(project, article_id, text, c, names) for c in spec["claims"]]
        for source, target, kind in spec["relations"]:
            links.relate_claims(project, claim_ids[source], claim_ids[target], kind)
        for quote, actor in spec["mentions"]:
            links.mark_mention(project, article_id, _span_of(text, quote), actors[actor])
    return article_id


@dataclass(frozen=True)
class _Names:
    sources: dict[str, int]
    actors: dict[str, int]
    events: dict[str, int]


def _add_sample_article(project: Project, spec: dict[str, Any]) -> int:
    text_file = SAMPLE.parent / spec["text_file"]
    article_id = add_article(
        project,
        NewArticle(
            text=text_file.read_text(encoding="utf-8"),
            title=spec["title"],
            outlet=spec["outlet"],
            authors=spec["authors"],
            url=spec["url"],
            published=datetime.fromisoformat(spec["published"]),
            language=spec["language"],
            original=text_file.read_bytes(),
            original_format="txt",
            original_name=Path(text_file).name,
            imported_from="sample project",
            extractor="sample",
        ),
    )
    for tag in spec.get("tags", []):
        add_tag(project, "article", article_id, tag)
    return article_id


def _add_source(project: Project, spec: dict[str, Any]) -> int:
    return entities.create_source(
        project, spec["name"], spec["kind"], spec["reliability"], spec.get("aliases", ())
    )


def _add_actor(project: Project, spec: dict[str, Any]) -> int:
    return entities.create_actor(project, spec["name"], spec["kind"], spec.get("aliases", ()))


def _add_event(project: Project, spec: dict[str, Any], actors: dict[str, int]) -> int:
    event_id = events.create_event(
        project,
        spec["title"],
        kind=spec["kind"],
        start_date=date.fromisoformat(spec["start_date"]),
        start_precision=spec["start_precision"],
        place=spec["place"],
    )
    for actor, role in spec.get("participants", []):
        links.add_participant(project, event_id, actors[actor], role)
    return event_id


def _add_claim(project: Project, article_id: int, text: str, spec: dict, names: _Names) -> int:
    claim_id = claims.create_claim(
        project,
        article_id,
        _span_of(text, spec["quote"]),
        summary=spec["summary"],
        kind=spec["kind"],
        status=spec["status"],
        credibility=spec["credibility"],
    )
    claims.set_attribution(project, claim_id, [_hop(h, names) for h in spec["attribution"]])
    for actor, role in spec.get("actors", []):
        links.link_actor(project, claim_id, names.actors[actor], role)
    for event, role in spec.get("events", []):
        links.link_event(project, claim_id, names.events[event], role)
    for tag in spec.get("tags", []):
        add_tag(project, "claim", claim_id, tag)
    for note in spec.get("notes", []):
        add_note(project, "claim", claim_id, note)
    return claim_id


def _hop(spec: dict[str, Any], names: _Names) -> Hop:
    return Hop(
        role=spec["role"],
        source_id=names.sources.get(spec.get("source", "")),
        actor_id=names.actors.get(spec.get("actor", "")),
        cue=spec.get("cue", ""),
        anonymous=spec.get("anonymous", False),
    )


def _span_of(text: str, quote: str) -> Span:
    start = text.find(quote)
    if start < 0:
        raise ValueError(f"the sample quote {quote[:40]!r} is not in the sample article")
    return Span(start, start + len(quote))
