"""A generated, news-like corpus for the search benchmark, written into a project file.

Wire stories of ~450 words (Zipf-distributed vocabulary: common English, news words, then a
long tail of invented words, a few with accents), with outlets, authors, dates over seven years,
named actors, attribution cues ("told Reuters"), tags; one article in five carries annotated
claims with attribution chains, actors, events, notes. A fixed seed makes every run the same.
Rows are bulk-inserted (the benchmark measures the index, not the importer).
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert

from workbench.bench.search_vocabulary import (
    AGENCIES,
    CITIES,
    COMMON,
    COUNTRIES,
    CUES,
    MASTHEADS,
    NEWS,
    OFFICIAL_BODIES,
    TAGS,
)
from workbench.domain import (
    Actor,
    ActorAlias,
    Article,
    AttributionHop,
    Claim,
    ClaimActor,
    ClaimEvent,
    Event,
    Note,
    Source,
    SourceAlias,
    Tag,
    Tagging,
)
from workbench.domain.grades import ClaimKind, ClaimStatus
from workbench.domain.text import content_hash
from workbench.store import ProjectStore

Say = Callable[[str], None]
SEED = 20250623
CLAIM_SHARE = 0.2
BATCH = 2000
TOPICS = 60
TOPIC_SHARE = 0.35
TOPIC_NEWS_WORDS = 20
TOPIC_MID_WORDS = 120
TOPIC_PEOPLE = 60
MID_WORDS = 2000


class Topic:
    """What one kind of story talks about: news words, rarer words, people, tags."""

    def __init__(self, rng: random.Random, mid_words: list[str], people: list[str]) -> None:
        self.words = rng.sample(NEWS, TOPIC_NEWS_WORDS) + rng.sample(mid_words, TOPIC_MID_WORDS)
        self.cumulative = _zipf(len(self.words))
        self.people = rng.sample(people, TOPIC_PEOPLE)
        self.tags = rng.sample(TAGS, 2)

    def sample(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)


class Words:
    """Common words everywhere (Zipf), rare invented words, and topics for the words between.

    Words of middling frequency are bursty in real news: "minister" is frequent in the
    stories about politics and absent from most others. Each story draws a share of its words
    from one or two topics, so such words gather in some documents instead of all.
    """

    def __init__(self, rng: random.Random, tail: int = 40_000) -> None:
        syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + ["ré", "ün", "ñe"]
        invented = sorted(
            {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(tail)}
        )
        rng.shuffle(invented)
        self.mid_words = invented[:MID_WORDS]
        self.rare_words = invented[MID_WORDS:]
        self.words = COMMON + self.rare_words
        self.cumulative = _zipf(len(self.words))

    def sample(self, rng: random.Random, count: int, topics: list[Topic]) -> list[str]:
        from_topics = sum(rng.random() < TOPIC_SHARE for _ in range(count))
        chosen = rng.choices(self.words, cum_weights=self.cumulative, k=count - from_topics)
        for _ in range(from_topics):
            chosen.append(rng.choice(topics).sample(rng, 1)[0])
        rng.shuffle(chosen)
        return chosen

    def tail_word(self, rng: random.Random) -> str:
        return rng.choice(self.rare_words)


def _zipf(size: int) -> list[float]:
    return list(accumulate(1 / (rank + 2.7) for rank in range(size)))


@dataclass
class Cast:
    """The named things stories mention: people, sources, outlets, events."""

    people: list[str]
    topics: list[Topic]
    outlets: list[str]
    outlet_weights: list[float]
    events: list[tuple[str, date]]
    authors: list[str]

    @classmethod
    def invent(cls, rng: random.Random, words: Words) -> Cast:
        def name() -> str:
            return f"{words.tail_word(rng).title()} {words.tail_word(rng).title()}"

        outlets = sorted({f"{rng.choice(CITIES)} {rng.choice(MASTHEADS)}" for _ in range(200)})
        events = [
            (
                f"{rng.choice(CITIES)} {rng.choice(['strike', 'summit', 'talks', 'protest'])}",
                date(2019, 1, 1) + timedelta(days=rng.randrange(2555)),
            )
            for _ in range(600)
        ]
        people = sorted({name() for _ in range(3000)})
        return cls(
            people=people,
            topics=[Topic(rng, words.mid_words, people) for _ in range(TOPICS)],
            outlets=["Deftechtimes", *outlets],
            outlet_weights=list(accumulate(1 / (rank + 1) for rank in range(len(outlets) + 1))),
            events=events,
            authors=[name() for _ in range(800)],
        )


@dataclass
class Story:
    article: dict
    sentences: list[tuple[int, int]]
    tags: list[str] = field(default_factory=list)


def _sentence(rng: random.Random, words: Words, topics: list[Topic], cast: Cast) -> str:
    chosen = words.sample(rng, rng.randint(10, 28), topics)
    roll = rng.random()
    if roll < 0.25:
        chosen.insert(rng.randrange(len(chosen)), rng.choice(rng.choice(topics).people))
    elif roll < 0.45:
        chosen.insert(rng.randrange(len(chosen)), rng.choice(COUNTRIES + CITIES))
    if rng.random() < 0.15:
        chosen.append(rng.choice(CUES).format(s=rng.choice(AGENCIES)))
    text = " ".join(chosen)
    return text[0].upper() + text[1:] + "."


def _story(rng: random.Random, words: Words, cast: Cast) -> Story:
    topics = rng.sample(cast.topics, rng.randint(1, 2))
    title_words = [
        rng.choice(topics[0].people + COUNTRIES),
        *topics[0].sample(rng, rng.randint(3, 6)),
        *words.sample(rng, rng.randint(2, 4), topics),
    ]
    title = " ".join(word.title() if len(word) > 3 else word for word in title_words)
    paragraphs, sentences, offset = [], [], len(title) + 2
    for _ in range(rng.randint(4, 14)):
        parts = [_sentence(rng, words, topics, cast) for _ in range(rng.randint(2, 4))]
        for part in parts:
            sentences.append((offset, offset + len(part)))
            offset += len(part) + 1
        offset += 1
        paragraphs.append(" ".join(parts))
    text = "\n\n".join([title, *paragraphs])
    published = datetime(2019, 1, 1) + timedelta(minutes=rng.randrange(7 * 365 * 24 * 60))
    outlet = cast.outlets[bisect(cast.outlet_weights, rng.random() * cast.outlet_weights[-1])]
    article = {
        "title": title,
        "text": text,
        "content_hash": content_hash(text),
        "outlet": outlet,
        "authors": rng.sample(cast.authors, rng.randint(1, 2)),
        "url": f"https://example.org/{outlet.lower().replace(' ', '-')}/{rng.randrange(10**9)}",
        "published": published,
        "language": "en",
        "original_format": "txt",
    }
    tags = topics[0].tags[: rng.randint(1, 2)] if rng.random() < 0.3 else []
    return Story(article, sentences, tags)


def corpus_path(cache: Path, articles: int) -> Path:
    return cache / f"news-{articles}-seed{SEED}.wbproj"


def ensure_corpus(cache: Path, articles: int, progress: Say = print) -> Path:
    """The cached corpus project of this size, generated first if it is not there yet."""
    path = corpus_path(cache, articles)
    if path.exists():
        return path
    cache.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    store = ProjectStore.create(partial)
    try:
        _fill(store, articles, progress)
    finally:
        store.close()
        partial.with_name(partial.name + ".lock").unlink(missing_ok=True)
    partial.rename(path)
    return path


def _fill(store: ProjectStore, count: int, progress: Say) -> None:
    rng = random.Random(SEED)
    words = Words(rng)
    cast = Cast.invent(rng, words)
    with store.engine.begin() as connection:
        ids = _entities(connection, cast)
        tag_ids = _rows(connection, Tag, [{"name": name} for name in TAGS])
        tag_id = dict(zip(TAGS, tag_ids, strict=True))
        done = 0
        while done < count:
            stories = [_story(rng, words, cast) for _ in range(min(BATCH, count - done))]
            article_ids = _rows(connection, Article, [story.article for story in stories])
            _tag(connection, "article", tag_id, zip(article_ids, stories, strict=True))
            _claims(connection, rng, ids, tag_id, article_ids, stories)
            done += len(stories)
            progress(f"  generated {done:,} of {count:,} articles")


def _rows(connection: Connection, model: Any, rows: list[dict]) -> list[int]:
    if not rows:
        return []
    result = connection.execute(insert(model).returning(model.id), rows)
    return list(result.scalars())


def _entities(connection: Connection, cast: Cast) -> dict[str, list[int]]:
    sources = [{"name": "unnamed sources", "kind": "unnamed sources", "reliability": "F"}]
    sources += [{"name": n, "kind": "wire agency", "reliability": "B"} for n in AGENCIES]
    sources += [{"name": n, "kind": "government body", "reliability": "C"} for n in OFFICIAL_BODIES]
    sources += [{"name": n, "kind": "outlet", "reliability": "C"} for n in cast.outlets]
    source_ids = _rows(connection, Source, sources)
    _rows(
        connection,
        SourceAlias,
        [
            {"source_id": i, "name": s["name"].upper()}
            for i, s in zip(source_ids, sources, strict=True)
        ],
    )
    actors = [{"name": n, "kind": "person"} for n in cast.people]
    actors += [{"name": n, "kind": "state"} for n in COUNTRIES]
    actor_ids = _rows(connection, Actor, actors)
    _rows(
        connection,
        ActorAlias,
        [
            {"actor_id": i, "name": a["name"].split()[-1]}
            for i, a in zip(actor_ids, actors, strict=True)
        ],
    )
    events = [{"title": t, "kind": "incident", "start_date": d} for t, d in cast.events]
    return {
        "anonymous": source_ids[:1],
        "agencies": source_ids[1 : 1 + len(AGENCIES)],
        "outlets": source_ids[1 + len(AGENCIES) + len(OFFICIAL_BODIES) :],
        "actors": actor_ids,
        "events": _rows(connection, Event, events),
    }


def _tag(connection: Connection, kind: str, tag_id: dict[str, int], targets: Iterable[Any]) -> None:
    rows = [
        {"tag_id": tag_id[name], "target_kind": kind, "target_id": target}
        for target, story in targets
        for name in story.tags
    ]
    _rows(connection, Tagging, rows)


def _claims(
    connection: Connection,
    rng: random.Random,
    ids: dict[str, list[int]],
    tag_id: dict[str, int],
    article_ids: list[int],
    stories: list[Story],
) -> None:
    claims, chains = [], []
    for article_id, story in zip(article_ids, stories, strict=True):
        if rng.random() >= CLAIM_SHARE:
            continue
        for start, end in rng.sample(story.sentences, min(len(story.sentences), rng.randint(1, 3))):
            text = story.article["text"]
            claims.append(
                {
                    "article_id": article_id,
                    "start": start,
                    "end": end,
                    "exact": text[start:end],
                    "prefix": text[max(0, start - 32) : start],
                    "suffix": text[end : end + 32],
                    "summary": text[start:end][:60],
                    "kind": rng.choice(list(ClaimKind)).value,
                    "status": rng.choice(list(ClaimStatus)).value,
                    "credibility": rng.randint(1, 6),
                }
            )
            chains.append(rng.random())
    claim_ids = _rows(connection, Claim, claims)
    hops, actors, events, notes, tags = [], [], [], [], []
    for claim_id, roll in zip(claim_ids, chains, strict=True):
        chain = [rng.choice(ids["agencies"]), rng.choice(ids["outlets"])]
        if roll < 0.5:
            chain.insert(0, ids["anonymous"][0])
        hops += [
            {
                "claim_id": claim_id,
                "position": n,
                "source_id": s,
                "role": "reported by",
                "anonymous": s == ids["anonymous"][0],
            }
            for n, s in enumerate(chain)
        ]
        actors += [
            {"claim_id": claim_id, "actor_id": a, "role": "subject"}
            for a in rng.sample(ids["actors"], rng.randint(1, 3))
        ]
        if roll < 0.4:
            events.append(
                {"claim_id": claim_id, "event_id": rng.choice(ids["events"]), "role": "refers to"}
            )
        if roll > 0.7:
            notes.append(
                {
                    "target_kind": "claim",
                    "target_id": claim_id,
                    "body": "Check against a second agency before relying on this.",
                }
            )
        tags += [
            {"tag_id": tag_id[name], "target_kind": "claim", "target_id": claim_id}
            for name in rng.sample(TAGS, rng.randint(0, 2))
        ]
    for model, rows in (
        (AttributionHop, hops),
        (ClaimActor, actors),
        (ClaimEvent, events),
        (Note, notes),
        (Tagging, tags),
    ):
        _rows(connection, model, rows)
