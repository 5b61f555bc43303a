"""The first edit after opening, prepared beforehand: a claim marked and rolled back.

The first claim marked in a session paid, on top of the edit, the preparation of every
statement it runs (the claim's insert, the journal entry, the search outbox, row versions:
about 20 ms of CPU at 10,000 articles, where a later edit takes 6). Opening the search index,
which the window does in the background, rehearses one: the same unit of work, written and
then rolled back, so nothing is kept, journalled, undoable or announced. Only on a project
file: on a shared store the rolled-back insert would still take a claim number from the
server's sequence, and a colleague's role may not allow marking claims at all.
"""

from __future__ import annotations

from sqlalchemy import func, select

from workbench.domain import Article
from workbench.domain.anchoring import Span
from workbench.domain.grades import ClaimKind, ClaimStatus
from workbench.services.claims import add_claim, checked_claim_fields
from workbench.services.errors import InvalidInput
from workbench.services.project import Project

REHEARSED = "Mark claim"
# every field `create_claim` sets, so that the rehearsed insert is the same statement
FIELDS = {"summary": "", "kind": ClaimKind.STATEMENT, "status": ClaimStatus.UNVERIFIED}


def rehearse_marking(project: Project) -> bool:
    """Mark a claim on the first article and roll it back; False where nothing was rehearsed
    (a shared store, a project open read-only, no article, or a first article starting with
    white space)."""
    store = project.store
    if store.read_only or store.path is None:
        return False
    with store.unit_of_work(project.user) as uow:
        first = uow.session.scalar(select(func.min(Article.id)))
        if first is None:
            return False
        try:
            add_claim(uow, first, Span(0, 1), checked_claim_fields({**FIELDS, "credibility": 6}))
        except InvalidInput:  # the first character is white space: nothing to rehearse on
            return False
        uow.rehearse(REHEARSED)
    return True
