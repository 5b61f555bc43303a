"""`check` finds damage SQLite cannot see; a damaged project refuses imports, saying how to
recover."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim
from workbench.services.importing import import_paths
from workbench.services.queries import project_counts
from workbench.store import ProjectStore
from workbench.store.errors import ProjectDamaged
from workbench.store.health import check_store

TEXT = "Moscow says talks went well.\n\nTehran says nothing at all."


def _project_with_a_claim(path: Path) -> tuple[int, int]:
    with Project.create(path) as project:
        article = add_article(project, NewArticle(text=TEXT, original=b"<p>raw</p>"))
        claim = create_claim(project, article, Span(0, 28))
    return article, claim


def _damage(path: Path, *statements: str) -> None:
    """Change the file behind the workbench's back, as a crash or another tool might."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys=OFF")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def _problems(path: Path) -> list[str]:
    store = ProjectStore.open(path, read_only=True)
    try:
        return check_store(store).problems
    finally:
        store.close()


def test_a_healthy_project_has_no_problems(tmp_path: Path) -> None:
    """A project edited only through the workbench passes every check."""
    path = tmp_path / "case.wbproj"
    _project_with_a_claim(path)
    assert _problems(path) == []


def test_check_finds_changed_text_broken_originals_and_misplaced_claims(tmp_path: Path) -> None:
    """Text edited outside the workbench, an original that no longer unpacks and a claim
    whose place runs past its text are each reported, naming the record."""
    path = tmp_path / "case.wbproj"
    article, claim = _project_with_a_claim(path)
    _damage(
        path,
        f"UPDATE articles SET text = 'Moscow says nothing.' WHERE id = {article}",
        f"UPDATE articles SET original = x'00ff' WHERE id = {article}",
        f'UPDATE claims SET "end" = 5000 WHERE id = {claim}',
    )
    assert _problems(path) == [
        f"article {article}: its text does not match its content hash",
        f"article {article}: its original cannot be unpacked (Error -3 while decompressing"
        " data: incorrect header check)",
        f"claim {claim}: its place 0..5000 lies outside its text",
    ]


def test_check_finds_a_quote_that_is_not_the_text_at_its_place(tmp_path: Path) -> None:
    """A claim moved by another tool so its quote no longer matches is reported."""
    path = tmp_path / "case.wbproj"
    _article, claim = _project_with_a_claim(path)
    _damage(path, f'UPDATE claims SET start = 1, "end" = 29 WHERE id = {claim}')
    assert _problems(path) == [f"claim {claim}: its quote is not the text at its place"]


def test_an_import_into_a_damaged_project_is_refused_with_the_way_back(tmp_path: Path) -> None:
    """A row pointing at a missing row makes the import refuse in one line, import nothing,
    and name `workbench restore` with the newest backup."""
    path = tmp_path / "case.wbproj"
    _project_with_a_claim(path)
    Project.open(path).close()  # today's automatic copy, made while the project was healthy
    _damage(path, "INSERT INTO taggings (tag_id, target_kind, target_id) VALUES (999, 'claim', 1)")
    page = tmp_path / "page.txt"
    page.write_text("Another article entirely.", encoding="utf-8")
    with Project.open(path) as project:
        with pytest.raises(ProjectDamaged) as refused:
            import_paths(project, [page], workers=1)
        assert project_counts(project).articles == 1
    message = str(refused.value)
    assert message.startswith("damaged: taggings row 1 points at a missing tags row;")
    assert "nothing was imported" in message and f"workbench restore {path}" in message
    assert "case.daily-" in message
