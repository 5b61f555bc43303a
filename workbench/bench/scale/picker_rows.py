"""Rows: the claim picker's look-up without the search index (the bounded scan of the latest
claims, words found and words found nowhere); floor: the same SQL in
plain sqlite3. (With the index open, the look-up is a search-index query: see search rows.)"""

from __future__ import annotations

from collections.abc import Iterator

from workbench.bench.scale.case import Case
from workbench.bench.scale.table import Measurement, Target
from workbench.bench.scale.timing import paired
from workbench.services.relations import CHOICES, SCAN_WITHOUT_INDEX, find_claims

KEYSTROKE = Target(ratio=3.0, limit=30.0)  # per keystroke, well inside 100 ms on the UI thread

_FLOOR = (
    "SELECT c.id, c.article_id, a.title, c.exact, c.summary FROM claims c"
    " JOIN articles a ON a.id = c.article_id"
    " WHERE c.id > (SELECT max(id) FROM claims) - ? AND {words}"
    " ORDER BY c.id DESC LIMIT ?"
)
_WORD = "(lower(c.exact) LIKE ? ESCAPE '\\' OR lower(c.summary) LIKE ? ESCAPE '\\')"


def rows(case: Case) -> Iterator[Measurement]:
    newest = str(case.scalar("SELECT exact FROM claims ORDER BY id DESC LIMIT 1"))
    found = " ".join(word for word in newest.lower().split() if word.isalpha())[:24]
    with case.project(read_only=True) as project:
        for name, typed in (("words found", found), ("words found nowhere", "zqxj vvkq")):
            words = typed.split()
            query = _FLOOR.format(words=" AND ".join([_WORD] * len(words)))
            parameters: list[object] = [SCAN_WITHOUT_INDEX]
            for word in words:
                parameters += [f"%{word}%", f"%{word}%"]
            parameters.append(CHOICES + 1)

            def ours(typed: str = typed) -> object:
                return find_claims(project, typed)

            def floor(query: str = query, parameters: list[object] = parameters) -> object:
                return case.sql.execute(query, parameters).fetchall()

            mine = find_claims(project, typed)
            theirs = case.sql.execute(query, parameters).fetchall()
            agrees = [c.id for c in mine] == [row[0] for row in theirs][:CHOICES]
            ms, floor_ms = paired(ours, floor, case.repeat)
            note = f"“{typed}”: {len(mine)} offered" + ("" if agrees else "; DIFFERS")
            yield Measurement(
                f"claim picker, no index ({name})", case.size, ms, floor_ms, KEYSTROKE,
                note=note, agrees=agrees,
            )  # fmt: skip
