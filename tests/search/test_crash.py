"""A process killed mid-import leaves nothing lost or doubled: the next open finishes the job."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from workbench.search import indexer
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.search import SearchIndex

REPO = Path(__file__).resolve().parents[2]

IMPORTER = textwrap.dedent(
    """
    import sys
    from workbench.search.engine import ProjectIndex
    from workbench.services import Project
    from workbench.services.articles import NewArticle, add_article

    with Project.open(sys.argv[1]) as project:
        index = ProjectIndex.open(project.store)
        number = 0
        while True:
            text = f"Report {number}\\n\\nThe marker word is zq{number}x, and nothing more."
            add_article(project, NewArticle(text=text, title=f"Report {number}"))
            number += 1
            print(number, flush=True)
            if number % 3 == 0:
                index.drain()
    """
)


def _import_until_killed(path: Path, script: Path, articles: int) -> None:
    """Run an importer that indexes as it goes, and SIGKILL it after `articles` articles."""
    child = subprocess.Popen(
        [sys.executable, str(script), str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        deadline = time.monotonic() + 60
        assert child.stdout is not None
        for line in child.stdout:
            if int(line) >= articles or time.monotonic() > deadline:
                break
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()


@pytest.mark.parametrize("articles", [7, 16])
def test_next_open_finishes_what_a_killed_import_left(tmp_path: Path, articles: int) -> None:
    """After SIGKILL mid-import, every stored article is found exactly once, none twice."""
    path = tmp_path / "crash.wbproj"
    Project.create(path).close()
    script = tmp_path / "importer.py"
    script.write_text(IMPORTER, encoding="utf-8")
    _import_until_killed(path, script, articles)
    with Project.open(path) as project:
        index = SearchIndex.open(project)
        try:
            stored = index.engine.document_count()
            assert stored >= articles
            for number in range(stored):
                hits = index.search(f"zq{number}x").hits
                assert [hit.title for hit in hits] == [f"Report {number}"]
            check = index.check()
            assert check.agrees and check.indexed == check.in_project == stored
        finally:
            index.close()


def test_a_crash_between_index_commit_and_outbox_cleanup_is_harmless(
    sample_index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the outbox cleanup fails after the index committed, the redo indexes nothing twice."""
    add_article(sample_index.project, NewArticle(text="Okapi\n\nAn okapi.", title="Okapi"))

    def crash(store: object, batch: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(indexer, "settle", crash)
    with pytest.raises(OSError):
        sample_index.drain()
    monkeypatch.undo()
    assert sample_index.drain() == 1
    assert [hit.title for hit in sample_index.search("okapi").hits] == ["Okapi"]
    assert sample_index.engine.document_count() == 8
    assert sample_index.check().duplicated == []
