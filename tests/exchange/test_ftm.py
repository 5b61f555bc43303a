"""FollowTheMoney: every line validates under its followthemoney schema, the schemas fit the
records, ours come back losslessly, other tools' entities are read, a bad line changes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model

from workbench.services import Project
from workbench.services.errors import InvalidInput
from workbench.services.import_formats import exchange_format, import_exchange_file
from workbench.services.import_ftm import import_ftm
from workbench.services.queries import claim_views, project_counts
from workbench.services.reporting import export_report

from .conftest import RoundTrip


def _lines(path: Path) -> list[Any]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_entity_validates_under_its_followthemoney_schema(
    sample_project: Project, tmp_path: Path
) -> None:
    """Every line passes its followthemoney schema; claims are Documentation of the article."""
    entities = _lines(export_report(sample_project, "ftm", tmp_path / "case.ftm"))
    for entity in entities:
        schema = model.get(entity["schema"])
        assert schema is not None
        schema.validate(entity)
    schemas = {entity["schema"] for entity in entities}
    assert {"Article", "Documentation", "Mention", "Event", "PublicBody", "Person"} <= schemas
    claims = [e for e in entities if e["schema"] == "Documentation"]
    assert len(claims) == len(claim_views(sample_project))
    [article] = [e for e in entities if e["schema"] == "Article"]
    assert all(claim["properties"]["document"] == [article["id"]] for claim in claims)


def test_a_round_trip_through_an_empty_project_loses_nothing(round_trip: RoundTrip) -> None:
    """Export → import into an empty project → export: the same project and file."""
    before, after, first, second = round_trip("ftm", import_ftm)
    assert after == before
    assert second.read_bytes() == first.read_bytes()


FOREIGN = [
    {"id": "p1", "schema": "Person", "properties": {"name": ["Jane Roe"], "alias": ["J. Roe"]}},
    {
        "id": "e1",
        "schema": "Event",
        "properties": {"name": ["Board meeting"], "startDate": ["2024-03"], "involved": ["p1"]},
    },
    {
        "id": "d1",
        "schema": "Article",
        "properties": {
            "title": ["Leak"],
            "bodyText": ["Jane Roe chaired the board."],
            "publisher": ["Gazette"],
        },
    },
    {
        "id": "m1",
        "schema": "Mention",
        "properties": {"document": ["d1"], "name": ["Jane Roe"], "resolved": ["p1"]},
    },
]


def test_another_tools_entities_become_actors_events_and_articles(
    project: Project, tmp_path: Path
) -> None:
    """Aleph-like lines (told by content) give an actor, her event, an article, a mention."""
    path = tmp_path / "aleph.json"
    path.write_text("\n".join(json.dumps(e) for e in FOREIGN) + "\n", encoding="utf-8")
    assert exchange_format(path) == "ftm"
    summary = import_exchange_file(project, path)
    assert project_counts(project)[0::3] == (1, 1)  # articles, actors
    text = str(summary)
    assert "1 event" in text and "1 mention" in text


def test_a_line_its_schema_refuses_changes_nothing(sample_project: Project, tmp_path: Path) -> None:
    """A second line whose date is no date: refused naming line 2; nothing of line 1 stays."""
    path = tmp_path / "bad.ftm"
    bad = {"id": "e1", "schema": "Event", "properties": {"name": ["X"], "startDate": ["soon"]}}
    path.write_text(json.dumps(FOREIGN[0]) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    before = project_counts(sample_project)
    with pytest.raises(InvalidInput, match="line 2 \\(Event\\) is not valid") as raised:
        import_ftm(sample_project, path)
    assert "\n" not in str(raised.value)
    assert project_counts(sample_project) == before
