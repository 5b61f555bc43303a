"""The ACH matrix in the JSON-LD exchange file: written, re-imported losslessly, checked."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.analysis.copies import sample_copy
from workbench.services import Project
from workbench.services.errors import InvalidInput
from workbench.services.exchange import import_web_annotations
from workbench.services.hypotheses import add_hypothesis, rate
from workbench.services.hypotheses_matrix import hypothesis_matrix
from workbench.services.reporting import export_report

HELP = "Russia will give Iran military help"
WORDS = "Russia will limit itself to words"


@pytest.fixture
def sample_project(tmp_path: Path) -> Iterator[Project]:
    """The annotated sample article, copied from one built once for the run (copies.py)."""
    with sample_copy(tmp_path) as project:
        yield project


def _rate_sample(project: Project) -> None:
    help_id = add_hypothesis(project, HELP, "arms, advisers or air defence")
    words_id = add_hypothesis(project, WORDS)
    rate(project, help_id, 1, "I", note="the leadership is unhappy")
    rate(project, words_id, 1, "CC")
    rate(project, help_id, 3, "II")


def _export(project: Project, path: Path) -> dict[str, Any]:
    export_report(project, "jsonld", path)
    return json.loads(path.read_text(encoding="utf-8"))


def _seen(project: Project) -> tuple:
    matrix = hypothesis_matrix(project)
    return (
        [(h.title, h.description) for h in matrix.hypotheses],
        [row.exact for row in matrix.evidence],
        sorted(
            (key[0] - matrix.hypotheses[0].id, cell.rating.value, cell.note)
            for key, cell in matrix.cells.items()
        ),
        [s.title for s in matrix.scores.ranking],
    )


def test_a_fresh_project_gets_the_same_matrix_back(sample_project: Project, tmp_path: Path) -> None:
    """Export, import into an empty project, export again: the same hypotheses and ratings."""
    _rate_sample(sample_project)
    first = _export(sample_project, tmp_path / "first.jsonld")
    assert [h["title"] for h in first["wb:hypotheses"]["hypotheses"]] == [HELP, WORDS]
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        summary = import_web_annotations(fresh, tmp_path / "first.jsonld")
        assert (summary.hypotheses_added, summary.ratings_added) == (2, 3)
        assert "2 hypotheses, 3 ratings" in str(summary)
        assert _seen(fresh) == _seen(sample_project)
        second = _export(fresh, tmp_path / "second.jsonld")
    assert second["wb:hypotheses"] == first["wb:hypotheses"]


def test_importing_twice_adds_nothing_and_keeps_the_analysts_ratings(
    sample_project: Project, tmp_path: Path
) -> None:
    """A second import matches every hypothesis; a cell re-rated since keeps its new rating."""
    _rate_sample(sample_project)
    _export(sample_project, tmp_path / "again.jsonld")
    help_id = hypothesis_matrix(sample_project).hypotheses[0].id
    rate(sample_project, help_id, 3, "C")
    before = _seen(sample_project)
    summary = import_web_annotations(sample_project, tmp_path / "again.jsonld")
    assert _seen(sample_project) == before
    assert (summary.hypotheses_added, summary.ratings_added) == (0, 0)
    assert any("rating II of claim 3: C kept" in line for line in summary.skipped)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: m["hypotheses"][0].update(title=" "), "needs its own id and a title"),
        (lambda m: m["evidence"][0]["ratings"].update(H1={"rating": "maybe"}), "not 'maybe'"),
        (lambda m: m["evidence"][0]["ratings"].update(H9={"rating": "C"}), "for no hypothesis"),
        (lambda m: m.update(evidence={}), "must be a list"),
    ],
)
def test_a_bad_matrix_is_refused_whole(
    sample_project: Project, tmp_path: Path, change: Any, message: str
) -> None:
    """A malformed wb:hypotheses refuses the file in one line and imports nothing."""
    _rate_sample(sample_project)
    data = _export(sample_project, tmp_path / "bad.jsonld")
    change(data["wb:hypotheses"])
    (tmp_path / "bad.jsonld").write_text(json.dumps(data), encoding="utf-8")
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        with pytest.raises(InvalidInput, match=message):
            import_web_annotations(fresh, tmp_path / "bad.jsonld")
        assert hypothesis_matrix(fresh).empty
