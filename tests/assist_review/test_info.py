"""`workbench info` says how useful suggestions were: accepted of decided, per kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assist_review.conftest import add_seed
from workbench.cli import main
from workbench.services import Project
from workbench.services.suggestion_accept import accept_attribution, accept_mention, reject


def _info(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["info", str(path)]) == 0
    return capsys.readouterr().out.splitlines()


def test_info_shows_the_acceptance_rate_per_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One claim accepted, one mention accepted and one rejected: info prints 100% and 50%."""
    path = tmp_path / "rates.wbproj"
    with Project.create(path) as project:
        seed = add_seed(project)
        accept_attribution(project, seed.article_id, seed.reuters_claim())
        first, second = seed.putin_mentions()
        accept_mention(project, seed.article_id, first)
        reject(project, seed.article_id, second.key, "mention")
    lines = _info(path, capsys)
    assert lines[-1] == "accepted  attribution 1 of 1 (100%), mention 1 of 2 (50%)"


def test_info_says_nothing_of_suggestions_before_any_decision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A project where no suggestion was decided has no "accepted" line."""
    path = tmp_path / "none.wbproj"
    with Project.create(path) as project:
        add_seed(project)
    assert not any(line.startswith("accepted") for line in _info(path, capsys))
