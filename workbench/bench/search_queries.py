"""The search benchmark's queries, drawn from the corpus itself with a fixed seed.

Analysts search for the content words of the news, so term queries are content words picked
at random from article text (frequent words more often, as they occur); phrases are two
neighbouring content words of a sentence; field queries ask for a title word, a wire agency,
an actor or a tag; faceted queries are term queries that also want facet counts; fuzzy
queries are a content word with two letters swapped.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from sqlalchemy import func, select

from workbench.bench.search_vocabulary import AGENCIES, COMMON
from workbench.domain import Actor, Article, AttributionHop, ClaimActor, Source, Tag
from workbench.search.analysis import STOP_WORDS
from workbench.store import ProjectStore

KINDS = ("term", "phrase", "field", "faceted", "fuzzy")
_TOKEN = re.compile(r"[^\W\d_]+")
_SENTENCE = re.compile(r"[^.\n]+")
_SKIP = {word.lower() for word in COMMON} | STOP_WORDS


@dataclass(frozen=True)
class BenchQuery:
    """One query, as words (a phrase if several) and an optional field."""

    kind: str
    words: tuple[str, ...]
    field: str | None = None

    def whoosh(self) -> str:
        text = " ".join(self.words)
        if self.kind == "fuzzy":
            return f"{text}~"
        quoted = f'"{text}"' if len(self.words) > 1 else text
        return f"{self.field}:{quoted}" if self.field else quoted


def _content(word: str) -> bool:
    return len(word) >= 4 and word.lower() not in _SKIP


def sample_queries(project: Path, per_kind: int, seed: int) -> dict[str, list[BenchQuery]]:
    """`per_kind` queries of each kind, the same for every run on the same corpus."""
    rng = random.Random(seed)
    store = ProjectStore.open(project, read_only=True)
    try:
        with store.reading() as session:
            top = session.scalar(select(func.max(Article.id))) or 0
            chosen = rng.sample(range(1, top + 1), min(top, per_kind * 4))
            articles = list(
                session.execute(select(Article.title, Article.text).where(Article.id.in_(chosen)))
            )
            people = list(
                session.scalars(
                    select(Actor.name).join(ClaimActor).where(Actor.kind == "person").distinct()
                )
            )
            tags = list(session.scalars(select(Tag.name)))
            sources = list(
                session.scalars(select(Source.name).join(AttributionHop).distinct().limit(200))
            )
    finally:
        store.close()
    articles.sort()
    return {
        "term": [_term(rng, articles, "term") for _ in range(per_kind)],
        "phrase": [_phrase(rng, articles) for _ in range(per_kind)],
        "field": [_field(rng, articles, people, tags, sources, n) for n in range(per_kind)],
        "faceted": [_term(rng, articles, "faceted") for _ in range(per_kind)],
        "fuzzy": [_misspelt(rng, _term(rng, articles, "fuzzy")) for _ in range(per_kind)],
    }


def _misspelt(rng: random.Random, query: BenchQuery) -> BenchQuery:
    """The word with two neighbouring letters after its first swapped (a typo to forgive)."""
    word = query.words[0]
    at = rng.randrange(1, len(word) - 1)
    return BenchQuery("fuzzy", (word[:at] + word[at + 1] + word[at] + word[at + 2 :],))


def _term(rng: random.Random, articles: list, kind: str) -> BenchQuery:
    while True:
        words = [w for w in _TOKEN.findall(rng.choice(articles).text) if _content(w)]
        if words:
            return BenchQuery(kind, (rng.choice(words).lower(),))


def _phrase(rng: random.Random, articles: list) -> BenchQuery:
    while True:
        sentence = rng.choice(_SENTENCE.findall(rng.choice(articles).text))
        words = _TOKEN.findall(sentence)
        pairs = [(a.lower(), b.lower()) for a, b in pairwise(words) if _content(a) and _content(b)]
        if pairs:
            return BenchQuery("phrase", rng.choice(pairs))


def _field(
    rng: random.Random, articles: list, people: list, tags: list, sources: list, n: int
) -> BenchQuery:
    choice = n % 4
    if choice == 0:
        words = [w for w in _TOKEN.findall(rng.choice(articles).title) if _content(w)]
        return BenchQuery("field", (rng.choice(words or ["minister"]).lower(),), "title")
    if choice == 1:
        agency = rng.choice([s for s in sources if s in AGENCIES] or sources or AGENCIES)
        return BenchQuery("field", tuple(agency.split()), "source")
    if choice == 2:
        name = rng.choice(people) if people else "minister"
        words = [word for word in _TOKEN.findall(name) if len(word) >= 3] or ["minister"]
        return BenchQuery("field", (max(words, key=len),), "actor")
    return BenchQuery("field", tuple(rng.choice(tags).split()), "tag")
