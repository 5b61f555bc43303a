"""The corroboration benchmark's case: a project of N claims with chains, written in bulk.

The schema comes from the project's own migrations (`Project.create`); rows are Core bulk
inserts with ids chosen here, a fixed seed, so the same size always gives the same project.
Five claims per article; one article in ten is a syndicated copy of an earlier one (its
claims quote the original's). Chains: unnamed sources → agency → outlet (40%), a named speaker
→ agency → outlet (40%), a named speaker → outlet (20%). One claim in ten repeats an earlier
claim, one in fifty contradicts one; statuses and credibilities are mixed. The case is cached
by size and schema head.
"""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert

from workbench.domain import Actor, Article, AttributionHop, Claim, ClaimRelation, Source
from workbench.domain.text import content_hash
from workbench.services import Project

SEED = 20261201
CLAIMS_PER_ARTICLE = 5
OUTLETS, AGENCIES, SPEAKERS = 300, 12, 2_000
STATUSES = ("unverified",) * 5 + ("corroborated",) * 3 + ("disputed", "refuted")
WHEN = datetime(2025, 6, 1)
BATCH = 5_000


def ensure_corroboration_case(claims: int, folder: Path) -> Path:
    """The cached project of `claims` claims (made first if there is none at this schema)."""
    from workbench.bench.scale.cache import schema_head

    path = folder / f"corroboration-{claims}-s{schema_head()}.wbproj"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in folder.glob(partial.name + "*"):
        leftover.unlink()
    with Project.create(partial) as project, project.store.engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA synchronous=OFF")
        _fill(connection, claims, random.Random(SEED))
    for leftover in folder.glob(partial.name + "?*"):
        leftover.unlink(missing_ok=True)
    partial.rename(path)
    return path


def _fill(connection: Connection, claims: int, rng: random.Random) -> None:
    sources = [_source(n, f"Outlet {n}", "outlet", rng) for n in range(1, OUTLETS + 1)]
    sources += [
        _source(OUTLETS + n, f"Agency {n}", "wire agency", rng) for n in range(1, AGENCIES + 1)
    ]
    unnamed = OUTLETS + AGENCIES + 1
    sources.append({"id": unnamed, "name": "unnamed sources", "kind": "unnamed sources",
                    "reliability": "F", "description": ""})  # fmt: skip
    connection.execute(insert(Source), sources)
    speakers = [
        {"id": n, "name": f"Speaker {n}", "kind": "person", "reliability": rng.choice("ABCDEF"),
         "description": ""}
        for n in range(1, SPEAKERS + 1)
    ]  # fmt: skip
    connection.execute(insert(Actor), speakers)
    writer = _Writer(connection, rng, unnamed)
    for article_id in range(1, claims // CLAIMS_PER_ARTICLE + 1):
        writer.article(article_id)
        if len(writer.rows[Claim]) >= BATCH:
            writer.flush()
    writer.flush()


def _source(number: int, name: str, kind: str, rng: random.Random) -> dict[str, Any]:
    return {"id": number, "name": name, "kind": kind, "reliability": rng.choice("ABCDEF"),
            "description": ""}  # fmt: skip


class _Writer:
    """Rows of articles, claims, hops and relations, written a batch at a time."""

    def __init__(self, connection: Connection, rng: random.Random, unnamed: int) -> None:
        self.connection, self.rng, self.unnamed = connection, rng, unnamed
        self.rows: dict[Any, list[dict[str, Any]]] = {
            model: [] for model in (Article, Claim, AttributionHop, ClaimRelation)
        }
        self.quoted: dict[int, list[str]] = {}  # each article's quotes (copies reuse them)
        self.chains: dict[str, list[dict]] = {}  # each quote's chain (a copy's runs alike)
        self.related: set[tuple[int, int]] = set()

    def article(self, article_id: int) -> None:
        rng = self.rng
        outlet = rng.randint(1, OUTLETS)
        copy_of = rng.randint(1, article_id - 1) if article_id > 10 and rng.random() < 0.1 else None
        quotes = [f"Claim {article_id}.{n} says thing {rng.randint(1, 10**6)}" for n in range(5)]
        if copy_of is not None:  # a syndicated copy quotes three of the original's claims
            quotes[:3] = self.quoted[copy_of][:3]
        self.quoted[article_id] = quotes
        text = "\n\n".join(quotes)
        self.rows[Article].append(
            {"id": article_id, "title": f"Article {article_id}", "outlet": f"Outlet {outlet}",
             "authors": [], "url": "", "published": WHEN, "language": "en", "text": text,
             "content_hash": content_hash(f"{article_id}\n{text}"), "original": None,
             "original_format": "txt", "original_name": "", "imported_at": WHEN,
             "imported_from": "", "extractor": "bench", "near_duplicate_of_id": copy_of,
             "near_duplicate_score": 0.9 if copy_of else None}
        )  # fmt: skip
        position = 0
        for number, quote in enumerate(quotes):
            claim_id = (article_id - 1) * CLAIMS_PER_ARTICLE + number + 1
            self.claim(claim_id, article_id, position, quote, outlet, copy_of is not None)
            position += len(quote) + 2

    def claim(
        self, claim_id: int, article_id: int, start: int, quote: str, outlet: int, copy: bool
    ) -> None:
        rng = self.rng
        self.rows[Claim].append(
            {"id": claim_id, "article_id": article_id, "start": start,
             "end": start + len(quote), "exact": quote, "prefix": "", "suffix": "",
             "orphaned": False, "anchor_confidence": None, "summary": "",
             "kind": "statement", "status": rng.choice(STATUSES),
             "credibility": rng.randint(1, 6), "created_at": WHEN, "updated_at": WHEN}
        )  # fmt: skip
        chain = _chain(claim_id, outlet, self.unnamed, rng)
        if copy and quote in self.chains:  # the copy's chain: the original's, then its outlet
            original = self.chains[quote]
            chain = [{**hop, "claim_id": claim_id} for hop in original[:-1]]
            chain.append({**original[-1], "claim_id": claim_id, "source_id": outlet})
        self.chains.setdefault(quote, chain)
        self.rows[AttributionHop] += chain
        if claim_id > 20 and rng.random() < 0.12:
            kind = "repeats" if rng.random() < 0.85 else "contradicts"
            other = rng.randint(1, claim_id - 10)
            if (claim_id, other) not in self.related:
                self.related.add((claim_id, other))
                self.rows[ClaimRelation].append(
                    {"from_claim_id": claim_id, "to_claim_id": other, "kind": kind}
                )

    def flush(self) -> None:
        for model, rows in self.rows.items():
            if rows:
                self.connection.execute(insert(model), rows)
                self.rows[model] = []


def _chain(claim_id: int, outlet: int, unnamed: int, rng: random.Random) -> list[dict]:
    agency = OUTLETS + rng.randint(1, AGENCIES)
    shape = rng.random()
    if shape < 0.4:
        first = {"source_id": unnamed, "actor_id": None, "anonymous": True}
    else:
        first = {"source_id": None, "actor_id": rng.randint(1, SPEAKERS), "anonymous": False}
    named = [first]
    if shape < 0.8:
        named.append({"source_id": agency, "actor_id": None, "anonymous": False})
    named.append({"source_id": outlet, "actor_id": None, "anonymous": False})
    roles = (
        ("speaker", "reported by", "published by")
        if len(named) == 3
        else ("speaker", "published by")
    )
    return [
        {**hop, "claim_id": claim_id, "position": position, "role": role, "cue": ""}
        for position, (hop, role) in enumerate(zip(named, roles, strict=True))
    ]
