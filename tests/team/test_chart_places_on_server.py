"""Link-chart places on a shared store as on a project file: a pinned node is kept with its
version and its author, comes back when the project is opened again, and a move based on a
place a colleague has since changed is refused naming them, never silently overwritten."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from workbench.domain import ChartPlace
from workbench.services import Project
from workbench.services.link_chart_places import Place, move_nodes, pin_nodes, places_on
from workbench.services.team import authors_of, loaded_versions
from workbench.store.provenance import ChangedSince

NODE = "actor:7"


def _place_id(project: Project) -> int:
    with project.reading() as session:
        found = session.scalar(select(ChartPlace.id).where(ChartPlace.node_key == NODE))
    assert found is not None
    return found


def test_a_pin_is_kept_with_its_author_and_comes_back(team_project: Project, location: str) -> None:
    """Pinned on either backend, the node's place has version 1 made by this analyst, and the
    project opened again says it is pinned there; undo takes the pin away."""
    pin_nodes(team_project, {NODE: (12.5, -40.0)})
    authors = authors_of(team_project, "chart_places", [_place_id(team_project)])
    assert [(a.version, a.created_by) for a in authors.values()] == [(1, team_project.user)]
    with Project.open(location, read_only=True) as again, again.reading() as session:
        assert places_on(session, [NODE]) == {NODE: Place(12.5, -40.0, True)}
    team_project.undo()
    with team_project.reading() as session:
        assert places_on(session, [NODE]) == {}


def test_a_move_based_on_a_place_bob_changed_since_is_refused(
    analysts: tuple[Project, Project],
) -> None:
    """Alice loads the pinned node's place, Bob moves it, Alice's move on her old version is
    refused naming Bob; Bob's place stays, still pinned."""
    alice, bob = analysts
    pin_nodes(alice, {NODE: (0.0, 0.0)})
    loaded = loaded_versions(alice, "chart_places", [_place_id(alice)])
    move_nodes(bob, {NODE: (300.0, 100.0)})
    with pytest.raises(ChangedSince, match="changed by bob"), alice.based_on(loaded):
        move_nodes(alice, {NODE: (-50.0, -50.0)})
    with alice.reading() as session:
        assert places_on(session, [NODE]) == {NODE: Place(300.0, 100.0, True)}
