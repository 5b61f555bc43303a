"""STIX objects written as plain JSON are what the stix2 library itself makes of the same
fields: every object of a bundle (each kind the export writes, a threat-actor, an article with
no date or URL included) parses with stix2's checks and serializes back to the same JSON."""

from __future__ import annotations

import json
from pathlib import Path

import stix2

from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
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
