"""What the index holds for each article and claim, and under which field names.

Nothing that SQLite already holds is stored in the index: only each document's key, its
article's id and a fingerprint of its indexed text (to tell when it is stale). Titles and
snippets are read from the database for the hits that are shown.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from itertools import accumulate

from whoosh import fields, formats
from whoosh.analysis import Analyzer

from workbench.search.analysis import NewsAnalyzer

# Raise when the schema or the analysis changes: an index made before is then rebuilt.
SCHEMA_VERSION = 4  # 4: posting blocks' values not compressed (blocks.encode_block)

_SMALL_DELTAS = 0
_LARGE_DELTAS = 1


class CompactPositions(formats.Positions):
    """Word positions, packed as bytes (or 32-bit ints) instead of pickles: faster to build."""

    def word_values(
        self, value: str, analyzer: Analyzer, **kwargs: object
    ) -> Iterator[tuple[str, int, float, bytes]]:
        if not hasattr(analyzer, "index_terms"):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost, encode = self.field_boost, self.encode
        for term, places in _positions(analyzer.index_terms(value)).items():
            yield term, len(places), len(places) * boost, encode(places)

    def encoded_terms(
        self, value: str, analyzer: Analyzer
    ) -> list[tuple[bytes, int, float, bytes]]:
        """Like `word_values`, with the terms as UTF-8 bytes: what a segment writer stores."""
        boost, encode = self.field_boost, self.encode
        found = []
        for term, places in _positions(analyzer.index_terms(value)).items():
            count = len(places)
            if count == 1 and places[0] < 256:
                encoded = bytes((_SMALL_DELTAS, places[0]))
            else:
                encoded = encode(places)
            found.append((term.encode("utf-8"), count, count * boost, encoded))
        return found

    def positions_of_terms(self, value: str, analyzer: Analyzer) -> dict[str, list[int]]:
        """Each term of the text and its word positions (what `encoded_terms` encodes)."""
        return _positions(analyzer.index_terms(value))

    def encode(self, poslist: Iterable[int]) -> bytes:
        places = list(poslist)
        if len(places) == 1 and places[0] < 256:
            return bytes((_SMALL_DELTAS, places[0]))
        deltas, base = [], 0
        for position in places:
            deltas.append(position - base)
            base = position
        if max(deltas, default=0) < 256:
            return bytes([_SMALL_DELTAS, *deltas])
        return bytes([_LARGE_DELTAS]) + array("I", deltas).tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        if valuestring[0] == _SMALL_DELTAS:
            return list(accumulate(valuestring[1:]))
        return list(accumulate(array("I", valuestring[1:])))

    def iter_positions(self, valuestring: bytes) -> Iterator[int]:
        """The positions of `decode_positions`, as an iterator (no list built)."""
        if valuestring[0] == _SMALL_DELTAS:
            return accumulate(valuestring[1:])
        return accumulate(array("I", valuestring[1:]))

    def decode_frequency(self, valuestring: bytes) -> int:
        if valuestring[0] == _SMALL_DELTAS:
            return len(valuestring) - 1
        return (len(valuestring) - 1) // 4

    def decode_weight(self, valuestring: bytes) -> float:
        return self.decode_frequency(valuestring) * self.field_boost


def _positions(terms: list[str]) -> dict[str, list[int]]:
    positions: dict[str, list[int]] = {}
    for position, term in enumerate(terms):
        found = positions.get(term)
        if found is None:
            positions[term] = [position]
        else:
            found.append(position)
    return positions


class Text(fields.TEXT):
    """Analysed text with positions (for phrases), searched with BM25F at a field boost."""

    def __init__(self, field_boost: float = 1.0) -> None:
        super().__init__(analyzer=NewsAnalyzer(), field_boost=field_boost)
        self.format = CompactPositions(field_boost=field_boost)


class Values(fields.FieldType):
    """Exact values (names, tags, years) for facets and filters; a list per document."""

    def __init__(self) -> None:
        super().__init__(formats.Existence(), analyzer=None, scorable=False)

    def index(self, value: object, **kwargs: object) -> Iterator[tuple[bytes, int, float, bytes]]:
        values = [value] if isinstance(value, str) else value
        for item in sorted(set(values)):  # type: ignore[call-overload]
            if item:
                yield item.encode("utf-8"), 1, 1.0, b""

    def process_text(self, qstring: str, mode: str = "", **kwargs: object) -> Iterator[str]:
        yield qstring


# Facets, in the order the analyst sees them: facet name -> field of exact values.
FACETS = {
    "sources": "source_value",
    "actors": "actor_value",
    "tags": "tag_value",
    "statuses": "status",
    "outlets": "outlet_value",
    "years": "year",
}

# What an analyst can type before a colon, and the index field it searches.
QUERY_FIELDS = {
    "title": "title",
    "text": "body",
    "body": "body",
    "quote": "body",
    "summary": "summary",
    "note": "notes",
    "notes": "notes",
    "source": "source",
    "actor": "actor",
    "event": "event",
    "tag": "tag",
    "status": "status",
    "kind": "kind",
    "outlet": "outlet",
    "author": "author",
    "language": "language",
    "date": "date",
    "credibility": "credibility",
    "reliability": "reliability",
    "type": "doctype",
}

# Fields searched by words without a field name, with their BM25F boosts.
DEFAULT_FIELDS = (
    "title",
    "body",
    "summary",
    "notes",
    "source",
    "actor",
    "event",
    "tag",
    "outlet",
    "author",
)
# Fields whose words are shown highlighted in snippets.
HIGHLIGHTED_FIELDS = frozenset({"title", "body", "summary", "notes"})


def build_schema() -> fields.Schema:
    """The index schema: analysed text fields, keyword fields, dates and facet values."""
    return fields.Schema(
        key=fields.ID(unique=True, stored=True),
        doctype=fields.ID(),
        article_id=fields.STORED(),
        fingerprint=fields.STORED(),
        title=Text(field_boost=2.5),
        body=Text(),
        summary=Text(field_boost=1.5),
        notes=Text(),
        source=Text(field_boost=1.5),
        actor=Text(field_boost=1.5),
        event=Text(field_boost=1.5),
        tag=Text(field_boost=2.0),
        outlet=Text(),
        author=Text(),
        status=fields.KEYWORD(lowercase=True),
        kind=fields.KEYWORD(lowercase=True),
        language=fields.KEYWORD(lowercase=True),
        reliability=fields.KEYWORD(lowercase=True),
        credibility=fields.NUMERIC(int, bits=8),
        date=fields.DATETIME(),
        year=Values(),
        source_value=Values(),
        actor_value=Values(),
        tag_value=Values(),
        outlet_value=Values(),
    )
