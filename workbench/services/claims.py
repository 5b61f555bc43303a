"""Use cases on claims: mark one from a span, edit, grade, delete, set its attribution chain."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from workbench.domain import Article, AttributionHop, Claim, ClaimRelation
from workbench.domain.anchoring import Span, quote_selector
from workbench.domain.grades import ClaimKind, ClaimStatus, HopRole, credibility_wording
from workbench.services.annotations import remove_annotations_of
from workbench.services.errors import InvalidInput
from workbench.services.project import Project
from workbench.services.vocabulary import chosen
from workbench.store import UnitOfWork

EDITABLE_FIELDS = ("summary", "kind", "status", "credibility")


@dataclass(frozen=True)
class Hop:
    """One link of an attribution chain as the analyst gives it: a source or an actor."""

    role: str
    source_id: int | None = None
    actor_id: int | None = None
    cue: str = ""
    anonymous: bool = False


def create_claim(
    project: Project,
    article_id: int,
    span: Span,
    *,
    summary: str = "",
    kind: str = ClaimKind.STATEMENT,
    status: str = ClaimStatus.UNVERIFIED,
    credibility: int = 6,
) -> int:
    """Mark a claim on a span of an article; the quote is taken from the text."""
    fields = checked_claim_fields(
        {"summary": summary, "kind": kind, "status": status, "credibility": credibility}
    )
    with project.command("Mark claim") as uow:
        return add_claim(uow, article_id, span, fields).id


def add_claim(uow: UnitOfWork, article_id: int, span: Span, fields: dict[str, object]) -> Claim:
    """A claim on a span of an article (fields checked), added in this unit of work."""
    text = article_text_in(uow, article_id)
    span = trimmed_span(span, text)
    claim = Claim(article_id=article_id, **fields)
    claim.place(span, quote_selector(text, span))
    return uow.claims.add(claim)


def article_text_in(uow: UnitOfWork, article_id: int) -> str:
    text = uow.session.scalar(select(Article.text).where(Article.id == article_id))
    if text is None:
        uow.articles.get(article_id)  # raises the clear "does not exist"
    return text or ""


def trimmed_span(span: Span, text: str) -> Span:
    """The span without surrounding white space; refuses an empty or out-of-range selection."""
    if span.end > len(text):
        raise InvalidInput(f"the selection {span.start}..{span.end} runs past the article's end")
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise InvalidInput("select the words of the claim first")
    return Span(start, end)


def checked_claim_fields(fields: dict[str, object]) -> dict[str, object]:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidInput(f"a claim has no field {sorted(unknown)[0]!r}")
    if "kind" in fields:
        fields["kind"] = chosen(ClaimKind, fields["kind"], "claim kind")
    if "status" in fields:
        fields["status"] = chosen(ClaimStatus, fields["status"], "claim status")
    if "credibility" in fields:
        grade = fields["credibility"]
        if not isinstance(grade, int) or isinstance(grade, bool):
            raise InvalidInput(f"credibility must be a number 1–6, not {grade!r}")
        try:
            credibility_wording(grade)
        except ValueError as error:
            raise InvalidInput(str(error)) from None
    if "summary" in fields:
        fields["summary"] = str(fields["summary"]).strip()
    return fields


def edit_claim(project: Project, claim_id: int, **fields: object) -> None:
    """Change a claim's summary, kind, status or credibility."""
    fields = checked_claim_fields(fields)
    with project.command(_edit_label(fields)) as uow:
        claim = uow.claims.get(claim_id)
        for name, value in fields.items():
            setattr(claim, name, value)


def _edit_label(fields: dict[str, object]) -> str:
    if set(fields) == {"credibility"}:
        return f"Grade claim {fields['credibility']}"
    if set(fields) == {"status"}:
        return f"Mark claim {fields['status']}"
    return "Edit claim"


def grade_claim(project: Project, claim_id: int, credibility: int) -> None:
    """Set a claim's Admiralty credibility (1 confirmed … 6 cannot be judged)."""
    edit_claim(project, claim_id, credibility=credibility)


def delete_claim(project: Project, claim_id: int) -> None:
    """Delete a claim with its chain, links, relations, notes and tags (undoable)."""
    with project.command("Delete claim") as uow:
        claim = uow.claims.get(claim_id)
        relations = select(ClaimRelation).where(
            or_(ClaimRelation.from_claim_id == claim_id, ClaimRelation.to_claim_id == claim_id)
        )
        for relation in uow.session.scalars(relations):
            uow.session.delete(relation)
        remove_annotations_of(uow, "claim", claim_id)
        uow.claims.delete(claim)


def set_attribution(project: Project, claim_id: int, hops: list[Hop]) -> None:
    """Replace a claim's attribution chain, ordered from the origin to the publishing outlet."""
    for hop in hops:
        check_hop(hop)
    with project.command("Set attribution") as uow:
        claim = uow.claims.get(claim_id)
        for hop in hops:
            _check_named(uow, hop)
        rows = list(claim.attribution)
        if [row.position for row in rows] != list(range(len(rows))):  # rewrite it whole
            claim.attribution.clear()
            uow.session.flush()
            rows = []
        for position, hop in enumerate(hops):  # each hop changed in its place: one row each
            if position < len(rows):
                for name, value in _hop_fields(hop).items():
                    setattr(rows[position], name, value)
            else:
                claim.attribution.append(_hop_row(position, hop))
        for row in rows[len(hops) :]:
            claim.attribution.remove(row)
        uow.session.flush()


def check_hop(hop: Hop) -> None:
    if (hop.source_id is None) == (hop.actor_id is None):
        raise InvalidInput("each attribution hop names either a source or an actor")
    chosen(HopRole, hop.role, "hop role")


def _check_named(uow: UnitOfWork, hop: Hop) -> None:
    if hop.source_id is not None:
        uow.sources.get(hop.source_id)
    elif hop.actor_id is not None:  # check_hop made sure one of the two is given
        uow.actors.get(hop.actor_id)


def _hop_row(position: int, hop: Hop) -> AttributionHop:
    return AttributionHop(position=position, **_hop_fields(hop))


def _hop_fields(hop: Hop) -> dict[str, object]:
    return {
        "source_id": hop.source_id,
        "actor_id": hop.actor_id,
        "role": hop.role,
        "cue": hop.cue.strip(),
        "anonymous": hop.anonymous,
    }
