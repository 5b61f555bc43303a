"""Pruning a shared case's change feed: the entries every workstation has long applied.

The feed (the shared store's search outbox) is never drained, so it grows with every change.
A lead prunes what is older than some days; a workstation whose index had not yet applied a
pruned entry rebuilds its index the next time it opens the case or catches up (see
`search/feed.py`), so nothing goes stale. The database itself refuses an analyst or reader
(the case's grants leave deleting from the feed to leads and the owner).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.exc import DBAPIError

from workbench.domain.base import utc_now
from workbench.search import feed
from workbench.search.feed import Pruned
from workbench.services.errors import InvalidInput
from workbench.services.project import Project
from workbench.store import ProjectError

__all__ = ["Pruned", "prune_feed"]


def prune_feed(project: Project, older_than_days: int) -> Pruned:
    """Delete the change-feed entries queued more than `older_than_days` days ago."""
    if not project.store.shared:
        raise ProjectError(
            f"{project.name} is a project file: its search outbox is drained as it is indexed,"
            " and has no change feed to prune"
        )
    if older_than_days < 1:
        raise InvalidInput(f"keep at least a day of the change feed, not {older_than_days}")
    before = utc_now() - timedelta(days=older_than_days)
    try:
        return feed.prune(project.store, before, by=project.store.analyst())
    except DBAPIError as error:
        if "permission denied" not in str(error.orig):
            raise
        raise ProjectError(
            f"only a lead or the case's owner may prune its change feed;"
            f" {project.store.analyst()} may not"
        ) from None
