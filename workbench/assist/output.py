"""Suggestions as the command line shows them: the JSON of `workbench suggest --json`, and a
listing an analyst can read."""

from __future__ import annotations

from typing import Any

from workbench.assist.model import AttributionSuggestion, Span, Suggestions

_SHOWN = 70


def as_json(suggestions: Suggestions) -> dict[str, list[dict[str, Any]]]:
    """The suggestions as plain JSON values (spans as [start, end] code-point pairs)."""
    return {
        "attributions": [_attribution(item) for item in suggestions.attributions],
        "mentions": [
            {"span": _pair(item.span), "actor": item.actor, "known": item.known is not None}
            for item in suggestions.mentions
        ],
        "dates": [
            {
                "span": _pair(item.span),
                "text": item.text,
                "resolved": item.resolved.isoformat(),
                "precision": item.precision,
            }
            for item in suggestions.dates
        ],
    }


def listing(text: str, suggestions: Suggestions) -> list[str]:
    """Lines for a terminal: each proposal with where it is and what it would record."""
    lines = [f"attributions: {len(suggestions.attributions)}"]
    for item in suggestions.attributions:
        chain = " → ".join(
            f"{hop.name} ({hop.role}{', anonymous' if hop.anonymous else ''})" for hop in item.chain
        )
        said = _quoted(text, item.content) if item.content else "(content not found)"
        lines.append(
            f"  {item.confidence:.2f}  [{_at(item.cue)}] {_quoted(text, item.cue)}: {said}"
        )
        lines.append(f"        chain: {chain}")
        lines.append(f"        why: {item.reason}")
    lines.append(f"mentions: {len(suggestions.mentions)}")
    for mention in suggestions.mentions:
        what = "known" if mention.known else f"new, {mention.kind_guess}"
        lines.append(
            f"  [{_at(mention.span)}] {_quoted(text, mention.span)} → {mention.actor} ({what})"
        )
    lines.append(f"dates: {len(suggestions.dates)}")
    for date in suggestions.dates:
        lines.append(
            f"  [{_at(date.span)}] {date.text!r} → {date.resolved.isoformat()} ({date.precision})"
        )
    return lines


def _attribution(item: AttributionSuggestion) -> dict[str, Any]:
    return {
        "cue": _pair(item.cue),
        "source": _pair(item.source) if item.source else None,
        "content": _pair(item.content) if item.content else None,
        "anonymous": item.anonymous,
        "chain": [{"name": hop.name, "role": hop.role, "cue": hop.cue} for hop in item.chain],
        "confidence": item.confidence,
    }


def _pair(span: Span) -> list[int]:
    return [span.start, span.end]


def _at(span: Span) -> str:
    return f"{span.start}–{span.end}"


def _quoted(text: str, span: Span) -> str:
    words = " ".join(text[span.start : span.end].split())
    return f"“{words if len(words) <= _SHOWN else words[: _SHOWN - 1] + '…'}”"
