"""`workbench claims PROJECT --json`: the done-means case read from the command line."""

from __future__ import annotations

import json

import pytest

from tests.analysis.corroboration_case import Case, case, kremlin_statement
from workbench.cli import main
from workbench.services.claims import edit_claim

__all__ = ["case"]  # the fixture


def _claims(case: Case, capsys: pytest.CaptureFixture[str]) -> dict[int, dict]:
    location = str(case.project.store.path)
    capsys.readouterr()
    assert main(["claims", location, "--json"]) == 0
    return {record["id"]: record for record in json.loads(capsys.readouterr().out)}


def test_the_json_flags_circular_reporting_until_an_independent_origin_is_added(
    case: Case, capsys: pytest.CaptureFixture[str]
) -> None:
    """circular: true and 1 origin for the Reuters story; the Kremlin's statement makes 2."""
    edit_claim(case.project, case.seed, status="corroborated")
    seed = _claims(case, capsys)[case.seed]
    assert (seed["circular"], seed["independent_origins"]) == (True, 1)
    assert seed["cluster"] == _claims(case, capsys)[case.copy]["cluster"]
    origin = seed["origins"][0]
    assert origin["origin"] == "unnamed sources via Reuters"
    assert origin["lines"][0]["hops"] == ["unnamed sources", "Reuters"]
    assert {case.seed_article, case.copy_article} <= set(origin["articles"])
    assert len(origin["articles"]) == 3
    assert seed["suggested_credibility"] == 3
    assert seed["suggestion_reason"] == "only one origin (F, anonymous) → 3 possibly true"
    kremlin_statement(case)
    seed = _claims(case, capsys)[case.seed]
    assert (seed["circular"], seed["independent_origins"]) == (False, 2)
    assert seed["suggested_credibility"] == 1


def test_every_claim_is_listed(case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    """Every claim of the project is in the list, each with the fields the issue names."""
    records = _claims(case, capsys)
    assert {case.seed, case.copy, case.third} <= set(records)
    fields = {"cluster", "origins", "independent_origins", "circular", "suggested_credibility"}
    assert all(fields <= set(record) for record in records.values())
