"""Dates as an analyst types them into an event: "2025-06-21", "21 June 2025", "June 2025",
"2025" or "2020s", each read with the precision it was typed to (day, month, year, decade).

Words are read by dateparser (absolute dates only: "yesterday" has no meaning in a record);
ISO dates are read strictly, so "2025-13-01" is refused rather than turned into 13 January.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import func, select

from workbench.domain import Article, Claim, ClaimEvent
from workbench.domain.grades import DatePrecision
from workbench.services.errors import InvalidInput
from workbench.services.project import Project

EXAMPLES = "2025-06-21, 21 June 2025, June 2025 or 2025"
_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_YEAR = re.compile(r"^\d{1,4}$")
_DECADE = re.compile(r"^(\d{2,3})0s$")
_PERIOD = {"day": DatePrecision.DAY, "month": DatePrecision.MONTH, "year": DatePrecision.YEAR}


@dataclass(frozen=True)
class TypedDate:
    """A date read from what was typed, and how precisely it was given."""

    when: date
    precision: DatePrecision

    @property
    def shown(self) -> str:
        """The date as the field shows it again, to its precision."""
        return show_date(self.when, self.precision)


def read_date(typed: str) -> TypedDate | None:
    """What the analyst typed, read as a date; None when nothing was typed.

    Raises InvalidInput saying what is wrong and what would be understood.
    """
    text = " ".join(typed.split())
    if not text:
        return None
    for reader in (_read_iso, _read_decade, _read_year):
        found = reader(text)
        if found is not None:
            return found
    return _read_words(text)


def _refused(text: str, why: str = "") -> InvalidInput:
    reason = f" ({why})" if why else ""
    return InvalidInput(f"“{text}” is not a date{reason}: type {EXAMPLES}")


def _read_iso(text: str) -> TypedDate | None:
    match = _ISO.match(text)
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        when = date(int(year), int(month), int(day or 1))
    except ValueError as error:
        raise _refused(text, str(error)) from None
    return TypedDate(when, DatePrecision.MONTH if day is None else DatePrecision.DAY)


def _read_decade(text: str) -> TypedDate | None:
    match = _DECADE.match(text)
    if match is None:
        return None
    return TypedDate(date(int(match.group(1)) * 10, 1, 1), DatePrecision.DECADE)


def _read_year(text: str) -> TypedDate | None:
    if not _YEAR.match(text):
        return None
    if int(text) < 1:
        raise _refused(text, "there is no year 0")
    return TypedDate(date(int(text), 1, 1), DatePrecision.YEAR)


def _read_words(text: str) -> TypedDate:
    data = _parser().get_date_data(text)
    precision = _PERIOD.get(data.period or "")
    if data.date_obj is None or precision is None:
        raise _refused(text, "the year is missing" if _lacks_year(text) else "")
    found = data.date_obj.date()
    if precision is DatePrecision.DAY:
        return TypedDate(found, precision)
    month = found.month if precision is DatePrecision.MONTH else 1
    return TypedDate(date(found.year, month, 1), precision)


def _lacks_year(text: str) -> bool:
    """True for a date given without its year ("21 June")."""
    return _parser(require_year=False).get_date_data(text).date_obj is not None


@cache
def _parser(*, require_year: bool = True) -> Any:
    from dateparser.date import DateDataParser  # heavy: loaded on first use

    settings = {
        "PARSERS": ["absolute-time"],
        "REQUIRE_PARTS": ["year"] if require_year else [],
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
    }
    return DateDataParser(languages=["en"], settings=settings)


def show_date(when: date | None, precision: str) -> str:
    """A stored date as typed back: "2025-06-21", "June 2025", "2025", "2020s" or ""."""
    if when is None:
        return ""
    if precision == DatePrecision.DECADE:
        return f"{when.year // 10 * 10}s"
    if precision == DatePrecision.YEAR:
        return f"{when.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{when:%B} {when.year:04d}"
    return when.isoformat()


def publication_date_for_event(project: Project, event_id: int) -> date | None:
    """When the earliest article whose claims refer to the event was published (where an
    event's calendar opens); None when no dated article refers to it."""
    with project.reading() as session:
        published = session.scalar(
            select(func.min(Article.published))
            .join(Claim, Claim.article_id == Article.id)
            .join(ClaimEvent, ClaimEvent.claim_id == Claim.id)
            .where(ClaimEvent.event_id == event_id)
        )
    return published.date() if published is not None else None
