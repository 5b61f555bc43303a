"""Edits on many claims at once, from the "All claims" list: set status or credibility, add or
remove a tag, delete.

Each is ONE command named for what it did ("Set status of 12 claims to disputed"), so one undo
restores every claim. Inside it the single-claim use case runs for each claim (commands nest),
so checks, journal and search index work exactly as for one claim; the claims are loaded first
by a few set-based queries, so the per-claim steps find them in the session without asking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from sqlalchemy import func, select

from workbench.domain import Claim, Tag, Tagging
from workbench.domain.text import plural
from workbench.services import claims
from workbench.services.annotations import add_tag as tag_claim
from workbench.services.annotations import clean_tag_name
from workbench.services.annotations import remove_tag as untag_claim
from workbench.services.errors import InvalidInput
from workbench.services.project import Project
from workbench.store import RecordNotFound, UnitOfWork

CHUNK = 500


def counted(count: int) -> str:
    """ "1 claim", "12 claims" """
    return plural(count, "claim")


def _checked_ids(ids: Iterable[int]) -> list[int]:
    chosen = list(dict.fromkeys(ids))
    if not chosen:
        raise InvalidInput("choose the claims to change first")
    return chosen


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _load(uow: UnitOfWork, ids: list[int]) -> None:
    """Put every chosen claim in the session; refuse the lot if one no longer exists."""
    found: set[int] = set()
    for chunk in _chunks(ids):
        loaded = uow.session.scalars(select(Claim).where(Claim.id.in_(chunk)))
        found.update(claim.id for claim in loaded)
    missing = [claim_id for claim_id in ids if claim_id not in found]
    if missing:
        raise RecordNotFound(
            f"claim {missing[0]} does not exist (was it deleted?); nothing changed"
        )


def _each(project: Project, label: str, ids: list[int], edit: Callable[[int], None]) -> int:
    with project.command(label) as uow:
        _load(uow, ids)
        for claim_id in ids:
            edit(claim_id)
    return len(ids)


def set_status(project: Project, ids: Iterable[int], status: str) -> int:
    """Give every chosen claim the status; returns how many claims were changed."""
    chosen = _checked_ids(ids)
    label = f"Set status of {counted(len(chosen))} to {status}"
    return _each(project, label, chosen, lambda i: claims.edit_claim(project, i, status=status))


def set_credibility(project: Project, ids: Iterable[int], credibility: int) -> int:
    """Grade every chosen claim's credibility (1–6)."""
    chosen = _checked_ids(ids)
    label = f"Set credibility of {counted(len(chosen))} to {credibility}"
    return _each(
        project, label, chosen, lambda i: claims.edit_claim(project, i, credibility=credibility)
    )


def add_tag(project: Project, ids: Iterable[int], name: str) -> int:
    """Tag every chosen claim (claims already tagged so stay as they are)."""
    chosen, name = _checked_ids(ids), clean_tag_name(name)
    label = f"Tag {counted(len(chosen))} “{name}”"
    return _each(project, label, chosen, lambda i: tag_claim(project, "claim", i, name))


def remove_tag(project: Project, ids: Iterable[int], name: str) -> int:
    """Take the tag off every chosen claim that has it; returns how many had it."""
    chosen, name = _checked_ids(ids), clean_tag_name(name)
    tagged = _tagged_among(project, chosen, name)
    if not tagged:
        raise InvalidInput(f"none of the {counted(len(chosen))} is tagged “{name}”")
    label = f"Remove tag “{name}” from {counted(len(tagged))}"
    return _each(project, label, tagged, lambda i: untag_claim(project, "claim", i, name))


def _tagged_among(project: Project, ids: list[int], name: str) -> list[int]:
    tag = select(Tag.id).where(func.lower(Tag.name) == name.lower())
    tagged: set[int] = set()
    with project.reading() as session:
        for chunk in _chunks(ids):
            query = select(Tagging.target_id).where(
                Tagging.target_kind == "claim",
                Tagging.tag_id.in_(tag),
                Tagging.target_id.in_(chunk),
            )
            tagged.update(session.scalars(query))
    return [claim_id for claim_id in ids if claim_id in tagged]


def delete_claims(project: Project, ids: Iterable[int]) -> int:
    """Delete every chosen claim with its chain, links, relations, notes and tags."""
    chosen = _checked_ids(ids)
    label = f"Delete {counted(len(chosen))}"
    return _each(project, label, chosen, lambda i: claims.delete_claim(project, i))
