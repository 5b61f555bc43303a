"""The benchmark's schedule: the chosen producers split into the parts of `registry.PARTS`, and
the order the parts of every size start in, longest first.

A part is a list of steps, each a producer run on the part's working copy of the case: all its
rows, or (the export rows) only some formats' rows, or (the edits, in a part that exports without
measuring them) replayed for their changes alone, its rows not printed. What a part holds and how
long it took at 100,000 articles are declared once, in `registry`; this module only reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.bench.scale import registry
from workbench.bench.scale.registry import EDITS, EXPORTS, Exports


@dataclass(frozen=True)
class Step:
    """One producer's turn in a part: `name` is its dotted module name; `formats`, for the export
    rows, the formats this part measures (None: the producer's own choice, every chosen format);
    `replay`, run for its changes to the case alone, its rows not printed."""

    name: str
    formats: tuple[str, ...] | None = None
    replay: bool = False

    @property
    def short(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    def describe(self) -> str:
        """ "export_rows (pdf, docx)", "edit_rows (replayed, rows not printed)", "search_scale"."""
        if self.replay:
            return f"{self.short} (replayed, rows not printed)"
        if self.formats is not None:
            return f"{self.short} ({', '.join(self.formats)})"
        return self.short

    def seconds(self) -> float:
        """What the step took at 100,000 articles (CPU seconds, `registry`; 0 when not known)."""
        if self.formats is not None:
            return sum(registry.FORMAT_SECONDS.get(fmt, 0.0) for fmt in self.formats)
        return registry.SECONDS.get(self.short, 0.0)


@dataclass(frozen=True)
class Part:
    """Steps run one after another in one process, on one working copy of the case."""

    steps: tuple[Step, ...]

    def seconds(self) -> float:
        return sum(step.seconds() for step in self.steps)

    def describe(self) -> str:
        return ", ".join(step.describe() for step in self.steps)


def chosen(only: str = "") -> list[str]:
    """The producers to run, in order: all, or those whose dotted name holds one of the
    comma-separated words of `only` ("export_rows,exchange_rows")."""
    words = [word.strip() for word in only.split(",") if word.strip()]
    producers = registry.PRODUCERS
    return [name for name in producers if not words or any(word in name for word in words)]


def parts(only: str = "", formats: Sequence[str] | None = None) -> list[Part]:
    """The chosen producers split into the parts that may run side by side, longest first (by
    `Part.seconds`; the declared order among equals), each part's steps in the registry's order.
    Each chosen producer is measured in exactly one part, each chosen export format (`formats`,
    default the export rows' own choice, BENCH_SCALE_FORMATS) in exactly one; a part that
    exports without the edits replays them first, when they are chosen. A part none of the
    chosen producers or formats falls in is left out."""
    if formats is None:
        from workbench.bench.scale.export_rows import chosen_formats

        formats = chosen_formats()
    by_short = {name.rsplit(".", 1)[-1]: name for name in chosen(only)}
    named = {item if isinstance(item, str) else EXPORTS for part in registry.PARTS for item in part}
    rest = tuple(short for short in by_short if short not in named)
    made = [_part(items, by_short, formats) for items in (*registry.PARTS, rest)]
    return sorted((part for part in made if part.steps), key=Part.seconds, reverse=True)


def _part(items: Sequence[str | Exports], by_short: dict[str, str], formats: Sequence[str]) -> Part:
    """One declared part's steps among those chosen, in the registry's order, the edits replayed
    first when it exports without measuring them."""
    steps: list[Step] = []
    for item in items:
        if isinstance(item, str) and item in by_short:
            steps.append(Step(by_short[item]))
        elif isinstance(item, Exports) and EXPORTS in by_short:
            picked = _formats(item, formats)
            steps += [Step(by_short[EXPORTS], picked)] if picked else []
    if any(step.short == EXPORTS for step in steps) and EDITS in by_short and EDITS not in items:
        steps.append(Step(by_short[EDITS], replay=True))
    return Part(tuple(sorted(steps, key=lambda step: registry.PRODUCERS.index(step.name))))


def _formats(exports: Exports, formats: Sequence[str]) -> tuple[str, ...]:
    """The chosen formats an `Exports` measures: those it names, or (naming none) every chosen
    format no other `Exports` names."""
    exports_of = [item for part in registry.PARTS for item in part if isinstance(item, Exports)]
    grouped = {fmt for item in exports_of for fmt in item.formats}
    return tuple(
        fmt
        for fmt in formats
        if (fmt in exports.formats if exports.formats else fmt not in grouped)
    )


def order(sizes: Iterable[int], split: Sequence[Part]) -> list[tuple[int, int]]:
    """Every (size, part index) to run, longest first: by the part's seconds at 100,000 articles
    scaled to the size (a rough guess, only for the order), the larger size first among equals.
    Started in this order onto whichever core is free, the longest parts do not end last."""
    units = [(size, index) for size in dict.fromkeys(sizes) for index in range(len(split))]

    def guess(unit: tuple[int, int]) -> tuple[float, int]:
        size, index = unit
        return split[index].seconds() * size, size

    return sorted(units, key=guess, reverse=True)
