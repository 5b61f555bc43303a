"""The records of an exchange file — articles with their text, sources, actors and events —
written into the project as the stream brings them, each matched first so nothing is doubled.

A record whose id the file already gave is merged when it says the same, and refused when it
says something else (a second `wb:source` under the same id renamed "Deftechtimes" would
otherwise quietly re-point every claim that names it)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from workbench.domain import Article, Event, Note, Tagging
from workbench.domain.base import utc_now
from workbench.domain.grades import ParticipantRole
from workbench.domain.text import content_hash, normalize_text
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
from workbench.services import events
from workbench.services.annotations import clean_tag_name
from workbench.services.articles import NewArticle, first_line, metadata_of, packed_original
from workbench.services.errors import InvalidInput
from workbench.services.exchange_batches import Batches
from workbench.services.exchange_bulk import BulkRows
from workbench.services.exchange_names import NameBook
from workbench.services.project import Project
from workbench.services.vocabulary import chosen

TABLE_OF = {"article": "articles", "claim": "claims", "source": "sources", "actor": "actors"}
TABLE_OF |= {"event": "events"}


class RecordWriter:
    """Writes records as they are read; `read` holds what was read (by IRI) for the claims."""

    def __init__(self, project: Project, batches: Batches, summary: Any, bulk: BulkRows) -> None:
        self.project, self.batches, self.summary, self.bulk = project, batches, summary, bulk
        self.read = Records()
        self.ids: dict[str, int] = {}
        self.by_name: dict[tuple[str, str], int] = {}
        self.names = NameBook(bulk)
        self.article_hashes: dict[str, str] = {}
        self.by_hash: dict[str, int] = {}
        self.events: dict[tuple[str, Any], int] = {}
        self.tagged: set[tuple[int, str, int]] = set()
        self.noted: dict[tuple[str, int], set[str]] = {}
        self.origin = ("web annotation exchange file", "web annotations")  # imported from, by

    def write(self, kind: str, node: object) -> None:
        if kind == "article":
            self.add_article(article_record(node), _iri(node))
        elif kind == "source":
            self.add_source(source_record(node), _iri(node))
        elif kind == "actor":
            self.add_actor(actor_record(node), _iri(node))
        elif kind == "event":
            self.add_event(event_record(node, self.read), _iri(node))

    def named(self, kind: str, name: str) -> int:
        """The id of a source or actor by name: one from the file, or one in the project."""
        found = self.by_name.get((kind, name.casefold())) or self.names.find(kind, name)
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

    def add_article(self, article: rm.Article, iri: str) -> None:
        """An article read from any exchange format (matched by content hash), under `iri`."""
        if len(article.text) > MAX_TEXT_CHARS:
            raise ExchangeFormatError(
                f"article {iri} holds {len(article.text):,} characters; an article can hold "
                f"at most {MAX_TEXT_CHARS:,}"
            )
        text = normalize_text(article.text)
        if not text:
            raise InvalidInput(f"article {iri} has no text to import")
        digest = content_hash(text)
        if self._repeated(self.article_hashes, iri, digest, "article"):
            return
        self.article_hashes[iri] = digest
        found = self.by_hash.get(digest) or self._stored_article(digest)
        if found is None:
            found = self.by_hash[digest] = self._new_article(text, digest, article)
            self.summary.articles_added += 1
        self.ids[iri] = found
        self.summary.article_ids.append(found)

    def _stored_article(self, digest: str) -> int | None:
        """The article with this text that was in the project before the import, if any
        (no query at all when the project had no articles: a whole case into a new project)."""
        if not self.bulk.had_rows("articles"):
            return None
        query = select(Article.id).where(Article.content_hash == digest)
        return self.batches.session.scalar(query)

    def _new_article(self, text: str, digest: str, article: rm.Article) -> int:
        """The article's row (as `articles.add_article` writes it) gathered; returns its id."""
        new = _new_article(article, *self.origin)
        article_id = self.bulk.new_id("articles")
        row = {"id": article_id, "text": text, "content_hash": digest}
        row["title"] = new.title.strip() or first_line(text)
        row["original"] = packed_original(new.original)
        row["imported_at"] = utc_now()  # given, so the rows take the plain insert
        self.bulk.add("articles", {**row, **metadata_of(new)})
        return article_id

    def add_source(self, source: rm.Source, iri: str) -> None:
        if self._repeated(self.read.sources, iri, source, "source"):
            return
        self.read.sources[iri] = source
        found = self.names.find("source", source.name)
        if found is None:
            found = self._named_record("source", source.name, source, source.aliases)
            self.summary.sources_added += 1
        self.ids[iri] = self.by_name[("source", source.name.casefold())] = found

    def add_actor(self, actor: rm.Actor, iri: str) -> None:
        if self._repeated(self.read.actors, iri, actor, "actor"):
            return
        self.read.actors[iri] = actor
        found = self.names.find("actor", actor.name)
        if found is None:
            found = self._named_record("actor", actor.name, actor, actor.aliases)
            self.summary.actors_added += 1
        self.ids[iri] = self.by_name[("actor", actor.name.casefold())] = found

    def _named_record(
        self, kind: str, name: str, record: rm.Source | rm.Actor, aliases: tuple[str, ...]
    ) -> int:
        fields = {"kind": record.kind, "reliability": record.reliability}
        found, left_out = self.names.add(
            kind, name, fields | {"description": record.description}, aliases
        )
        self.summary.skipped.extend(left_out)
        return found

    def add_event(self, event: rm.Event, iri: str) -> None:
        if self._repeated(self.read.events, iri, event, "event"):
            return
        self.read.events[iri] = event
        key = (event.title, event.start_date)
        found = self.events.get(key) or self.batches.session.scalar(
            select(Event.id).where(Event.title == event.title, Event.start_date == event.start_date)
        )
        if found is None:
            found = self.events[key] = self._new_event(event)
            self.summary.events_added += 1
        self.ids[iri] = found

    def _new_event(self, event: rm.Event) -> int:
        """The event's row and its participants' (checked as `events.create_event` checks)."""
        fields = events.checked_event_fields(
            {
                "title": event.title,
                "kind": event.kind,
                "start_date": event.start_date,
                "start_precision": event.start_precision,
                "end_date": event.end_date,
                "end_precision": event.end_precision,
                "place": event.place,
                "description": event.description,
            }
        )
        events.check_event_dates(Event(**fields))
        event_id = self.bulk.new_id("events")
        self.bulk.add("events", {"id": event_id, **fields})
        taking_part = set()
        for participant in event.participants:
            actor = self.named("actor", participant.actor)
            role = chosen(ParticipantRole, participant.role, "participant role")
            if (actor, role) not in taking_part:
                taking_part.add((actor, role))
                self.bulk.add(
                    "event_actors", {"event_id": event_id, "actor_id": actor, "role": role}
                )
        return event_id

    def annotate(
        self, kind: str, target_id: int, tags: tuple[str, ...], notes: tuple[str, ...]
    ) -> None:
        """Tag and note a record; a tag or note it already carries is not written twice.

        A claim is annotated once, when it is made, so only a record of another kind is
        remembered across calls (the file may tag an article in its record and again on its own).
        """
        new = self.bulk.is_new(TABLE_OF[kind], target_id)
        once = kind == "claim" and new
        tagged = set() if once else self.tagged
        for name in tags:
            tag = self.bulk.tag_id(clean_tag_name(name))
            if (tag, kind, target_id) in tagged or (not new and self._tagged(tag, kind, target_id)):
                continue
            tagged.add((tag, kind, target_id))
            self.bulk.add("taggings", {"tag_id": tag, "target_kind": kind, "target_id": target_id})
        if not notes:
            return
        written = self._notes_of(kind, target_id, new, once)
        for note in notes:
            body = note.strip()
            if body and body not in written:
                now = utc_now()
                row = {"target_kind": kind, "target_id": target_id, "body": body}
                self.bulk.add("notes", row | {"created_at": now, "updated_at": now})
                written.add(body)

    def _tagged(self, tag: int, kind: str, target_id: int) -> bool:
        query = select(Tagging.id).where(
            Tagging.tag_id == tag, Tagging.target_kind == kind, Tagging.target_id == target_id
        )
        return self.batches.session.scalar(query.limit(1)) is not None

    def _notes_of(self, kind: str, target_id: int, new: bool, once: bool) -> set[str]:
        """The notes the record carries already (a set this import adds to)."""
        if once:
            return set()
        if (kind, target_id) not in self.noted:
            known: set[str] = set()
            if not new:
                query = select(Note.body).where(
                    Note.target_kind == kind, Note.target_id == target_id
                )
                known = set(self.batches.session.scalars(query))
            self.noted[(kind, target_id)] = known
        return self.noted[(kind, target_id)]

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


def _new_article(article: rm.Article, origin: str, extractor: str) -> NewArticle:
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
        imported_from=origin,
        extractor=extractor,
    )
