"""Text and names for the generated case: news-like sentences with names the claims point at."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from workbench.bench.search_vocabulary import AGENCIES, CITIES, COMMON, COUNTRIES, NEWS, TAGS


def _each(names: str) -> tuple[str, ...]:
    return tuple(names.split())


FIRST = _each("Ana Omar Li Ruta Sam Jonas Leila Pavel Mariam Tomás Ingrid Yusuf Hana Ömer")
LAST = _each("Reyes Khan Wu Deshpande Okafor Novak Haddad Petrov Ødegaard Müller Şahin")
# Names an analyst types in another case or script: the look-ups must find them in any case.
NON_ASCII = (
    "Ärzte ohne Grenzen",
    "İstanbul Municipality",
    "Straße der Einheit",
    "Ελληνική Αστυνομία",
)
MASTHEADS = _each("Herald Times Post Observer Gazette Tribune Chronicle Daily Ledger")
CUES = ("said", "told reporters", "according to officials", "claimed", "warned", "denied")


@dataclass
class Cast:
    """Who appears in the case: outlets, sources, actors, events, tags."""

    outlets: list[str]
    sources: list[str]
    actors: list[str]
    events: list[str]
    tags: list[str] = field(default_factory=lambda: list(TAGS))

    def source_kind(self, name: str) -> str:
        if name == "unnamed sources":
            return "unnamed sources"
        if name in AGENCIES:
            return "wire agency"
        return "outlet" if name in self.outlets else "government body"

    @staticmethod
    def actor_kind(name: str) -> str:
        if name in COUNTRIES:
            return "state"
        return "organisation" if name in NON_ASCII else "person"

    @classmethod
    def invent(cls, rng: random.Random, articles: int) -> Cast:
        outlets = sorted({f"{rng.choice(CITIES)} {rng.choice(MASTHEADS)}" for _ in range(60)})
        people = sorted(
            {f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}" for n in range(articles // 20 + 40)}
        )
        sources = ["unnamed sources", *AGENCIES, *outlets, *NON_ASCII]
        sources += [
            f"{rng.choice(COUNTRIES)} {rng.choice(NEWS)} office {n}" for n in range(articles // 50)
        ]
        actors = [*COUNTRIES, *NON_ASCII, *people]
        events = [
            f"{rng.choice(NEWS).capitalize()} in {rng.choice(CITIES)} ({n})"
            for n in range(articles // 20 + 10)
        ]
        return cls(outlets, sources, actors, events)


def words(rng: random.Random, count: int) -> str:
    """`count` words, common ones most often, as in a wire story."""
    half = count // 2
    return " ".join(rng.choices(COMMON, k=half) + rng.choices(NEWS, k=count - half))


def title(rng: random.Random) -> str:
    return f"{rng.choice(COUNTRIES)} {words(rng, rng.randint(5, 9))}".capitalize()


class TextBuilder:
    """Builds an article's text piece by piece, remembering where each named piece landed."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def filler(self, rng: random.Random, sentences: int) -> None:
        for _ in range(sentences):
            self.add(f"{words(rng, rng.randint(12, 24)).capitalize()}. ")

    def paragraph(self) -> None:
        if self.parts and self.parts[-1].endswith(" "):
            self.parts[-1] = self.parts[-1].rstrip()
            self.length -= 1
        self.add("\n\n")

    def text(self) -> str:
        return "".join(self.parts).rstrip()
