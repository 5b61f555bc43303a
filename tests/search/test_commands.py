"""`workbench search`, `workbench reindex`, and what `workbench check` says about the index."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.services import Project


def run(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sample_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A sample project made by `workbench sample`, no index yet."""
    path = tmp_path / "s.wbproj"
    run("sample", str(path), capsys=capsys)
    return path


def test_search_prints_hits_with_marked_words(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workbench search` lists hits with the matching words in brackets, and builds the index."""
    code, out, err = run("search", str(sample_path), "source:Reuters", capsys=capsys)
    assert code == 0
    assert "1 of 1 match" in out and "claim 1, unverified" in out
    assert "Sources told [Reuters] that the Iranian leadership" in out
    assert "rebuilt" in err  # the first search built the missing index, and said so


def test_search_as_json(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--json` prints hits with ids, kind, snippet and highlight offsets, and the facets."""
    code, out, _ = run("search", str(sample_path), "Reuters", "--json", capsys=capsys)
    assert code == 0
    data = json.loads(out)
    assert data["total"] == 2
    kinds = {(hit["kind"], hit["id"]) for hit in data["hits"]}
    assert kinds == {("article", 1), ("claim", 1)}
    snippet = data["hits"][0]["snippet"]
    start, end = snippet["highlights"][0]
    assert snippet["text"][start:end] == "Reuters"
    assert {"sources", "actors", "tags", "statuses", "outlets", "years"} <= set(data["facets"])


def test_limit_and_facets(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--limit 1` shows one hit of all that match; `--facets` lists the facet counts."""
    code, out, _ = run(
        "search", str(sample_path), "Putin", "--limit", "1", "--facets", capsys=capsys
    )
    assert code == 0 and "1 of 7 match" in out
    assert "outlets   Deftechtimes (7)" in out


@pytest.mark.parametrize("query", ["title:(", '"unclosed', "colour:red", "*clear"])
def test_a_bad_query_is_one_line_on_stderr(
    sample_path: Path, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    """A malformed query exits 1 with one clear line, never a traceback."""
    code, out, err = run("search", str(sample_path), query, capsys=capsys)
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert lines[-1].startswith("workbench: error: ") and "Traceback" not in err


def test_a_bad_limit_is_refused(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--limit 0` is refused by the argument parser with a reason."""
    with pytest.raises(SystemExit):
        main(["search", str(sample_path), "Putin", "--limit", "0"])
    assert "at least 1" in capsys.readouterr().err


def test_search_works_while_the_project_is_open_elsewhere(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With the project open in a window, the command searches its index read-only."""
    run("reindex", str(sample_path), capsys=capsys)
    with Project.open(sample_path):
        code, out, _ = run("search", str(sample_path), "Bushehr", capsys=capsys)
    assert code == 0 and "2 of 2 match" in out


def test_reindex_rebuilds(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`workbench reindex` rebuilds the index and says how many documents it holds."""
    code, out, _ = run("reindex", str(sample_path), capsys=capsys)
    assert code == 0 and "rebuilt the search index: 7 documents" in out
    assert sample_path.with_name("s.wbproj.index").is_dir()


def test_reindex_refuses_a_project_open_elsewhere(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reindexing a project another window has open fails with one line saying so."""
    with Project.open(sample_path):
        code, _, err = run("reindex", str(sample_path), capsys=capsys)
    assert code == 1 and "close it there first" in err


def test_check_reports_an_index_in_step(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workbench check` reports the index agreeing with the project."""
    run("reindex", str(sample_path), capsys=capsys)
    code, out, _ = run("check", str(sample_path), capsys=capsys)
    assert code == 0
    assert "search    7 documents indexed for 7 in the project" in out and "integrity ok" in out


def test_check_reports_changes_made_behind_the_index(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A change written straight into the database (no outbox) is reported as disagreement."""
    run("reindex", str(sample_path), capsys=capsys)
    with sqlite3.connect(sample_path) as database:
        database.execute("UPDATE claims SET summary = 'changed behind the back' WHERE id = 2")
        database.execute("DELETE FROM notes")
    code, out, _ = run("check", str(sample_path), capsys=capsys)
    assert code == 1
    assert "out of date in the index: claim:1, claim:2" in out
