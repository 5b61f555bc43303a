"""STIX 2.1: the bundle passes stix2-validator with no errors, has the objects analysts expect,
comes back losslessly, other platforms' bundles are read, malformed ones change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from stix2validator import ValidationOptions, validate_file

from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.entities import create_actor
from workbench.services.errors import InvalidInput
from workbench.services.import_formats import exchange_format, import_exchange_file
from workbench.services.import_stix import import_stix
from workbench.services.queries import claim_views, project_counts
from workbench.services.reporting import export_report

from .conftest import RoundTrip


def _objects(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["objects"]


def test_the_bundle_is_valid_stix_with_no_errors(sample_project: Project, tmp_path: Path) -> None:
    """stix2-validator (STIX 2.1) finds no error in the sample's bundle."""
    create_actor(sample_project, "Cyber Av3ngers", kind="group")
    written = export_report(sample_project, "stix", tmp_path / "case.json")
    results = validate_file(str(written), ValidationOptions(version="2.1"))
    assert results.is_valid, [str(e) for r in results.object_results for e in r.errors]


def test_the_bundle_holds_reports_notes_opinions_identities_and_links(
    sample_project: Project, tmp_path: Path
) -> None:
    """Reports name their notes; identities, a threat-actor, a grouping, hashes, chains."""
    create_actor(sample_project, "Cyber Av3ngers", kind="group")
    objects = _objects(export_report(sample_project, "stix", tmp_path / "case.json"))
    kinds = [item["type"] for item in objects]
    [report] = [item for item in objects if item["type"] == "report"]
    notes = {item["id"] for item in objects if item["type"] == "note"}
    assert len(notes) == len(claim_views(sample_project))
    assert notes <= set(report["object_refs"])
    assert "SHA-256" in report["external_references"][0]["hashes"]
    assert {"identity", "opinion", "relationship", "grouping", "incident"} <= set(kinds)
    assert any(i["type"] == "threat-actor" and i["name"] == "Cyber Av3ngers" for i in objects)
    chains = [i["description"] for i in objects if i["type"] == "relationship"]
    assert any(text.startswith("attribution 2: reported by") for text in chains)


def _without_export_time(path: Path) -> list[dict]:
    """The bundle without the export's time and the grouping's scope (it names the file)."""
    objects = _objects(path)
    for item in objects:
        if item["type"] == "grouping":
            item.pop("description")
    moment = objects[0]["created"]
    return [
        {
            key: value
            for key, value in item.items()
            if value != moment or key not in ("created", "modified")
        }
        for item in objects
    ]


def test_a_round_trip_through_an_empty_project_loses_nothing(round_trip: RoundTrip) -> None:
    """Export → import into an empty project → export: the same project and file."""
    before, after, first, second = round_trip("stix", import_stix)
    assert after == before
    assert _without_export_time(second) == _without_export_time(first)


FOREIGN = {
    "type": "bundle",
    "id": "bundle--0e5c3c7e-3c3b-4c8a-9d5e-6f0a1b2c3d4e",
    "objects": [
        {
            "type": "identity",
            "spec_version": "2.1",
            "id": "identity--1d3c3c7e-3c3b-4c8a-9d5e-6f0a1b2c3d4e",
            "created": "2025-01-01T00:00:00Z",
            "modified": "2025-01-01T00:00:00Z",
            "name": "CERT-X",
            "identity_class": "organization",
        },
        {
            "type": "threat-actor",
            "spec_version": "2.1",
            "id": "threat-actor--2d3c3c7e-3c3b-4c8a-9d5e-6f0a1b2c3d4e",
            "created": "2025-01-01T00:00:00Z",
            "modified": "2025-01-01T00:00:00Z",
            "name": "APT Example",
            "aliases": ["Example Panda"],
        },
        {
            "type": "report",
            "spec_version": "2.1",
            "id": "report--3d3c3c7e-3c3b-4c8a-9d5e-6f0a1b2c3d4e",
            "created": "2025-01-01T00:00:00Z",
            "modified": "2025-01-01T00:00:00Z",
            "name": "Phishing wave",
            "published": "2025-01-02T00:00:00Z",
            "description": "A phishing wave hit ministries. The group used fake invoices.",
            "object_refs": ["note--4d3c3c7e-3c3b-4c8a-9d5e-6f0a1b2c3d4e"],
            "external_references": [{"source_name": "cert-x", "url": "https://cert.example/wave"}],
        },
        {
            "type": "note",
            "spec_version": "2.1",
            "id": "note--4d3c3c7e-3c3b-4c8a-9d5e-6f0a1b2c3d4e",
            "created": "2025-01-01T00:00:00Z",
            "modified": "2025-01-01T00:00:00Z",
            "abstract": "Lure",
            "content": "The group used fake invoices.",
            "object_refs": ["report--3d3c3c7e-3c3b-4c8a-9d5e-6f0a1b2c3d4e"],
        },
        {
            "type": "opinion",
            "spec_version": "2.1",
            "id": "opinion--5d3c3c7e-3c3b-4c8a-9d5e-6f0a1b2c3d4e",
            "created": "2025-01-01T00:00:00Z",
            "modified": "2025-01-01T00:00:00Z",
            "opinion": "agree",
            "object_refs": ["note--4d3c3c7e-3c3b-4c8a-9d5e-6f0a1b2c3d4e"],
        },
    ],
}


def test_another_platforms_bundle_becomes_an_article_with_a_graded_claim(
    project: Project, tmp_path: Path
) -> None:
    """A foreign bundle: its report an article, its note a claim graded by its opinion."""
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(FOREIGN), encoding="utf-8")
    assert exchange_format(path) == "stix"
    import_exchange_file(project, path)
    [claim] = claim_views(project)
    assert (claim.exact, claim.summary, claim.credibility) == (
        "The group used fake invoices.",
        "Lure",
        2,
    )
    assert project_counts(project)[2:4] == (1, 1)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ('{"type": "indicator"}', "no top-level"),
        (
            json.dumps(
                {
                    "type": "bundle",
                    "objects": [{"type": "note", "x_workbench": {"record": "claim", "start": "x"}}],
                }
            ),
            "start must be int",
        ),
    ],
)
def test_a_malformed_bundle_gets_one_line_and_changes_nothing(
    sample_project: Project, tmp_path: Path, content: str, message: str
) -> None:
    """Not JSON, not a bundle, a field of the wrong type: one line, the project as it was."""
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    before = project_counts(sample_project)
    with pytest.raises(InvalidInput, match=message) as raised:
        import_stix(sample_project, path)
    assert "\n" not in str(raised.value)
    assert project_counts(sample_project) == before


def test_an_article_with_no_url_date_or_claims_is_still_a_valid_report(
    project: Project, tmp_path: Path
) -> None:
    """A bare article's report is valid, referenced by its content hash."""
    add_article(project, NewArticle(text="Plain text only.", title=""))
    written = export_report(project, "stix", tmp_path / "bare.json")
    assert validate_file(str(written), ValidationOptions(version="2.1")).is_valid
    [report] = [item for item in _objects(written) if item["type"] == "report"]
    assert report["external_references"][0]["external_id"] == report["x_workbench"]["ref"]
