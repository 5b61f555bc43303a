"""Dates in an article's text, resolved by dateparser against its publication date.

A pattern finds the expressions ("on Monday", "over the weekend", "just last week", "in 1979",
"since 2018", "June 21"); dateparser resolves each one and says its period. Two readings of
dateparser's are used: a weekday is the one of the publication's own week when that is not
later than the publication ("On Monday" in an article of Monday 23 June is that Monday), else
the last one before; everything else is read as the past. The weekend, which dateparser does
not read, is asked for as its Saturday, with the precision of a week.
"""

from __future__ import annotations

import datetime
from functools import lru_cache
from typing import Any

import regex

from workbench.assist.model import DateSuggestion, Span

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|"
    r"Aug(?:ust|\.)?|Sept(?:ember|\.)?|Sep\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_LEAD = r"(?:(?:[Oo]n|[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Oo]f|[Ee]arly|[Ll]ate)\s+)?"
_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"

DATE_PATTERN = regex.compile(
    rf"""(?<![\w-])(?:
        {_LEAD}{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?
      | {_LEAD}\d{{1,2}}\s+{_MONTH}(?:\s+{_YEAR})?
      | {_LEAD}{_MONTH}\s+{_YEAR}
      | (?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Ee]arly|[Ll]ate)\s+(?!May\b){_MONTH}
      | {_YEAR}-\d\d-\d\d
      | (?:(?:[Oo]n|[Ll]ast|[Tt]his|[Ss]ince|[Bb]y|[Uu]ntil)\s+)?{_WEEKDAY}
      | (?:(?:[Oo]ver|[Dd]uring)\s+)?(?:[Tt]he|[Ll]ast|[Tt]his)\s+weekend
      | (?:[Jj]ust\s+)?(?:[Ll]ast|[Tt]his|[Nn]ext)\s+(?:week|month|year)
      | {_NUMBER}\s+(?:days?|weeks?|months?|years?)\s+ago
      | [Yy]esterday | [Tt]oday | [Tt]omorrow
      | {_LEAD}{_YEAR}
    )(?![\w-])""",
    regex.VERBOSE,
)

_LEADING_WORDS = regex.compile(
    r"^(?:(?:on|in|since|by|until|from|of|over|during|just|early|late)\s+)+", regex.IGNORECASE
)
_WEEKEND = regex.compile(r"^(?:the|last|this)\s+weekend$", regex.IGNORECASE)
_WEEKDAY_ONLY = regex.compile(rf"^{_WEEKDAY}$", regex.IGNORECASE)
_PRECISIONS = {"day": "day", "week": "week", "month": "month", "year": "year"}


def suggest_dates(text: str, published: datetime.date | None) -> tuple[DateSuggestion, ...]:
    """Every date expression of `text` that can be resolved (against `published`, else today)."""
    base = published or datetime.date.today()
    found = []
    for match in DATE_PATTERN.finditer(text):
        resolved = resolve(match.group(), base)
        if resolved is not None:
            day, precision = resolved
            found.append(DateSuggestion(Span(*match.span()), match.group(), day, precision))
    return tuple(found)


@lru_cache(maxsize=4096)
def resolve(expression: str, base: datetime.date) -> tuple[datetime.date, str] | None:
    """The date and precision an expression means, written on `base`; None if it means none."""
    words = _LEADING_WORDS.sub("", " ".join(expression.split()))
    if _WEEKEND.match(words):
        saturday = _parse("Saturday", base, weekday=True)
        return (saturday[0], "week") if saturday else None
    parsed = _parse(words, base, weekday=bool(_WEEKDAY_ONLY.match(words)))
    if parsed is None:
        return None
    day, period = parsed
    return _start_of(day, period), period


def _parse(words: str, base: datetime.date, *, weekday: bool) -> tuple[datetime.date, str] | None:
    if weekday:
        same_week = _reading(words, base, "current_period")
        if same_week is not None and same_week[0] <= base:
            return same_week
    return _reading(words, base, "past")


def _reading(words: str, base: datetime.date, prefer: str) -> tuple[datetime.date, str] | None:
    data = _parser(base, prefer).get_date_data(words)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), _PRECISIONS.get(data.period or "day", "day")


def _start_of(day: datetime.date, period: str) -> datetime.date:
    if period == "year":
        return day.replace(month=1, day=1)
    if period == "month":
        return day.replace(day=1)
    if period == "week":
        return day - datetime.timedelta(days=day.weekday())
    return day


@lru_cache(maxsize=64)
def _parser(base: datetime.date, prefer: str) -> Any:
    from dateparser.date import DateDataParser  # heavy: loaded on first use

    moment = datetime.datetime.combine(base, datetime.time(12))
    settings = {
        "RELATIVE_BASE": moment,
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=["en"], settings=settings)
