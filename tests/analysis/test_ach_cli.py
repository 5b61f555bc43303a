"""`workbench ach PROJECT`: the matrix with its scores as JSON, CSV and text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.services import Project
from workbench.services.hypotheses import add_hypothesis, rate
from workbench.services.sample import build_sample

HELP = "Russia will give Iran military help"
WORDS = "Russia will limit itself to words"


@pytest.fixture(scope="module")
def rated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project with the two hypotheses, three claims rated against them."""
    path = tmp_path_factory.mktemp("ach") / "sample.wbproj"
    with Project.create(path) as project:
        build_sample(project)
        help_id, words_id = add_hypothesis(project, HELP), add_hypothesis(project, WORDS)
        for claim_id, for_help, for_words in [(1, "I", "CC"), (3, "II", "C"), (5, "C", "=cmd")]:
            rate(project, help_id, claim_id, for_help)
            if for_words != "=cmd":
                rate(project, words_id, claim_id, for_words, note="=HYPERLINK(1)")
    return path


def _run(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    assert main(["ach", *words]) == 0
    return capsys.readouterr().out


def test_json_lists_each_hypothesis_with_scores_and_the_ranking(
    rated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json: hypotheses with inconsistency scores, evidence with ratings, words ranked first."""
    found = json.loads(_run(capsys, str(rated), "--json"))
    by_title = {h["title"]: h for h in found["hypotheses"]}
    assert by_title[HELP]["inconsistency"] == 3 and by_title[HELP]["rank"] == 2
    assert by_title[WORDS]["weighted_inconsistency"] == 0 and by_title[WORDS]["rank"] == 1
    assert [r["title"] for r in found["ranking"]] == [WORDS, HELP]
    assert found["ranking"][1]["explanation"].startswith("2.6 more weighted inconsistency")
    first = found["evidence"][0]
    assert first["claim_id"] == 1 and first["grade"] == "F3"
    assert first["ratings"] == {
        "H1": {"rating": "I", "note": ""},
        "H2": {"rating": "CC", "note": "=HYPERLINK(1)"},
    }
    assert found["evidence"][2]["ratings"]["H2"] is None


def test_csv_has_a_row_per_claim_then_the_scores(
    rated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--csv (and --format csv): the matrix a spreadsheet opens, scores and rank underneath."""
    rows = list(csv.reader(io.StringIO(_run(capsys, str(rated), "--format", "csv"))))
    assert rows[0][4:] == [f"H1: {HELP}", f"H2: {WORDS}"]
    assert rows[1][0] == "Iran's leadership is unhappy with Russia's support so far"
    assert rows[1][4:] == ["I", "CC"] and rows[3][4:] == ["C", ""]
    assert rows[-1] == ["Rank", "", "", "", "2", "1"]
    assert _run(capsys, str(rated), "--csv") == _run(capsys, str(rated), "--format", "csv")


def test_text_shows_the_ranking_with_its_reasons(
    rated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without an option: the matrix and the ranking, one reason per line."""
    out = _run(capsys, str(rated))
    assert f"1. {WORDS} — least inconsistent" in out
    assert f"2. {HELP} — 2.6 more weighted inconsistency" in out


def test_a_project_without_hypotheses_prints_an_empty_matrix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No hypotheses: empty lists in JSON, a plain sentence in text."""
    Project.create(tmp_path / "empty.wbproj").close()
    assert json.loads(_run(capsys, str(tmp_path / "empty.wbproj"), "--json"))["ranking"] == []
    assert _run(capsys, str(tmp_path / "empty.wbproj")) == "no hypotheses yet\n"
