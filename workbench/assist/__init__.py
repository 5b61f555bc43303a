"""Suggestions the analyst accepts or rejects: attribution (cue, source, content, chain),
mentions of actors, and dates resolved against the article's publication date.

Plain Python over plain values (the article's text, its publication date, the names the project
already knows); nothing here reads the project or imports Qt. Accepting a suggestion is an ordinary
service call (workbench/services/), so it is undoable and journalled like any edit.
"""

from workbench.assist.dates import suggest_dates
from workbench.assist.engine import MAX_CHARACTERS, TextTooLong, suggest, suggest_attributions
from workbench.assist.mentions import MentionMatcher, suggest_mentions
from workbench.assist.model import (
    AttributionSuggestion,
    ChainHop,
    DateSuggestion,
    KnownName,
    MentionSuggestion,
    Span,
    Suggestions,
)

__all__ = [
    "MAX_CHARACTERS",
    "AttributionSuggestion",
    "ChainHop",
    "DateSuggestion",
    "KnownName",
    "MentionMatcher",
    "MentionSuggestion",
    "Span",
    "Suggestions",
    "TextTooLong",
    "suggest",
    "suggest_attributions",
    "suggest_dates",
    "suggest_mentions",
]
