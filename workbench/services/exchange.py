"""Exchange: reading W3C Web Annotation JSON-LD (as `workbench export --format jsonld` writes it,
or as other annotation tools write it) into a project, as one undoable command.

Records are matched before anything is created: articles by content hash (or, for files that
do not carry the text, by URL), sources and actors by name or alias, events by title and date,
claims by their span. So importing a file twice adds nothing the second time, and a file
exported from a project, imported into a fresh one and exported again gives the same annotations.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from workbench.domain import ActorMention, Article, Claim, ClaimRelation, Event, Note
from workbench.domain.anchoring import QuoteSelector, Span, reanchor
from workbench.domain.text import content_hash
from workbench.reports import model as rm
from workbench.reports.web_annotation_read import ExchangeFormatError, read_web_annotations
from workbench.services import claims, entities, events, links
from workbench.services.annotations import add_note, add_tag
from workbench.services.articles import NewArticle, add_article
from workbench.services.errors import InvalidInput
from workbench.services.exchange_checks import claim_problem
from workbench.services.names import find_by_name
from workbench.services.project import Project
from workbench.store import UnitOfWork

MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass
class ExchangeSummary:
    """What an import of annotations did; `str()` gives it in one line."""

    path: Path
    article_ids: list[int] = field(default_factory=list)
    articles_added: int = 0
    claims_added: int = 0
    claims_present: int = 0
    sources_added: int = 0
    actors_added: int = 0
    events_added: int = 0
    mentions_added: int = 0
    relations_added: int = 0
    skipped: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        parts = [
            f"{_count(len(self.article_ids), 'article')} ({self.articles_added} new)",
            f"{_count(self.claims_added, 'claim')} added ({self.claims_present} already there)",
            f"new: {_count(self.sources_added, 'source')}, {_count(self.actors_added, 'actor')}, "
            f"{_count(self.events_added, 'event')}",
            f"{_count(self.relations_added, 'claim relation')}, "
            f"{_count(self.mentions_added, 'mention')}",
        ]
        line = f"imported {self.path.name}: " + "; ".join(parts)
        if self.skipped:
            line += f"; skipped {len(self.skipped)}: " + " | ".join(self.skipped)
        return line


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def import_web_annotations(project: Project, path: Path | str) -> ExchangeSummary:
    """Read a Web Annotation JSON-LD file into the project (all of it, or nothing)."""
    path = Path(path)
    report = _read(path)
    summary = ExchangeSummary(path)
    with project.command(f"Import annotations from {path.name}") as uow:
        _Importer(project, uow, summary).run(report)
    return summary


def _read(path: Path) -> rm.Report:
    if not path.is_file():
        raise InvalidInput(f"no file at {path}")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InvalidInput(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB")
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidInput(f"{path.name} is not UTF-8 text, so it cannot be JSON-LD") from None
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"{path.name} is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg})"
        ) from None
    try:
        return read_web_annotations(data)
    except ExchangeFormatError as error:
        raise InvalidInput(f"{path.name}: {error}") from None


class _Importer:
    def __init__(self, project: Project, uow: UnitOfWork, summary: ExchangeSummary) -> None:
        self.project, self.uow, self.summary = project, uow, summary
        self.sources: dict[str, int] = {}
        self.actors: dict[str, int] = {}
        self.events: dict[str, int] = {}
        self.claims: dict[str, int] = {}
        self.times: dict[int, tuple[datetime | None, datetime | None]] = {}

    def run(self, report: rm.Report) -> None:
        for source in report.sources:
            self.sources[source.name.casefold()] = self._source(source)
        for actor in report.actors:
            self.actors[actor.name.casefold()] = self._actor(actor)
        for event in report.events:
            self.events[event.ref] = self._event(event)
        for article in report.articles:
            self._article(article)
        for relation in report.relations:
            self._relation(relation)
        self._keep_times()

    def _source(self, source: rm.Source) -> int:
        found = find_by_name(self.uow.session, "source", source.name)
        if found is None:
            found = entities.create_source(
                self.project, source.name, source.kind, source.reliability, (), source.description
            )
            self.summary.sources_added += 1
            self._aliases("source", found, source.aliases)
        self._annotate("source", found, source.tags, source.notes)
        return found

    def _actor(self, actor: rm.Actor) -> int:
        found = find_by_name(self.uow.session, "actor", actor.name)
        if found is None:
            found = entities.create_actor(
                self.project, actor.name, actor.kind, (), actor.description
            )
            self.summary.actors_added += 1
            self._aliases("actor", found, actor.aliases)
        self._annotate("actor", found, actor.tags, actor.notes)
        return found

    def _aliases(self, kind: str, record_id: int, aliases: tuple[str, ...]) -> None:
        for alias in aliases:
            if find_by_name(self.uow.session, kind, alias) is None:
                entities.add_alias(self.project, kind, record_id, alias)
            else:
                self.summary.skipped.append(f"alias “{alias}” is already another {kind}'s name")

    def _event(self, event: rm.Event) -> int:
        found = self.uow.session.scalar(
            select(Event.id).where(Event.title == event.title, Event.start_date == event.start_date)
        )
        if found is None:
            found = events.create_event(
                self.project,
                event.title,
                kind=event.kind,
                start_date=event.start_date,
                start_precision=event.start_precision,
                end_date=event.end_date,
                end_precision=event.end_precision,
                place=event.place,
                description=event.description,
            )
            self.summary.events_added += 1
            for participant in event.participants:
                actor = self._named("actor", participant.actor)
                links.add_participant(self.project, found, actor, participant.role)
        self._annotate("event", found, event.tags, event.notes)
        return found

    def _named(self, kind: str, name: str) -> int:
        """The id of a source or actor by name: one from the file, or one in the project."""
        known = (self.sources if kind == "source" else self.actors).get(name.casefold())
        found = known or find_by_name(self.uow.session, kind, name)
        if found is None:
            raise InvalidInput(f"the file names the {kind} “{name}” but does not describe it")
        return found

    def _article(self, article: rm.Article) -> None:
        article_id, text = self._article_row(article)
        self.summary.article_ids.append(article_id)
        self._annotate("article", article_id, article.tags, article.notes)
        for mention in article.mentions:
            self._mention(article_id, text, mention)
        spans = select(Claim.start, Claim.end).where(Claim.article_id == article_id)
        existing = Counter((start, end) for start, end in self.uow.session.execute(spans))
        for claim in article.claims:
            self._claim(article_id, text, claim, existing)

    def _article_row(self, article: rm.Article) -> tuple[int, str]:
        if not article.text:
            row = self.uow.session.scalar(select(Article).where(Article.url == article.url))
            if row is None:
                raise InvalidInput(
                    f"annotations target {article.url}, which is neither in the file nor in "
                    "this project; import that article first"
                )
            return row.id, row.text
        digest = content_hash(article.text)
        found = self.uow.session.scalar(select(Article).where(Article.content_hash == digest))
        if found is not None:
            return found.id, found.text
        new_id = add_article(self.project, _new_article(article))
        self.summary.articles_added += 1
        return new_id, self.uow.articles.get(new_id).text

    def _mention(self, article_id: int, text: str, mention: rm.Mention) -> None:
        span = _placed(
            text, mention.start, mention.end, mention.exact, mention.prefix, mention.suffix
        )
        if span is None:
            self.summary.skipped.append(f"mention “{mention.exact[:40]}” not found in the text")
            return
        actor = self._named("actor", mention.actor)
        if not _has_mention(self.uow, article_id, span, actor):
            links.mark_mention(self.project, article_id, span, actor)
            self.summary.mentions_added += 1

    def _claim(
        self, article_id: int, text: str, claim: rm.Claim, existing: Counter[tuple[int, int]]
    ) -> None:
        span = _placed(text, claim.start, claim.end, claim.exact, claim.prefix, claim.suffix)
        problem = claim_problem(claim)
        if span is None:
            problem = problem or "its quote is not in the text"
        if problem or span is None:
            self.summary.skipped.append(f"claim “{claim.exact[:40]}”: {problem}")
            return
        if existing[(span.start, span.end)] > 0:
            existing[(span.start, span.end)] -= 1
            self.claims[claim.ref] = self._existing_claim(article_id, span)
            self.summary.claims_present += 1
            return
        self.claims[claim.ref] = self._new_claim(article_id, span, claim)
        self.summary.claims_added += 1

    def _existing_claim(self, article_id: int, span: Span) -> int:
        query = select(Claim.id).where(
            Claim.article_id == article_id, Claim.start == span.start, Claim.end == span.end
        )
        return self.uow.session.scalars(query.order_by(Claim.id).limit(1)).one()

    def _new_claim(self, article_id: int, span: Span, claim: rm.Claim) -> int:
        project = self.project
        claim_id = claims.create_claim(
            project,
            article_id,
            span,
            summary=claim.summary,
            kind=claim.kind,
            status=claim.status,
            credibility=claim.credibility,
        )
        claims.set_attribution(project, claim_id, [self._hop(hop) for hop in claim.attribution])
        for actor in claim.actors:
            links.link_actor(project, claim_id, self._named("actor", actor.name), actor.role)
        for event in claim.events:
            links.link_event(project, claim_id, self.events[event.ref], event.role)
        self._annotate("claim", claim_id, claim.tags, claim.notes)
        self.times[claim_id] = (claim.created, claim.modified)
        return claim_id

    def _hop(self, hop: rm.Hop) -> claims.Hop:
        named = self._named(hop.kind, hop.name)
        return claims.Hop(
            role=hop.role,
            source_id=named if hop.kind == rm.SOURCE else None,
            actor_id=named if hop.kind == rm.ACTOR else None,
            cue=hop.cue,
            anonymous=hop.anonymous,
        )

    def _relation(self, relation: rm.Relation) -> None:
        source, target = self.claims.get(relation.from_claim), self.claims.get(relation.to_claim)
        if source is None or target is None or source == target:
            return
        known = select(ClaimRelation.id).filter_by(
            from_claim_id=source, to_claim_id=target, kind=relation.kind
        )
        if self.uow.session.scalar(known) is None:
            links.relate_claims(self.project, source, target, relation.kind)
            self.summary.relations_added += 1

    def _annotate(
        self, kind: str, target_id: int, tags: tuple[str, ...], notes: tuple[str, ...]
    ) -> None:
        for tag in tags:
            add_tag(self.project, kind, target_id, tag)
        written = set(
            self.uow.session.scalars(
                select(Note.body).where(Note.target_kind == kind, Note.target_id == target_id)
            )
        )
        for note in notes:
            if note.strip() and note.strip() not in written:
                add_note(self.project, kind, target_id, note)
                written.add(note.strip())

    def _keep_times(self) -> None:
        """Claims keep the times they were made and changed, as the file gives them."""
        for claim_id, (created, modified) in self.times.items():
            row = self.uow.claims.get(claim_id)
            if created is not None:
                row.created_at = created
            if modified is not None:
                row.updated_at = modified
        self.uow.session.flush()


def _new_article(article: rm.Article) -> NewArticle:
    return NewArticle(
        text=article.text,
        title=article.title,
        outlet=article.outlet,
        authors=list(article.authors),
        url=article.url,
        published=article.published,
        language=article.language,
        original=article.text.encode("utf-8"),
        original_format="txt",
        original_name=f"{article.title[:80] or 'article'}.txt",
        imported_from="web annotation exchange file",
        extractor="web annotations",
    )


def _placed(text: str, start: int, end: int, exact: str, prefix: str, suffix: str) -> Span | None:
    """Where a selected span lies in the text: by position, else by quote; None if lost."""
    if not exact:
        if end > len(text) or start >= end:
            return None
        exact = text[start:end]
    anchoring = reanchor(Span(start, max(start, end)), QuoteSelector(exact, prefix, suffix), text)
    return anchoring.span


def _has_mention(uow: UnitOfWork, article_id: int, span: Span, actor_id: int) -> bool:
    query = select(ActorMention.id).where(
        ActorMention.article_id == article_id,
        ActorMention.actor_id == actor_id,
        ActorMention.start == span.start,
        ActorMention.end == span.end,
    )
    return uow.session.scalar(query) is not None
