"""The summary tables' claim counts per source and actor, counted by the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workbench.services import Project
from workbench.services.reporting import build_report
from workbench.services.sample import build_sample


def _sample_with_actors_folding_alike(path: Path) -> None:
    """The sample, plus two actors whose names fold alike (as an old project may hold: the
    services refuse such a pair), each linked to a different claim."""
    with Project.create(path) as project:
        build_sample(project)
    database = sqlite3.connect(path)
    with database:
        first, second = (row[0] for row in database.execute("SELECT id FROM claims LIMIT 2"))
        database.execute(
            "INSERT INTO actors (id, name, kind, description, name_key)"
            " VALUES (901, 'Straße', 'organisation', '', 'a'),"
            " (902, 'STRASSE', 'organisation', '', 'b')"
        )
        database.execute(
            "INSERT INTO claim_actors (claim_id, actor_id, role) VALUES (?, 901, 'subject'),"
            " (?, 902, 'subject')",
            (first, second),
        )
    database.close()


def test_counts_agree_with_the_claims_they_count(sample_project: Project) -> None:
    """Each source's and actor's count is the number of claims naming it (in the chain or,
    for actors, by a link), as counting the claims one by one gives."""
    report = build_report(sample_project)
    assert report.counts is not None
    expected_sources: dict[str, int] = {}
    expected_actors: dict[str, int] = {}
    for claim in report.claims:
        for name in {hop.name.casefold() for hop in claim.attribution if hop.kind == "source"}:
            expected_sources[name] = expected_sources.get(name, 0) + 1
        named = {link.name.casefold() for link in claim.actors}
        named |= {hop.name.casefold() for hop in claim.attribution if hop.kind == "actor"}
        for name in named:
            expected_actors[name] = expected_actors.get(name, 0) + 1
    assert {k: v for k, v in report.counts.sources.items() if v} == expected_sources
    assert {k: v for k, v in report.counts.actors.items() if v} == expected_actors
    assert expected_sources["reuters"] == 1


def test_two_names_folding_alike_count_every_claim(tmp_path: Path) -> None:
    """Two actors whose names fold alike ('Straße', 'STRASSE') share one count: both claims."""
    path = tmp_path / "folded.wbproj"
    _sample_with_actors_folding_alike(path)
    with Project.open(path, read_only=True) as project:
        report = build_report(project)
    assert report.counts is not None
    assert report.counts.actors["strasse"] == 2
