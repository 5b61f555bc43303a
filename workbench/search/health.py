"""Does the index agree with the database? For `workbench check` and after a crash.

Every article and claim should be in the index exactly once, with what it says now; nothing
else should be. Changes still waiting in the outbox are counted, not held against the index.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain import Article, Claim, OutboxEntry
from workbench.domain.text import plural
from workbench.search import feed
from workbench.search.documents import (
    ARTICLE,
    CLAIM,
    NameBook,
    Selection,
    document_key,
    documents_for,
)
from workbench.search.folder import IndexUnusable, index_location, open_folder
from workbench.store import ProjectStore

CHECK_BATCH = 500
EXAMPLES = 5


@dataclass(frozen=True)
class IndexCheck:
    """What `workbench check` reports about the search index."""

    problem: str = ""
    problem_kind: str = ""
    indexed: int = 0
    in_project: int = 0
    pending: int = 0
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)

    @property
    def agrees(self) -> bool:
        """No disagreement. An index not built yet (or by another version) is not one:
        it is built when the project is next opened for searching."""
        damaged = self.problem and self.problem_kind == "damaged"
        return not (damaged or self.missing or self.extra or self.duplicated or self.stale)

    @property
    def summary(self) -> str:
        if self.problem_kind in ("missing", "version"):
            return f"{self.problem}; it is built when the project is next searched"
        if self.problem:
            return self.problem
        waiting = f", {plural(self.pending, 'change')} waiting to be indexed"
        waiting = waiting if self.pending else ""
        return f"{self.indexed:,} documents indexed for {self.in_project:,} in the project{waiting}"

    def lines(self) -> list[str]:
        """One line per disagreement, for the command line."""
        if self.problem:
            if self.agrees:
                return []
            return [f"search index: {self.problem} (run `workbench reindex` to rebuild it)"]
        found = []
        for label, keys in (
            ("in the project but not in the index", self.missing),
            ("in the index but not in the project", self.extra),
            ("in the index more than once", self.duplicated),
            ("out of date in the index", self.stale),
        ):
            if keys:
                examples = ", ".join(keys[:EXAMPLES]) + (" …" if len(keys) > EXAMPLES else "")
                found.append(f"search index: {plural(len(keys), 'document')} {label}: {examples}")
        return found


def check_index(store: ProjectStore, location: Path | None = None) -> IndexCheck:
    """Compare the index with the database, document by document."""
    location = location if location is not None else index_location(store)
    try:
        index = open_folder(location)
    except IndexUnusable as problem:
        return IndexCheck(problem=str(problem), problem_kind=problem.kind)
    try:
        with index.reader() as reader:
            stored = [fields for _, fields in reader.iter_docs()]
    finally:
        index.close()
    counts = Counter(fields["key"] for fields in stored)
    prints = {fields["key"]: fields.get("fingerprint") for fields in stored}
    with store.reading() as session:
        pending = {
            document_key(kind, entity_id)
            for kind, entity_id in session.execute(
                feed.unapplied(
                    store, location, select(OutboxEntry.entity_kind, OutboxEntry.entity_id)
                )
            )
        }
        current = _current_fingerprints(session)
    settled_keys = set(current) - pending
    return IndexCheck(
        indexed=len(stored),
        in_project=len(current),
        pending=len(pending),
        missing=sorted(key for key in settled_keys if key not in counts),
        extra=sorted(key for key in counts if key not in current and key not in pending),
        duplicated=sorted(key for key, count in counts.items() if count > 1),
        stale=sorted(key for key in settled_keys if key in prints and prints[key] != current[key]),
    )


def _current_fingerprints(session: Session) -> dict[str, int]:
    found: dict[str, int] = {}
    names = NameBook()
    for kind, model in ((ARTICLE, Article), (CLAIM, Claim)):
        ids = list(session.scalars(select(model.id).order_by(model.id)))
        for start in range(0, len(ids), CHECK_BATCH):
            run = ids[start : start + CHECK_BATCH]
            for document in documents_for(session, kind, Selection.between(run[0], run[-1]), names):
                found[document["key"]] = document["fingerprint"]
    return found
