"""How each proposal reads in the Suggestions pane: one line, a detail line, and its span."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.assist.model import (
    AttributionSuggestion,
    DateSuggestion,
    MentionSuggestion,
    Span,
    Suggestions,
)
from workbench.domain.suggestions import SuggestionKind
from workbench.services.suggestions import claim_span_of

Proposal = AttributionSuggestion | MentionSuggestion | DateSuggestion
SHORT = 90

GROUPS = (  # the longest list last
    (SuggestionKind.ATTRIBUTION, "Claims"),
    (SuggestionKind.DATE, "Dates"),
    (SuggestionKind.MENTION, "Actor mentions"),
)


@dataclass(frozen=True)
class Row:
    """One proposal as listed: what kind, the value itself, its text, and where it is."""

    kind: str
    proposal: Proposal
    label: str
    detail: str
    span: Span


def rows_of(text: str, suggestions: Suggestions) -> dict[str, list[Row]]:
    """The rows of each kind, in reading order."""
    return {
        SuggestionKind.ATTRIBUTION.value: [_claim(text, a) for a in suggestions.attributions],
        SuggestionKind.MENTION.value: [_mention(text, m) for m in suggestions.mentions],
        SuggestionKind.DATE.value: [_date(d) for d in suggestions.dates],
    }


def chain_text(suggestion: AttributionSuggestion) -> str:
    """ "unnamed sources → Reuters → Deftechtimes" """
    return " → ".join(hop.name for hop in suggestion.chain)


def _claim(text: str, suggestion: AttributionSuggestion) -> Row:
    span = claim_span_of(suggestion)
    words = _short(text[span.start : span.end])
    chain = chain_text(suggestion) or "no source found"
    cue = text[suggestion.cue.start : suggestion.cue.end]
    reason = f" · {suggestion.reason}" if suggestion.reason else ""
    detail = f"cue “{cue}” · {suggestion.confidence:.0%} sure{reason}"
    return Row(SuggestionKind.ATTRIBUTION.value, suggestion, f"“{words}” — {chain}", detail, span)


def _mention(text: str, mention: MentionSuggestion) -> Row:
    words = text[mention.span.start : mention.span.end]
    if mention.known is not None:
        label = words if words == mention.actor else f"{words} → {mention.actor}"
        detail = f"known {mention.known.record_kind or mention.known.kind}"
        if words != mention.actor:
            detail += f", named “{words}” here"
    else:
        label = f"{words} — new {mention.kind_guess or 'person'}"
        detail = f"not in the project yet: accepting creates this {mention.kind_guess or 'person'}"
    return Row(SuggestionKind.MENTION.value, mention, label, detail, mention.span)


def _date(date: DateSuggestion) -> Row:
    label = f"{date.text} → {when(date)}"
    detail = "resolved against the publication date; Enter makes an event of its sentence"
    return Row(SuggestionKind.DATE.value, date, label, detail, date.span)


DATE_FORMATS = {"month": "%B %Y", "year": "%Y"}


def when(date: DateSuggestion) -> str:
    """The resolved date as precise as it is: "23 June 2025", "week of 16 June 2025", "1979"."""
    if date.precision == "week":
        return f"week of {date.resolved.day} {date.resolved:%B %Y}"
    if date.precision == "day":
        return f"{date.resolved.day} {date.resolved:%B %Y}"
    return date.resolved.strftime(DATE_FORMATS.get(date.precision, "%Y-%m-%d"))


def _short(words: str) -> str:
    words = " ".join(words.split())
    return words if len(words) <= SHORT else words[:SHORT].rsplit(" ", 1)[0] + "…"
