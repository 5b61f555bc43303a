"""Near-duplicates found from stored signatures: across sessions, older projects, deletes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from workbench.cli import main
from workbench.domain import Article, ArticleSignature, NearDuplicateKey
from workbench.ingest.dedupe import resemblance, shingles
from workbench.services import Project
from workbench.services.articles import delete_article
from workbench.services.importing import ImportSummary, import_paths
from workbench.services.near_duplicates import finder_for

WIRE = (
    "Negotiators from Iran and the three European powers left Vienna on Monday without an "
    "agreement on the sequencing of sanctions relief, according to officials from both sides.\n\n"
    "The talks, which had been billed as a last chance before the summer recess, broke down "
    "over guarantees that any deal would survive a change of government in Washington.\n\n"
    "A spokesman for the European delegation said the door remained open and that technical "
    "teams would keep meeting in Geneva while ministers consider their next steps.\n\n"
    "Iran's foreign ministry said the Europeans had failed to make good on earlier promises "
    "and that Tehran would not accept new conditions attached at the last minute."
)
COPY = WIRE.rsplit("\n\n", 1)[0] + "\n\nThe outlet added a closing line of its own here."


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _import(project: Project, *paths: Path) -> ImportSummary:
    return import_paths(project, list(paths), workers=1)


def _stored_text(project: Project, article_id: int) -> str:
    with project.reading() as session:
        return session.scalar(select(Article.text).where(Article.id == article_id)) or ""


def test_a_later_session_finds_the_copy_without_signing_anything(tmp_path: Path) -> None:
    """Reopened, the project finds a copy from its stored signatures, scored in full."""
    path = tmp_path / "case.wbproj"
    with Project.create(path) as project:
        original = _import(project, _write(tmp_path, "wire.txt", "Talks\n\n" + WIRE))
    with Project.open(path) as project:
        later = _import(project, _write(tmp_path, "copy.txt", "Talks end\n\n" + COPY))
        (copy,) = later.imported
        expected = resemblance(
            shingles(_stored_text(project, copy.article_id)),
            shingles(_stored_text(project, original.imported_ids[0])),
        )
    assert copy.near_duplicate_of == original.imported_ids[0]
    assert copy.near_duplicate_score == round(expected, 3)
    assert later.signed_earlier == 0
    assert not any("signatures computed" in line for line in later.lines())


def test_articles_of_an_older_project_are_signed_once_and_said(
    project: Project, tmp_path: Path
) -> None:
    """Articles stored without signatures are signed by the next import, which says so."""
    stored = _import(
        project,
        _write(tmp_path, "wire.txt", "Talks\n\n" + WIRE),
        _write(tmp_path, "port.txt", "Port\n\nDock workers ended a week-long strike today."),
    )
    with project.store.session_factory() as session, session.begin():
        session.execute(delete(NearDuplicateKey))
        session.execute(delete(ArticleSignature))
    later = _import(project, _write(tmp_path, "copy.txt", "Talks end\n\n" + COPY))
    assert later.signed_earlier == 2
    assert "signatures computed for 2 articles" in "\n".join(later.lines())
    assert later.imported[0].near_duplicate_of == stored.imported_ids[0]
    assert finder_for(project).signed_now == 0


def test_a_deleted_article_is_never_proposed(project: Project, tmp_path: Path) -> None:
    """Deleting the original removes its signature: a copy imported later is not flagged."""
    original = _import(project, _write(tmp_path, "wire.txt", "Talks\n\n" + WIRE))
    delete_article(project, original.imported_ids[0])
    with project.reading() as session:
        keys = session.scalar(select(func.count()).select_from(NearDuplicateKey))
    later = _import(project, _write(tmp_path, "copy.txt", "Talks end\n\n" + COPY))
    assert keys == 0
    assert later.imported[0].near_duplicate_of is None


def test_the_command_line_says_it_signs_earlier_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workbench import` into an older project says on stderr that it signs its articles."""
    path = tmp_path / "case.wbproj"
    with Project.create(path) as project:
        _import(project, _write(tmp_path, "wire.txt", "Talks\n\n" + WIRE))
        with project.store.session_factory() as session, session.begin():
            session.execute(delete(NearDuplicateKey))
            session.execute(delete(ArticleSignature))
    status = main(["import", str(path), str(_write(tmp_path, "copy.txt", "Talks end\n\n" + COPY))])
    captured = capsys.readouterr()
    assert status == 0
    assert "near-duplicate signatures for articles stored earlier: 1 of 1" in captured.err
    assert "flagged as near-duplicates" in captured.out.splitlines()[0]
