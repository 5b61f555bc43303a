"""Claim relations as the window shows them, and the claim picker's look-up.

`relations_of(claim)` lists a claim's relations both ways ("→ contradicts" the other claim,
or the other claim "supports ←" this one). `find_claims(typed)` answers the picker's
type-ahead over quotes and summaries across the project: through the search index when it is
open (an indexed query, fast at 500,000 claims), otherwise by a bounded scan of the latest
claims, so a keystroke never waits for a whole-table scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, Select, String, and_, bindparam, func, or_, select

from workbench.domain import Article, Claim, ClaimRelation
from workbench.services.project import Project
from workbench.store.prepared import kept, prepare, reading

CHOICES = 12
# Without the search index, only this many of the latest claims are scanned per keystroke.
SCAN_WITHOUT_INDEX = 8_000
MIN_PREFIX = 2  # the search index's shortest prefix ("nu*" finds "nuclear")
_WORD = re.compile(r"\w+")
_CLAIM_NUMBER = re.compile(r"#(\d+)")


@dataclass(frozen=True)
class ClaimChoice:
    """A claim as the picker offers it."""

    id: int
    article_id: int
    article_title: str
    exact: str
    summary: str

    @property
    def shown(self) -> str:
        """“Sources told Reuters…” — summary · article (#12)"""
        summary = f" — {_short(self.summary, 50)}" if self.summary else ""
        return (
            f"“{_short(self.exact, 70)}”{summary} · {_short(self.article_title, 40)} (#{self.id})"
        )


@dataclass(frozen=True)
class RelatedClaim:
    """One relation of a claim, seen from that claim."""

    kind: str
    outgoing: bool  # this claim → the other; False: the other → this claim
    other: ClaimChoice
    from_claim_id: int
    to_claim_id: int

    @property
    def direction(self) -> str:
        """ "→ contradicts" (this claim contradicts the other) or "supports ←" (it is supported)."""
        return f"→ {self.kind}" if self.outgoing else f"{self.kind} ←"

    @property
    def shown(self) -> str:
        return f"{self.direction}  {self.other.shown}"


def relations_of(project: Project, claim_id: int) -> list[RelatedClaim]:
    """A claim's relations both ways: what it says of others, then what others say of it."""
    found: list[RelatedClaim] = []
    with project.reading() as session:
        for outgoing in (True, False):
            here, there = _ends(outgoing)
            query = (
                _choice_columns()
                .add_columns(ClaimRelation.kind, ClaimRelation.from_claim_id)
                .add_columns(ClaimRelation.to_claim_id)
                .join(ClaimRelation, there == Claim.id)
                .where(here == claim_id)
                .order_by(ClaimRelation.kind, ClaimRelation.id)
            )
            for row in session.execute(query):
                other = ClaimChoice(*row[:5])
                found.append(RelatedClaim(row.kind, outgoing, other, *row[-2:]))
    return found


def _ends(outgoing: bool) -> tuple:
    if outgoing:
        return ClaimRelation.from_claim_id, ClaimRelation.to_claim_id
    return ClaimRelation.to_claim_id, ClaimRelation.from_claim_id


def find_claims(
    project: Project, typed: str, *, limit: int = CHOICES, excluding: int | None = None
) -> list[ClaimChoice]:
    """Claims whose quote or summary holds every word typed (the last one as a prefix);
    "#123" is claim 123. `excluding` leaves out one claim (the one being related)."""
    words = [word.lower() for word in _WORD.findall(typed)]
    if not words:
        return []
    numbered = _CLAIM_NUMBER.fullmatch(typed.strip())
    ids = [int(numbered.group(1))] if numbered else None
    if ids is None:
        ids = _indexed(project, words, limit + 1)
    if ids is None:
        choices = _scanned(project, words, limit + 1)
    else:
        # A Core connection, no ORM session: per keystroke, a session's set-up and tear-down
        # cost more than the look-up itself.
        with project.store.engine.connect() as connection:
            choices = _in_order(connection, ids)
    return [choice for choice in choices if choice.id != excluding][:limit]


def _indexed(project: Project, words: list[str], limit: int) -> list[int] | None:
    """Claim ids from the search index, best first; None if the index is not open."""
    # Imported here: the window shows before the search engine loads.
    from workbench.services.search import QueryError, SearchUnavailable, index_if_open

    index = index_if_open(project)
    if index is None:
        return None
    *whole, last = words
    terms = [*whole, f"{last}*" if len(last) >= MIN_PREFIX else last]
    query = " ".join(f"(quote:{term} OR summary:{term})" for term in terms)
    try:
        results = index.search(query, limit=limit, filters={"type": "claim"}, facets=False)
    except (QueryError, SearchUnavailable):  # only short or common words: scan instead
        return None
    return [hit.id for hit in results.hits if hit.kind == "claim"]


def _choice_columns() -> Select:
    return select(Claim.id, Claim.article_id, Article.title, Claim.exact, Claim.summary).join(
        Article, Article.id == Claim.article_id
    )


def _in_order(connection: Connection, ids: list[int]) -> list[ClaimChoice]:
    if not ids:
        return []
    rows = {row.id: row for row in connection.execute(_choice_columns().where(Claim.id.in_(ids)))}
    return [ClaimChoice(*rows[claim_id]) for claim_id in ids if claim_id in rows]


def _scanned(project: Project, words: list[str], limit: int) -> list[ClaimChoice]:
    """The latest claims holding every word: a bounded range of the primary key, scanned.
    The statement is made once per number of words (the words are its parameters) and run on
    the driver's cursor: per keystroke it costs its SQL, not SQLAlchemy's building and
    result machinery around it (ten times the SQL of a scan that finds its choices soon)."""
    engine = project.store.engine
    shape = ("claim picker scan", len(words), limit)
    scan = kept(engine.dialect, shape, lambda: prepare(_scan(len(words), limit), engine.dialect))
    values = {f"word_{n}": f"%{_escaped(word)}%" for n, word in enumerate(words)}
    with reading(engine) as reader:
        return [ClaimChoice(*row) for row in reader.rows(scan, values)]


def _scan(words: int, limit: int) -> Select:
    """The scan of the latest claims for `words` words, each a parameter `word_<n>`."""
    newest = select(func.coalesce(func.max(Claim.id), 0)).scalar_subquery()
    matches = []
    for n in range(words):
        pattern = bindparam(f"word_{n}", "", type_=String())
        matches.append(
            or_(func.lower(Claim.exact).like(pattern, escape="\\"),
                func.lower(Claim.summary).like(pattern, escape="\\"))
        )  # fmt: skip
    return (
        _choice_columns()
        .where(Claim.id > newest - SCAN_WITHOUT_INDEX, and_(*matches))
        .order_by(Claim.id.desc())
        .limit(limit)
    )


def _escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
