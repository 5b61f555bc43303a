"""The scale benchmark's schedule: which part runs which producer and format, in what order."""

from __future__ import annotations

from collections import Counter

import pytest

from workbench.bench.scale import registry
from workbench.bench.scale.registry import EDITS, EXPORTS, PRODUCERS
from workbench.bench.scale.schedule import Part, chosen, order, parts
from workbench.reports import FORMATS

CHOICES = ("", "export_rows", "edit_rows,export_rows", "exchange_rows,export_rows", "library_rows")


def _measured(split: list[Part]) -> Counter[str]:
    """How many times each producer is measured (its rows printed) across the parts, the export
    rows counted once however many parts share their formats."""
    formats = {step.name for part in split for step in part.steps if step.formats is not None}
    measured = Counter(step.name for part in split for step in part.steps if not step.replay)
    return measured - Counter({name: measured[name] - 1 for name in formats})


def _exported(split: list[Part]) -> Counter[str]:
    """How many times each format is exported across the parts (the export rows without formats
    named export every format)."""
    return Counter(
        fmt
        for part in split
        for step in part.steps
        if step.short == EXPORTS
        for fmt in (FORMATS if step.formats is None else step.formats)
    )


@pytest.mark.parametrize("only", CHOICES)
def test_every_chosen_producer_and_format_is_measured_exactly_once(only: str) -> None:
    """Whatever `--only` chooses, each chosen producer's rows come from exactly one part, and each
    format is exported exactly once (none twice, none left out)."""
    split = parts(only, list(FORMATS))
    assert _measured(split) == Counter(chosen(only))
    exports = EXPORTS in {name.rsplit(".", 1)[-1] for name in chosen(only)}
    assert _exported(split) == (Counter(FORMATS) if exports else Counter())


def test_only_the_formats_chosen_are_exported_each_once() -> None:
    """BENCH_SCALE_FORMATS=pdf,csv: those two formats exported, once each, and no part that
    would export nothing is started for the others."""
    split = parts("", ["pdf", "csv"])
    assert _exported(split) == Counter({"pdf": 1, "csv": 1})
    for part in split:
        assert any(not step.replay for step in part.steps)
        assert all(step.formats != () for step in part.steps)


def test_a_format_no_group_names_is_still_exported_once() -> None:
    """A new format nobody added to a group is measured, once, by the group of the rest."""
    split = parts("", [*FORMATS, "newformat"])
    assert _exported(split) == Counter([*FORMATS, "newformat"])


def test_a_producer_no_part_names_still_runs_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A producer added to the registry but to no part runs, once, in the part of the rest."""
    monkeypatch.setattr(registry, "PRODUCERS", (*PRODUCERS, "somewhere.new_rows"))
    split = parts("", list(FORMATS))
    assert _measured(split)["somewhere.new_rows"] == 1


def test_the_round_trip_reads_the_json_ld_export_of_its_own_part() -> None:
    """The JSON-LD export and the round trip that reads its file back are in one part, the
    export first, after the edits the round trip checks come back."""
    split = parts("", list(FORMATS))
    holding = [part for part in split if any(s.short == "exchange_rows" for s in part.steps)]
    assert len(holding) == 1
    steps = [step.describe() for step in holding[0].steps]
    assert steps == [EDITS, f"{EXPORTS} (jsonld)", "exchange_rows"]


def test_every_part_that_exports_applies_the_same_edits_first() -> None:
    """Each part with exports first makes the edits (measured in one part, replayed unprinted in
    the others), so every export sees the same claims; without the edits chosen, none does."""
    for split in (parts("", list(FORMATS)), parts("edit_rows,export_rows", list(FORMATS))):
        exporting = [part for part in split if any(s.short == EXPORTS for s in part.steps)]
        assert len(exporting) > 2
        for part in exporting:
            assert part.steps[0].short == EDITS
        assert sum(not part.steps[0].replay for part in exporting) == 1
    assert all(step.short != EDITS for part in parts("export_rows") for step in part.steps)


def test_each_part_keeps_the_registry_order() -> None:
    """Within a part, producers run in the registry's order (reads before writes), and the
    window's rows come after the search build that makes their index."""
    for part in parts("", list(FORMATS)):
        names = [step.name for step in part.steps]
        assert names == sorted(names, key=PRODUCERS.index)
    searching = [
        p for p in parts("", list(FORMATS)) if any(s.short == "window_rows" for s in p.steps)
    ]
    assert [step.short for step in searching[0].steps] == ["search_scale", "window_rows"]


def test_the_longest_part_starts_first() -> None:
    """The parts are numbered longest first, and the run starts them so across sizes: the
    largest size's longest part first, each size's parts in their order, the shortest last."""
    split = parts("", list(FORMATS))
    seconds = [part.seconds() for part in split]
    assert seconds == sorted(seconds, reverse=True) and len(split) > 2
    units = order([10_000, 100_000], split)
    assert units[0] == (100_000, 0) and units[-1] == (10_000, len(split) - 1)
    assert sorted(units) == sorted((s, i) for s in (10_000, 100_000) for i in range(len(split)))
    for size in (10_000, 100_000):
        indexes = [index for chosen_size, index in units if chosen_size == size]
        assert indexes == sorted(indexes)


def test_no_part_is_as_long_as_the_old_critical_path() -> None:
    """By the last run's figures at 100,000 articles, no part takes even half of the part that
    once held every export (the edits, the exports and the round trip: 3,077 s of CPU)."""
    assert max(part.seconds() for part in parts("", list(FORMATS))) < 3077 / 2
