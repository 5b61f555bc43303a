"""The exchange file's vocabulary: the W3C Web Annotation context plus our own namespace, and the
identifiers both sides of an exchange derive from content (so they survive a round trip)."""

from __future__ import annotations

import base64
import hashlib
import uuid
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
WB = "urn:x-analyst-workbench:vocab#"
CONTEXT = [
    ANNO_CONTEXT,
    {
        "wb": WB,
        "wb:hops": {"@container": "@list"},
        "wb:source": {"@type": "@id"},
        "wb:actor": {"@type": "@id"},
        "wb:articles": {"@container": "@set"},
        "wb:sources": {"@container": "@set"},
        "wb:actors": {"@container": "@set"},
        "wb:events": {"@container": "@set"},
        "wb:aliases": {"@container": "@set"},
        "wb:authors": {"@container": "@list"},
    },
]
NAMESPACE = uuid.UUID("227cc136-9654-5e7b-ad0d-4adbae19175b")
_NAMESPACE_BYTES = NAMESPACE.bytes
HASH_PREFIX = "ni:///sha-256;"

# What a body says about a claim, beyond W3C's purposes (wb:property).
SUMMARY, KIND, STATUS, CREDIBILITY, ATTRIBUTION = (
    "summary",
    "kind",
    "status",
    "credibility",
    "attribution",
)
ACTOR_LINK, EVENT_LINK, RELATION = "actor", "event", "relation"


# The RFC 4122 variant's first hex digit, from the digest's: its top two bits made 10.
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


@lru_cache(maxsize=8192)  # sources, actors and events are named again and again
def iri(kind: str, key: str) -> str:
    """A stable URN for a record: the same key gives the same IRI in every project.

    The name-based UUID (version 5) of `kind:key`, as `uuid.uuid5` makes it: `spelt` from the
    SHA-1 digest, which goes on from a copy of the namespace's and the kind's (`started`)."""
    hashed = started(kind).copy()
    hashed.update(key.encode())
    return spelt(hashed.hexdigest())


def started(kind: str, key: str = "") -> Any:
    """The SHA-1 of the namespace and "kind:key" (the key's start), hashed once per kind: a
    copy of it, given the rest of the key, gives that key's digest (`spelt`). Not to be
    updated itself."""
    found = _KINDS.get(kind)
    if found is None:
        found = _KINDS[kind] = hashlib.sha1(_NAMESPACE_BYTES + f"{kind}:".encode())
    if key:
        found = found.copy()
        found.update(key.encode())
    return found


def spelt(digest: str) -> str:
    """The URN of the name-based UUID (version 5) whose SHA-1 digest (hex) is `digest`, spelt
    out directly (a report names hundreds of thousands; `UUID` objects cost): the version digit
    made 5, the variant digit's top bits 10."""
    h = digest
    return f"urn:uuid:{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


_KINDS: dict[str, Any] = {}  # the SHA-1 of the namespace and "kind:", by kind, to copy


def article_iri(content_hash: str) -> str:
    """The article as named by its content (RFC 6920 ni: URI of the text's SHA-256)."""
    digest = base64.urlsafe_b64encode(bytes.fromhex(content_hash)).rstrip(b"=").decode("ascii")
    return HASH_PREFIX + digest


def hash_of_article_iri(value: str) -> str | None:
    """The hex SHA-256 in an `ni:///sha-256;…` IRI, or None for any other IRI."""
    if not value.startswith(HASH_PREFIX):
        return None
    encoded = value[len(HASH_PREFIX) :]
    try:
        return base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).hex()
    except ValueError:
        return None


def timestamp(moment: datetime | None) -> str | None:
    """xsd:dateTime in UTC with a Z, as the W3C model asks; stored times are naive UTC."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat() + "Z"


def parse_timestamp(value: object) -> datetime | None:
    """A naive UTC datetime from an xsd:dateTime string; None for anything unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
