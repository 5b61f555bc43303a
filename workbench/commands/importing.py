"""Import commands: `workbench extract PATH...` and `workbench import PROJECT PATH...`.

Only the standard library is imported here; the readers and the project load in the command.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from workbench.ingest import ExtractedDocument
    from workbench.services import Project
    from workbench.services.importing import ImportProgress, ImportSummary
    from workbench.store.import_journal import InterruptedImport

EXIT_SOME_FAILED = 2
_BAR_WIDTH = 24


def register(subcommands: argparse._SubParsersAction) -> None:
    extract = subcommands.add_parser(
        "extract", help="show what importing files would store, without a project"
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    extract.add_argument("--json", action="store_true", help="one JSON object per line")
    extract.set_defaults(handler=extract_files)

    importer = subcommands.add_parser("import", help="import files and folders into a project")
    importer.add_argument("project", help="project file")
    importer.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    importer.add_argument(
        "--rest", action="store_true", help="import what an interrupted import did not store"
    )
    importer.add_argument(
        "--new-version-of",
        type=int,
        metavar="ARTICLE_ID",
        help="read the one FILE as a newer text of this article (its URL may differ)",
    )
    importer.set_defaults(handler=import_files)


def extract_files(arguments: argparse.Namespace) -> int:
    """Print each file's articles (or its error); exit 2 when any file failed."""
    from workbench.ingest import collect_files, extract_all

    collected = collect_files(arguments.paths)
    failed = bool(collected.problems)
    for path, reason in collected.problems:
        _print_error(path, reason, arguments.json)
    for extraction in extract_all(collected.files):
        for document in extraction.documents:
            _print_document(extraction.path, document, arguments.json)
        for reason in extraction.errors:
            _print_error(extraction.path, reason, arguments.json)
            failed = True
    return EXIT_SOME_FAILED if failed else 0


def import_files(arguments: argparse.Namespace) -> int:
    """Import into a project with a progress bar on a terminal; exit 2 when any file failed."""
    from workbench.commands import CommandError
    from workbench.services import Project
    from workbench.services.import_journal import describe, interrupted_import
    from workbench.services.text_index_upkeep import merge_all_text_indexes

    if not arguments.paths and not arguments.rest:
        raise CommandError("name the files or folders to import (or --rest)")
    if arguments.new_version_of is not None:
        return _import_new_version(arguments.project, arguments.new_version_of, arguments.paths)
    from workbench.services.import_formats import exchange_format

    annotations = [path for path in arguments.paths if exchange_format(path)]  # by content
    others = [path for path in arguments.paths if path not in annotations]
    with Project.open(arguments.project) as project:
        interrupted = interrupted_import(project)
        if interrupted is not None:  # killed last time: say where it stands
            hint = "" if arguments.rest else f"; `workbench import {arguments.project} --rest`"
            print(describe(interrupted) + (f"{hint} imports the rest" if hint else ""))
        elif arguments.rest:
            raise CommandError("no interrupted import to finish: every import was settled")
        for path in annotations:
            print(_import_annotations(project, path))
        if others or arguments.rest:
            _sign_earlier_articles(project)
            rest = interrupted if arguments.rest else None
            summaries = _import_with_progress(project, others, rest)
        else:
            summaries = []
        merge_all_text_indexes(project)  # what the window would merge when idle
    for summary in summaries:
        for line in summary.lines():
            print(line)
    return 0 if all(summary.succeeded for summary in summaries) else EXIT_SOME_FAILED


def _import_new_version(project_path: str, article_id: int, paths: list[str]) -> int:
    """`--new-version-of ARTICLE_ID FILE`: the file's text replaces the article's, kept as a
    version; prints how many claims and mentions were placed and orphaned."""
    from workbench.commands import CommandError
    from workbench.services import Project
    from workbench.services.importing import import_new_version

    if len(paths) != 1:
        raise CommandError("--new-version-of takes one FILE, the article's newer text")
    with Project.open(project_path) as project:
        report = import_new_version(project, article_id, paths[0])
    print(
        f"article {report.article_id}: version {report.number} from {paths[0]}; "
        f"{report.placed} claims and mentions placed, {report.orphaned} orphaned"
    )
    return 0


def _sign_earlier_articles(project: Project) -> None:
    """Articles stored by an earlier version get near-duplicate signatures first (once), with
    progress on stderr, since that can take minutes in a large project."""
    from workbench.services.near_duplicates import finder_for

    def progress(done: int, total: int) -> None:
        line = f"near-duplicate signatures for articles stored earlier: {done:,} of {total:,}"
        print(f"\r{line} (done once)", end="\n" if done == total else "", file=sys.stderr)

    finder_for(project, progress)


def _import_annotations(project: Project, path: str) -> object:
    """Exchange files (Web Annotations, REFI-QDA, STIX, FollowTheMoney, citations…), told by
    their content, go to the exchange services: each one command, all of it or nothing."""
    from workbench.services.import_formats import import_exchange_file

    return import_exchange_file(project, path)


def _import_with_progress(
    project: Project, paths: list[str], rest: InterruptedImport | None = None
) -> list[ImportSummary]:
    """Run the import in a thread, so Ctrl+C cancels between files and still shows a summary;
    with `rest`, the files an interrupted import did not store come first."""
    from workbench.services.import_journal import import_rest
    from workbench.services.importing import import_paths

    bar = _ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    cancel = threading.Event()
    summaries: list[ImportSummary] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            if rest is not None:
                summaries.append(import_rest(project, rest, progress=bar, cancel=cancel))
            if paths and not cancel.is_set():
                summaries.append(import_paths(project, paths, progress=bar, cancel=cancel))
        except BaseException as error:  # handed to the main thread below
            errors.append(error)

    thread = threading.Thread(target=work, name="import")
    thread.start()
    try:
        while thread.is_alive():
            thread.join(0.2)
    except KeyboardInterrupt:
        cancel.set()
        thread.join()
    if bar is not None:
        bar.finish()
    if errors:
        raise errors[0]
    return summaries


class _ProgressBar:
    """`[########----------] 12/30 files  3.4 files/s  page.html` on one terminal line."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def __call__(self, progress: ImportProgress) -> None:
        filled = int(_BAR_WIDTH * progress.fraction)
        bar = "#" * filled + "-" * (_BAR_WIDTH - filled)
        name = Path(progress.current).name[:40]
        self.stream.write(
            f"\r[{bar}] {progress.count}/{progress.total} files  "
            f"{progress.rate:.1f} files/s  {name:<40}"
        )
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


def _print_document(path: str, document: ExtractedDocument, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"path": path, **document.describe()}, ensure_ascii=False))
        return
    fields = document.describe()
    print(f"== {path}" + (f" ({document.part})" if document.part else ""))
    for key in ("title", "authors", "date", "site", "url", "language", "encoding"):
        value = ", ".join(document.authors) if key == "authors" else fields[key]
        print(f"{key + ':':<10}{value or ''}")
    print()
    print(document.text)
    print()


def _print_error(path: str, reason: str, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"path": path, "error": reason}, ensure_ascii=False))
    else:
        print(f"== {path}\nerror:    {reason}\n")
