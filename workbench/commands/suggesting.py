"""`workbench suggest FILE` and `workbench suggest PROJECT --article ID`: what the assist engine
proposes (attributions, mentions, dates), as JSON or as a listing.

Only the standard library is imported here; the engine, the readers and the project load in
the command.
"""

from __future__ import annotations

import argparse
import datetime
import json
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.commands import CommandError

if TYPE_CHECKING:
    from workbench.assist import KnownName, Suggestions

_TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")


def register(subcommands: argparse._SubParsersAction) -> None:
    suggest = subcommands.add_parser(
        "suggest", help="propose attributions, actor mentions and dates for an article"
    )
    suggest.add_argument(
        "target", metavar="FILE|PROJECT", help="a text or HTML file, or a project with --article"
    )
    suggest.add_argument("--article", type=_article_id, help="the project's article to read")
    suggest.add_argument(
        "--published",
        type=_day,
        help="publication date YYYY-MM-DD (for relative dates; default: the file's own)",
    )
    suggest.add_argument("--json", action="store_true", help="print the suggestions as JSON")
    suggest.set_defaults(handler=suggest_command)


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date of the form YYYY-MM-DD") from None


def _article_id(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not an article number")
    return int(text)


def suggest_command(arguments: argparse.Namespace) -> int:
    from workbench.assist import TextTooLong, suggest
    from workbench.assist.output import as_json, listing

    target = Path(arguments.target)
    if arguments.article is not None:
        text, published, known, outlet = _from_project(arguments.target, arguments.article)
    else:
        text, published, outlet = _from_file(target)
        known = ()
    try:
        suggestions: Suggestions = suggest(
            text, published=arguments.published or published, known=known, outlet=outlet
        )
    except TextTooLong as error:
        raise CommandError(f"{target.name}: {error}") from None
    if arguments.json:
        print(json.dumps(as_json(suggestions), ensure_ascii=False, indent=2))
    else:
        print("\n".join(listing(text, suggestions)))
    return 0


def _from_file(path: Path) -> tuple[str, datetime.date | None, str | None]:
    """A plain text file's text exactly as read; an HTML page's article text, date and site."""
    from workbench.ingest import ExtractionError, extract_file
    from workbench.ingest.encoding import decode

    if not path.exists():
        raise CommandError(f"no file at {path}")
    if path.is_dir():
        raise CommandError(f"{path} is a folder, not an article file")
    if path.suffix.lower() in _TEXT_SUFFIXES:
        try:
            return decode(path.read_bytes(), path.name).text, None, None
        except ExtractionError as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None
    extraction = extract_file(path)
    if extraction.failed or not extraction.documents:
        raise CommandError("; ".join(extraction.errors) or f"{path.name} holds no article")
    document = extraction.documents[0]
    published = document.published.date() if document.published else None
    return document.text, published, document.site or None


def _from_project(
    location: str, article_id: int
) -> tuple[str, datetime.date | None, tuple[KnownName, ...], str | None]:
    from workbench.services import Project
    from workbench.services.assist_inputs import article_for_suggestions, known_names
    from workbench.store import ProjectError

    if "://" not in location and not Path(location).exists():  # a shared store is given by URL
        raise CommandError(f"no project at {location}")
    try:
        with Project.open(location, read_only=True) as project:
            article = article_for_suggestions(project, article_id)
            known = known_names(project)
    except ProjectError as error:
        raise CommandError(str(error)) from None
    return article.text, article.published, known, article.outlet or None
