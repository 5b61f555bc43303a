"""Event dates typed as analysts write them, read with their precision; anything else refused."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.domain.grades import DatePrecision
from workbench.services.errors import InvalidInput
from workbench.services.typed_dates import TypedDate, read_date, show_date


@pytest.mark.parametrize(
    ("typed", "when", "precision"),
    [
        ("2025-06-21", date(2025, 6, 21), DatePrecision.DAY),
        ("21 June 2025", date(2025, 6, 21), DatePrecision.DAY),
        ("  21st of June,   2025 ", date(2025, 6, 21), DatePrecision.DAY),
        ("June 2025", date(2025, 6, 1), DatePrecision.MONTH),
        ("2025-06", date(2025, 6, 1), DatePrecision.MONTH),
        ("2025", date(2025, 1, 1), DatePrecision.YEAR),
        ("1066", date(1066, 1, 1), DatePrecision.YEAR),
        ("2020s", date(2020, 1, 1), DatePrecision.DECADE),
    ],
)
def test_typed_dates_are_read_with_the_precision_they_were_given(
    typed: str, when: date, precision: DatePrecision
) -> None:
    """Each way of writing a date gives the date and how precise it is."""
    assert read_date(typed) == TypedDate(when, precision)


def test_nothing_typed_means_no_date() -> None:
    """An emptied field clears the date rather than failing."""
    assert read_date("   ") is None


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("2025-13-01", "month must be in 1..12"),
        ("2025-02-30", "day is out of range"),
        ("21 June", "the year is missing"),
        ("banana", ""),
        ("tomorrow", ""),
        ("0", "there is no year 0"),
    ],
)
def test_anything_else_is_refused_saying_what_would_be_understood(typed: str, reason: str) -> None:
    """The error names what was typed, why it fails, and the forms that work."""
    with pytest.raises(InvalidInput) as refused:
        read_date(typed)
    message = str(refused.value)
    assert f"“{typed}” is not a date" in message
    assert reason in message
    assert "2025-06-21, 21 June 2025, June 2025 or 2025" in message


def test_a_stored_date_is_shown_to_its_precision_and_reads_back_the_same() -> None:
    """What the field shows for a stored date reads back as that date and precision."""
    for when, precision, shown in (
        (date(2025, 6, 21), DatePrecision.DAY, "2025-06-21"),
        (date(2025, 6, 1), DatePrecision.MONTH, "June 2025"),
        (date(2025, 1, 1), DatePrecision.YEAR, "2025"),
        (date(2020, 1, 1), DatePrecision.DECADE, "2020s"),
    ):
        assert show_date(when, precision) == shown
        assert read_date(shown) == TypedDate(when, precision)
    assert show_date(None, DatePrecision.DAY) == ""
