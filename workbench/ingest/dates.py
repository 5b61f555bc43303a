"""Publication dates as documents write them, read into a datetime (the outlet's own clock)."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


def parse_date(value: object) -> datetime | None:
    """ISO 8601, RFC 2822 (e-mail, RSS) or PDF dates; None when there is no readable date.

    The time zone is dropped after reading, keeping the wall-clock time the outlet printed, so
    the date an analyst sees is the date on the page.
    """
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    text = str(value or "").strip()
    if not text:
        return None
    for reader in (_iso, _rfc2822, _pdf):
        parsed = reader(text)
        if parsed is not None:
            return parsed.replace(tzinfo=None)
    return None


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _rfc2822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _pdf(text: str) -> datetime | None:
    match = _PDF_DATE.match(text)
    if match is None:
        return None
    year, month, day, hour, minute, second = (
        int(part or default)
        for part, default in zip(match.groups(), ("0", "1", "1", "0", "0", "0"), strict=True)
    )
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
