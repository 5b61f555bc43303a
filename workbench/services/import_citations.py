"""Importing a reference manager's export (Zotero's CSL-JSON or RIS, ours too): each reference
with a snapshot of the page saved beside the file becomes an article, its text read from the
snapshot as any saved page is, its title, outlet, authors, date, URL, language, tags and notes
from the reference (which a reference manager keeps better than the page does).

Snapshots are found as Zotero's "Export Files" lays them out: the paths an RIS reference names
(L1/L2, relative to the file), or a `files/<item key>/` folder beside the file. A reference
with no snapshot is imported from its abstract when it has one, else named in the summary as
left out. Everything is read first, then written in one command, so nothing is half-imported.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import rispy

from workbench.ingest import extract_file
from workbench.reports import model as rm
from workbench.services.errors import InvalidInput
from workbench.services.exchange import ExchangeSummary
from workbench.services.import_exchange import ExchangeContents, import_contents
from workbench.services.project import Project

SNAPSHOT_SUFFIXES = (".html", ".htm", ".xhtml", ".mhtml")


@dataclass(frozen=True)
class Reference:
    """One reference as a reference manager exports it."""

    key: str
    title: str
    outlet: str = ""
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    url: str = ""
    language: str = ""
    tags: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    abstract: str = ""
    attachments: tuple[str, ...] = ()


def import_citations(project: Project, path: Path | str) -> ExchangeSummary:
    """Read a CSL-JSON or RIS file (told by its content) and the snapshots beside it."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"no file at {path}")
    text = path.read_text(encoding="utf-8-sig", errors="strict")
    references = _csl(text, path) if text.lstrip().startswith("[") else _ris(text, path)
    contents, skipped = ExchangeContents(), []
    for reference in references:
        article, reason = _article(reference, path.parent)
        if article is None:
            skipped.append(f"“{reference.title[:40]}”: {reason}")
        else:
            contents.articles.append((f"reference:{reference.key}", article))
    summary = import_contents(project, path, contents, "citations")
    summary.skipped.extend(skipped)
    return summary


def _csl(text: str, path: Path) -> list[Reference]:
    try:
        items = json.loads(text)
    except ValueError as error:
        raise InvalidInput(f"{path.name}: not CSL-JSON ({error})") from None
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise InvalidInput(f"{path.name}: CSL-JSON must be a list of items (JSON objects)")
    return [_csl_reference(item) for item in items]


def _csl_reference(item: dict[str, Any]) -> Reference:
    names = [
        name.get("literal") or " ".join(p for p in (name.get("given"), name.get("family")) if p)
        for name in item.get("author", [])
        if isinstance(name, dict)
    ]
    keywords = str(item.get("keyword", ""))
    note = str(item.get("note", ""))
    return Reference(
        key=str(item.get("id", "")).rstrip("/").rsplit("/", 1)[-1],
        title=str(item.get("title", "")),
        outlet=str(item.get("container-title", "")),
        authors=tuple(str(name) for name in names if name),
        published=_csl_date(item.get("issued")),
        url=str(item.get("URL", "")),
        language=str(item.get("language", "")),
        tags=tuple(tag.strip() for tag in keywords.split(",") if tag.strip()),
        notes=tuple(part for part in note.split("\n\n") if part.strip()),
        abstract=str(item.get("abstract", "")),
    )


def _csl_date(issued: object) -> datetime | None:
    if not isinstance(issued, dict):
        return None
    if isinstance(issued.get("raw"), str):
        try:
            return datetime.fromisoformat(issued["raw"])
        except ValueError:
            pass
    parts = issued.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        numbers = [int(part) for part in parts[0][:3]] + [1, 1]
        return datetime(numbers[0], numbers[1], numbers[2])
    return None


def _ris(text: str, path: Path) -> list[Reference]:
    if not text.lstrip().startswith("TY  -"):
        raise InvalidInput(f"{path.name}: not RIS (it does not start with a “TY  - ” line)")
    try:
        entries = rispy.loads(text)
    except (OSError, ValueError) as error:
        raise InvalidInput(f"{path.name}: not RIS ({error})") from None
    return [_ris_reference(entry) for entry in entries]


def _ris_reference(entry: dict[str, Any]) -> Reference:
    def many(*keys: str) -> tuple[str, ...]:
        found: list[str] = []
        for key in keys:
            value = entry.get(key, [])
            found += value if isinstance(value, list) else [value]
        return tuple(str(v) for v in found if v)

    return Reference(
        key=str(entry.get("id", "")),
        title=str(entry.get("title") or entry.get("primary_title") or ""),
        outlet=str(entry.get("secondary_title") or entry.get("journal_name") or ""),
        authors=many("authors", "first_authors"),
        published=_ris_date(str(entry.get("date") or entry.get("year") or "")),
        url=(many("urls") or ("",))[0],
        language=str(entry.get("language", "")),
        tags=many("keywords"),
        notes=many("notes"),
        abstract=str(entry.get("abstract", "")),
        attachments=many("file_attachments1", "file_attachments2"),
    )


def _ris_date(value: str) -> datetime | None:
    """RIS dates: "2025/06/23/", "2025/06//", "2025"."""
    parts = [part for part in value.split("/") if part.strip()]
    try:
        numbers = [int(part) for part in parts[:3]] + [1, 1]
        return datetime(numbers[0], numbers[1], numbers[2]) if parts else None
    except ValueError:
        return None


def _snapshots(reference: Reference, folder: Path) -> Iterator[Path]:
    for attachment in reference.attachments:
        found = folder / attachment.removeprefix("file://")
        if found.suffix.lower() in SNAPSHOT_SUFFIXES and found.is_file():
            yield found
    beside = folder / "files" / reference.key
    if reference.key and beside.is_dir():
        yield from sorted(p for p in beside.iterdir() if p.suffix.lower() in SNAPSHOT_SUFFIXES)


def _article(reference: Reference, folder: Path) -> tuple[rm.Article | None, str]:
    """The reference as an article (its text from a snapshot, else its abstract), or why not."""
    text, found, reason = "", None, "no snapshot of the page beside the file, and no abstract"
    for snapshot in _snapshots(reference, folder):
        extraction = extract_file(snapshot)
        if extraction.documents:
            found = extraction.documents[0]
            text = found.text
            break
        reason = f"its snapshot {snapshot.name}: " + "; ".join(extraction.errors)
    text = text or reference.abstract
    if not text.strip():
        return None, reason
    return (
        rm.Article(
            ref=reference.key,
            title=reference.title or (found.title if found else ""),
            text=text,
            outlet=reference.outlet or (found.site if found else ""),
            authors=reference.authors or (found.authors if found else ()),
            url=reference.url or (found.url if found else ""),
            published=reference.published or (found.published if found else None),
            language=reference.language or (found.language if found else ""),
            tags=reference.tags,
            notes=reference.notes,
        ),
        "",
    )
