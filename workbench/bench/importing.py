"""Import throughput: a generated corpus of saved news pages imported end to end.

Pages look like real saved articles (site menu, share bar, ad slots, author box, trending
list, scripts and styles, inline "Also read" links); some are syndicated copies of others with
different chrome, a few are exact re-saves. Reported: pages per second from the first file read
to the last article stored and indexed (the search outbox drained), and peak memory of the
writer and of the largest worker. Budget: 40 pages/s on two cores.
"""

from __future__ import annotations

import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from workbench.services import Project, search
from workbench.services.importing import ImportSummary, import_paths

PAGES = 3000
BUDGET_PAGES_PER_SECOND = 40.0
_SEED = 20250623
_VOCABULARY = (
    "minister government officials said report forces border talks sanctions agreement "
    "statement security military strike nuclear ceasefire election parliament president "
    "spokesman according sources told reuters analysts warned economy oil prices market "
    "attack defence region capital week month year early late plans support pressure "
    "council vote leaders negotiations allies troops drone missile aid humanitarian crisis "
    "refugees court ruling investigation police protest opposition coalition budget deal"
)
_WORDS = tuple(_VOCABULARY.split())
_FIRST_NAMES = ("Ana", "Omar", "Li", "Ruta", "Sam")
_LAST_NAMES = ("Reyes", "Khan", "Wu", "Deshpande", "Okafor")
_AD = '<div class="ad ad-inline"><span>- Advertisement -</span></div>'
_OUTLETS = ("Deftechtimes", "Daily Ledger", "Harbour Post", "Northern Wire", "The Courier")


def run(cache: Path) -> None:
    corpus = generated_corpus(cache, PAGES)
    with (
        tempfile.TemporaryDirectory() as folder,
        Project.create(Path(folder) / "bench.wbproj") as project,
    ):
        search.open_index(project)  # an empty index, as a new project has
        try:
            started = time.perf_counter()
            summary = import_paths(project, [corpus])
            imported = time.perf_counter() - started
            indexed = search.drain_outbox(project)
            seconds = time.perf_counter() - started
        finally:
            search.close_index(project)
    _print_table(summary, imported, seconds, indexed)


def _print_table(summary: ImportSummary, imported: float, seconds: float, indexed: int) -> None:
    rate = summary.files_done / seconds if seconds else 0.0
    writer_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rows = [
        ("pages", f"{summary.files_done}"),
        ("seconds", f"{seconds:.1f}  (extract + store {imported:.1f}, then index {indexed} "
                    f"changes {seconds - imported:.1f})"),
        ("pages/s", f"{rate:.1f}  (budget {BUDGET_PAGES_PER_SECOND:.0f}: "
                    f"{'met' if rate >= BUDGET_PAGES_PER_SECOND else 'MISSED'})"),
        ("imported", f"{len(summary.imported)}"),
        ("duplicates", f"{len(summary.duplicates)}"),
        ("near-dups", f"{len(summary.near_duplicates)}"),
        ("failed", f"{len(summary.failures)}"),
        ("peak MB", f"writer {writer_mb:.0f}, largest worker {worker_mb:.0f}"),
    ]  # fmt: skip
    for label, value in rows:
        print(f"{label:<11} {value}")


def generated_corpus(cache: Path, pages: int) -> Path:
    """A folder of `pages` saved pages, generated once and kept in the cache."""
    folder = cache / f"pages-{pages}-{_SEED}-v2"
    if (folder / ".complete").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(_SEED)
    stories: list[tuple[str, list[str]]] = []
    for number in range(pages):
        roll = rng.random()
        if stories and roll < 0.01:
            title, body = rng.choice(stories)  # the same page saved twice
        elif stories and roll < 0.07:
            title, body = _headline(rng), _syndicated(rng, rng.choice(stories)[1])
        else:
            title, body = _headline(rng), _story(rng)
            stories.append((title, body))
        page = _page(rng, number, rng.choice(_OUTLETS), title, body)
        (folder / f"page-{number:05d}.html").write_text(page, encoding="utf-8")
    (folder / ".complete").touch()
    return folder


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 24))]
    return " ".join(words).capitalize() + rng.choice((".", ".", ".", "?"))


def _headline(rng: random.Random, words: int = 0) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words or rng.randint(6, 12))).title()


def _story(rng: random.Random) -> list[str]:
    return [
        " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
        for _ in range(rng.randint(8, 22))
    ]


def _syndicated(rng: random.Random, story: list[str]) -> list[str]:
    """A wire story as another outlet runs it: trimmed at the end, one paragraph reworded."""
    copy = story[: max(4, len(story) - rng.randint(0, 3))]
    copy[rng.randrange(len(copy))] = " ".join(_sentence(rng) for _ in range(3))
    return copy


def _page(rng: random.Random, number: int, outlet: str, title: str, body: list[str]) -> str:
    """A page of about the size and element count of a real saved article (~700 elements)."""
    author = f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}"
    date = f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}T08:30:00+00:00"
    paragraphs = [f"<p>{paragraph}</p>" for paragraph in body]
    paragraphs.insert(len(paragraphs) // 2, _also_read(rng))
    paragraphs.insert(len(paragraphs) // 3, _AD)
    return (
        f'<!DOCTYPE html>\n<html lang="en">{_head(rng, number, outlet, title, author, date)}'
        f"<body><header>{_menu(rng)}</header><main><article><h1>{title}</h1>"
        f'<div class="byline">By <a rel="author" href="/a/">{author}</a> '
        f'<time datetime="{date}">{date[:10]}</time></div>{_SHARE}'
        f'<figure><img src="https://cdn.example.invalid/{number}.jpg" alt=""><figcaption>'
        f"Photo: {author}/{outlet}</figcaption></figure>"
        f'<div class="entry-content">{"".join(paragraphs)}</div>{_SHARE}</article>'
        f'<aside class="author-box"><h4>More from Author</h4><p>{author} covers security.</p>'
        f'</aside><aside class="trending"><h4>Trending on {outlet}</h4>{_teasers(rng, 16)}'
        f'</aside><section class="comments">{_comments(rng)}</section></main>'
        f"<footer>{_footer(rng, outlet)}</footer></body></html>\n"
    )


def _head(rng: random.Random, number: int, outlet: str, title: str, author: str, date: str) -> str:
    script = "var config = {" + ",".join(f'"k{i}": "{rng.random()}"' for i in range(3000)) + "};"
    return (
        f'<head><meta charset="utf-8"><title>{title} - {outlet}</title>'
        f'<meta property="og:title" content="{title}">'
        f'<meta property="og:site_name" content="{outlet}"><meta name="author" content="{author}">'
        f'<meta property="article:published_time" content="{date}">'
        f'<link rel="canonical" href="https://example.invalid/{number}/">'
        f'<script src="https://ads.example.invalid/tag.js"></script>'
        f"<style>{'.x{color:#111}' * 800}</style><script>{script}</script></head>"
    )


def _menu(rng: random.Random) -> str:
    sections = "".join(
        f'<li><a href="/s/{word}/">{word.title()}</a><ul>'
        + "".join(f'<li><a href="/s/{word}/{i}/">{_headline(rng, 2)}</a></li>' for i in range(6))
        + "</ul></li>"
        for word in _WORDS[:12]
    )
    return f'<nav class="menu"><ul>{sections}</ul></nav><form class="search"><input></form>'


def _teasers(rng: random.Random, count: int) -> str:
    return "".join(
        f'<div class="card"><a href="/t/{i}/"><img src="/i/{i}.jpg" alt=""></a>'
        f'<div class="card-body"><h3><a href="/t/{i}/">{_headline(rng)}</a></h3>'
        f'<p>{_sentence(rng)}</p><span class="meta">{rng.randint(2, 59)} min ago</span></div></div>'
        for i in range(count)
    )


def _comments(rng: random.Random) -> str:
    return "<h3>Comments</h3>" + "".join(
        f'<div class="comment"><div class="comment-author"><img src="/u/{i}.png" alt="">'
        f'<b>reader{i}</b></div><div class="comment-body"><p>{_sentence(rng)}</p></div>'
        f'<a class="reply" href="#r{i}">Reply</a></div>'
        for i in range(10)
    )


def _footer(rng: random.Random, outlet: str) -> str:
    columns = "".join(
        "<ul>"
        + "".join(f'<li><a href="/f/{c}/{i}/">{_headline(rng, 2)}</a></li>' for i in range(20))
        + "</ul>"
        for c in range(5)
    )
    return f'<div class="links">{columns}</div><p>© 2025 {outlet}. All rights reserved.</p>'


def _also_read(rng: random.Random) -> str:
    return (
        f'<div class="related-inline"><span>Also Read</span><h3><a href="/r/">'
        f"{_headline(rng, 9)}</a></h3></div>"
    )


_SHARE = (
    '<div class="share"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> '
    '<a href="#">Telegram</a> <a href="#">Email</a></div>'
)
