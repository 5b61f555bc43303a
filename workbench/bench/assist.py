"""Assist benchmark: how right the attribution suggestions are, and how fast they come.

Quality: token-level precision, recall and F1 for the cue, the source and the content on the
held-out part of the hand-annotated set (tests/assist/data/, never tuned on), beside a
reporting-verb-lexicon baseline computed in the same run (every lexicon word is a cue, no
source or content); the development part is printed too. Targets on held-out text: cue F1 ≥ 0.80,
source ≥ 0.70, content ≥ 0.65. No known names are given: every source is found from the text.

Speed: all suggestions (attributions, mentions, dates) for a 20,000-word article made of the
corpus texts, target ≤ 300 ms, beside two floors measured the same way on the same text: the
sentence splitter alone, and one pass of the reporting-verb lexicon (the baseline's cues).
Each figure is the median of several runs, after one warm-up run of each (dateparser loads its
language data then); before each run of the suggestions, the dates resolved are forgotten.
"""

from __future__ import annotations

import datetime
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from workbench.assist import suggest, suggest_attributions
from workbench.assist.dates import resolve
from workbench.assist.model import AttributionSuggestion
from workbench.assist.sentences import sentence_spans
from workbench.bench.assist_set import (
    ROLES,
    AnnotatedText,
    corpus_present,
    lexicon_baseline,
    load_set,
    scores,
)

LONG_ARTICLE_WORDS = 20_000
RUNS = 7
TARGETS = {"cue": 0.80, "source": 0.70, "content": 0.65}


def run(cache: Path) -> None:
    """Print the quality table, then the speed rows as each finishes."""
    if not corpus_present():
        print("the shared corpus or the annotated set is missing; nothing measured", flush=True)
        return
    loaded = load_set()
    if loaded.changed:
        print(f"skipped, their extracted text changed: {', '.join(loaded.changed)}", flush=True)
    for split in ("held-out", "development"):
        _quality_rows(split, [item for item in loaded.texts if item.split == split])
    _speed_rows(_long_article(loaded.texts))


def engine(item: AnnotatedText) -> tuple[AttributionSuggestion, ...]:
    """The assist engine as the benchmark runs it: the text and its outlet, no known names."""
    return suggest_attributions(item.text, outlet=item.outlet or None)


def _quality_rows(split: str, texts: list[AnnotatedText]) -> None:
    attributions = sum(item.count for item in texts)
    print(f"\n{split}: {attributions} attributions in {len(texts)} texts", flush=True)
    print(f"{'':<9}{'assist P / R / F1':>22}{'lexicon P / R / F1':>24}{'target F1':>11}")
    ours, floor = scores(texts, engine), scores(texts, lexicon_baseline)
    for role in ROLES:
        mine, base = ours[role], floor[role]
        print(
            f"{role:<9}{mine.precision:>8.2f}{mine.recall:>7.2f}{mine.f1:>7.2f}"
            f"{base.precision:>10.2f}{base.recall:>7.2f}{base.f1:>7.2f}"
            f"{'≥ ' + format(TARGETS[role], '.2f'):>11}",
            flush=True,
        )


def _long_article(texts: tuple[AnnotatedText, ...]) -> str:
    """The corpus texts one after another, cut at a paragraph to about 20,000 words."""
    paragraphs = [p for item in texts for p in item.text.split("\n\n")]
    chosen: list[str] = []
    words = 0
    while words < LONG_ARTICLE_WORDS:
        paragraph = paragraphs[len(chosen) % len(paragraphs)]
        chosen.append(paragraph)
        words += len(paragraph.split())
    return "\n\n".join(chosen)


def _speed_rows(text: str) -> None:
    published = datetime.date(2025, 6, 23)
    words = len(text.split())
    print(
        f"\nspeed on one article of {words:,} words (median of {RUNS} runs;"
        " CPU time, then wall time)",
        flush=True,
    )
    rows: list[tuple[str, Callable[[], object]]] = [
        ("all suggestions (target ≤ 300 ms)", lambda: _fresh_suggest(text, published)),
        ("floor: sentence splitter alone", lambda: sentence_spans(text)),
        ("floor: one pass of the lexicon", lambda: lexicon_baseline(_bare(text))),
    ]
    for label, work in rows:
        cpu, wall = _median_ms(work)
        print(f"{label:<40}{cpu:>9.1f} ms CPU{wall:>9.1f} ms wall", flush=True)


def _fresh_suggest(text: str, published: datetime.date) -> object:
    """As for an article not seen before: no date expression already resolved."""
    resolve.cache_clear()
    return suggest(text, published=published)


def _bare(text: str) -> AnnotatedText:
    return AnnotatedText("", "", text, None, "", {}, 0)


def _median_ms(work: Callable[[], object]) -> tuple[float, float]:
    work()
    cpu, wall = [], []
    for _ in range(RUNS):
        started, started_cpu = time.perf_counter(), time.process_time()
        work()
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return statistics.median(cpu), statistics.median(wall)
