"""Search stays in step with every edit on a shared store too: in-step search tests, run
against PostgreSQL (the index follows the change feed instead of draining an outbox)."""

from tests.search.test_in_step import (  # noqa: F401
    test_a_new_claim_is_found_at_once,
    test_delete_and_undo,
    test_deleting_an_article_removes_its_claims,
    test_the_background_indexer_keeps_up,
)
