"""A report whose articles are read in batches, and a record of what had happened by the time
each batch was asked for: the test of a renderer that writes (or lays out) as it reads."""

from __future__ import annotations

import gc
import random
import string
from collections.abc import Callable, Iterator
from datetime import datetime

from workbench.reports.model import Article, ArticleStream, Claim, Report

BATCH = 5


def streamed_report(articles: int, chars: int, seen: Callable[[], int]) -> tuple[Report, list[int]]:
    """A report of `articles` articles of `chars` letters of varied text (one claim each),
    read `BATCH` at a time; the list gets `seen()` each time a batch with the articles' text
    is asked for (the pass that shows them; cheaper passes for tables are not recorded)."""
    words = random.Random(7)
    made = []
    for number in range(articles):
        text = "".join(words.choices(string.ascii_letters + "      ", k=chars))
        claim = Claim(ref=f"c{number}", number=number + 1, start=0, end=20, exact=text[:20])
        title = f"Article {number}"
        made.append(Article(ref=f"{number:064x}", title=title, text=text, claims=(claim,)))
    record: list[int] = []

    def read(text: bool, _claims: bool) -> Iterator[list[Article]]:
        for start in range(0, len(made), BATCH):
            if text:
                record.append(seen())
            yield made[start : start + BATCH]

    def outline() -> Iterator[tuple[str, int]]:
        return iter([(article.title, len(article.claims)) for article in made])

    stream = ArticleStream(len(made), len(made), read, outline)
    return Report(title="Streamed", created=datetime(2025, 6, 23), articles=stream), record


def live(kind: type) -> int:
    """How many objects of `kind` are alive now."""
    gc.collect()
    return sum(1 for thing in gc.get_objects() if isinstance(thing, kind))
