"""The exchange file's annotations, written straight as JSON text, are what `json.dumps` of
their dicts would write, byte for byte."""

from __future__ import annotations

import json
from datetime import datetime

from workbench.reports import web_annotation_items as items
from workbench.reports.model import ACTOR, Claim, Hop, Link, Mention, Relation

HOSTILE = 'a "quote", a \\ backslash, a\ttab,\x00\x1f controls, \u2028 and ✓ 😀'


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def test_text_is_quoted_as_the_json_encoder_quotes_it() -> None:
    """Quotes, backslashes, control characters and non-ASCII come out as json.dumps writes them."""
    assert items.quoted(HOSTILE) == _dumps(HOSTILE)


def test_a_claim_with_everything_reads_back_as_its_parts() -> None:
    """A claim with hostile text in every field is valid JSON with each value intact."""
    claim = Claim(
        ref="abc:1-5",
        number=1,
        start=1,
        end=5,
        exact=HOSTILE,
        summary=HOSTILE,
        prefix=HOSTILE,
        suffix=HOSTILE,
        orphaned=True,
        attribution=(
            Hop(HOSTILE, "speaker", ACTOR, HOSTILE, True, "B"),
            Hop("Reuters", "reported by"),
        ),
        actors=(Link(HOSTILE, HOSTILE, "speaker"),),
        events=(Link("e|2025-06-21", HOSTILE, "describes"),),
        tags=(HOSTILE,),
        notes=(HOSTILE, "second"),
        created=datetime(2025, 6, 21, 9, 30, 15, 123),
    )
    found = json.loads(items.claim(items.encoded("ni:///sha-256;x"), claim))
    assert found["target"]["selector"][0] == {
        "type": "TextQuoteSelector",
        "exact": HOSTILE,
        "prefix": HOSTILE,
        "suffix": HOSTILE,
    }
    assert found["created"] == "2025-06-21T09:30:15Z" and found["wb:orphaned"] is True
    hops = next(body for body in found["body"] if "wb:hops" in body)["wb:hops"]
    assert hops[0]["wb:cue"] == HOSTILE and hops[0]["wb:anonymous"] is True
    assert [body["value"] for body in found["body"] if body.get("purpose") == "commenting"] == [
        HOSTILE,
        "second",
    ]


def test_mentions_relations_and_record_notes_are_json() -> None:
    """The other annotations parse too and keep their text."""
    mention = json.loads(items.mention(b'"ni:x"', "abc", Mention(HOSTILE, 0, 3, HOSTILE)))
    relation = json.loads(items.relation(Relation("a:1-2", "b:3-4", "supports")))
    notes = json.loads(items.on_record("urn:x", (HOSTILE,), (HOSTILE,)))
    assert mention["target"]["selector"][0]["exact"] == HOSTILE
    assert relation["body"]["wb:relation"] == "supports"
    assert [body["value"] for body in notes["body"]] == [HOSTILE, HOSTILE]


def test_iris_made_without_the_cache_are_the_cached_ones() -> None:
    """A claim's IRI made past `vocab.iri`'s cache, or a record's through ours, is the same."""
    from workbench.reports import web_vocabulary as vocab

    assert items.unique_iri("claim", "abc:1-5") == vocab.iri("claim", "abc:1-5")
    assert items.record_iri("actor", "iran") == vocab.iri("actor", "iran")


def test_iris_are_the_name_based_uuids_of_their_keys() -> None:
    """Each IRI is `uuid.uuid5` of "kind:key" in our namespace, text beyond ASCII included,
    so another tool deriving it the standard way names the same record."""
    import uuid

    from workbench.reports import web_vocabulary as vocab

    keys = ["abc:1-5", "iran", HOSTILE, "é😀", ""] + [f"claim {n}" for n in range(64)]
    for kind in ("claim", "mention", "actor"):
        for key in keys:
            expected = f"urn:uuid:{uuid.uuid5(vocab.NAMESPACE, f'{kind}:{key}')}"
            assert vocab.iri.__wrapped__(kind, key) == expected
