"""What our fields are called in a REFI-QDA project: the codebook (claim kind, status,
credibility and tags as codes), the variables of articles and cases, the names of links, and
the stable GUIDs every element gets — shared by the .qdpx writer and reader, so the two can
never disagree.

GUIDs are name-based (UUID 5) on what identifies each thing in the report model (an article's
content hash, a claim's ref, a source's name…), so exporting the same project twice gives the
same file, and an export of an import of it gives the same file again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import lru_cache
from hashlib import sha1

from workbench.domain.grades import CREDIBILITY_WORDING, ClaimKind, ClaimStatus
from workbench.reports.model import credibility_label

NS = "urn:QDA-XML:project:1.0"
QDE = "project.qde"
SOURCES = "sources/"
_SPACE = uuid.UUID("6f1d6d0e-7c43-4b8e-9a53-1f2a4b0c9e11")

KIND, STATUS, CREDIBILITY, TAGS, WORKBENCH = (
    "Claim kind",
    "Claim status",
    "Credibility",
    "Tags",
    "Analyst Workbench",
)
ORPHANED, MENTION = "orphaned claim (its quote is no longer in the text)", "actor mention"
STATUS_COLOURS = {
    ClaimStatus.UNVERIFIED: "#9e9e9e",
    ClaimStatus.CORROBORATED: "#2e7d32",
    ClaimStatus.DISPUTED: "#ef6c00",
    ClaimStatus.REFUTED: "#c62828",
}

# Variables: (name, type) — articles' first, then the cases' (sources, actors, events).
ARTICLE_VARIABLES = (
    ("outlet", "Text"),
    ("authors", "Text"),
    ("url", "Text"),
    ("published", "DateTime"),
    ("language", "Text"),
)
CASE_VARIABLES = (
    ("record", "Text"),
    ("kind", "Text"),
    ("reliability", "Text"),
    ("aliases", "Text"),
    ("start date", "Date"),
    ("start precision", "Text"),
    ("end date", "Date"),
    ("end precision", "Text"),
    ("place", "Text"),
)
SOURCE_CASE, ACTOR_CASE, EVENT_CASE = "source", "actor", "event"

# Link names: "attribution 2: reported by", "actor: speaker", "event: describes"…
HOP_LINK, ACTOR_LINK, EVENT_LINK = "attribution", "actor: ", "event: "
PARTICIPANT_LINK, MENTION_LINK, NOTE_LINK, ANONYMOUS = (
    "participant: ",
    "mention",
    "note",
    " (anonymous)",
)


_NAMED = sha1(_SPACE.bytes)  # SHA-1 fed the namespace: each GUID hashes only its name on top
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}  # RFC 4122
CACHED = 1 << 16  # codes, variables and cases remembered (a few per claim, from few records)


def guid(*key: object) -> str:
    """The GUID of the thing `key` names ("article", its content hash…), the same every time:
    `uuid.uuid5` of the parts joined by U+001F, made straight from the SHA-1 digest's hex
    digits (version 5, RFC 4122 variant) without the standard library's UUID object, which
    costs as much as the hash again, a million times for a large case."""
    digest = _NAMED.copy()
    digest.update("\x1f".join([str(part) for part in key]).encode("utf-8"))
    h = digest.hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


@dataclass(frozen=True)
class Code:
    name: str
    path: tuple[str, ...]  # its parents' names, then its own
    codable: bool = True
    colour: str = ""

    @property
    def guid(self) -> str:
        return guid("code", *self.path)


def code_groups(tags: list[str]) -> list[tuple[Code, list[Code]]]:
    """Our codebook: each group (not itself codable) with its codes, tags sorted by name."""
    kinds = [Code(kind.value, (KIND, kind.value)) for kind in ClaimKind]
    statuses = [
        Code(status.value, (STATUS, status.value), colour=STATUS_COLOURS[status])
        for status in ClaimStatus
    ]
    grades = [
        Code(credibility_label(grade), (CREDIBILITY, str(grade))) for grade in CREDIBILITY_WORDING
    ]
    marks = [Code(ORPHANED, (WORKBENCH, ORPHANED)), Code(MENTION, (WORKBENCH, MENTION))]
    tagged = [Code(tag, (TAGS, tag.casefold())) for tag in sorted(tags, key=str.casefold)]
    groups = [(KIND, kinds), (STATUS, statuses), (CREDIBILITY, grades), (TAGS, tagged)]
    groups.append((WORKBENCH, marks))
    return [(Code(name, (name,), codable=False), codes) for name, codes in groups if codes]


@lru_cache(maxsize=CACHED)
def kind_code(kind: str) -> str:
    return guid("code", KIND, kind)


@lru_cache(maxsize=CACHED)
def status_code(status: str) -> str:
    return guid("code", STATUS, status)


@lru_cache(maxsize=CACHED)
def credibility_code(grade: int) -> str:
    return guid("code", CREDIBILITY, str(grade))


@lru_cache(maxsize=CACHED)
def tag_code(tag: str) -> str:
    return guid("code", TAGS, tag.casefold())


@lru_cache(maxsize=CACHED)
def mark_code(mark: str) -> str:
    return guid("code", WORKBENCH, mark)


@lru_cache(maxsize=CACHED)
def variable_guid(name: str) -> str:
    return guid("variable", name)


@lru_cache(maxsize=CACHED)
def case_guid(record: str, key: str) -> str:
    """A source's or actor's case by name (any case), an event's by its ref."""
    return guid("case", record, key.casefold() if record != EVENT_CASE else key)
