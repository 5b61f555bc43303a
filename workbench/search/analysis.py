"""How text becomes search terms: words, lower case, accents folded, stop words dropped, stems.

One function, `index_terms`, does the work for indexing (fast: no token objects); the
`NewsAnalyzer` gives Whoosh the same terms, with positions and character offsets, for queries.
Both must agree, or a word indexed one way would be searched for another.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from whoosh.analysis import Analyzer, Token
from whoosh.lang.porter import stem as porter_stem

WORD = re.compile(r"\w+(?:\.?\w+)*")
WILDCARD_CHARS = frozenset("*?")
MIN_WORD_LENGTH = 2
STEM_CACHE_LIMIT = 300_000

# Short on purpose: "us", "may", "will" and "not" carry meaning in news ("US", "May").
STOP_WORDS = frozenset(
    {
        *("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in"),
        *("is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "with"),
    }
)

_SPECIAL_FOLDS = {
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "ł": "l",
    "þ": "th",
    "ı": "i",
}


def _fold_table() -> dict[int, str]:
    """Accented Latin and Greek letters mapped to their bare letters (é → e, ü → u, ά → α)."""
    table: dict[int, str] = {}
    ranges = [(0x00C0, 0x0250), (0x0370, 0x0400), (0x1E00, 0x1F00), (0x1F00, 0x2000)]
    for low, high in ranges:
        for code in range(low, high):
            char = chr(code)
            bare = "".join(
                part
                for part in unicodedata.normalize("NFKD", char)
                if not unicodedata.combining(part)
            )
            if bare and bare != char:
                table[code] = bare
    table.update((ord(char), bare) for char, bare in _SPECIAL_FOLDS.items())
    return table


FOLD_TABLE = _fold_table()
_stems: dict[str, str] = {}


def normal_form(text: str) -> str:
    """Lower case with accents folded; folded before and after lowering ("İ" and "ẞ" too)."""
    if text.isascii():
        return text.lower()
    return text.translate(FOLD_TABLE).lower().translate(FOLD_TABLE)


def stem(word: str) -> str:
    """The English stem of a lower-case word ("strikes" → "strike"), cached."""
    found = _stems.get(word)
    if found is None:
        if len(_stems) >= STEM_CACHE_LIMIT:
            _stems.clear()
        found = _stems[word] = word if word.isdigit() else porter_stem(word)
    return found


def term_of(word: str) -> str | None:
    """The search term for one word as the tokenizer found it, or None for a stop word."""
    word = normal_form(word)
    if len(word) < MIN_WORD_LENGTH or word in STOP_WORDS:
        return None
    return stem(word)


class _TermsOfWords(dict[str, str]):
    """Word (folded) → its term, or "" for a stop word or a too short one; filled as met."""

    def __missing__(self, word: str) -> str:
        if len(self) >= STEM_CACHE_LIMIT:
            self.clear()
        term = "" if len(word) < MIN_WORD_LENGTH or word in STOP_WORDS else stem(word)
        self[word] = term
        return term


_terms_of_words = _TermsOfWords()


def index_terms(text: str) -> list[str]:
    """The terms of a text in order, as they are indexed (stop words dropped, not counted)."""
    return [
        term for term in map(_terms_of_words.__getitem__, WORD.findall(normal_form(text))) if term
    ]


def query_word(text: str) -> str:
    """A word typed as a wildcard or fuzzy term: folded and lower-cased; stemmed if plain."""
    word = normal_form(text)
    if WILDCARD_CHARS.isdisjoint(word) and word.isalpha():
        return stem(word)
    return word


class NewsAnalyzer(Analyzer):
    """Whoosh's view of `index_terms`: tokens with positions and character offsets."""

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode)
        if not tokenize:
            token.text = query_word(value)
            token.pos, token.startchar = start_pos, start_char
            token.endchar = start_char + len(value)
            token.boost, token.stopped = 1.0, False
            yield token
            return
        position = start_pos
        for match in WORD.finditer(value):
            term = term_of(match.group())
            if term is None:
                continue
            token.text, token.boost, token.stopped = term, 1.0, False
            token.pos = position
            token.startchar, token.endchar = start_char + match.start(), start_char + match.end()
            position += 1
            yield token

    def index_terms(self, value: str) -> list[str]:
        return index_terms(value)

    def has_morph(self) -> bool:
        return True
