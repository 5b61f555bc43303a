"""A list's filter as its statements, compiled once, take it: the filter's shape (what the
SQL itself depends on, part of the key the statements are kept under) and its values (the
statements' named parameters, given at each run).

So the library filtered to another year, or All claims to another source, reuses the SQL
compiled for the first (`store.prepared`). The words of a text filter are part of the shape:
each word is a test of its own, and one too short for the text index is left out of the
index's narrowing (`store.text_index.may_hold`).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import BindParameter, bindparam

from workbench.domain.grades import ClaimStatus
from workbench.domain.name_keys import name_key
from workbench.services.errors import InvalidInput
from workbench.store.claim_articles import SOURCE

if TYPE_CHECKING:
    from workbench.services.claim_list import ClaimFilter
    from workbench.services.library import ArticleFilter

UNMARKED = "no claims yet"  # the library's status filter for articles with no claim
_DAY = timedelta(days=1)


def bound(values: dict[str, Any], name: str, column: Any) -> BindParameter[Any]:
    """The named parameter `name`, of the column's type, holding its value in `values`."""
    return bindparam(name, values[name], type_=column.type)


def article_shape(wanted: ArticleFilter) -> tuple[Any, ...]:
    """The library filter's shape: its words, which fields filter, and whether the status is
    "no claims yet" (a test of its own)."""
    return (
        tuple(wanted.text.split()),
        *(bool(value) for value in (wanted.outlet, wanted.tag, wanted.status)),
        *(value is not None for value in (wanted.source_id, wanted.actor_id)),
        *(day is not None for day in (wanted.published_from, wanted.published_to)),
        wanted.status == UNMARKED,
    )


def article_values(wanted: ArticleFilter) -> dict[str, Any]:
    """The library filter's values by parameter name (`services.library._filtered`)."""
    values: dict[str, Any] = {}
    if wanted.outlet:
        values["outlet"] = wanted.outlet
    if wanted.source_id is not None:
        values[SOURCE] = wanted.source_id
    if wanted.actor_id is not None:
        values["actor"] = wanted.actor_id
    if wanted.tag:
        values["tag_key"] = name_key(wanted.tag)
    if wanted.status and wanted.status != UNMARKED:
        values["status"] = wanted.status
    if wanted.published_from is not None:
        values["published_from"] = datetime.combine(wanted.published_from, time())
    if wanted.published_to is not None:
        values["published_before"] = datetime.combine(wanted.published_to + _DAY, time())
    return values


def checked_claim_status(status: str) -> None:
    """A clear error for a status no claim can have (an empty one does not filter)."""
    choices = tuple(choice.value for choice in ClaimStatus)
    if status and status not in choices:
        raise InvalidInput(f"status is one of {', '.join(choices)}; not {status!r}")


def claim_shape(wanted: ClaimFilter) -> tuple[Any, ...]:
    """The All-claims filter's shape: its words, and which fields filter."""
    return (
        tuple(wanted.text.split()),
        bool(wanted.status),
        bool(wanted.tag.strip()),
        *(value is not None for value in (wanted.credibility, wanted.source_id, wanted.actor_id)),
    )


def claim_values(wanted: ClaimFilter) -> dict[str, Any]:
    """The All-claims filter's values by parameter name (`services.claim_list._filtered`)."""
    values: dict[str, Any] = {}
    if wanted.status:
        values["status"] = wanted.status
    if wanted.credibility is not None:
        values["credibility"] = wanted.credibility
    if wanted.source_id is not None:
        values["source"] = wanted.source_id
    if wanted.actor_id is not None:
        values["actor"] = wanted.actor_id
    if wanted.tag.strip():
        values["tag"] = " ".join(wanted.tag.split()).lower()
    return values
