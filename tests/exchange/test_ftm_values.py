"""FollowTheMoney entities as our export makes them (dates cleaned once each, then added as
cleaned) are exactly what FtM makes when every raw value is added and cleaned by the library."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from followthemoney import model

from workbench.reports.ftm import _made

DATES = [
    "2018",
    "2018-06",
    "2018-06-01",
    date(2021, 3, 4),
    datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
    datetime(2024, 1, 2, 3, 4, 5, 123456),
    "2018-13-45",
    "not a date",
    "\x00 2019\u200b",
]


def _as_ftm_adds_it(schema: str, **values: object) -> dict[str, object]:
    proxy = model.make_entity(schema)
    proxy.id = "wb-1"
    for prop, value in values.items():
        for item in value if isinstance(value, list) else [value]:
            proxy.add(prop, item.isoformat() if hasattr(item, "isoformat") else str(item))
    return proxy.to_dict()


@pytest.mark.parametrize("day", DATES)
def test_a_date_is_what_ftm_makes_of_it(day: object) -> None:
    """Each date, good or bad, comes out as FtM's own cleaning leaves it (or not at all)."""
    made = _made("Event", "wb-1", {}, name="Summit", startDate=day, endDate=[day, "2020"])
    made.pop("workbench")
    assert made == _as_ftm_adds_it("Event", name="Summit", startDate=day, endDate=[day, "2020"])


def test_text_and_references_are_cleaned_by_ftm() -> None:
    """Names, text with control characters and entity references pass FtM's own cleaning."""
    values = {
        "name": ["A\x00B  ", "A\x00B  "],
        "description": "line\x0bbreak <script>",
        "involved": ["wb-2", "not an id!"],
    }
    made = _made("Event", "wb-1", {"record": "event"}, **values)
    assert made.pop("workbench") == {"record": "event"}
    assert made == _as_ftm_adds_it("Event", **values)
