"""The JSON-LD annotations a project file's SQL reads and writes (services.annotation_table)
are byte for byte those the writer makes from the report model, hostile text included."""

from __future__ import annotations

import json
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from workbench.reports import render
from workbench.reports import web_annotation as wa
from workbench.reports import web_annotation_items as items
from workbench.reports.model import ArticleStream
from workbench.services import Project
from workbench.services.reporting import build_report

HOSTILE = [
    'a "quote" and a \\ backslash',
    "tab\there, line\nbreak, return\r, \x00 nul, \x01\x1f\x7f controls",
    "emoji 😀🦊 and a flag 🇺🇳 beyond the BMP 𝔘",
    "RTL: مرحبا بالعالم \u200f שלום \u202e reversed",
    "line separators \u2028 and \u2029, BOM \ufeff, \ufffe",
    "combining e\u0301 and a lone accent \u0301",
    "</script><!-- --> & < > '",
    "",
]


@pytest.fixture
def case(generated: Path, tmp_path: Path) -> Path:
    """A copy of the generated case of a dozen articles, for one test to change."""
    path = tmp_path / "case.wbproj"
    shutil.copyfile(generated, path)
    return path


def _both_ways(
    path: Path, monkeypatch: pytest.MonkeyPatch, **filters: Any
) -> tuple[bytes, bytes, int]:
    """The JSON-LD as the project's SQL finishes the annotations, as the writer writes them
    from the report model, and how many batches the first came in."""
    monkeypatch.setattr("workbench.services.report_data.BATCH", 3)
    fixed = uuid.UUID(int=7)
    monkeypatch.setattr(wa.uuid, "uuid4", lambda: fixed)
    batches = 0
    with Project.open(path, read_only=True) as project:
        report = build_report(project, **filters)
        stream = report.articles
        assert isinstance(stream, ArticleStream) and items.TABLE in stream.tables
        reader = stream.tables[items.TABLE]

        def counted() -> Iterator[tuple[int, list[Any]]]:
            nonlocal batches
            for batch in reader():
                batches += 1
                yield batch

        stream.tables = {**stream.tables, items.TABLE: counted}
        finished = render(report, "jsonld")
        monkeypatch.setattr(items, "TABLE", "no table of finished annotations")
        monkeypatch.setattr(wa, "ARTICLE_TABLE", "no table of finished article records")
        written = render(report, "jsonld")
    return finished, written, batches


def _hostile(path: Path) -> None:
    """Every text an annotation shows given hostile values in turn, times stored in other
    forms, a claim at the very start and one at the very end of its article, and a second
    claim on one claim's very span: written straight into the file."""
    columns = [
        ("claims", "summary"),
        ("claims", "exact"),
        ("claims", "prefix"),
        ("claims", "suffix"),
        ("claims", "kind"),
        ("actor_mentions", "exact"),
        ("actor_mentions", "suffix"),
        ("notes", "body"),
        ("tags", "name"),
        ("actors", "name"),
        ("sources", "name"),
        ("events", "title"),
        ("attribution_hops", "cue"),
        ("claim_actors", "role"),
        ("articles", "title"),
        ("articles", "outlet"),
        ("articles", "url"),
        ("articles", "language"),
        ("articles", "text"),
    ]
    database = sqlite3.connect(path)
    with database:
        for table, column in columns:
            ids = [row[0] for row in database.execute(f"SELECT id FROM {table} ORDER BY id")]
            for at, row_id in enumerate(ids):
                value = HOSTILE[at % len(HOSTILE)]
                unique = f"{value}{at}" if table in {"tags", "actors", "sources"} else value
                database.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (unique, row_id))
        first, text = database.execute("SELECT id, text FROM articles ORDER BY id").fetchone()
        claims = [row[0] for row in database.execute("SELECT id FROM claims ORDER BY id")]
        edges = (
            'UPDATE claims SET article_id = ?, start = ?, "end" = ?, exact = ?, prefix = ?,'
            " suffix = ? WHERE id = ?"
        )
        database.execute(edges, (first, 0, 5, text[:5], "", text[5:20], claims[0]))
        end = len(text)
        database.execute(edges, (first, end - 5, end, text[-5:], text[-20:-5], "", claims[1]))
        database.execute(edges, (first, 0, 5, text[:5], "", text[5:20], claims[2]))
        stamps = ["2025-06-21T09:30:15", "2025-06-21 09:30:15", "2025-06-21 09:30:15.999999+02:00"]
        for claim_id, stamp in zip(claims[3:], stamps, strict=False):
            database.execute("UPDATE claims SET created_at = ? WHERE id = ?", (stamp, claim_id))
        database.execute("UPDATE claims SET orphaned = 1 WHERE id = ?", (claims[4],))
        articles = [row[0] for row in database.execute("SELECT id FROM articles ORDER BY id")]
        written = [  # authors and publication times as stored, in forms besides the usual
            ('["Ana \\u00c9lise", "\\u0000 \\"x\\""]', "2024-03-22 23:53:00.000000"),
            ("[]", "2024-03-22 23:53:00.250000"),
            ("null", "2024-03-22 23:53:00"),
            ('["Zoë"]', None),
        ]
        for article_id, (authors, published) in zip(articles[1:], written, strict=False):
            database.execute(
                "UPDATE articles SET authors = ?, published = ? WHERE id = ?",
                (authors, published, article_id),
            )
    database.close()


def _annotations(data: bytes) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(data)["first"]["items"]
    return found


def test_the_finished_annotations_are_the_writers_bytes(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the generated case, three articles a batch, the SQL's file is the writer's."""
    finished, written, batches = _both_ways(case, monkeypatch)
    assert finished == written
    assert batches >= 4
    kinds = {item["motivation"] for item in _annotations(finished)}
    assert {"assessing", "identifying", "linking"} <= kinds


def test_hostile_text_comes_out_as_the_writer_writes_it(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quotes, backslashes, control characters, emoji, right-to-left text, odd stored times,
    claims at the very start and end of an article and two on one span: the same bytes."""
    _hostile(case)
    finished, written, _batches = _both_ways(case, monkeypatch)
    assert finished == written
    found = _annotations(finished)
    quotes = [item["target"]["selector"][0] for item in found if "selector" in item["target"]]
    assert any(quote["exact"] == HOSTILE[2] for quote in quotes)
    assert any("prefix" not in quote for quote in quotes)
    assert any(item.get("wb:orphaned") is True for item in found)
    created = {item.get("created") for item in found}
    assert {"2025-06-21T09:30:15Z", "2025-06-21T07:30:15Z"} <= created


def test_a_filtered_report_holds_the_same_annotations(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claims chosen by status: the SQL leaves out the others as the writer does."""
    finished, written, _batches = _both_ways(case, monkeypatch, statuses=["disputed"])
    assert finished == written
    claims = [item for item in _annotations(finished) if item["motivation"] == "assessing"]
    statuses = {
        body["value"] for c in claims for body in c["body"] if body.get("wb:property") == "status"
    }
    assert statuses == {"disputed"}


# Strings whose JSON escapes differ most between encoders: each must come out as Python's
# encoder writes it (`\u001f`, not `\u001F`; `\b`, not `\u0008`; U+007F, U+2028 and text
# beyond the BMP as themselves), and %-template signs as typed.
ESCAPES = [
    '\\"\\\\ "\'" \\u0041 \\n',
    "".join(map(chr, range(0x20))) + "\x7f",
    "\b\f\n\r\t/",
    "\u2028\u2029 𝔘😀 \U0010fffd \ue000",
    "100% sure: %s %d %% %(name)s {} {0}",
]


def test_every_escape_comes_out_as_the_writer_writes_it(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every C0 control, U+007F, U+2028, text beyond the BMP and %-signs in quotes,
    summaries and cues: the SQL's file is the writer's, and the quotes read back as stored."""
    _hostile(case)
    database = sqlite3.connect(case)
    with database:
        ids = [row[0] for row in database.execute("SELECT id FROM claims ORDER BY id")]
        for at, claim_id in enumerate(ids[5:]):
            value = ESCAPES[at % len(ESCAPES)]
            database.execute(
                "UPDATE claims SET exact = ?, summary = ? WHERE id = ?", (value, value, claim_id)
            )
        database.execute("UPDATE attribution_hops SET cue = ?", (ESCAPES[1],))
    database.close()
    finished, written, _batches = _both_ways(case, monkeypatch)
    assert finished == written
    found = _annotations(finished)
    quotes = {i["target"]["selector"][0]["exact"] for i in found if "selector" in i["target"]}
    assert set(ESCAPES) <= quotes
    assert b"\\u001f" in finished and b"\\b" in finished and "𝔘".encode() in finished


def test_a_whole_project_in_json_ld_skips_the_claim_counts_only(case: Path) -> None:
    """JSON-LD shows no claims-per-record counts, so a report of everything for it reads
    none, yet holds every source, actor, event and relation the HTML report does."""
    from workbench.services.reporting import report_for

    with Project.open(case, read_only=True) as project:
        exchange, html = report_for(project, "jsonld"), report_for(project, "html")
    assert exchange.counts is not None and html.counts is not None
    assert not any(exchange.counts.sources.values()) and not any(exchange.counts.actors.values())
    assert any(html.counts.sources.values()) and any(html.counts.actors.values())
    kept = ("sources", "actors", "events", "relations")
    assert [getattr(exchange, name) for name in kept] == [getattr(html, name) for name in kept]
    assert exchange.sources and exchange.relations


def test_sqlite_quotes_every_character_as_the_json_encoder_does() -> None:
    """SQLite's json_quote (as `annotation_records.as_json` reads a text) gives the very bytes
    the writer's `encode_basestring` gives, for every character of the first planes and some
    beyond, each alone and amid plain text."""
    from workbench.services.annotation_records import as_json

    characters = [chr(c) for c in range(0x3000) if not 0xD800 <= c < 0xE000]
    characters += ["\ufeff", "\ufffe", "\uffff", "\U00010000", "😀", "\U0010ffff"]
    texts = [*characters, *(f"a{c}b{c}" for c in characters), "".join(characters)]
    database = sqlite3.connect(":memory:")
    try:
        query = f"SELECT {as_json('?')}"
        found = [database.execute(query, (text,)).fetchone()[0] for text in texts]
    finally:
        database.close()
    assert found == [items.quoted(text).encode() for text in texts]
