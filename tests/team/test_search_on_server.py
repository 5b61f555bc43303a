"""Search stays in step with every edit on a shared store too: the in-step search tests, run
against PostgreSQL (the index follows the change feed instead of draining an outbox)."""

from tests.search.test_in_step import *  # noqa: F403
