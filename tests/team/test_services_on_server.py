"""The services' promises hold on a shared store: the service tests, run against PostgreSQL."""

from tests.foundation.test_services import *  # noqa: F403
