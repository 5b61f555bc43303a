"""The stored sort keys on a shared store: the same tests, run against PostgreSQL, where the
keys are kept by PL/pgSQL triggers made by revision 0022."""

from tests.services.test_sort_keys import (  # noqa: F401
    test_a_claim_with_no_chain_and_no_actor_sorts_last_both_ways,
    test_an_undo_step_never_holds_the_keys,
    test_deleting_an_article_takes_its_keys_and_undo_brings_them_back,
    test_every_edit_undo_and_redo_keeps_the_stored_orders,
    test_the_revision_fills_the_keys_of_a_project_made_before_it,
    test_the_sample_lists_in_the_computed_orders,
)
