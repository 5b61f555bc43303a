"""Importing a STIX 2.1 bundle: ours back losslessly (from the `x_workbench` fields every
object we write carries), and other platforms' bundles as well as STIX lets us read them:
reports with text become articles, notes on them claims (placed by their quote; kept as
orphaned claims when it is not in the text), opinions grades, identities sources, and
threat-actors and intrusion-sets actors.

The bundle is read whole and checked before anything is written, then written in one command
(`import_exchange`), so a malformed bundle changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from workbench.domain.grades import RelationKind
from workbench.reports import model as rm
from workbench.reports.exchange_model import loaded
from workbench.reports.stix_objects import OPINION, OURS
from workbench.reports.web_records import ExchangeFormatError
from workbench.services.errors import InvalidInput
from workbench.services.exchange import ExchangeSummary
from workbench.services.import_exchange import ExchangeContents, import_contents
from workbench.services.project import Project

Json = dict[str, Any]
GRADE_OF_OPINION = {opinion: grade for grade, opinion in OPINION.items()}
IDENTITY_KIND = {"individual": "person", "organization": "organisation", "group": "group"}


def import_stix(project: Project, path: Path | str) -> ExchangeSummary:
    """Read a STIX 2.1 bundle into the project (all of it, or nothing)."""
    path = Path(path)
    objects = _bundle_objects(path)
    try:
        contents = _contents(objects)
    except ExchangeFormatError as error:
        raise InvalidInput(f"{path.name}: {error}") from None
    return import_contents(project, path, contents, "STIX 2.1")


def _bundle_objects(path: Path) -> list[Json]:
    if not path.is_file():
        raise InvalidInput(f"no file at {path}")
    try:
        bundle = json.loads(path.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidInput(f"{path.name}: not a STIX bundle (not JSON: {error})") from None
    if not isinstance(bundle, dict) or bundle.get("type") != "bundle":
        raise InvalidInput(f'{path.name}: not a STIX bundle (no top-level "type": "bundle")')
    objects = bundle.get("objects", [])
    if not isinstance(objects, list) or not all(isinstance(item, dict) for item in objects):
        raise InvalidInput(f"{path.name}: the bundle's objects must be a list of JSON objects")
    return objects


def _contents(objects: list[Json]) -> ExchangeContents:
    contents = ExchangeContents()
    claims: dict[str, list[rm.Claim]] = {}
    notes: dict[str, str] = {}  # note id → claim ref
    foreign_notes: list[Json] = []
    grades: dict[str, int] = {}
    for item in objects:
        ours = item.get(OURS)
        if isinstance(ours, dict):
            _ours(item, ours, contents, claims, notes)
        else:
            _foreign(item, contents, foreign_notes, grades)
    articles = {iri: article for iri, article in contents.articles}
    by_report = {_text(item, "id"): iri for iri, item in _reports(objects)}
    for note in foreign_notes:
        _foreign_claim(note, by_report, articles, claims, grades)
    contents.articles = [
        (iri, replace(article, claims=tuple(claims.get(iri, ()))))
        for iri, article in articles.items()
    ]
    contents.relations = _relations(objects, notes)
    return contents


def _ours(
    item: Json,
    ours: Json,
    contents: ExchangeContents,
    claims: dict[str, list[rm.Claim]],
    notes: dict[str, str],
) -> None:
    record = ours.get("record")
    if contents.keep_record(record, ours):
        return
    if record == "article":
        text = _text(item, "description")
        contents.articles.append((_text(ours, "ref"), loaded(rm.Article, ours, text=text)))
    elif record == "claim":
        claim = loaded(rm.Claim, ours)
        claims.setdefault(_text(ours, "article"), []).append(claim)
        notes[_text(item, "id")] = claim.ref
    elif record != "author":  # the bundle's author: the workbench or its analyst
        raise ExchangeFormatError(
            f"{_text(item, 'id')} says it is a {record!r}, which we do not know"
        )


def _foreign(
    item: Json, contents: ExchangeContents, foreign_notes: list[Json], grades: dict[str, int]
) -> None:
    kind, name = item.get("type"), _text(item, "name")
    labels = tuple(str(label) for label in item.get("labels", []) if isinstance(label, str))
    description = _text(item, "description")
    if kind == "identity" and name:
        source_kind = IDENTITY_KIND.get(_text(item, "identity_class"), "other")
        source_kind = "organisation" if source_kind == "group" else source_kind
        source = rm.Source(name, source_kind, description=description, tags=labels)
        contents.sources.append((f"source:{name.casefold()}", source))
    elif kind in ("threat-actor", "intrusion-set") and name:
        aliases = tuple(str(a) for a in item.get("aliases", []) if isinstance(a, str) and a != name)
        actor = rm.Actor(name, "group", aliases, description, tags=labels)
        contents.actors.append((f"actor:{name.casefold()}", actor))
    elif kind == "report" and description.strip():
        contents.articles.append((_text(item, "id"), _foreign_article(item, labels)))
    elif kind == "note":
        foreign_notes.append(item)
    elif kind == "opinion":
        grade = GRADE_OF_OPINION.get(_text(item, "opinion"))
        for ref in item.get("object_refs", []):
            if grade is not None and isinstance(ref, str):
                grades[ref] = grade


def _foreign_article(item: Json, labels: tuple[str, ...]) -> rm.Article:
    url = next(
        (
            ref.get("url")
            for ref in item.get("external_references", [])
            if isinstance(ref, dict) and ref.get("url")
        ),
        "",
    )
    published = _text(item, "published")
    return rm.Article(
        ref=_text(item, "id"),
        title=_text(item, "name"),
        text=_text(item, "description"),
        url=str(url),
        published=datetime.fromisoformat(published.replace("Z", "+00:00")) if published else None,
        tags=labels,
    )


def _reports(objects: list[Json]) -> list[tuple[str, Json]]:
    found = []
    for item in objects:
        if item.get("type") == "report":
            ours = item.get(OURS)
            found.append(
                (_text(ours, "ref") if isinstance(ours, dict) else _text(item, "id"), item)
            )
    return found


def _foreign_claim(
    note: Json,
    by_report: dict[str, str],
    articles: dict[str, rm.Article],
    claims: dict[str, list[rm.Claim]],
    grades: dict[str, int],
) -> None:
    """Another platform's note on a report: a claim on its quote (found in the text, or kept
    as an orphan), its abstract the summary, an opinion on it the credibility."""
    content = _text(note, "content").strip()
    targets = [by_report[ref] for ref in note.get("object_refs", []) if ref in by_report]
    if not content or not targets:
        return
    iri = targets[0]
    text = articles[iri].text
    start = max(text.find(content), 0)
    claims.setdefault(iri, []).append(
        rm.Claim(
            ref=_text(note, "id"),
            number=0,
            start=start,
            end=start + len(content),
            exact=content,
            summary=_text(note, "abstract"),
            credibility=grades.get(_text(note, "id"), 6),
            orphaned=content not in text,
            tags=tuple(str(label) for label in note.get("labels", []) if isinstance(label, str)),
        )
    )


def _relations(objects: list[Json], notes: dict[str, str]) -> list[rm.Relation]:
    kinds = {kind.value for kind in RelationKind}
    return [
        rm.Relation(
            notes[item["source_ref"]], notes[item["target_ref"]], _text(item, "description")
        )
        for item in objects
        if item.get("type") == "relationship"
        and _text(item, "description") in kinds
        and item.get("source_ref") in notes
        and item.get("target_ref") in notes
    ]


def _text(item: Json, key: str) -> str:
    value = item.get(key, "")
    return value if isinstance(value, str) else ""
