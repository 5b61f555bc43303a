"""Reading what a report holds out of a project: the chosen articles (streamed in batches), the
sources, actors and events they use, and the claim relations, as the plain report model.

Nothing here makes an ORM object per row. A plan is read first with a few set-based queries
(how many claims each chosen article has, which records the claims use and how many claims rest
on each, the relations and the numbers of the claims they join; the records themselves are
read by `report_records`); the articles themselves are then read `BATCH` at a time by
`report_rows.read_batch`, afresh on every pass a renderer makes, so an export's memory is one
batch plus a few integers per article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import aliased

from workbench.domain import (
    Article,
    Claim,
    ClaimRelation,
    Event,
)
from workbench.reports import model as rm
from workbench.reports.claim_lines import TABLE
from workbench.reports.claim_notes import NOTE_TABLES
from workbench.reports.csv_report import TABLE as CSV_LINES
from workbench.reports.event_lines import TABLE as EVENTS
from workbench.reports.web_annotation import ARTICLE_TABLE as ARTICLE_RECORDS
from workbench.reports.web_annotation_items import TABLE as ANNOTATIONS
from workbench.services.annotation_articles import article_records
from workbench.services.annotation_table import annotation_table
from workbench.services.claim_table import claim_table
from workbench.services.csv_table import csv_table
from workbench.services.note_table import note_table
from workbench.services.project import Project
from workbench.services.report_events import event_table
from workbench.services.report_records import (
    CHUNK,
    chunks,
    participants_of,
    read_actors,
    read_events,
    read_sources,
)
from workbench.services.report_rows import Numbering, claim_refs, read_batch
from workbench.services.report_usage import Usage, read_usage

BATCH = 1000


@dataclass(frozen=True)
class Selection:
    """Which articles (in report order) and which of their claims (None: all) a report holds.

    `everything` (nothing was filtered out) puts every source, actor and event in the report,
    used or not, so an exchange file of a whole project loses nothing.
    """

    article_ids: tuple[int, ...]
    claim_ids: frozenset[int] | None = None
    everything: bool = False


@dataclass(frozen=True)
class Contents:
    articles: rm.ArticleStream
    sources: tuple[rm.Source, ...]
    actors: tuple[rm.Actor, ...]
    events: tuple[rm.Event, ...]
    relations: tuple[rm.Relation, ...]
    counts: rm.RecordCounts


Records = tuple[  # sources, actors, events, relations, and the counts of the summary tables
    tuple[rm.Source, ...],
    tuple[rm.Actor, ...],
    tuple[rm.Event, ...],
    tuple[rm.Relation, ...],
    rm.RecordCounts,
]
NO_RECORDS: Records = ((), (), (), (), rm.RecordCounts({}, {}, {}))


def read_contents(
    project: Project, selection: Selection, records: bool = True, counted: bool = True
) -> Contents:
    """The report model's articles (as a stream over the project) and records for a selection;
    without `records` (a format showing only the claims) no source, actor, event or relation;
    without `counted`, a selection of everything reads no usage (its claim counts are zero)."""
    with project.reading() as orm_session:
        session = orm_session.connection()  # Core rows: no ORM result processing
        claim_counts = _claim_counts(session, selection)
        event_refs = _event_refs(session)
        found = _records(session, selection, claim_counts, event_refs, counted) if records else None
    sources, actors, events, relations, counts = found or NO_RECORDS
    stream = rm.ArticleStream(
        count=len(selection.article_ids),
        claim_count=sum(claim_counts),
        read=lambda text, claims: _passes(project, selection, event_refs, text, claims),
        outline=lambda: _outline(project, selection, claim_counts),
        tables=_tables(project, selection, event_refs),
    )
    return Contents(stream, sources, actors, events, relations, counts)


def _tables(
    project: Project, selection: Selection, event_refs: dict[int, str]
) -> dict[str, Callable[[], Iterator[Any]]]:
    """The stream's tables the database assembles. The claims table and the CSV's finished
    lines are SQLite's (its JSON and string functions, Python's casefold registered on the
    connection); a shared store's report makes the same lines from its articles
    (`reports.claim_lines`), word for word."""
    chosen, claims = selection.article_ids, selection.claim_ids
    tables: dict[str, Callable[[], Iterator[Any]]] = {
        EVENTS: lambda: event_table(project, chosen, claims, event_refs, BATCH)
    }
    if not project.store.shared:
        tables[TABLE] = lambda: claim_table(project, chosen, claims, BATCH)
        tables[CSV_LINES] = lambda: csv_table(project, chosen, claims, BATCH)
        tables[ANNOTATIONS] = lambda: annotation_table(project, chosen, claims, event_refs, BATCH)
        tables[ARTICLE_RECORDS] = lambda: article_records(project, chosen, BATCH)
        for name in NOTE_TABLES:  # the HTML and Markdown articles' claim notes
            tables[name] = partial(note_table, project, name, chosen, claims, BATCH)
    return tables


def _records(
    session: Connection,
    selection: Selection,
    claim_counts: list[int],
    event_refs: dict[int, str],
    counted: bool = True,
) -> Records:
    """The sources, actors and events the chosen claims use (all, for everything), the
    relations between chosen claims, and the counts for the summary tables."""
    everything = selection.everything
    unused = everything and not counted  # every record goes in, and nobody reads the counts
    usage = Usage() if unused else read_usage(session, selection.article_ids, selection.claim_ids)
    relations, numbers = _relations(session, selection, claim_counts)
    events = read_events(session, None if everything else usage.events, event_refs)
    actor_ids = None if everything else usage.actors | participants_of(session, usage.events)
    sources = read_sources(session, None if everything else usage.sources)
    actors = read_actors(session, actor_ids)
    return sources, actors, events, relations, _counts(usage, sources, actors, numbers)


def _passes(
    project: Project,
    selection: Selection,
    event_refs: dict[int, str],
    text: bool,
    claims: bool,
) -> Iterator[list[rm.Article]]:
    """One pass over the chosen articles, a batch at a time, in one read transaction."""
    numbering = Numbering(selection.claim_ids, event_refs)
    ids = selection.article_ids
    with project.reading() as orm_session:
        session = orm_session.connection()
        for at in range(0, len(ids), BATCH):
            chunk = list(ids[at : at + BATCH])
            yield read_batch(session, chunk, numbering, text=text, claims=claims)


def _outline(
    project: Project, selection: Selection, claim_counts: list[int]
) -> Iterator[tuple[str, int]]:
    ids = selection.article_ids
    with project.reading() as orm_session:
        session = orm_session.connection()
        for at in range(0, len(ids), CHUNK):
            chunk = list(ids[at : at + CHUNK])
            titles = dict(
                session.execute(
                    select(Article.id, Article.title).where(Article.id.in_(chunk))
                ).all()
            )
            for index, article_id in enumerate(chunk, start=at):
                yield titles.get(article_id, ""), claim_counts[index]


def _claim_counts(session: Connection, selection: Selection) -> list[int]:
    """How many chosen claims each chosen article has, in report order."""
    found: dict[int, int] = {}
    wanted = selection.claim_ids
    for chunk in chunks(selection.article_ids):
        if wanted is None:
            query = (
                select(Claim.article_id, func.count())
                .where(Claim.article_id.in_(chunk))
                .group_by(Claim.article_id)
            )
            found.update((article_id, count) for article_id, count in session.execute(query))
            continue
        for claim_id, article_id in session.execute(
            select(Claim.id, Claim.article_id).where(Claim.article_id.in_(chunk))
        ):
            if claim_id in wanted:
                found[article_id] = found.get(article_id, 0) + 1
    return [found.get(article_id, 0) for article_id in selection.article_ids]


def _event_refs(session: Connection) -> dict[int, str]:
    """Stable refs for events, from title and date ("|2"… for look-alikes), by event id."""
    rows = session.execute(select(Event.id, Event.title, Event.start_date).order_by(Event.id))
    seen: dict[str, int] = {}
    refs = {}
    for event_id, title, day in rows:
        key = f"{title}|{day.isoformat() if day else ''}"
        seen[key] = seen.get(key, 0) + 1
        refs[event_id] = key if seen[key] == 1 else f"{key}|{seen[key]}"
    return refs


def _relations(
    session: Connection, selection: Selection, claim_counts: list[int]
) -> tuple[tuple[rm.Relation, ...], dict[str, int]]:
    """The relations between chosen claims (by ref), and those claims' numbers in the report."""
    start, end = aliased(Claim), aliased(Claim)
    rows = session.execute(
        select(
            ClaimRelation.from_claim_id,
            ClaimRelation.to_claim_id,
            ClaimRelation.kind,
            start.article_id,
            end.article_id,
        )
        .join(start, start.id == ClaimRelation.from_claim_id)
        .join(end, end.id == ClaimRelation.to_claim_id)
    ).all()
    if not rows:
        return (), {}
    firsts = _first_numbers(
        selection.article_ids, claim_counts, {r[3] for r in rows} | {r[4] for r in rows}
    )
    wanted = selection.claim_ids

    def chosen(claim_id: int, article_id: int) -> bool:
        return article_id in firsts and (wanted is None or claim_id in wanted)

    kept = [row for row in rows if chosen(row[0], row[3]) and chosen(row[1], row[4])]
    related = {row[0] for row in kept} | {row[1] for row in kept}
    articles = {row[3] for row in kept} | {row[4] for row in kept}
    refs, numbers = _placed_claims(session, {a: firsts[a] for a in articles}, related, wanted)
    found = [rm.Relation(refs[source], refs[target], kind) for source, target, kind, *_ in kept]
    ordered = tuple(sorted(found, key=lambda r: (r.from_claim, r.to_claim, r.kind)))
    return ordered, {refs[claim_id]: number for claim_id, number in numbers.items()}


def _first_numbers(
    article_ids: tuple[int, ...], claim_counts: list[int], among: set[int]
) -> dict[int, int]:
    """The report number of the first claim of each article of `among` the report holds (one
    pass over the report's order; only those few articles kept, not every article's place)."""
    found: dict[int, int] = {}
    number = 1
    for article_id, count in zip(article_ids, claim_counts, strict=True):
        if article_id in among:
            found[article_id] = number
        number += count
    return found


def _placed_claims(
    session: Connection,
    firsts: dict[int, int],
    related: set[int],
    wanted: frozenset[int] | None,
) -> tuple[dict[int, str], dict[int, int]]:
    """Refs and report numbers of the `related` claims of a few articles (each article's
    first claim numbered as `firsts` says); every claim of those articles is read, since a
    ref or a number depends on the claims before it, but only the related ones are kept."""
    refs: dict[int, str] = {}
    numbers: dict[int, int] = {}
    for chunk in chunks(sorted(firsts)):
        hashes = dict(
            session.execute(
                select(Article.id, Article.content_hash).where(Article.id.in_(chunk))
            ).all()
        )
        spans: dict[int, list[tuple[int, int, int]]] = {}
        rows = session.execute(
            select(Claim.article_id, Claim.start, Claim.end, Claim.id)
            .where(Claim.article_id.in_(chunk))
            .order_by(Claim.article_id, Claim.start, Claim.end, Claim.id)
        )
        for article_id, start, end, claim_id in rows:
            spans.setdefault(article_id, []).append((start, end, claim_id))
        for article_id, article_spans in spans.items():
            found = claim_refs(hashes[article_id], article_spans)
            refs.update((claim_id, found[claim_id]) for claim_id in related & found.keys())
            chosen = [c for *_, c in article_spans if wanted is None or c in wanted]
            first = firsts[article_id]
            numbers.update(
                (claim_id, first + at) for at, claim_id in enumerate(chosen) if claim_id in related
            )
    return refs, numbers


def _counts(
    usage: Usage,
    sources: tuple[rm.Source, ...],
    actors: tuple[rm.Actor, ...],
    numbers: dict[str, int],
) -> rm.RecordCounts:
    return rm.RecordCounts(
        sources={s.name.casefold(): usage.source_claims.get(s.name.casefold(), 0) for s in sources},
        actors={a.name.casefold(): usage.actor_claims.get(a.name.casefold(), 0) for a in actors},
        claim_numbers=numbers,
    )
