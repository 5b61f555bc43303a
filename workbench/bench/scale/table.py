"""The benchmark's table: one row per operation, its floor, its target, and whether it is met."""

from __future__ import annotations

import math
from dataclasses import dataclass

COLUMNS = ("operation", "size", "ours", "floor", "ratio", "target", "ok")


@dataclass(frozen=True)
class Target:
    """What "fast enough" means for a row: at most `ratio` × floor (+ `slack`) and/or `limit`."""

    ratio: float | None = None
    limit: float | None = None
    slack: float = 0.0

    def met(self, ours: float, floor: float) -> bool:
        if math.isnan(ours):
            return False
        if self.ratio is not None and ours > self.ratio * floor + self.slack:
            return False
        return self.limit is None or ours <= self.limit

    def describe(self, unit: str) -> str:
        parts = []
        if self.limit is not None:
            parts.append(f"≤{_number(self.limit)} {unit}")
        if self.ratio is not None:
            plus = f" +{_number(self.slack)} {unit}" if self.slack else ""
            parts.append(f"≤{_number(self.ratio)}×{plus}")
        return ", ".join(parts) or "none"


@dataclass(frozen=True)
class Measurement:
    """One row: our figure and the floor's, measured in the same run with the same work."""

    operation: str
    size: int
    ours: float
    floor: float
    target: Target
    unit: str = "ms"
    note: str = ""
    agrees: bool = True  # False when our result differed from the floor's: never "ok"

    @property
    def ratio(self) -> float:
        if math.isnan(self.ours) or self.floor <= 0:
            return math.nan
        return self.ours / self.floor

    @property
    def ok(self) -> bool:
        return self.agrees and self.target.met(self.ours, self.floor)

    def cells(self) -> tuple[str, ...]:
        return (
            self.operation,
            f"{self.size:,}",
            _figure(self.ours, self.unit),
            _figure(self.floor, self.unit),
            "—" if math.isnan(self.ratio) else f"{self.ratio:.2f}×",
            self.target.describe(self.unit),
            "ok" if self.ok else "MISS",
        )


def failed(operation: str, size: int, error: BaseException) -> Measurement:
    """The row of an operation that could not be measured: always a MISS, with the reason."""
    reason = f"{type(error).__name__}: {error}".splitlines()[0][:160]
    return Measurement(operation, size, math.nan, math.nan, Target(), note=f"failed — {reason}")


def header() -> str:
    return " | ".join(COLUMNS) + "\n" + "|".join("---" for _ in COLUMNS)


def line(measurement: Measurement) -> str:
    row = " | ".join(measurement.cells())
    return f"{row} ({measurement.note})" if measurement.note else row


def _figure(value: float, unit: str) -> str:
    if math.isnan(value):
        return "—"
    return f"{_number(value)} {unit}"


def _number(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"
