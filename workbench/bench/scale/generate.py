"""Generated case projects of a given size, cached between runs.

The schema comes from the project's own migrations (`Project.create`); rows are written with
Core bulk inserts from the ORM tables, ids chosen here, one transaction, a fixed seed: the same
size always gives the same project. Each article has a few hundred words and about five claims,
each claim an attribution chain (speaker, reporting agency, often the publishing outlet), actor
and event links; articles and claims carry tags; speakers are mentioned in the text. Afterwards
every article is signed for near-duplicate look-ups, as imported articles are.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir
from sqlalchemy import Connection, insert, select

from workbench.bench.scale.words import CUES, Cast, TextBuilder, title, words
from workbench.domain import (
    Actor,
    ActorAlias,
    ActorMention,
    Article,
    AttributionHop,
    Base,
    Claim,
    ClaimActor,
    ClaimEvent,
    ClaimRelation,
    Event,
    EventActor,
    Note,
    Source,
    Tag,
    Tagging,
)
from workbench.domain.text import content_hash
from workbench.services import Project

GENERATOR_VERSION = 1
SEED = 20261201
BATCH = 2000
STATUSES = ("unverified",) * 5 + ("corroborated",) * 2 + ("disputed",) * 2 + ("refuted",)
KINDS = ("statement", "assessment", "prediction", "denial", "report", "allegation")
CLAIMS_PER_ARTICLE = (0, 3, 4, 5, 5, 6, 7, 5, 6, 4, 5, 7)  # mean ~5; one article in 12 has none
START = datetime(2019, 1, 1)
Say = Callable[[str], None]


def cache_dir() -> Path:
    return Path(user_cache_dir("analyst-workbench")) / "bench-scale"


def ensure_case(size: int, cache: Path | None = None, say: Say = print) -> Path:
    """The cached project of `size` articles: as cached, upgraded from an older schema's case
    (see `cache`), or generated first if there is none to upgrade."""
    from workbench.bench.scale import cache as cached

    head = cached.schema_head()
    folder = cache or cache_dir()
    cases = cached.cached_cases(folder, size, GENERATOR_VERSION) if folder.is_dir() else []
    ready = cached.at_head(cases, head)
    if ready is not None:
        return ready
    older = cached.upgradable(cases, head)
    if older is not None:
        return cached.upgraded_copy(older, head, say)
    path = folder / cached.case_name(size, GENERATOR_VERSION, head)
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in folder.glob(partial.name + "*"):
        leftover.unlink()
    with Project.create(partial) as project:
        _fill(project, size, say)
        _sign(project, say)
    for leftover in folder.glob(partial.name + "?*"):  # the lock, an emptied WAL
        leftover.unlink(missing_ok=True)
    partial.rename(path)
    return path


def working_copy(case: Path, folder: Path) -> Path:
    """A copy of the cached case to change freely (edits, imports) without touching the cache."""
    target = folder / case.name
    shutil.copyfile(case, target)
    return target


def _sign(project: Project, say: Say) -> None:
    """Store every article's near-duplicate signature and keys, as the importer does on import
    (with its own public functions), sketched on every core: a one-time cost of the cache."""
    from workbench.domain.signatures import ArticleSignature, NearDuplicateKey
    from workbench.ingest.dedupe import band_keys, pack

    say("  signing articles for near-duplicate look-ups")
    with project.store.engine.begin() as connection, ProcessPoolExecutor() as pool:
        articles = connection.execute(select(Article.id, Article.text)).all()
        ids, texts = [row[0] for row in articles], [row[1] for row in articles]
        for start in range(0, len(ids), BATCH):
            signatures = list(pool.map(_sketch, texts[start : start + BATCH], chunksize=50))
            batch = list(zip(ids[start : start + BATCH], signatures, strict=True))
            _insert(
                connection,
                ArticleSignature,
                [{"article_id": i, "minhash": pack(s)} for i, s in batch],
            )
            keys = [
                {"key": k, "article_id": i} for i, s in batch for k in sorted(set(band_keys(s)))
            ]
            _insert(connection, NearDuplicateKey, keys)


def _sketch(text: str) -> tuple[int, ...]:
    from workbench.ingest.dedupe import sketch

    return sketch(text)


class _Ids:
    """The next id of each table: rows are written with their ids, no RETURNING needed."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}

    def next(self, table: str) -> int:
        self.last[table] = self.last.get(table, 0) + 1
        return self.last[table]


def _fill(project: Project, size: int, say: Say) -> None:
    rng = random.Random(SEED)
    cast = Cast.invent(rng, size)
    with project.store.engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA synchronous=OFF")
        ids = _entities(connection, rng, cast)
        builder = _CaseBuilder(rng, cast, ids)
        for first in range(0, size, BATCH):
            builder.articles(min(BATCH, size - first))
            builder.flush(connection)
            say(f"  generated {min(first + BATCH, size):,} of {size:,} articles")


def _insert(connection: Connection, model: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        connection.execute(insert(model), rows)


def _entities(connection: Connection, rng: random.Random, cast: Cast) -> dict[str, Any]:
    sources = [
        {"id": n, "name": name, "kind": cast.source_kind(name), "reliability": rng.choice("ABCDEF")}
        for n, name in enumerate(cast.sources, 1)
    ]
    _insert(connection, Source, sources)
    actors: list[dict[str, Any]] = [
        {"id": n, "name": name, "kind": cast.actor_kind(name)}
        for n, name in enumerate(cast.actors, 1)
    ]
    _insert(connection, Actor, actors)
    aliases = [
        {"id": a["id"], "actor_id": a["id"], "name": a["name"].rsplit(" ", 1)[0].upper()}
        for a in actors
        if a["kind"] == "person"
    ]
    _insert(connection, ActorAlias, aliases)
    events = [
        {"id": n, "title": name, "kind": "incident", "start_date": date(2019, 1, 1) + timedelta(n)}
        for n, name in enumerate(cast.events, 1)
    ]
    _insert(connection, Event, events)
    participants = [
        {
            "id": e["id"],
            "event_id": e["id"],
            "actor_id": rng.randint(1, len(actors)),
            "role": "participant",
        }
        for e in events
    ]
    _insert(connection, EventActor, participants)
    _insert(connection, Tag, [{"id": n, "name": t} for n, t in enumerate(cast.tags, 1)])
    agencies = [s["id"] for s in sources if s["kind"] == "wire agency"]
    outlets = {s["name"]: s["id"] for s in sources if s["kind"] == "outlet"}
    return {
        "agencies": agencies,
        "outlets": outlets,
        "actors": len(actors),
        "events": len(events),
        "tags": len(cast.tags),
    }


class _CaseBuilder:
    """Rows for a batch of articles with their claims, chains, links, tags, notes, mentions."""

    def __init__(self, rng: random.Random, cast: Cast, entities: dict[str, Any]) -> None:
        self.rng, self.cast, self.entities = rng, cast, entities
        self.ids = _Ids()
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.outlets = list(entities["outlets"].items())

    def add(self, model: Any, **row: Any) -> int:
        row["id"] = self.ids.next(model.__tablename__)
        self.rows.setdefault(model.__tablename__, []).append(row)
        return row["id"]

    def flush(self, connection: Connection) -> None:
        for table in Base.metadata.sorted_tables:  # parents before children
            _insert(connection, table, self.rows.pop(table.name, []))

    def articles(self, count: int) -> None:
        for _ in range(count):
            self.article()

    def article(self) -> None:
        rng = self.rng
        outlet, outlet_id = rng.choice(self.outlets)
        number = self.ids.last.get("articles", 0) + 1
        builder = TextBuilder()
        builder.filler(rng, rng.randint(2, 4))
        said = [self._said(builder) for _ in range(rng.choice(CLAIMS_PER_ARTICLE))]
        builder.paragraph()
        builder.filler(rng, rng.randint(2, 5))
        text = builder.text()
        published = START + timedelta(minutes=rng.randrange(7 * 365 * 24 * 60))
        article_id = self.add(
            Article,
            title=title(rng),
            outlet=outlet,
            authors=[f"{rng.choice(('Ana', 'Omar', 'Li'))} {rng.choice(('Reyes', 'Khan'))}"],
            url=f"https://{outlet.lower().replace(' ', '-')}.example/{published:%Y/%m}/{number}",
            published=None if rng.random() < 0.03 else published,
            language="en",
            text=text,
            content_hash=content_hash(text),
            original=None,
            original_format="html",
            original_name=f"page-{number}.html",
            imported_at=START + timedelta(days=7 * 365, seconds=number),
            imported_from="",
            extractor="bench-scale",
        )
        self._tag(
            "article",
            article_id,
            rng.sample(range(1, self.entities["tags"] + 1), rng.randint(1, 2)),
        )
        for span, name, speaker in said:
            self._claim(article_id, text, span, speaker, outlet_id)
            if speaker is not None:
                self.add(
                    ActorMention, article_id=article_id, actor_id=speaker, **_span(text, *name)
                )

    def _said(self, builder: TextBuilder) -> tuple[tuple[int, int], tuple[int, int], int | None]:
        """A paragraph with one claim sentence: who said what; the speaker is mentioned."""
        rng = self.rng
        builder.paragraph()
        builder.filler(rng, rng.randint(0, 2))
        anonymous = rng.random() < 0.2
        speaker = None if anonymous else rng.randint(1, self.entities["actors"])
        name = "Officials" if speaker is None else self.cast.actors[speaker - 1]
        start, name_end = builder.add(name)
        _, end = builder.add(f" {rng.choice(CUES)} that {words(rng, rng.randint(10, 18))}")
        builder.add(". ")
        return (start, end), (start, name_end), speaker

    def _claim(
        self, article_id: int, text: str, span: tuple[int, int], speaker: int | None, outlet_id: int
    ) -> None:
        rng = self.rng
        claim_id = self.add(
            Claim,
            article_id=article_id,
            **_span(text, *span),
            summary=words(rng, rng.randint(4, 8)).capitalize(),
            kind=rng.choice(KINDS),
            status=rng.choice(STATUSES),
            credibility=rng.randint(1, 6),
            created_at=START,
            updated_at=START + timedelta(seconds=self.ids.last.get("claims", 0)),
        )
        self._chain(claim_id, speaker, outlet_id)
        if speaker is not None:
            self.add(ClaimActor, claim_id=claim_id, actor_id=speaker, role="speaker")
        subject = rng.randint(1, 40)
        if subject != speaker:
            self.add(ClaimActor, claim_id=claim_id, actor_id=subject, role="subject")
        if rng.random() < 0.4:
            event = rng.randint(1, self.entities["events"])
            self.add(ClaimEvent, claim_id=claim_id, event_id=event, role="describes")
        if rng.random() < 0.3:
            self._tag("claim", claim_id, [rng.randint(1, self.entities["tags"])])
        if rng.random() < 0.1:
            self.add(
                Note,
                target_kind="claim",
                target_id=claim_id,
                body=words(rng, 20),
                created_at=START,
                updated_at=START,
            )
        if claim_id > 10 and rng.random() < 0.02:
            self.add(
                ClaimRelation,
                from_claim_id=claim_id,
                to_claim_id=rng.randint(1, claim_id - 5),
                kind="repeats",
            )

    def _chain(self, claim_id: int, speaker: int | None, outlet_id: int) -> None:
        rng = self.rng
        first: dict[str, Any] = {"source_id": 1, "actor_id": None, "anonymous": True}
        if speaker is not None:
            first = {"source_id": None, "actor_id": speaker, "anonymous": False}
        hops = [dict(first, role="speaker", cue="")]
        agency = rng.choice(self.entities["agencies"])
        hops.append(
            {
                "source_id": agency,
                "actor_id": None,
                "anonymous": False,
                "role": "reported by",
                "cue": "told",
            }
        )
        if rng.random() < 0.5:
            hops.append(
                {
                    "source_id": outlet_id,
                    "actor_id": None,
                    "anonymous": False,
                    "role": "published by",
                    "cue": "",
                }
            )
        for position, hop in enumerate(hops):
            self.add(AttributionHop, claim_id=claim_id, position=position, **hop)

    def _tag(self, kind: str, target: int, tags: list[int]) -> None:
        for tag in tags:
            self.add(Tagging, tag_id=tag, target_kind=kind, target_id=target)


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    """A span's columns: offsets and the W3C quote selector (32 characters either side)."""
    return {
        "start": start,
        "end": end,
        "exact": text[start:end],
        "prefix": text[max(0, start - 32) : start],
        "suffix": text[end : end + 32],
        "orphaned": False,
    }
