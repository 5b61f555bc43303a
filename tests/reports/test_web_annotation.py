"""W3C Web Annotation JSON-LD: valid against the model, code-point offsets, exact round trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.reports.conftest import CHAIN, REUTERS_QUOTE
from workbench.domain.anchoring import Span, Utf16Index
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim
from workbench.services.exchange import import_web_annotations
from workbench.services.queries import project_counts
from workbench.services.reporting import export_report

ANNO = "http://www.w3.org/ns/anno.jsonld"
MOTIVATIONS = {
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
    "highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging",
}  # fmt: skip
W3C_KEYS = {
    "@context", "id", "type", "motivation", "created", "modified", "creator", "generator",
    "generated", "label", "total", "first", "last", "items", "partOf", "startIndex", "body",
    "target", "source", "selector", "exact", "prefix", "suffix", "start", "end", "purpose",
    "value", "format", "language", "name",
}  # fmt: skip


def _export(project: Project, path: Path) -> dict[str, Any]:
    export_report(project, "jsonld", path)
    return json.loads(path.read_text(encoding="utf-8"))


def _is_iri(value: object) -> bool:
    return isinstance(value, str) and ":" in value and " " not in value


def _check_keys(node: object) -> None:
    """Every key is a W3C Web Annotation term or sits in our own wb: namespace."""
    if isinstance(node, list):
        for item in node:
            _check_keys(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            assert key in W3C_KEYS or key.startswith("wb:"), key
            if not key.startswith("wb:") and key != "@context":
                _check_keys(value)


def _check_annotation(annotation: dict[str, Any]) -> None:
    assert annotation["type"] == "Annotation" and _is_iri(annotation["id"])
    assert annotation["motivation"] in MOTIVATIONS
    bodies = annotation["body"] if isinstance(annotation["body"], list) else [annotation["body"]]
    for body in bodies:
        assert body["type"] in {"TextualBody", "SpecificResource"}
        assert body.get("purpose", "commenting") in MOTIVATIONS
        assert isinstance(body["value"], str) if body["type"] == "TextualBody" else True
        assert _is_iri(body["source"]) if body["type"] == "SpecificResource" else True
    target = annotation["target"]
    if isinstance(target, str):
        assert _is_iri(target)
        return
    assert _is_iri(target["source"])
    kinds = {selector["type"] for selector in target["selector"]}
    assert kinds == {"TextQuoteSelector", "TextPositionSelector"}


def check_w3c_collection(collection: dict[str, Any]) -> None:
    """The keys and types the W3C Web Annotation data model requires, checked by hand."""
    context = collection["@context"]
    assert context == ANNO or (isinstance(context, list) and context[0] == ANNO)
    assert collection["type"] == "AnnotationCollection" and _is_iri(collection["id"])
    page = collection["first"]
    assert page["type"] == "AnnotationPage" and _is_iri(page["id"])
    assert page["partOf"] == collection["id"] and collection["last"] == page["id"]
    assert collection["total"] == len(page["items"])
    for annotation in page["items"]:
        _check_annotation(annotation)
    _check_keys(collection)


def _selectors(annotation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {selector["type"]: selector for selector in annotation["target"]["selector"]}


def test_export_is_a_valid_w3c_annotation_collection(sample_project: Project, tmp_path) -> None:
    """Collection, page and every annotation carry what the W3C model requires."""
    collection = _export(sample_project, tmp_path / "sample.jsonld")
    check_w3c_collection(collection)
    motivations = [item["motivation"] for item in collection["first"]["items"]]
    assert motivations.count("assessing") == 6  # the claims
    assert motivations.count("identifying") == 5  # the actor mentions
    assert motivations.count("linking") == 1  # "Putin has been cautious" supports Reuters


def test_reuters_claim_annotation_has_selectors_bodies_and_chain(
    sample_project: Project, tmp_path: Path
) -> None:
    """Quote and position select the text; bodies give summary, grades, chain, tags, notes."""
    collection = _export(sample_project, tmp_path / "sample.jsonld")
    [article] = collection["wb:articles"]
    claim = next(
        item
        for item in collection["first"]["items"]
        if item["motivation"] == "assessing"
        and _selectors(item)["TextQuoteSelector"]["exact"].startswith(REUTERS_QUOTE)
    )
    position = _selectors(claim)["TextPositionSelector"]
    quote = _selectors(claim)["TextQuoteSelector"]
    assert article["wb:text"][position["start"] : position["end"]] == quote["exact"]
    assert claim["target"]["source"] == article["id"]
    by_property = {body.get("wb:property"): body for body in claim["body"]}
    assert by_property["status"]["value"] == "unverified"
    assert by_property["credibility"]["wb:grade"] == 3
    hops = by_property["attribution"]["wb:hops"]
    assert [hop["wb:name"] for hop in hops] == list(CHAIN)
    assert [hop["wb:reliability"] for hop in hops] == ["F", "B", "C"]
    sources = {source["id"]: source for source in collection["wb:sources"]}
    assert sources[hops[1]["wb:source"]]["wb:reliability"] == "B"
    tags = [body["value"] for body in claim["body"] if body["purpose"] == "tagging"]
    assert tags == ["Iran–Russia relations"]


def test_round_trip_through_a_fresh_project_gives_the_same_annotations(
    sample_project: Project, tmp_path: Path
) -> None:
    """Export, import into an empty project, export again: the same annotations and records."""
    first = _export(sample_project, tmp_path / "first.jsonld")
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        summary = import_web_annotations(fresh, tmp_path / "first.jsonld")
        assert (summary.articles_added, summary.claims_added, summary.relations_added) == (1, 6, 1)
        second = _export(fresh, tmp_path / "second.jsonld")
    assert second["first"]["items"] == first["first"]["items"]
    for key in ("wb:articles", "wb:sources", "wb:actors", "wb:events", "label", "generator"):
        assert second[key] == first[key], key


def test_importing_the_same_file_twice_adds_nothing(sample_project: Project, tmp_path) -> None:
    """A second import matches every article, record and claim already there."""
    _export(sample_project, tmp_path / "again.jsonld")
    before = project_counts(sample_project)
    summary = import_web_annotations(sample_project, tmp_path / "again.jsonld")
    assert project_counts(sample_project) == before
    assert (summary.claims_added, summary.claims_present, summary.articles_added) == (0, 6, 0)
    assert "6 already there" in str(summary)


def test_offsets_count_code_points_outside_the_basic_plane(project: Project, tmp_path) -> None:
    """After emoji and a flag, positions are code points (not UTF-16) and survive a round trip."""
    text = "🇺🇦 Kyiv 😀 update\n\nThe minister said the talks failed."
    article_id = add_article(project, NewArticle(text=text, title="Talks"))
    start = text.index("the talks failed")
    create_claim(project, article_id, Span(start, start + len("the talks failed")), summary="x")
    collection = _export(project, tmp_path / "astral.jsonld")
    [claim] = [item for item in collection["first"]["items"] if item["motivation"] == "assessing"]
    position = _selectors(claim)["TextPositionSelector"]
    assert (position["start"], position["end"]) == (start, start + 16)
    assert Utf16Index(text).to_utf16(start) == start + 3  # three astral code points before
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        import_web_annotations(fresh, tmp_path / "astral.jsonld")
        again = _export(fresh, tmp_path / "again.jsonld")
    assert again["first"]["items"] == collection["first"]["items"]
