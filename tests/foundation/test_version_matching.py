"""Which import is a new version: a page naming a stored article's URL as its canonical
address, or a file the analyst says is a new version of an article."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cli import main
from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article, article_text
from workbench.services.claims import create_claim
from workbench.services.importing import import_new_version, import_paths
from workbench.services.queries import claim_view, project_counts
from workbench.services.version_diff import kept_versions
from workbench.store.errors import ProjectError

CANONICAL = "https://www.example.org/talks"
QUOTE = "Sources told Reuters that the Iranian leadership is unhappy with the pace."
FIRST = f"Talks\n\nTalks in Oman resumed on Sunday.\n\n{QUOTE}\n\nAraqchi left early."


def _page(folder: Path, canonical: str, og_url: str, paragraphs: list[str]) -> Path:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = folder / "talks.html"
    page.write_text(
        f'<html><head><title>Talks</title><link rel="canonical" href="{canonical}">'
        f'<meta property="og:url" content="{og_url}"></head>'
        f"<body><article>{body}</article></body></html>",
        encoding="utf-8",
    )
    return page


@pytest.fixture
def article(project: Project) -> int:
    return add_article(project, NewArticle(text=FIRST, title="Talks", url=CANONICAL))


def _claim(project: Project, article: int) -> int:
    start = FIRST.index(QUOTE)
    return create_claim(project, article, Span(start, start + len(QUOTE)))


def test_a_page_whose_canonical_url_is_stored_becomes_a_version(
    project: Project, article: int, tmp_path: Path
) -> None:
    """A re-saved page with another og:url but the stored canonical URL updates the article:
    one article, the new text, the claim on its words, the old text kept as version 1."""
    claim = _claim(project, article)
    paragraphs = ["Talks in Oman resumed on Sunday after a pause.", QUOTE, "Araqchi left early."]
    page = _page(tmp_path, CANONICAL + "/", "https://example.org/amp/talks-2", paragraphs)
    summary = import_paths(project, [page], workers=1)
    assert summary.imported_ids == [article], summary.lines()
    assert project_counts(project).articles == 1
    assert "after a pause" in article_text(project, article)
    assert claim_view(project, claim).exact == QUOTE
    assert [version.number for version in kept_versions(project, article)] == [1]


def test_a_page_with_other_addresses_is_a_new_article(
    project: Project, article: int, tmp_path: Path
) -> None:
    """A page naming none of the stored URLs is an article of its own."""
    page = _page(tmp_path, "https://other.example/x", "https://other.example/x", ["New text."])
    import_paths(project, [page], workers=1)
    assert project_counts(project).articles == 2


def test_the_cli_imports_a_named_new_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import --new-version-of ID PROJECT FILE` replaces the text though the URLs differ,
    says how many anchors were placed, and the claim follows its edited words."""
    path = tmp_path / "case.wbproj"
    with Project.create(path) as project:
        article = add_article(project, NewArticle(text=FIRST, title="Talks", url=CANONICAL))
        claim = _claim(project, article)
    edited = FIRST.replace("unhappy", "unhapy").replace("Araqchi left early.", "He stayed.")
    text_file = tmp_path / "talks.txt"
    text_file.write_text(edited, encoding="utf-8")
    assert main(["import", "--new-version-of", str(article), str(path), str(text_file)]) == 0
    assert "1 claims and mentions placed, 0 orphaned" in capsys.readouterr().out
    with Project.open(path) as project:
        assert article_text(project, article) == edited
        assert claim_view(project, claim).exact == QUOTE.replace("unhappy", "unhapy")


def test_the_same_text_as_a_new_version_says_no_change(
    project: Project, article: int, tmp_path: Path
) -> None:
    """Naming the article's own text as its new version is refused with "no change"."""
    text_file = tmp_path / "same.txt"
    text_file.write_text(FIRST, encoding="utf-8")
    with pytest.raises(ProjectError, match="no change"):
        import_new_version(project, article, text_file)
    assert kept_versions(project, article) == []


def test_an_unknown_article_is_named_in_the_error(project: Project, tmp_path: Path) -> None:
    """A new version of an article that does not exist fails naming it; nothing is stored."""
    text_file = tmp_path / "new.txt"
    text_file.write_text("Some title\n\nSome text.", encoding="utf-8")
    with pytest.raises(ProjectError, match="article 99 does not exist"):
        import_new_version(project, 99, text_file)
    assert project_counts(project).articles == 0


def test_the_cli_names_an_unknown_article_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--new-version-of 99` on a project without article 99 fails in one line naming it."""
    path = tmp_path / "case.wbproj"
    Project.create(path).close()
    text_file = tmp_path / "new.txt"
    text_file.write_text("Some title\n\nSome text.", encoding="utf-8")
    assert main(["import", "--new-version-of", "99", str(path), str(text_file)]) != 0
    error = capsys.readouterr().err.strip()
    assert "article 99 does not exist" in error and len(error.splitlines()) == 1
