"""Dates in an article's text, resolved against its publication date.

A pattern finds the expressions ("on Monday", "over the weekend", "just last week", "in 1979",
"since 2018", "June 21"), tried only around the words that start one. A written calendar date
("June 21", "March 3, 2019") is read by dateutil's parser (dateparser's own, and far quicker
than dateparser on these), a year alone is that year, and every relative expression is resolved
by dateparser, which also says its period. Of dateparser's readings: a weekday is the one of the
publication's own week when that is not later than the publication ("On Monday" in an article
of Monday 23 June is that Monday), else the last one before; the rest is read as the past, and
so is a calendar date without a year. The weekend, which dateparser does not read, is asked for
as its Saturday, with the precision of a week.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Any

from dateutil import parser as dateutil_parser

from workbench.assist.model import DateSuggestion, Span

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|"
    r"Aug(?:ust|\.)?|Sept(?:ember|\.)?|Sep\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_LEAD = r"(?:(?:[Oo]n|[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Oo]f|[Ee]arly|[Ll]ate)\s+)?"
_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"

DATE_PATTERN = re.compile(
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
    re.VERBOSE,
)

# Words that start every date expression: the pattern is tried only around them.
_ANCHOR = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
    r"Nov|Dec)[a-z]*|weekend|week|month|year|ago|[Yy]esterday|[Tt]oday|[Tt]omorrow|"
    r"(?:1[89]|20)\d\d)\b"
)
_REACH = 30  # characters a date expression reaches before and after its anchor word
_LEADING_WORDS = re.compile(
    r"^(?:(?:on|in|since|by|until|from|of|over|during|just|early|late)\s+)+", re.IGNORECASE
)
_WEEKEND = re.compile(r"^(?:the|last|this)\s+weekend$", re.IGNORECASE)
_WEEKDAY_ONLY = re.compile(rf"^{_WEEKDAY}$", re.IGNORECASE)
_YEAR_ONLY = re.compile(rf"^{_YEAR}$")
_YEAR_WRITTEN = re.compile(rf"\b{_YEAR}\b")
_MONTH_WORD = re.compile(rf"\b{_MONTH}(?!\w)", re.IGNORECASE)
_ISO_DATE = re.compile(rf"^{_YEAR}-\d\d-\d\d$")
_DAY_NUMBER = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")
_PRECISIONS = {"day": "day", "week": "week", "month": "month", "year": "year"}


def suggest_dates(text: str, published: datetime.date | None) -> tuple[DateSuggestion, ...]:
    """Every date expression of `text` that can be resolved (against `published`, else today)."""
    base = published or datetime.date.today()
    found = []
    for match in _expressions(text):
        resolved = resolve(" ".join(match.group().split()).lower(), base)
        if resolved is not None:
            day, precision = resolved
            found.append(DateSuggestion(Span(*match.span()), match.group(), day, precision))
    return tuple(found)


def _expressions(text: str) -> list[re.Match[str]]:
    """The date expressions of `text`, each tried for only around a word that starts one."""
    found: list[re.Match[str]] = []
    covered = 0
    for anchor in _ANCHOR.finditer(text):
        if anchor.start() < covered:
            continue
        start = max(covered, anchor.start() - _REACH)
        for match in DATE_PATTERN.finditer(text, start, min(len(text), anchor.end() + _REACH)):
            if match.start() <= anchor.start() < match.end() and _whole(text, match):
                found.append(match)
                covered = match.end()
                break
    return found


def _whole(text: str, match: re.Match[str]) -> bool:
    """The window's edges must not have cut a word or a number short."""
    after = text[match.end()] if match.end() < len(text) else " "
    return not (after.isalnum() or after == "-")


@lru_cache(maxsize=4096)
def resolve(expression: str, base: datetime.date) -> tuple[datetime.date, str] | None:
    """The date and precision an expression means, written on `base`; None if it means none."""
    words = _LEADING_WORDS.sub("", expression)
    if _YEAR_ONLY.match(words):
        return datetime.date(int(words), 1, 1), "year"
    if _MONTH_WORD.search(words) or _ISO_DATE.match(words):
        return _calendar_date(words, base)
    if _WEEKEND.match(words):
        saturday = _parse("Saturday", base, weekday=True)
        return (saturday[0], "week") if saturday else None
    parsed = _parse(words, base, weekday=bool(_WEEKDAY_ONLY.match(words)))
    if parsed is None:
        return None
    day, period = parsed
    return _start_of(day, period), period


def _calendar_date(words: str, base: datetime.date) -> tuple[datetime.date, str] | None:
    """A written date ("June 21", "March 3, 2019", "Dec. 2019"), by dateutil's parser; without a
    year, the last such day up to the publication (as dateparser's "past" preference reads it)."""
    try:
        moment = dateutil_parser.parse(words, default=datetime.datetime(base.year, base.month, 1))
    except (ValueError, OverflowError):
        return None
    day = moment.date()
    year = _YEAR_WRITTEN.search(words)
    has_day = bool(_ISO_DATE.match(words) or _DAY_NUMBER.search(_YEAR_WRITTEN.sub("", words)))
    if year is None and day > base:
        try:
            day = day.replace(year=day.year - 1)
        except ValueError:  # 29 February
            day = day.replace(year=day.year - 1, day=28)
    return (day, "day") if has_day else (day.replace(day=1), "month")


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
