"""Edits of many records at once, each one undoable step (set statuses, delete articles).

They use Core `update()`/`delete()` statements, not the ORM: one statement for the lot. The
rows they change, and whatever the database cascades from them, are captured all the same.
"""

from __future__ import annotations

from sqlalchemy import delete, select, update

from workbench.domain import Article, Claim
from workbench.domain.grades import ClaimStatus
from workbench.services.annotations import remove_annotations_of
from workbench.services.errors import InvalidInput
from workbench.services.project import Project
from workbench.services.vocabulary import chosen


def set_claims_status(project: Project, claim_ids: list[int], status: str) -> int:
    """Give every listed claim the same status; returns how many changed."""
    status = chosen(ClaimStatus, status, "claim status")
    if not claim_ids:
        raise InvalidInput("choose the claims to mark")
    with project.command(f"Mark {len(claim_ids)} claims {status}") as uow:
        result = uow.session.execute(
            update(Claim)
            .where(Claim.id.in_(claim_ids), Claim.status != status)
            .values(status=status)
            .execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0) or 0)


def delete_articles(project: Project, article_ids: list[int]) -> int:
    """Delete several articles with their claims, links, notes and tags (one undoable step);
    a copy of the project is kept first in `<project>.backups/`."""
    if not article_ids:
        raise InvalidInput("choose the articles to delete")
    project.store.automatic_backup("before-bulk-delete")
    with project.command(f"Delete {len(article_ids)} articles") as uow:
        found = list(uow.session.scalars(select(Article.id).where(Article.id.in_(article_ids))))
        missing = sorted(set(article_ids) - set(found))
        if missing:
            raise InvalidInput(f"article {missing[0]} does not exist (was it deleted?)")
        claims = uow.session.scalars(select(Claim.id).where(Claim.article_id.in_(found)))
        for claim_id in list(claims):
            remove_annotations_of(uow, "claim", claim_id)
        for article_id in found:
            remove_annotations_of(uow, "article", article_id)
        uow.session.flush()
        uow.session.execute(
            delete(Article)
            .where(Article.id.in_(found))
            .execution_options(synchronize_session=False)
        )
        return len(found)
