"""The annotations of the Web Annotation exchange file, each written straight as JSON text.

An export holds one annotation per claim and per actor mention, hundreds of thousands of them:
each is written here as the compact JSON `json.dumps(..., ensure_ascii=False, separators=(",",
":"))` would write of its dict (keys in the same order, strings by the encoder's own
`encode_basestring`), without making the dicts, and in UTF-8 as the file holds it: made as
bytes, an annotation is neither widened to two or four bytes a character by the one dash or
arrow it holds nor encoded again whole. Bodies that recur claim after claim (a kind, a
status, a grade, a tag) are written once and reused. `web_annotation` puts them in the file;
`web_annotations()` reads the text back as dicts, so the shape is stated only here.
"""

from __future__ import annotations

import json
from functools import lru_cache

from workbench.reports import web_vocabulary as vocab
from workbench.reports.model import ACTOR, Claim, Hop, Mention, Relation, credibility_label

quoted = json.encoder.encode_basestring  # a str as JSON text, as the encoder writes it
# The stream's table of each article's annotations as finished text (services.annotation_table:
# claims, then actor mentions, then the article's own tags and notes), if it has one.
TABLE = "web annotations"
RECURRING = 65536  # bodies kept written for reuse (kinds, statuses, grades, tags, links)
# A claim, a mention or a relation is named once in a file: its IRI is made without
# `vocab.iri`'s cache, which it would only crowd out of the sources, actors and events (named
# again and again, and kept here in a cache as large as a big case's records).
unique_iri = vocab.iri.__wrapped__


@lru_cache(maxsize=RECURRING)
def record_iri(kind: str, key: str) -> str:
    return unique_iri(kind, key)


def claim_iri(claim: Claim) -> str:
    return unique_iri("claim", claim.ref)


HopTexts = dict[int, tuple[Hop, bytes]]  # written hops by id (a batch shares equal hops)


def encoded(value: str) -> bytes:
    """A str as JSON text (`quoted`) in UTF-8, as the file holds it."""
    return quoted(value).encode()


def claim(source: bytes, claim: Claim, hops: HopTexts | None = None) -> bytes:
    """A claim as an `assessing` annotation on the article whose IRI (as JSON) is `source`;
    `hops` keeps the hops written for one batch of articles, whose claims share them."""
    c = claim
    return assessing(
        claim_iri(c).encode(),
        created(vocab.timestamp(c.created)) + modified(vocab.timestamp(c.modified)),
        b",".join(_claim_bodies(c, {} if hops is None else hops)),
        source,
        encoded(c.exact),
        encoded(c.prefix),
        encoded(c.suffix),
        c.start,
        c.end,
        c.orphaned,
    )


def assessing(
    iri: bytes,
    times: bytes,
    bodies: bytes,
    source: bytes,
    exact: bytes,
    prefix: bytes,
    suffix: bytes,
    start: int,
    end: int,
    orphaned: bool,
) -> bytes:
    """A claim's annotation from its IRI, times (`created` and `modified`), bodies (written
    and joined by commas) and what it selects in the article whose IRI (as JSON) is `source`
    (its quote and the text around it as JSON, `encoded`; "" for none around it): one piece
    of text, as hundreds of thousands are written."""
    return ASSESSING % (
        iri,
        times,
        bodies,
        source,
        exact,
        *_around(prefix, suffix),
        start,
        end,
        ORPHANED if orphaned else b"}",
    )


def _around(prefix: bytes, suffix: bytes) -> tuple[bytes, bytes]:
    """A quote selector's members for the text before and after the quote (as JSON): none
    for an empty one."""
    return (
        PREFIX + prefix if prefix != EMPTY else b"",
        SUFFIX + suffix if suffix != EMPTY else b"",
    )


_SELECTOR = (
    b'{"type":"SpecificResource","source":%s,"selector":[{"type":"TextQuoteSelector",'
    b'"exact":%s%s%s},{"type":"TextPositionSelector","start":%d,"end":%d}]}'
)
ASSESSING = (  # IRI, times, bodies, then the selector's parts, then the end
    b'{"id":"%s","type":"Annotation","motivation":"assessing"%s,"body":[%s],"target":'
    + _SELECTOR
    + b"%s"
)
PREFIX, SUFFIX = b',"prefix":', b',"suffix":'
EMPTY = b'""'  # an empty text as JSON
ORPHANED = b',"wb:orphaned":true}'


def created(moment: str | None) -> bytes:
    """An annotation's creation time (xsd:dateTime) as its member, after a comma."""
    return CREATED + encoded(moment) if moment is not None else b""


def modified(moment: str | None) -> bytes:
    """An annotation's last change (xsd:dateTime) as its member, after a comma."""
    return MODIFIED + encoded(moment) if moment is not None else b""


CREATED, MODIFIED = b',"created":', b',"modified":'


def _claim_bodies(claim: Claim, hops: HopTexts) -> list[bytes]:
    bodies = graded(claim.summary, claim.kind, claim.status, claim.credibility)
    if claim.attribution:
        written = [_written_hop(hop, hops) for hop in claim.attribution]
        bodies.append(chain(claim.chain_text, written))
    bodies += [actor_link(link.ref, link.role) for link in claim.actors]
    bodies += [event_link(link.ref, link.role) for link in claim.events]
    bodies += [recurring_body(tag, "tagging") for tag in claim.tags]
    bodies += [text_body(note, "commenting") for note in claim.notes]
    return bodies


def graded(summary: str, kind: str, status: str, credibility: int) -> list[bytes]:
    """A claim's first bodies: its summary (if any), kind, status and credibility."""
    bodies = [text_body(summary, "describing", vocab.SUMMARY)] if summary else []
    bodies.append(recurring_body(kind, "classifying", vocab.KIND))
    bodies.append(recurring_body(status, "assessing", vocab.STATUS))
    bodies.append(_credibility(credibility))
    return bodies


def chain(text: str, hops: list[bytes]) -> bytes:
    """The attribution body: the chain's text and its hops (each written by `written_hop`)."""
    body = text_body(text, "describing", vocab.ATTRIBUTION)
    return b'%s,"wb:hops":[%s]}' % (body[:-1], b",".join(hops))


def text_body(value: str, purpose: str, about: str | None = None) -> bytes:
    """A TextualBody: plain text for describing and commenting, `wb:property` what it says."""
    body = f'{{"type":"TextualBody","purpose":{quoted(purpose)},"value":{quoted(value)}'
    if purpose in {"describing", "commenting"}:
        body += ',"format":"text/plain"'
    if about is not None:
        body += f',"wb:property":{quoted(about)}'
    return (body + "}").encode()


@lru_cache(maxsize=RECURRING)
def recurring_body(value: str, purpose: str, about: str | None = None) -> bytes:
    """A body that recurs claim after claim (a kind, a status, a tag), written once."""
    return text_body(value, purpose, about)


@lru_cache(maxsize=16)
def _credibility(grade: int) -> bytes:
    body = text_body(credibility_label(grade), "assessing", vocab.CREDIBILITY)
    return b'%s,"wb:grade":%d}' % (body[:-1], grade)


@lru_cache(maxsize=RECURRING)
def actor_link(ref: str, role: str) -> bytes:
    return _link(record_iri("actor", ref.casefold()), vocab.ACTOR_LINK, role)


@lru_cache(maxsize=RECURRING)
def event_link(ref: str, role: str) -> bytes:
    return _link(record_iri("event", ref), vocab.EVENT_LINK, role)


def _link(target: str, about: str, role: str) -> bytes:
    return (
        f'{{"type":"SpecificResource","purpose":"linking","source":{quoted(target)},'
        f'"wb:property":{quoted(about)},"wb:role":{quoted(role)}}}'
    ).encode()


def _written_hop(hop: Hop, written: HopTexts) -> bytes:
    found = written.get(id(hop))
    if found is None or found[0] is not hop:
        found = written[id(hop)] = (hop, written_hop(hop))
    return found[1]


def written_hop(hop: Hop) -> bytes:
    """One hop of an attribution chain as JSON text."""
    kind = "actor" if hop.kind == ACTOR else "source"
    found = (
        f'{{"wb:{kind}":{quoted(record_iri(kind, hop.name.casefold()))},'
        f'"wb:name":{quoted(hop.name)},"wb:role":{quoted(hop.role)}'
    )
    if hop.cue:
        found += f',"wb:cue":{quoted(hop.cue)}'
    if hop.anonymous:
        found += ',"wb:anonymous":true'
    if hop.reliability:
        found += f',"wb:reliability":{quoted(hop.reliability)}'
    return (found + "}").encode()


def mention(source: bytes, article_ref: str, mention: Mention) -> bytes:
    """An actor mention as an `identifying` annotation on the article `source` (as JSON)."""
    m = mention
    actor = m.actor.casefold()
    iri = unique_iri("mention", f"{article_ref}:{m.start}-{m.end}:{actor}").encode()
    actor_iri = record_iri("actor", actor).encode()
    around = encoded(m.exact), encoded(m.prefix), encoded(m.suffix)
    return identifying(iri, actor_iri, source, *around, m.start, m.end)


def identifying(
    iri: bytes,
    actor: bytes,
    source: bytes,
    exact: bytes,
    prefix: bytes,
    suffix: bytes,
    start: int,
    end: int,
) -> bytes:
    """The mention (IRI `iri`) of the actor whose IRI is `actor` at start-end of the article
    `source` (as JSON)."""
    return IDENTIFYING % (
        iri,
        actor,
        source,
        exact,
        *_around(prefix, suffix),
        start,
        end,
    )


IDENTIFYING = (  # IRI, the actor's IRI, then the selector's parts
    b'{"id":"%s","type":"Annotation","motivation":"identifying","body":{"type":'
    b'"SpecificResource","purpose":"identifying","source":"%s"},"target":' + _SELECTOR + b"}"
)


def relation(relation: Relation) -> bytes:
    """A claim relation as a `linking` annotation from one claim's IRI to the other's."""
    source = unique_iri("claim", relation.from_claim)
    target = unique_iri("claim", relation.to_claim)
    key = f"{relation.from_claim}|{relation.kind}|{relation.to_claim}"
    return (
        f'{{"id":{quoted(unique_iri("relation", key))},"type":"Annotation",'
        f'"motivation":"linking","body":{{"type":"SpecificResource","purpose":"linking",'
        f'"source":{quoted(target)},"wb:property":{quoted(vocab.RELATION)},'
        f'"wb:relation":{quoted(relation.kind)}}},"target":{quoted(source)}}}'
    ).encode()


def on_record(target: str, tags: tuple[str, ...], notes: tuple[str, ...]) -> bytes:
    """Tags and notes on a whole record (by IRI) as one annotation."""
    bodies = [recurring_body(tag, "tagging") for tag in tags]
    bodies += [text_body(note, "commenting") for note in notes]
    return b'{"id":%s,"type":"Annotation","motivation":%s,"body":[%s],"target":%s}' % (
        encoded(unique_iri("annotations-of", target)),
        b'"commenting"' if notes else b'"tagging"',
        b",".join(bodies),
        encoded(target),
    )
