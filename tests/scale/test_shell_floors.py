"""The `sqlite3` floors of HTML, Markdown and JSON-LD write what our reports hold: every
article's text, every claim and, for JSON-LD, every record and actor mention."""

from __future__ import annotations

import html
import json
import shutil
import sqlite3
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from workbench.bench.scale import shell_floors
from workbench.services import Project
from workbench.services.reporting import export_report

pytestmark = pytest.mark.skipif(
    shutil.which("sqlite3") is None, reason="the sqlite3 shell is not installed"
)


def _floor(case: Path, fmt: str, out: Path) -> str:
    subprocess.run(shell_floors.command(str(case), shell_floors.FLOORS[fmt], str(out)), check=True)
    return out.read_text("utf-8")


def _texts(case: Path) -> list[str]:
    database = sqlite3.connect(f"file:{case}?mode=ro", uri=True)
    try:
        return [text for (text,) in database.execute("SELECT text FROM articles")]
    finally:
        database.close()


def _arrays(text: str) -> list[list[dict[str, object]]]:
    """The JSON arrays the shell wrote one after another, one for each query."""
    decoder, arrays, at = json.JSONDecoder(), [], 0
    while at < len(text.rstrip()):
        array, at = decoder.raw_decode(text, at)
        arrays.append(array)
        at = len(text) - len(text[at:].lstrip())
    return arrays


def test_the_html_floor_writes_every_article_text_our_report_shows(
    tiny_case: Path, tmp_path: Path
) -> None:
    """Each article's text, escaped, is in the HTML floor's file, as its paragraphs are in ours."""
    floor = _floor(tiny_case, "html", tmp_path / "floor.html")
    with Project.open(tiny_case, read_only=True) as project:
        export_report(project, "html", tmp_path / "ours.html")
    ours = (tmp_path / "ours.html").read_text("utf-8")
    texts = _texts(tiny_case)
    assert len(texts) == 200
    assert all(html.escape(text, quote=False) in floor for text in texts)
    assert all(html.escape(text.split("\n")[0], quote=False)[:40] in ours for text in texts)


def test_the_markdown_floor_writes_every_article_text(tiny_case: Path, tmp_path: Path) -> None:
    """Each article's text is in the Markdown floor's file (quoted cells), once."""
    floor = _floor(tiny_case, "md", tmp_path / "floor.csv")
    assert all(floor.count(text) == 1 for text in _texts(tiny_case))


def test_the_jsonld_floor_writes_every_record_claim_and_mention_ours_holds(
    tiny_case: Path, tmp_path: Path
) -> None:
    """The JSON-LD floor has our articles' texts, as many sources, actors, events and claim
    relations, every claim's quote and every actor mention's quote as often as ours."""
    arrays = _arrays(_floor(tiny_case, "jsonld", tmp_path / "floor.json"))
    articles, sources, actors, events, claims, mentions, relations = arrays
    with Project.open(tiny_case, read_only=True) as project:
        export_report(project, "jsonld", tmp_path / "ours.jsonld")
    ours = json.loads((tmp_path / "ours.jsonld").read_text("utf-8"))
    items = ours["first"]["items"]
    quotes = Counter(
        (item["motivation"], item["target"]["selector"][0]["exact"])
        for item in items
        if item["motivation"] in ("assessing", "identifying")
    )
    assert sorted(article["text"] for article in articles) == sorted(
        article["wb:text"] for article in ours["wb:articles"]
    )
    assert (len(sources), len(actors), len(events)) == tuple(
        len(ours[key]) for key in ("wb:sources", "wb:actors", "wb:events")
    )
    assert len(relations) == sum(item["motivation"] == "linking" for item in items) > 0
    assert (
        Counter(("assessing", claim["exact"]) for claim in claims)
        + Counter(("identifying", mention["exact"]) for mention in mentions)
        == quotes
    )
