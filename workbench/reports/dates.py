"""Dates as a report shows them: "23 June 2025", the same in every locale (unlike strftime's
%B), and only as precisely as they are known ("2018", "May 2018", "the 1990s")."""

from __future__ import annotations

from datetime import date

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """23 June 2025 (the same in every locale, unlike strftime's %B)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def dated(day: date | None, precision: str) -> str:
    """A date shown only as precisely as it is known."""
    if day is None:
        return ""
    if precision == "year":
        return str(day.year)
    if precision == "decade":
        return f"{day.year // 10 * 10}s"
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return long_date(day)
