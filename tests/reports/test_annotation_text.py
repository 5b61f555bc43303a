"""The annotations SQLite writes whole (services.annotation_text) are the writer's bytes, hostile
text included, with no batch left to the writer's way; a claim SQL cannot word sends its batch
that way, and the file is still the writer's."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.reports.test_annotation_table import HOSTILE, _both_ways, _hostile
from workbench.services import annotation_table

# Strings whose JSON escapes differ most between encoders: each must come out as Python's
# encoder writes it (`\u001f`, not `\u001F`; `\b`, not `\u0008`; U+007F, U+2028 and text
# beyond the BMP as themselves).
ESCAPES = [
    '\\"\\\\ "\'" \\u0041 \\n',
    "".join(map(chr, range(0x20))) + "\x7f",
    "\b\f\n\r\t/",
    "\u2028\u2029 𝔘😀 \U0010fffd \ue000",
    "100% sure: %s %d %% %(name)s {} {0}",  # the pieces are put together by a %-template
]


@pytest.fixture
def case(generated: Path, tmp_path: Path) -> Path:
    """A copy of the generated case of a dozen articles, for one test to change."""
    path = tmp_path / "case.wbproj"
    shutil.copyfile(generated, path)
    return path


def _no_writers_way(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the batches written the writer's way (none expected unless SQL gives up)."""
    taken: list[int] = []
    careful = annotation_table.batch_annotations

    def counted(*arguments: Any) -> list[str]:
        taken.append(1)
        return careful(*arguments)

    monkeypatch.setattr(annotation_table, "batch_annotations", counted)
    return taken


def _quotes(data: bytes) -> list[str]:
    items = json.loads(data)["first"]["items"]
    return [i["target"]["selector"][0]["exact"] for i in items if "selector" in i["target"]]


def test_hostile_text_is_written_by_sql_as_the_writer_writes_it(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quotes, backslashes, every control character, emoji and odd times: SQL's own bytes."""
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
    taken = _no_writers_way(monkeypatch)
    finished, written, _batches = _both_ways(case, monkeypatch)
    assert taken == []
    assert finished == written
    quotes = _quotes(finished)
    assert set(ESCAPES) <= set(quotes)
    assert HOSTILE[2] in quotes
    assert b"\\u001f" in finished and b"\\b" in finished and "𝔘".encode() in finished


def test_a_claim_sql_cannot_word_is_written_the_writers_way(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A grade outside 1-6 (written past the table's check): its batch the writer's way."""
    database = sqlite3.connect(case)
    with database:
        database.execute("PRAGMA ignore_check_constraints = ON")
        database.execute(
            "UPDATE claims SET credibility = 9 WHERE id = (SELECT min(id) FROM claims)"
        )
    database.close()
    taken = _no_writers_way(monkeypatch)
    finished, written, batches = _both_ways(case, monkeypatch)
    assert taken == [1]  # that batch only
    assert batches > 1
    assert finished == written
    assert b'"wb:grade":9' in finished
