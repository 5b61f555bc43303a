"""The timeline read from a shared store (PostgreSQL): the same tests as on a project file
(dates read as the database's ISO text, events in time order, claims, reports track)."""

from tests.charts.test_timeline import *  # noqa: F403
from tests.charts.test_timeline_counts import *  # noqa: F403
