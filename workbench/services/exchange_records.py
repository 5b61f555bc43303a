"""The records of an exchange file — articles with their text, sources, actors and events —
written into the project as the stream brings them, each matched first so nothing is doubled.

A record whose id the file already gave is merged when it says the same, and refused when it
says something else (a second `wb:source` under the same id renamed "Deftechtimes" would
otherwise quietly re-point every claim that names it)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from workbench.domain import Article, Event, Note
from workbench.domain.text import content_hash
from workbench.ingest.extract import MAX_TEXT_CHARS
from workbench.reports import model as rm
from workbench.reports.web_records import (
    ExchangeFormatError,
    Records,
    actor_record,
    article_record,
    event_record,
    source_record,
)
from workbench.services import entities, events, links
from workbench.services.annotations import add_note, add_tag
from workbench.services.articles import NewArticle, add_article
from workbench.services.errors import InvalidInput
from workbench.services.names import find_by_name
from workbench.services.project import Project
from workbench.store import UnitOfWork


class RecordWriter:
    """Writes records as they are read; `read` holds what was read (by IRI) for the claims."""

    def __init__(self, project: Project, uow: UnitOfWork, summary: Any) -> None:
        self.project, self.uow, self.summary = project, uow, summary
        self.read = Records()
        self.ids: dict[str, int] = {}
        self.by_name: dict[tuple[str, str], int] = {}
        self.article_hashes: dict[str, str] = {}

    def write(self, kind: str, node: object) -> None:
        if kind == "article":
            self._article(node)
        elif kind == "source":
            self._source(source_record(node), _iri(node))
        elif kind == "actor":
            self._actor(actor_record(node), _iri(node))
        elif kind == "event":
            self._event(event_record(node, self.read), _iri(node))

    def named(self, kind: str, name: str) -> int:
        """The id of a source or actor by name: one from the file, or one in the project."""
        found = self.by_name.get((kind, name.casefold()))
        found = found or find_by_name(self.uow.session, kind, name)
        if found is None:
            raise InvalidInput(f"the file names the {kind} “{name}” but does not describe it")
        return found

    def _repeated(self, known: dict[str, Any], iri: str, record: Any, noun: str) -> bool:
        """Whether the record was given before under this id (alike: merged; else refused)."""
        if iri not in known:
            return False
        if known[iri] != record:
            raise ExchangeFormatError(
                f"two different {noun}s share the id {iri} (“{_label(known[iri])}” and "
                f"“{_label(record)}”); give each its own id"
            )
        self.summary.merged += 1
        return True

    def _article(self, node: object) -> None:
        article = article_record(node)
        iri = _iri(node)
        if len(article.text) > MAX_TEXT_CHARS:
            raise ExchangeFormatError(
                f"article {iri} holds {len(article.text):,} characters; an article can hold "
                f"at most {MAX_TEXT_CHARS:,}"
            )
        digest = content_hash(article.text)
        if self._repeated(self.article_hashes, iri, digest, "article"):
            return
        self.article_hashes[iri] = digest
        found = self.uow.session.scalar(select(Article.id).where(Article.content_hash == digest))
        if found is None:
            found = add_article(self.project, _new_article(article))
            self.summary.articles_added += 1
        self.ids[iri] = found
        self.summary.article_ids.append(found)

    def _source(self, source: rm.Source, iri: str) -> None:
        if self._repeated(self.read.sources, iri, source, "source"):
            return
        self.read.sources[iri] = source
        found = find_by_name(self.uow.session, "source", source.name)
        if found is None:
            found = entities.create_source(
                self.project, source.name, source.kind, source.reliability, (), source.description
            )
            self.summary.sources_added += 1
            self._aliases("source", found, source.aliases)
        self.ids[iri] = self.by_name[("source", source.name.casefold())] = found

    def _actor(self, actor: rm.Actor, iri: str) -> None:
        if self._repeated(self.read.actors, iri, actor, "actor"):
            return
        self.read.actors[iri] = actor
        found = find_by_name(self.uow.session, "actor", actor.name)
        if found is None:
            found = entities.create_actor(
                self.project, actor.name, actor.kind, (), actor.description, actor.reliability
            )
            self.summary.actors_added += 1
            self._aliases("actor", found, actor.aliases)
        self.ids[iri] = self.by_name[("actor", actor.name.casefold())] = found

    def _aliases(self, kind: str, record_id: int, aliases: tuple[str, ...]) -> None:
        for alias in aliases:
            if find_by_name(self.uow.session, kind, alias) is None:
                entities.add_alias(self.project, kind, record_id, alias)
            else:
                self.summary.skipped.append(f"alias “{alias}” is already another {kind}'s name")

    def _event(self, event: rm.Event, iri: str) -> None:
        if self._repeated(self.read.events, iri, event, "event"):
            return
        self.read.events[iri] = event
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
                actor = self.named("actor", participant.actor)
                links.add_participant(self.project, found, actor, participant.role)
        self.ids[iri] = found

    def annotate(
        self, kind: str, target_id: int, tags: tuple[str, ...], notes: tuple[str, ...]
    ) -> None:
        """Tag and note a record; a note it already carries is not written twice."""
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

    def kind_of(self, iri: str) -> str | None:
        """Which kind of record of the file an IRI names (None: none of the file's)."""
        if iri in self.article_hashes:
            return "article"
        for kind, known in (
            ("source", self.read.sources),
            ("actor", self.read.actors),
            ("event", self.read.events),
        ):
            if iri in known:
                return kind
        return None


def _iri(node: object) -> str:
    value = node.get("id", "") if isinstance(node, dict) else ""
    return value if isinstance(value, str) else ""


def _label(record: Any) -> str:
    return str(getattr(record, "name", "") or getattr(record, "title", "") or record)[:60]


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
