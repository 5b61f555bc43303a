"""STIX objects written as plain JSON are what the stix2 library itself makes of the same
fields: every object of a bundle (each kind the export writes, a threat-actor, an article with
no date or URL included) parses with stix2's checks and serializes back to the same JSON."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import stix2
from stix2.utils import STIXdatetime, format_datetime

from workbench.domain.anchoring import Span
from workbench.reports.stix_objects import _SPACE, derived_id, stix_id, timestamp
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.chains import add_new_actor_hop, add_new_source_hop
from workbench.services.claims import create_claim
from workbench.services.entities import create_actor
from workbench.services.reporting import export_report


def test_every_object_is_what_stix2_makes_of_it(sample_project: Project, tmp_path: Path) -> None:
    """Each object parses under stix2's property checks and comes back identical."""
    create_actor(sample_project, "Cyber Av3ngers", kind="group")
    add_article(sample_project, NewArticle(title="Undated", text="Undated.\n\nNo URL either."))
    written = export_report(sample_project, "stix", tmp_path / "case.json")
    objects = json.loads(written.read_text(encoding="utf-8"))["objects"]
    kinds = {made["type"] for made in objects}
    assert {"identity", "threat-actor", "incident", "note", "opinion", "report"} <= kinds
    assert {"relationship", "grouping", "extension-definition"} <= kinds
    for made in objects:
        parsed = stix2.parse(made, allow_custom=True)
        assert json.loads(parsed.serialize()) == made, made["type"]


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 1, 1),
        datetime(2026, 12, 1, 19, 41, 29, 400560),
        datetime(2026, 12, 1, 19, 41, 29, 5000),
        datetime(2025, 6, 23, 23, 30, 0, 120000, tzinfo=timezone(timedelta(hours=-5))),
        datetime(2025, 6, 23, 8, 0, tzinfo=UTC),
    ],
)
def test_timestamps_are_formatted_as_stix2_formats_them(moment: datetime) -> None:
    """created/modified at least to the millisecond, published with the digits it has, in UTC."""
    exact = STIXdatetime(moment, precision="millisecond", precision_constraint="min")
    assert timestamp(moment) == format_datetime(exact)
    assert timestamp(moment, milliseconds=False) == format_datetime(moment)


@pytest.mark.parametrize("made", [stix_id, derived_id])
def test_ids_are_the_name_based_uuids_they_always_were(made: object) -> None:
    """An object's id is uuid5 of its key in our namespace, marked version 4, as before."""
    assert callable(made)
    keys: list[tuple[str, tuple[object, ...]]] = [("note", ("abc:1-5",)), ("x", ())]
    keys.append(("identity", ("source", "reuters")))
    keys += [(f"relationship{n}", (f"note--{n}", "é 🛰️", n)) for n in range(64)]
    for kind, key in keys:
        named = uuid.uuid5(_SPACE, "\x1f".join(map(str, (kind, *key))))
        assert made(kind, *key) == f"{kind}--{uuid.UUID(bytes=named.bytes, version=4)}"


HOSTILE = 'told "us" \\ </b> \u2028 \u200f 🛰️ \x07 é'


def test_each_object_is_written_as_json_dumps_writes_it(project: Project, tmp_path: Path) -> None:
    """Every object of the bundle (its own line) is byte for byte `json.dumps` of what stix2
    parses of it, relationships with hostile cues and roles included."""
    text = "The minister said the dam burst.\n\nMore later."
    article = add_article(project, NewArticle(title="Dam", text=text))
    claim = create_claim(project, article, Span(0, 31), status="disputed")
    add_new_actor_hop(project, claim, 'Minister "X"', actor_kind="person", cue=HOSTILE)
    add_new_source_hop(project, claim, "Wire é", cue=HOSTILE[::-1])
    written = export_report(project, "stix", tmp_path / "case.json").read_bytes()
    lines = written.decode("utf-8").split("\n")[1:-2]
    described = []
    for line in lines:
        made = json.loads(line.removesuffix(","))
        parsed = json.loads(stix2.parse(made, allow_custom=True).serialize())
        assert parsed == made
        assert line.removesuffix(",") == json.dumps(made)
        if made["type"] == "relationship":
            described.append(made["description"])
    assert described == [
        f"attribution 1: speaker — {HOSTILE}",
        f"attribution 2: reported by — {HOSTILE[::-1]}",
    ]
