"""Our own fields carried in STIX and FollowTheMoney files (`dumped`) are, record by record,
every field as JSON by what it holds: the dumpers worked out once per record type give exactly
what converting each value by its runtime type gives (dates as ISO text, tuples as lists,
nested records as objects), for every record of the sample project."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from workbench.reports import model as rm
from workbench.reports.exchange_model import _plain, dumped
from workbench.services import Project
from workbench.services.reporting import report_for


def _records(project: Project) -> list[Any]:
    report = report_for(project, "stix")
    found: list[Any] = [*report.sources, *report.actors, *report.events, *report.relations]
    for batch in report.batches():
        for article in batch:
            found += [article, *article.claims, *article.mentions]
    return found


def test_dumped_is_every_field_by_what_it_holds(sample_project: Project) -> None:
    """Each record's dump equals the field-by-field conversion, keys in field order."""
    records = _records(sample_project)
    assert {type(record) for record in records} >= {rm.Article, rm.Claim, rm.Source, rm.Actor}
    for record in records:
        expected = {
            item.name: _plain(getattr(record, item.name)) for item in dataclasses.fields(record)
        }
        made = dumped(record)
        assert made == expected
        assert list(made) == list(expected)


def test_leaving_out_fields_and_nested_dates() -> None:
    """Fields left out are absent; a claim's dates and chain come out as ISO text and objects."""
    claim = rm.Claim(
        ref="a:1-4",
        number=1,
        start=1,
        end=4,
        exact="said",
        attribution=(rm.Hop("Reuters", "reported by"),),
        tags=("x",),
        created=datetime(2026, 1, 2, 3, 4, 5),
    )
    made = dumped(claim, leave_out=("created_by", "number"))
    assert "number" not in made and "created_by" not in made
    assert made["created"] == "2026-01-02T03:04:05" and made["modified"] is None
    assert made["tags"] == ["x"]
    assert made["attribution"] == [
        {
            "name": "Reuters",
            "role": "reported by",
            "kind": "source",
            "cue": "",
            "anonymous": False,
            "reliability": None,
        }
    ]
