"""Writing what any exchange format was read into (REFI-QDA, STIX, FollowTheMoney, citations)
into a project, as one undoable command: all of it, or nothing.

Each format's reader turns its file into `ExchangeContents`, the plain report model keyed by
the file's own ids; this module hands it to the same writers the JSON-LD import uses
(`exchange_records.RecordWriter`, `exchange_claims.ClaimWriter`), so every record and claim is
matched and checked as there (name keys, content hashes, vocabularies, grades, spans), and a
file imported twice adds nothing the second time.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import ExitStack, closing
from dataclasses import dataclass, field
from pathlib import Path

from workbench.reports import model as rm
from workbench.reports.exchange_model import loaded
from workbench.reports.web_items import ClaimPiece, MentionPiece, NotesPiece
from workbench.reports.web_records import ExchangeFormatError
from workbench.services.errors import InvalidInput
from workbench.services.exchange import ExchangeSummary
from workbench.services.exchange_batches import batched_import
from workbench.services.exchange_bulk import BulkRows
from workbench.services.exchange_claims import ClaimWriter
from workbench.services.exchange_records import RecordWriter
from workbench.services.project import Project


@dataclass
class ExchangeContents:
    """What a file holds, by the file's ids: records first, then what is said about them."""

    articles: list[tuple[str, rm.Article]] = field(default_factory=list)
    sources: list[tuple[str, rm.Source]] = field(default_factory=list)
    actors: list[tuple[str, rm.Actor]] = field(default_factory=list)
    events: list[tuple[str, rm.Event]] = field(default_factory=list)
    relations: list[rm.Relation] = field(default_factory=list)

    def keep_record(self, record: object, ours: dict[str, object]) -> bool:
        """Keep a source, actor or event carried whole in our own fields (STIX's and
        FollowTheMoney's extension), under its key; False for any other kind of record."""
        if record == "source":
            source = loaded(rm.Source, ours)
            self.sources.append((f"source:{source.name.casefold()}", source))
        elif record == "actor":
            actor = loaded(rm.Actor, ours)
            self.actors.append((f"actor:{actor.name.casefold()}", actor))
        elif record == "event":
            event = loaded(rm.Event, ours)
            self.events.append((event.ref, event))
        else:
            return False
        return True


def import_contents(
    project: Project, path: Path, contents: ExchangeContents, origin: str
) -> ExchangeSummary:
    """Write `contents` read from `path` (a file in the format `origin` names) in one command."""
    summary = ExchangeSummary(path)
    try:
        with (
            batched_import(project, f"Import {origin} from {path.name}") as batches,
            ExitStack() as stack,
        ):
            records = RecordWriter(project, batches, summary, BulkRows(batches))
            records.origin = (f"{origin} exchange file", origin)
            _write_records(records, contents)
            records.bulk.flush()
            claims = stack.enter_context(closing(ClaimWriter(project, batches, summary, records)))
            for iri, article in contents.articles:
                for claim in article.claims:
                    claims.write(ClaimPiece(iri, claim))
                for mention in article.mentions:
                    claims.write(MentionPiece(iri, mention))
            for piece in _pieces(contents):
                claims.write(piece)
            claims.finish()
    except ExchangeFormatError as error:
        raise InvalidInput(f"{path.name}: {error}") from None
    return summary


def _write_records(records: RecordWriter, contents: ExchangeContents) -> None:
    """Sources and actors first: events name their participants, claims their sources."""
    for iri, source in contents.sources:
        records.add_source(source, iri)
    for iri, actor in contents.actors:
        records.add_actor(actor, iri)
    for iri, event in contents.events:
        records.add_event(event, iri)
    for iri, article in contents.articles:
        records.add_article(article, iri)


def _pieces(contents: ExchangeContents) -> Iterable[NotesPiece | rm.Relation]:
    """Tags and notes of every record (once the records are in), then claim relations."""
    named: list[tuple[str, rm.Article | rm.Source | rm.Actor | rm.Event]] = [
        *contents.articles,
        *contents.sources,
        *contents.actors,
        *contents.events,
    ]
    for iri, record in named:
        if record.tags or record.notes:
            yield NotesPiece(iri, record.tags, record.notes)
    yield from contents.relations
