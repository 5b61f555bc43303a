"""A running search does not block an import: `workbench search` holds no writer's lock."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.search.engine import ProjectIndex
from workbench.services import Project
from workbench.services.queries import project_counts


def test_an_import_runs_while_a_search_is_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """While `workbench search` is in the middle of a search, `workbench import` succeeds."""
    project = tmp_path / "s.wbproj"
    assert main(["sample", str(project)]) == 0
    assert main(["search", str(project), "Reuters"]) == 0  # the index exists
    page = tmp_path / "page.txt"
    page.write_text("Harbour strike ends\n\nThe union said the strike ends Monday.", "utf-8")
    searching, imported = threading.Event(), threading.Event()
    real_search = ProjectIndex.search

    def slow_search(self: ProjectIndex, *args: object, **kwargs: object) -> object:
        searching.set()
        imported.wait(30)
        return real_search(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ProjectIndex, "search", slow_search)
    codes: list[int] = []
    search = threading.Thread(target=lambda: codes.append(main(["search", str(project), "Putin"])))
    search.start()
    try:
        assert searching.wait(30)
        code = main(["import", str(project), str(page)])
        assert code == 0, capsys.readouterr().err
    finally:
        imported.set()
        search.join(30)
    assert codes == [0]
    with Project.open(project, read_only=True) as opened:
        assert project_counts(opened).articles == 2
