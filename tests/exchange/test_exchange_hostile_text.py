"""Hostile text (quotes, backslashes, markup, line and paragraph separators, control
characters where the project keeps them, right-to-left marks, emoji) in an article and its
claim comes out of the STIX, FollowTheMoney and ClaimReview exports as valid files that each
standard's own library reads back with the text intact (FtM: as FtM's cleaning keeps it)."""

from __future__ import annotations

import json
from pathlib import Path

import stix2
from followthemoney import model
from stix2validator import ValidationOptions, validate_file

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim, edit_claim
from workbench.services.reporting import export_report

QUOTE = 'He said "</script><b>\\x\u2028\u2029\u200f 🛰️ 𝔣ail"'
TEXT = f"Officials spoke.\n\n{QUOTE} on Monday, the ministry said."
TITLE = '<Title> & "x" \u202e\\'
SUMMARY = 'Ministry: </note> & "x" \u0001 \\'


def _hostile(project: Project) -> None:
    article = add_article(project, NewArticle(text=TEXT, title=TITLE))
    start = TEXT.index(QUOTE)
    claim = create_claim(project, article, Span(start, start + len(QUOTE)), status="refuted")
    edit_claim(project, claim, summary=SUMMARY)


def test_stix_keeps_hostile_text_and_stays_valid(project: Project, tmp_path: Path) -> None:
    """The bundle validates; stix2 parses every object; the note holds quote and summary."""
    _hostile(project)
    written = export_report(project, "stix", tmp_path / "hostile.json")
    results = validate_file(str(written), ValidationOptions(version="2.1"))
    assert results.is_valid, [str(e) for r in results.object_results for e in r.errors]
    objects = json.loads(written.read_text(encoding="utf-8"))["objects"]
    for made in objects:
        assert json.loads(stix2.parse(made, allow_custom=True).serialize()) == made
    [note] = [made for made in objects if made["type"] == "note"]
    assert (note["content"], note["abstract"]) == (QUOTE, SUMMARY)
    [report] = [made for made in objects if made["type"] == "report"]
    assert report["description"] == TEXT


def test_ftm_keeps_hostile_text_as_ftm_cleans_it(project: Project, tmp_path: Path) -> None:
    """Each line is an entity FtM reads back unchanged (already clean); the quote survives."""
    _hostile(project)
    written = export_report(project, "ftm", tmp_path / "hostile.ftm.json")
    entities = [json.loads(line) for line in written.read_bytes().split(b"\n") if line]
    for entity in entities:
        ours = entity.pop("workbench")
        again = model.get_proxy(entity, cleaned=False).to_dict()
        assert again == entity
        assert ours["record"] in {"source", "actor", "event", "article", "claim", "mention"}
    [claim] = [entity for entity in entities if entity["schema"] == "Documentation"]
    assert "</script><b>\\x" in claim["properties"]["description"][0]
    assert "🛰️ 𝔣ail" in claim["properties"]["description"][0]


def test_claimreview_keeps_hostile_text(project: Project, tmp_path: Path) -> None:
    """The review is valid JSON naming the claim by its summary, exactly as written."""
    _hostile(project)
    written = export_report(project, "claimreview", tmp_path / "hostile.claims.json")
    [review] = json.loads(written.read_text(encoding="utf-8"))["@graph"]
    assert review["claimReviewed"] == SUMMARY
    assert review["itemReviewed"]["appearance"][0]["headline"] == TITLE
