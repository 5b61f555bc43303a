"""Benchmark: open a 20,000-word article with 1,000 claims in the reader and paint it.

Budget (DESIGN.md): ≤ 150 ms from asking for the article to the first painted screen.
The project is generated once into the cache folder; each run opens two such articles in turn,
so every measurement is a real open (text replaced, every mark laid again), then paints.
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from workbench.domain.anchoring import Span
from workbench.domain.text import normalize_text
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import Hop, create_claim, set_attribution
from workbench.services.entities import create_actor, create_source
from workbench.services.links import mark_mention
from workbench.services.reading import article_for_reading

WORDS = 20_000
CLAIMS = 1_000
MENTIONS = 200
RUNS = 20
BUDGET_MS = 150.0
LAYOUT = "v1"
PROSE = (
    "the minister said talks would resume after strikes on nuclear sites while officials in "
    "Moscow and Tehran denied any letter had been sent according to sources who spoke to "
    "reporters on condition of anonymity as pressure mounted across the region"
)
VOCABULARY = tuple(PROSE.split(" "))


def article_text(seed: int) -> str:
    """About 20,000 words in paragraphs of ~80, with emoji outside the BMP here and there."""
    rng = random.Random(seed)
    paragraphs, words = [], 0
    while words < WORDS:
        size = rng.randint(60, 100)
        sentence = " ".join(rng.choice(VOCABULARY) for _ in range(size))
        if rng.random() < 0.1:
            sentence = "🔥 " + sentence
        paragraphs.append(sentence.capitalize() + ".")
        words += size
    return f"⚖️ Benchmark article {seed}\n\n" + "\n\n".join(paragraphs)


def build_project(path: Path) -> None:
    """Two big articles, each with 1,000 attributed claims (some overlapping) and mentions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    building.unlink(missing_ok=True)
    with Project.create(building) as project, project.command("Build the reader benchmark"):
        wire = create_source(project, "Wire agency", "wire agency", "B")
        outlet = create_source(project, "Bench outlet", "outlet", "C")
        actor = create_actor(project, "Minister", "person")
        for seed in (1, 2):
            _fill(project, seed, wire, outlet, actor)
    building.rename(path)


def _fill(project: Project, seed: int, wire: int, outlet: int, actor: int) -> int:
    stored = normalize_text(article_text(seed))
    article_id = add_article(project, NewArticle(text=stored, title=f"Benchmark {seed}"))
    rng = random.Random(seed)
    step = len(stored) // CLAIMS
    chain = [Hop("speaker", actor_id=actor), Hop("reported by", source_id=wire),
             Hop("published by", source_id=outlet)]  # fmt: skip
    for number in range(CLAIMS):
        start = number * step + rng.randint(0, step // 2)
        end = min(len(stored), start + rng.randint(step // 2, step * 2))
        claim = create_claim(project, article_id, Span(start, end), summary=f"Claim {number}")
        set_attribution(project, claim, chain)
    for number in range(MENTIONS):
        start = stored.find("Moscow", number * (len(stored) // MENTIONS))
        if start >= 0:
            mark_mention(project, article_id, Span(start, start + 6), actor)
    return article_id


def _prepared(cache: Path) -> Path:
    path = cache / f"reader-{LAYOUT}.wbproj"
    if not path.exists():
        print(f"building the benchmark project in {path} (once)…", flush=True)
        build_project(path)
    return path


def run(cache: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from workbench.ui.reader import ReaderView

    app = QApplication.instance() or QApplication([])
    with Project.open(_prepared(cache)) as project:
        ids = [1, 2]
        reader = ReaderView(project)
        reader.resize(1000, 800)
        reader.show()
        app.processEvents()
        reads: list[float] = []
        opens: list[float] = []
        paints: list[float] = []
        totals: list[float] = []
        for run_number in range(RUNS + 2):
            article_id = ids[run_number % 2]
            started = time.perf_counter()
            article_for_reading(project, article_id)
            read = time.perf_counter() - started
            started = time.perf_counter()
            reader.show_article(article_id)
            opened = time.perf_counter()
            reader.text.viewport().repaint()
            reader.header.repaint()
            painted = time.perf_counter()
            if run_number >= 2:  # the first two warm caches and fonts
                reads.append(read)
                opens.append(opened - started)
                paints.append(painted - opened)
                totals.append(painted - started)
        shown = article_for_reading(project, ids[0])
        reader.close()
    print(
        f"article: {len(shown.text.split()):,} words, {len(shown.claims):,} claims, "
        f"{len(shown.mentions):,} actor mentions; {RUNS} opens"
    )
    _table(reads, opens, paints, totals)


def _table(
    reads: list[float], opens: list[float], paints: list[float], totals: list[float]
) -> None:
    def ms(values: list[float]) -> str:
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        return f"{statistics.median(values) * 1000:9.1f} {p95 * 1000:9.1f}"

    print(f"{'step':<34}{'median ms':>10}{'p95 ms':>10}")
    print(f"{'read text and marks (services)':<34}{ms(reads)}")
    print(f"{'open (read, text, marks, header)':<34}{ms(opens)}")
    print(f"{'first paint':<34}{ms(paints)}")
    print(f"{'open and paint':<34}{ms(totals)}")
    verdict = "within" if statistics.median(totals) * 1000 <= BUDGET_MS else "OVER"
    print(f"budget {BUDGET_MS:.0f} ms: {verdict} budget (median)")
