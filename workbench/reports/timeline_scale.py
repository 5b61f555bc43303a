"""The timeline's time axis: where a moment falls in pixels at a zoom (pixels per day), and the
ticks to draw there, from decades down to hours, each labelled as a reader of dates expects.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from workbench.reports.model import MONTHS

MIN_TICK_GAP = 64.0  # pixels between labelled ticks at least
DAY_SECONDS = 86_400.0
# Tick steps, finest first: (name, approximate days).
STEPS = (
    ("hour", 1 / 24),
    ("6 hours", 0.25),
    ("day", 1.0),
    ("week", 7.0),
    ("month", 30.44),
    ("quarter", 91.3),
    ("year", 365.25),
    ("5 years", 1826.0),
    ("decade", 3652.5),
    ("50 years", 18262.0),
    ("century", 36525.0),
)
ZOOM_LIMITS = (0.02, 2400.0)  # pixels per day: a century on the screen, an hour a wide stretch


@dataclass(frozen=True)
class TimeScale:
    """Moments to pixels: `origin` at x = `left`, `pixels_per_day` further on per day."""

    origin: datetime
    pixels_per_day: float
    left: float = 0.0

    def x(self, moment: datetime) -> float:
        days = (moment - self.origin).total_seconds() / DAY_SECONDS
        return self.left + days * self.pixels_per_day

    def moment(self, x: float) -> datetime:
        return self.origin + timedelta(days=(x - self.left) / self.pixels_per_day)

    def step(self) -> str:
        """The finest tick step whose ticks stand at least MIN_TICK_GAP apart."""
        for name, days in STEPS:
            if days * self.pixels_per_day >= MIN_TICK_GAP:
                return name
        return STEPS[-1][0]

    def ticks(self, begin: datetime, end: datetime) -> Iterator[tuple[float, str]]:
        """(x, label) of each tick from `begin` to `end`."""
        step = self.step()
        moment = _floor(begin, step)
        while moment <= end:
            if moment >= begin:
                yield self.x(moment), tick_label(moment, step)
            moment = _next(moment, step)


def tick_label(moment: datetime, step: str) -> str:
    if step in ("decade", "50 years", "century"):
        return f"{moment.year}s"
    if step in ("year", "5 years"):
        return str(moment.year)
    if step in ("month", "quarter"):
        return f"{MONTHS[moment.month - 1][:3]} {moment.year}"
    if step in ("day", "week"):
        return f"{moment.day} {MONTHS[moment.month - 1][:3]} {moment.year}"
    return f"{moment.day} {MONTHS[moment.month - 1][:3]} {moment:%H:%M}"


def _floor(moment: datetime, step: str) -> datetime:
    if step in ("hour", "6 hours"):
        hours = 6 if step == "6 hours" else 1
        return moment.replace(hour=moment.hour // hours * hours, minute=0, second=0, microsecond=0)
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if step == "day":
        return day
    if step == "week":
        return day - timedelta(days=day.weekday())
    if step in ("month", "quarter"):
        months = 3 if step == "quarter" else 1
        return day.replace(month=(day.month - 1) // months * months + 1, day=1)
    years = {"year": 1, "5 years": 5, "decade": 10, "50 years": 50, "century": 100}[step]
    return day.replace(year=max(1, day.year // years * years), month=1, day=1)


def _next(moment: datetime, step: str) -> datetime:
    if step == "hour":
        return moment + timedelta(hours=1)
    if step == "6 hours":
        return moment + timedelta(hours=6)
    if step == "day":
        return moment + timedelta(days=1)
    if step == "week":
        return moment + timedelta(days=7)
    if step in ("month", "quarter"):
        months = moment.month - 1 + (3 if step == "quarter" else 1)
        return moment.replace(year=moment.year + months // 12, month=months % 12 + 1)
    years = {"year": 1, "5 years": 5, "decade": 10, "50 years": 50, "century": 100}[step]
    return moment.replace(year=moment.year + years)
