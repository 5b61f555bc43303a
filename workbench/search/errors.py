"""What can go wrong in search, each with a one-line message an analyst can act on."""

from workbench.store.errors import ProjectError


class QueryError(ProjectError):
    """The query cannot be understood; the message says where and how to fix it."""


class SearchUnavailable(ProjectError):
    """The index cannot be used or rebuilt just now (for example, a read-only project)."""
