"""Undo sees every row change on a shared store too: the undo tests, run against PostgreSQL."""

from tests.foundation.test_undo_sees_everything import (  # noqa: F401
    test_core_statements_and_their_cascades_are_undone,
    test_every_kind_of_row_undoes_and_redoes_step_by_step,
    test_revert_explains_which_later_step_depends_on_it,
    test_revert_undoes_one_past_step_and_keeps_later_ones,
    test_undo_refuses_to_overwrite_a_later_change_and_names_it,
    test_undo_refuses_when_a_later_record_depends_on_the_step,
    test_undoing_an_article_delete_brings_back_relations_to_claims_elsewhere,
)
