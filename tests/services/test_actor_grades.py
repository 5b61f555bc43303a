"""An actor at the origin of a claim is graded like a source: stored, undoable, checked, and
counted in the combined grade everywhere it is shown (claims list, reader, reports, JSON-LD)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from workbench.services import Project
from workbench.services.catalog import records
from workbench.services.chains import add_new_actor_hop
from workbench.services.claim_list import claim_ids, claim_rows
from workbench.services.entities import grade_actor
from workbench.services.errors import InvalidInput
from workbench.services.exchange import import_web_annotations
from workbench.services.queries import claim_view
from workbench.services.reading import article_for_reading
from workbench.services.reporting import build_report, export_report
from workbench.store.migrations import alembic_config


def _putin(project: Project) -> int:
    return next(row.id for row in records(project, "actor") if row.name == "Vladimir Putin")


def _putins_claim(project: Project) -> int:
    """The sample's claim whose chain starts at the actor Vladimir Putin (credibility 3)."""
    for claim_id in claim_ids(project):
        view = claim_view(project, claim_id)
        if view.attribution and view.attribution[0].name == "Vladimir Putin":
            return claim_id
    raise AssertionError("the sample has no claim said by Vladimir Putin")


def test_grading_an_actor_is_stored_and_undone_in_one_step(sample_project: Project) -> None:
    """Grading Putin C stores C (the hop shows it); one undo gives back F."""
    putin = _putin(sample_project)
    claim = _putins_claim(sample_project)
    grade_actor(sample_project, putin, "c")
    assert {r.name: r.reliability for r in records(sample_project, "actor")}[
        "Vladimir Putin"
    ] == "C"
    assert claim_view(sample_project, claim).attribution[0].reliability == "C"
    assert sample_project.undo_stack.undo_label == "Grade actor C"
    sample_project.undo()
    assert claim_view(sample_project, claim).attribution[0].reliability == "F"


def test_a_grade_outside_a_to_f_is_refused_and_nothing_changes(sample_project: Project) -> None:
    """ "G" is refused with a message naming the A–F scale; the actor keeps its grade."""
    putin = _putin(sample_project)
    with pytest.raises(InvalidInput, match="A–F"):
        grade_actor(sample_project, putin, "G")
    assert {r.name: r.reliability for r in records(sample_project, "actor")}[
        "Vladimir Putin"
    ] == "F"


def test_the_combined_grade_counts_an_actor_at_the_origin(sample_project: Project) -> None:
    """After grading Putin B, his claim reads "B3" in the claims list, the reader's marks and the
    report (it was "F3": an actor counted as ungraded)."""
    claim = _putins_claim(sample_project)
    article = claim_view(sample_project, claim).article_id
    grade_actor(sample_project, _putin(sample_project), "B")
    assert claim_rows(sample_project, [claim])[0].grade == "B3"
    marks = {mark.id: mark for mark in article_for_reading(sample_project, article).claims}
    assert marks[claim].grade == "B3"
    report = build_report(sample_project)
    graded = [c.grade for c in report.claims if c.exact.startswith("he did")]
    assert graded == ["B3"]


def test_sorting_by_grade_puts_a_graded_actor_among_the_sources(sample_project: Project) -> None:
    """Sorted by grade, Putin's claim graded A comes first."""
    grade_actor(sample_project, _putin(sample_project), "A")
    first = claim_ids(sample_project, sort="grade", descending=False)[0]
    assert first == _putins_claim(sample_project)


def test_a_new_actor_hop_is_created_with_its_grade(sample_project: Project) -> None:
    """The chain's “create actor” takes the grade chosen, in one undo step with the hop."""
    claim = _putins_claim(sample_project)
    add_new_actor_hop(sample_project, claim, "Dmitry Peskov", actor_kind="person", reliability="D")
    hops = claim_view(sample_project, claim).attribution
    assert (hops[-1].name, hops[-1].reliability) == ("Dmitry Peskov", "D")
    sample_project.undo()
    assert "Dmitry Peskov" not in {r.name for r in records(sample_project, "actor")}


def test_an_actors_grade_survives_the_json_ld_round_trip(
    sample_project: Project, tmp_path: Path
) -> None:
    """Exported with Putin graded C, imported into a fresh project: Putin is C there too."""
    grade_actor(sample_project, _putin(sample_project), "C")
    export_report(sample_project, "jsonld", tmp_path / "out.jsonld")
    exported = json.loads((tmp_path / "out.jsonld").read_text(encoding="utf-8"))
    actor = next(a for a in exported["wb:actors"] if a["wb:name"] == "Vladimir Putin")
    assert actor["wb:reliability"] == "C"
    with Project.create(tmp_path / "fresh.wbproj") as fresh:
        import_web_annotations(fresh, tmp_path / "out.jsonld")
        assert {r.name: r.reliability for r in records(fresh, "actor")}["Vladimir Putin"] == "C"


def test_revision_0008_grades_the_actors_of_an_older_project_f(tmp_path: Path) -> None:
    """A 0007 project's actors read F after the upgrade, the database refuses "G", and the
    revision goes back down cleanly."""
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0007")
        connection.execute(
            text(
                "INSERT INTO actors (name, name_key, kind, description)"
                " VALUES ('Kremlin', 'kremlin', 'organisation', '')"
            )
        )
        command.upgrade(alembic_config(connection), "0008")
        assert connection.execute(text("SELECT reliability FROM actors")).scalar_one() == "F"
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text("UPDATE actors SET reliability = 'G'"))
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0007")
        columns = {c["name"] for c in inspect(connection).get_columns("actors")}
    assert "reliability" not in columns
    engine.dispose()
