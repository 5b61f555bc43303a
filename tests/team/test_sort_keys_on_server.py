"""The stored sort keys on a shared store: the same tests, run against PostgreSQL, where the
keys are kept by PL/pgSQL triggers made by revision 0022; and a project published to a shared
store and copied back lists by its stored keys as computed on each side."""

from pathlib import Path

from tests.services.test_sort_keys import (  # noqa: F401
    assert_stored_orders_are_computed_ones,
    test_a_claim_with_no_chain_and_no_actor_sorts_last_both_ways,
    test_an_undo_step_never_holds_the_keys,
    test_deleting_an_article_takes_its_keys_and_undo_brings_them_back,
    test_every_edit_undo_and_redo_keeps_the_stored_orders,
    test_the_revision_fills_the_keys_of_a_project_made_before_it,
    test_the_sample_lists_in_the_computed_orders,
)
from tests.team.conftest import Databases
from workbench.services import Project
from workbench.services.claim_list import ClaimFilter, claim_ids
from workbench.services.entities import grade_source
from workbench.services.sample import build_sample
from workbench.services.team_sharing import publish, take_copy


def test_published_and_copied_back_the_keys_are_filled_afresh(
    databases: Databases, tmp_path: Path
) -> None:
    """The key tables are not copied but refilled: the sample published to an empty shared
    store, and taken home again, lists by grade, actors and claims as computed there."""
    local = tmp_path / "mine.wbproj"
    with Project.create(local) as project:
        build_sample(project)
        expected = claim_ids(project, ClaimFilter(), "grade", True)
    url = databases.empty()
    publish(local, url)
    with Project.open(url) as shared:
        assert claim_ids(shared, ClaimFilter(), "grade", True) == expected
        assert_stored_orders_are_computed_ones(shared)
        grade_source(shared, 2, "E")  # the shared store's triggers keep them after the copy
        assert_stored_orders_are_computed_ones(shared)
    home = tmp_path / "home.wbproj"
    take_copy(url, home)
    with Project.open(home) as copy:
        assert_stored_orders_are_computed_ones(copy)
