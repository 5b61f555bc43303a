"""Exchange: reading W3C Web Annotation JSON-LD (as `workbench export --format jsonld` writes it,
or as other annotation tools write it) into a project, as one undoable step (committed in
batches, see `exchange_batches`; all of it or, if anything fails, nothing).

The file is read as a stream, twice (`reports.web_annotation_stream`): records are written as
they come, annotations are read in a second pass once every record is known, so a file of any
size is read with flat memory and in any key order. There is no limit on the file's
size; what a file may not do is refused in one line with nothing imported: nesting deeper than
any annotation needs, an article longer than file import allows, a target that is no IRI or
object, or two different records or annotations under one id (identical repeats are merged and
counted in the summary).

Rows are gathered and written in bulk (`exchange_bulk`: Core executemany, a few thousand rows
at a time), checked as the services that make each kind of row check it. Records are matched
before anything is created: articles by content hash (or, for files that
do not carry the text, by URL), sources and actors by name or alias (one probe of the
`name_key` index each), events by title and date, claims by their span. So importing a file
twice adds nothing the second time, and a project exported, imported into a fresh one and
exported again gives the same annotations. An annotation whose quote is no longer in its
article's text is kept as an orphaned claim (see `exchange_claims`), never dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from workbench.domain.text import plural
from workbench.reports.web_annotation_stream import check_kind, items, lone_annotation, parts
from workbench.reports.web_items import parse_item
from workbench.reports.web_records import ExchangeFormatError
from workbench.services.errors import InvalidInput
from workbench.services.exchange_batches import batched_import
from workbench.services.exchange_bulk import BulkRows
from workbench.services.exchange_claims import ClaimWriter
from workbench.services.exchange_records import RecordWriter
from workbench.services.hypotheses_exchange import import_file_matrix
from workbench.services.project import Project

BOM = b"\xef\xbb\xbf"


@dataclass
class ExchangeSummary:
    """What an import of annotations did; `str()` gives it in one line."""

    path: Path
    article_ids: list[int] = field(default_factory=list)
    articles_added: int = 0
    claims_added: int = 0
    claims_present: int = 0
    claims_orphaned: int = 0
    sources_added: int = 0
    actors_added: int = 0
    events_added: int = 0
    mentions_added: int = 0
    relations_added: int = 0
    hypotheses_added: int = 0
    ratings_added: int = 0
    merged: int = 0
    skipped: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        orphaned = f", {self.claims_orphaned} orphaned" if self.claims_orphaned else ""
        parts = [
            f"{plural(len(self.article_ids), 'article')} ({self.articles_added} new)",
            f"{plural(self.claims_added, 'claim')} added ({self.claims_present} already "
            f"there{orphaned})",
            f"new: {plural(self.sources_added, 'source')}, {plural(self.actors_added, 'actor')}"
            f", {plural(self.events_added, 'event')}",
            f"{plural(self.relations_added, 'claim relation')}, "
            f"{plural(self.mentions_added, 'mention')}",
        ]
        if self.hypotheses_added or self.ratings_added:
            parts.append(
                f"{plural(self.hypotheses_added, 'hypothesis', 'hypotheses')}, "
                f"{plural(self.ratings_added, 'rating')}"
            )
        line = f"imported {self.path.name}: " + "; ".join(parts)
        if self.merged:
            line += f"; merged {plural(self.merged, 'repeated record')} given twice alike"
        if self.skipped:
            line += f"; skipped {len(self.skipped)}: " + " | ".join(self.skipped)
        return line


def import_web_annotations(project: Project, path: Path | str) -> ExchangeSummary:
    """Read a Web Annotation JSON-LD file into the project (all of it, or nothing)."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"no file at {path}")
    summary = ExchangeSummary(path)
    try:
        with (
            _opened(path) as source,
            batched_import(project, f"Import annotations from {path.name}") as batches,
            ExitStack() as stack,
        ):
            start = source.tell()
            records = RecordWriter(project, batches, summary, BulkRows(batches))
            top, prefixes = _records(source, records)
            check_kind(top, len(prefixes) + lone_annotation(top))
            records.bulk.flush()
            claims = stack.enter_context(closing(ClaimWriter(project, batches, summary, records)))
            source.seek(start)
            for item in _annotations(source, prefixes, top):
                claims.write(parse_item(item, records.read))
            claims.finish()
            import_file_matrix(project, batches.uow, top, claims.seen, summary)
    except ExchangeFormatError as error:
        raise InvalidInput(f"{path.name}: {error}") from None
    return summary


@contextmanager
def _opened(path: Path) -> Iterator[BinaryIO]:
    """The file, past a UTF-8 byte-order mark if it starts with one."""
    with path.open("rb") as source:
        if source.read(len(BOM)) != BOM:
            source.seek(0)
        yield source


def _records(source: BinaryIO, records: RecordWriter) -> tuple[dict[str, Any], list[str]]:
    """Write each record as it is read; returns the top-level fields and where the
    annotations are (read afterwards, once every record is known)."""
    prefixes: list[str] = []
    top: dict[str, Any] = {}
    for kind, node in parts(source):
        if kind == "items":
            prefixes.append(node)
        elif kind == "top":
            top = node
        else:
            records.write(kind, node)
    return top, prefixes


def _annotations(source: BinaryIO, prefixes: list[str], top: dict[str, Any]) -> Iterator[Any]:
    if isinstance(top.get("first"), str):
        raise ExchangeFormatError(
            f"the annotations are on a page that is not in the file ({top['first']}); "
            "the workbench reads files only, it fetches nothing"
        )
    yield from items(source, prefixes)
    if lone_annotation(top):
        yield top
