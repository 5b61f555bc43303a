"""Import use cases: files and folders, or the clipboard, become articles.

Extraction runs in worker processes; this process is the one writer and stores each article
in its own transaction (`add_article`), so a file that fails leaves nothing behind and never
stops the batch. A batch of several files (or a feed's entries) is one undo step, "Import 30
files", made of those transactions; one imported file or a paste is one undoable step.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from workbench.domain.text import plural
from workbench.ingest import (
    ExtractedDocument,
    ExtractionError,
    FileExtraction,
    collect_files,
    extract_all,
    extract_pasted,
)
from workbench.ingest.extract import extract_file
from workbench.services.articles import NewArticle, add_article
from workbench.services.errors import DuplicateArticle, InvalidInput
from workbench.services.import_journal import JournalledImport
from workbench.services.near_duplicates import NearDuplicate, NearDuplicateFinder, finder_for
from workbench.services.project import Project
from workbench.services.versions import VersionReport, add_version, add_version_if_stored
from workbench.store.errors import ProjectError
from workbench.store.health import refuse_if_damaged


@dataclass(frozen=True)
class ImportProgress:
    """Where a batch import stands, reported after each file."""

    count: int
    total: int
    current: str
    rate: float
    elapsed: float

    @property
    def fraction(self) -> float:
        return self.count / self.total if self.total else 1.0


@dataclass(frozen=True)
class ImportedArticle:
    path: str
    article_id: int
    title: str
    part: str = ""
    near_duplicate_of: int | None = None
    near_duplicate_score: float | None = None


@dataclass(frozen=True)
class DuplicateFile:
    """Content already in the project: reported, not stored twice."""

    path: str
    existing_id: int
    part: str = ""


@dataclass(frozen=True)
class ImportFailure:
    """A file (or a feed entry) that could not be imported, and the specific reason."""

    path: str
    reason: str


@dataclass
class ImportSummary:
    """What a batch import did, file by file."""

    total: int = 0
    files_done: int = 0
    imported: list[ImportedArticle] = field(default_factory=list)
    duplicates: list[DuplicateFile] = field(default_factory=list)
    failures: list[ImportFailure] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0
    signed_earlier: int = 0  # articles stored before signatures existed, signed by this import

    @property
    def imported_ids(self) -> list[int]:
        return [article.article_id for article in self.imported]

    @property
    def near_duplicates(self) -> list[ImportedArticle]:
        return [article for article in self.imported if article.near_duplicate_of is not None]

    @property
    def succeeded(self) -> bool:
        """True when every file was imported or was already in the project."""
        return not self.failures and not self.cancelled

    def lines(self) -> list[str]:
        """The summary as an analyst reads it: counts, then one line per file worth noting."""
        lines = [self.headline()]
        lines += [f"duplicate: {_where(d.path, d.part)} is article {d.existing_id}"
                  for d in self.duplicates]  # fmt: skip
        lines += [f"near-duplicate: {_where(a.path, a.part)} (article {a.article_id}) copies "
                  f"article {a.near_duplicate_of} ({a.near_duplicate_score or 0:.0%} shared)"
                  for a in self.near_duplicates]  # fmt: skip
        lines += [f"failed: {failure.path}: {failure.reason}" for failure in self.failures]
        if self.signed_earlier:
            signed = plural(self.signed_earlier, "article")
            lines.append(f"near-duplicate signatures computed for {signed} "
                         "that had none yet (stored by an earlier version)")  # fmt: skip
        if self.skipped:
            skipped = plural(len(self.skipped), "file")
            lines.append(f"left alone: {skipped} in the folders are not a kind "
                         "the workbench imports")  # fmt: skip
        return lines

    def headline(self) -> str:
        """ "12 imported, 1 already in the project, 2 failed" (and near-duplicates, cancelling)."""
        text = (
            f"{len(self.imported)} imported, {len(self.duplicates)} already in the project, "
            f"{len(self.failures)} failed"
        )
        if self.near_duplicates:
            text += f", {len(self.near_duplicates)} flagged as near-duplicates"
        if self.cancelled:
            text += f" (cancelled after {self.files_done} of {self.total} files)"
        return text


ProgressCallback = Callable[[ImportProgress], None]


def import_paths(
    project: Project,
    paths: Iterable[str | PathLike[str]],
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    workers: int | None = None,
) -> ImportSummary:
    """Import files and folders; each article is its own transaction. Never raises for a bad
    file: every failure is in the summary with its reason."""
    started = time.perf_counter()
    refuse_if_damaged(project.store)  # a one-line ProjectDamaged naming the way back
    if isinstance(paths, str | PathLike):
        paths = [paths]  # one path, not the characters of one
    collected = collect_files(paths)
    summary = ImportSummary(total=len(collected.files), skipped=collected.skipped)
    summary.failures += [ImportFailure(path, reason) for path, reason in collected.problems]
    finder = finder_for(project)
    summary.signed_earlier = finder.signed_now
    single_file = len(collected.files) == 1
    records: list[int] = []
    with JournalledImport(project, collected.files) as run:  # a kill leaves it unsettled
        for extraction in extract_all(collected.files, workers=workers, cancel=cancel):
            before = run.counts(summary)
            _store_file(project, extraction, summary, finder, undoable=single_file, records=records)
            run.settle(extraction.path, summary, before)
            summary.files_done += 1
            if progress is not None:
                progress(_progress(summary, extraction.path, started))
            if cancel is not None and cancel.is_set():
                break
        summary.cancelled = run.cancelled = summary.files_done < summary.total
        files = len({article.path for article in summary.imported})
        project.push_step(f"Import {plural(files, 'file')}", records)
    summary.seconds = time.perf_counter() - started
    return summary


def import_clipboard(project: Project, text: str | None = None, html: str | None = None) -> int:
    """Pasted text or HTML becomes an article (one undoable step); returns its id."""
    try:
        document = extract_pasted(text, html)
    except ExtractionError as error:
        raise InvalidInput(str(error)) from None
    finder = finder_for(project)
    near = finder.match(document.text, document.sketch)
    new = _new_article(document, "clipboard", near)
    new.original_name = "clipboard"
    article_id = add_article(project, new)
    finder.remember(article_id, document.sketch)
    return article_id


def import_new_version(project: Project, article_id: int, path: str | Path) -> VersionReport:
    """A file read as the newer text of the article the analyst names, whatever its URL
    (one undoable step): its claims are re-anchored as for a re-imported page."""
    extraction = extract_file(path)
    if not extraction.documents:
        raise InvalidInput(extraction.errors[0] if extraction.errors else f"{path} has no text")
    if len(extraction.documents) > 1:
        count = len(extraction.documents)
        raise InvalidInput(f"{path} holds {count} articles; a new version is one article")
    new = _new_article(extraction.documents[0], str(path), None)
    return add_version(project, article_id, new)


def _store_file(
    project: Project,
    extraction: FileExtraction,
    summary: ImportSummary,
    finder: NearDuplicateFinder,
    *,
    undoable: bool,
    records: list[int],
) -> None:
    path = extraction.path
    summary.failures += [ImportFailure(path, reason) for reason in extraction.errors]
    one_article = len(extraction.documents) == 1
    for document in extraction.documents:
        try:
            near = finder.match(document.text, document.sketch)
            new = _new_article(document, path, near)
            alone = undoable and one_article  # its own undo step; else one of the batch's
            article_id = add_version_if_stored(project, new, document.urls) or add_article(
                project, new, undoable=alone, records=None if alone else records
            )
        except DuplicateArticle as duplicate:
            summary.duplicates.append(DuplicateFile(path, duplicate.existing_id, document.part))
            continue
        except ProjectError as error:
            summary.failures.append(ImportFailure(path, _in_part(str(error), document.part)))
            continue
        except Exception as error:  # the database refused it: this file fails, the batch goes on
            reason = f"could not be stored ({_first_line(error)})"
            summary.failures.append(ImportFailure(path, _in_part(reason, document.part)))
            continue
        finder.remember(article_id, document.sketch)
        summary.imported.append(_imported(path, article_id, document, near))


def _new_article(
    document: ExtractedDocument, source: str, near: NearDuplicate | None
) -> NewArticle:
    """The article to store, each field cut to its column's width (PostgreSQL enforces them)."""
    extractor = document.extractor
    if document.encoding:
        extractor = f"{extractor}; {document.encoding}"
    imported_from = f"{source}#{document.part}" if document.part else source
    return NewArticle(
        text=document.text,
        title=_fit(document.title, 500),
        outlet=_fit(document.site, 200),
        authors=[_fit(author, 200) for author in document.authors],
        url=document.url if len(document.url) <= 2000 else "",
        published=document.published,
        language=_fit(document.language, 16),
        original=document.original,
        original_format=_fit(document.format, 32),
        original_name=_fit(Path(source).name, 500),
        imported_from=_fit(imported_from, 2000),
        extractor=_fit(extractor, 100),
        near_duplicate_of_id=near.article_id if near else None,
        near_duplicate_score=near.score if near else None,
    )


def _fit(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def _imported(
    path: str, article_id: int, document: ExtractedDocument, near: NearDuplicate | None
) -> ImportedArticle:
    return ImportedArticle(
        path=path,
        article_id=article_id,
        title=document.title,
        part=document.part,
        near_duplicate_of=near.article_id if near else None,
        near_duplicate_score=near.score if near else None,
    )


def _progress(summary: ImportSummary, current: str, started: float) -> ImportProgress:
    elapsed = time.perf_counter() - started
    rate = summary.files_done / elapsed if elapsed > 0 else 0.0
    return ImportProgress(summary.files_done, summary.total, current, rate, elapsed)


def _first_line(error: Exception) -> str:
    cause = getattr(error, "orig", None) or error
    message = str(cause).strip().splitlines()
    return f"{type(cause).__name__}: {message[0]}" if message else type(cause).__name__


def _in_part(reason: str, part: str) -> str:
    return f"{part}: {reason}" if part else reason


def _where(path: str, part: str) -> str:
    return f"{path} {part}" if part else path
