"""`workbench publish FILE URL` and `workbench copy URL FILE`: the whole project crosses over
(ids, originals, change log, versions), new rows get new ids, and the round trip exports the
same report as the original."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.team.conftest import Databases
from workbench.cli import main
from workbench.domain import Article, ChangeRecord
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article, original_bytes
from workbench.services.history import history
from workbench.services.sample import build_sample
from workbench.store.shared import case_name


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _rows(project: Project) -> tuple[list[tuple[int, str]], list[tuple[int, str, str]]]:
    with project.reading() as session:
        articles = [
            tuple(row)
            for row in session.execute(select(Article.id, Article.title).order_by(Article.id))
        ]
        log = [
            tuple(row)
            for row in session.execute(
                select(ChangeRecord.id, ChangeRecord.user, ChangeRecord.action).order_by(
                    ChangeRecord.id
                )
            )
        ]
    return articles, log  # type: ignore[return-value]


def test_publish_then_copy_keeps_everything(
    databases: Databases, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sample project with an original, published to an empty database and copied back:
    the same article ids, originals and change log on all three; the reports match."""
    local = tmp_path / "mine.wbproj"
    with Project.create(local) as project:
        build_sample(project)
        page = add_article(
            project, NewArticle(text="Talks.\n\nThey failed.", title="Talks", original=b"<p>x</p>")
        )
        expected = _rows(project)
    url = databases.empty()
    code, out = run(capsys, "publish", str(local), url)
    assert code == 0 and "published" in out, out
    with Project.open(url) as shared:
        assert _rows(shared) == expected
        assert original_bytes(shared, page) == b"<p>x</p>"
        later = add_article(shared, NewArticle(text="Later.\n\nNew one.", title="Later"))
        assert later == page + 1  # the ids go on after the published ones
        assert history(shared, 1)[0].user == "wb_admin"
    home = tmp_path / f"{case_name(url)}.wbproj"  # the case's own name
    code, out = run(capsys, "copy", url, str(home))
    assert code == 0, out
    with Project.open(home) as copy:
        assert _rows(copy)[0] == [*expected[0], (later, "Later")]
    for where, out in ((url, "shared.md"), (str(home), "home.md")):
        assert run(capsys, "export", where, "--analyst", "A", "--out", str(tmp_path / out))[0] == 0
    assert (tmp_path / "shared.md").read_text() == (tmp_path / "home.md").read_text()


def test_publishing_into_a_case_that_holds_work_is_refused(
    databases: Databases, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second publish into the same case is refused in one line; the case keeps its rows."""
    local = tmp_path / "mine.wbproj"
    with Project.create(local) as project:
        add_article(project, NewArticle(text="Talks.\n\nThey failed.", title="Talks"))
    url = databases.empty()
    assert run(capsys, "publish", str(local), url)[0] == 0
    code, out = run(capsys, "publish", str(local), url)
    assert code != 0 and "is not empty (articles holds rows)" in out, out
    with Project.open(url) as shared:
        assert len(_rows(shared)[0]) == 1
