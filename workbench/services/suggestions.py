"""What the workbench proposes for an article, less what the analyst already decided or marked.

The assist layer proposes attributions, mentions and dates from an article's text; this module
reads what it needs from the project (the text, the publication date, the outlet, the names the
project knows) and leaves out every proposal the analyst already accepted or rejected
(`suggestion_decisions`) and every one already marked by hand: an attribution whose content a
claim already covers, a mention where a mention already is.

An accepted suggestion whose claim is later deleted stays decided (the analyst has seen it);
undoing the acceptance itself takes the decision away with the claim, so it is proposed again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import func, select

from workbench.assist.model import (
    AttributionSuggestion,
    DateSuggestion,
    MentionSuggestion,
    Span,
    Suggestions,
)
from workbench.domain import ActorMention, Claim
from workbench.domain.suggestions import Decision, SuggestionDecision, SuggestionKind
from workbench.services.assist_inputs import article_for_suggestions, known_names
from workbench.services.project import Project


def suggestions_for(project: Project, article_id: int) -> Suggestions:
    """The open proposals for one article: not decided yet, not already marked."""
    return review_of(project, article_id).suggestions


@dataclass(frozen=True)
class Review:
    """An article's text and the open proposals for it, as the Suggestions pane shows them."""

    text: str
    suggestions: Suggestions


def review_of(project: Project, article_id: int) -> Review:
    """The article's text with its open proposals (see `suggestions_for`)."""
    article = article_for_suggestions(project, article_id)
    known = known_names(project)
    with project.reading() as session:
        decided = set(
            session.scalars(
                select(SuggestionDecision.key).where(SuggestionDecision.article_id == article_id)
            )
        )
        claims = _spans(session.execute(_claim_spans(article_id)))
        mentions = _spans(session.execute(_mention_spans(article_id)))
    from workbench.assist import suggest  # the engine loads its lexicons and dateparser

    proposed = suggest(
        article.text, published=article.published, known=known, outlet=article.outlet or None
    )
    return Review(article.text, open_proposals(proposed, decided, claims, mentions))


def open_proposals(
    proposed: Suggestions, decided: set[str], claims: list[Span], mentions: list[Span]
) -> Suggestions:
    """The proposals left once the decided ones and those already marked are taken out."""
    return replace(
        proposed,
        attributions=tuple(
            a
            for a in proposed.attributions
            if a.key not in decided and not _covered(_claim_span(a), claims)
        ),
        mentions=tuple(
            m for m in proposed.mentions if m.key not in decided and not overlaps(m.span, mentions)
        ),
        dates=tuple(d for d in proposed.dates if d.key not in decided),
    )


def _claim_spans(article_id: int):  # type: ignore[no-untyped-def]
    return select(Claim.start, Claim.end).where(
        Claim.article_id == article_id, Claim.orphaned.is_(False)
    )


def _mention_spans(article_id: int):  # type: ignore[no-untyped-def]
    return select(ActorMention.start, ActorMention.end).where(ActorMention.article_id == article_id)


def _spans(rows: Iterable[tuple[int, int]]) -> list[Span]:
    return [Span(start, end) for start, end in rows]


def claim_span_of(suggestion: AttributionSuggestion) -> Span:
    """The words a claim made of this suggestion marks: the content, or else the cue."""
    return _claim_span(suggestion)


def _claim_span(suggestion: AttributionSuggestion) -> Span:
    return suggestion.content or suggestion.cue


def _covered(span: Span, claims: list[Span]) -> bool:
    """A claim already covers at least half of the span (the analyst marked it by hand)."""
    length = max(span.end - span.start, 1)
    return any(min(span.end, c.end) - max(span.start, c.start) >= length / 2 for c in claims)


def overlaps(span: Span, others: list[Span]) -> bool:
    """Whether the span shares a character with any of the others."""
    return any(o.start < span.end and span.start < o.end for o in others)


def mentions_within(suggestions: Suggestions, span: Span) -> tuple[MentionSuggestion, ...]:
    """The proposed mentions of known actors inside a span (the actors a claim names)."""
    return tuple(
        m
        for m in suggestions.mentions
        if m.known is not None and span.start <= m.span.start and m.span.end <= span.end
    )


@dataclass(frozen=True)
class AcceptanceRate:
    """How often the analyst took one kind of suggestion."""

    kind: str
    accepted: int
    rejected: int

    @property
    def decided(self) -> int:
        return self.accepted + self.rejected

    @property
    def rate(self) -> float | None:
        return self.accepted / self.decided if self.decided else None


def acceptance_rates(project: Project) -> list[AcceptanceRate]:
    """Accepted and rejected suggestions per kind, over the whole project (every kind listed)."""
    with project.reading() as session:
        rows = session.execute(
            select(SuggestionDecision.kind, SuggestionDecision.decision, func.count()).group_by(
                SuggestionDecision.kind, SuggestionDecision.decision
            )
        ).all()
    counts = {(kind, decision): count for kind, decision, count in rows}
    return [
        AcceptanceRate(
            kind.value,
            counts.get((kind.value, Decision.ACCEPTED.value), 0),
            counts.get((kind.value, Decision.REJECTED.value), 0),
        )
        for kind in SuggestionKind
    ]


EVENT_TITLE_LENGTH = 120


def proposed_event_title(text: str, date: DateSuggestion) -> str:
    """The title an event made from a date is offered: the sentence the date is in (shortened
    to a line, at a word)."""
    from workbench.assist.sentences import sentence_spans

    start = text.rfind("\n\n", 0, date.span.start) + 1
    end = text.find("\n\n", date.span.end)
    paragraph = text[start : end if end >= 0 else len(text)]
    inside = date.span.start - start
    sentence = next(
        (paragraph[s.start : s.end] for s in sentence_spans(paragraph) if s.end > inside),
        paragraph,
    )
    title = " ".join(sentence.split()).rstrip(".")
    if len(title) <= EVENT_TITLE_LENGTH:
        return title
    return title[:EVENT_TITLE_LENGTH].rsplit(" ", 1)[0] + "…"
