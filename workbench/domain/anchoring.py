"""Text anchors: code-point spans with W3C-style quote selectors.

Offsets count Unicode code points of the article's (NFC) text, as the W3C Web Annotation
TextPositionSelector does. Qt counts UTF-16 units; `Utf16Index` converts at the UI boundary.
When the text changes, `reanchor` finds a span again by position, exact quote, then fuzzy quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz

CONTEXT_CHARS = 32
FUZZY_THRESHOLD = 85.0
# the fuzzy place must beat the best place elsewhere by this much (a look-alike paragraph at
# 80.4 against a threshold of 80 is no evidence of where the quote went)
FUZZY_MARGIN = 8.0
START_SLACK = 3
SCAN_WHOLE_TEXT_UNDER = 4000  # characters; a longer text is searched where the words point
CANDIDATE_PLACES = 8
VOTING_WORDS = 6
_WORD = re.compile(r"\w{4,}")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# straight and typographic quote marks, each folded to one (same length: offsets stay)
_FOLD_MARKS = (("“", '"'), ("”", '"'), ("„", '"'), ("«", '"'), ("»", '"'), ("‘", "'"), ("’", "'"))
QUOTE_MARKS = frozenset("\"'“”„«»‘’")


@dataclass(frozen=True, order=True)
class Span:
    """Half-open code-point range [start, end) in an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"a span needs 0 <= start <= end, not {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class QuoteSelector:
    """The quoted text with up to 32 characters of context either side."""

    exact: str
    prefix: str = ""
    suffix: str = ""


def quote_selector(text: str, span: Span, context: int = CONTEXT_CHARS) -> QuoteSelector:
    """The selector for `span` in `text`; raises if the span lies outside the text."""
    if span.end > len(text):
        raise ValueError(f"span {span.start}..{span.end} lies outside a text of {len(text)}")
    prefix = text[max(0, span.start - context) : span.start]
    return QuoteSelector(span.of(text), prefix, text[span.end : span.end + context])


class Utf16Index:
    """Converts between code-point offsets and UTF-16 offsets (Qt's positions) for one text."""

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_utf16 = [cp + i for i, cp in enumerate(self._astral)]

    @property
    def utf16_length(self) -> int:
        return self._length + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 position of a code-point offset."""
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} outside 0..{self._length}")
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, position: int, *, round_up: bool = False) -> int:
        """The code-point offset of a UTF-16 position; one inside a surrogate pair is rounded."""
        if not 0 <= position <= self.utf16_length:
            raise ValueError(f"UTF-16 position {position} outside 0..{self.utf16_length}")
        whole_pairs_before = bisect_right(self._astral_utf16, position - 2)
        offset = position - whole_pairs_before
        inside_pair = whole_pairs_before < len(self._astral_utf16) and (
            self._astral_utf16[whole_pairs_before] == position - 1
        )
        if inside_pair and not round_up:
            return offset - 1
        return offset

    def span_to_utf16(self, span: Span) -> tuple[int, int]:
        return self.to_utf16(span.start), self.to_utf16(span.end)

    def span_from_utf16(self, start: int, end: int) -> Span:
        """The code-point span covering UTF-16 [start, end), widened to whole characters."""
        return Span(self.from_utf16(start), self.from_utf16(end, round_up=True))


class AnchorMethod(StrEnum):
    POSITION = "position"
    EXACT = "exact quote"
    FUZZY = "fuzzy quote"
    ORPHANED = "orphaned"


@dataclass(frozen=True)
class Anchoring:
    """Where a span landed in a changed text, how it was found, and how sure we are (0–100)."""

    span: Span | None
    method: AnchorMethod
    score: float

    @property
    def orphaned(self) -> bool:
        return self.span is None


def reanchor(
    span: Span, selector: QuoteSelector, text: str, threshold: float = FUZZY_THRESHOLD
) -> Anchoring:
    """Place a span in (possibly changed) text: position, then exact quote, then fuzzy quote."""
    if span.end <= len(text) and span.of(text) == selector.exact:
        return Anchoring(span, AnchorMethod.POSITION, 100.0)
    exact = _best_exact_match(span, selector, text)
    if exact is not None:
        return Anchoring(exact, AnchorMethod.EXACT, 100.0)
    folded = _best_exact_match(span, _folded_selector(selector), _folded(text))
    if folded is not None:  # the same words, quote marks made curly or straight
        return Anchoring(folded, AnchorMethod.EXACT, 99.0)
    fuzzy, score = _best_fuzzy_match(selector, text)
    if fuzzy is not None and score >= threshold:
        return Anchoring(fuzzy, AnchorMethod.FUZZY, score)
    return Anchoring(None, AnchorMethod.ORPHANED, score)


def _folded_selector(selector: QuoteSelector) -> QuoteSelector:
    return QuoteSelector(
        _folded(selector.exact), _folded(selector.prefix), _folded(selector.suffix)
    )


def _folded(text: str) -> str:
    """Every quote mark as its straight form (one character for one: offsets stay)."""
    for mark, straight in _FOLD_MARKS:
        if mark in text:
            text = text.replace(mark, straight)
    return text


def _occurrences(needle: str, text: str, limit: int = 1000) -> list[int]:
    found: list[int] = []
    at = text.find(needle)
    while at != -1 and len(found) < limit:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _context_score(selector: QuoteSelector, text: str, start: int, end: int) -> float:
    """How well the text around [start, end) matches the selector's prefix and suffix (0–100)."""
    scores = []
    if selector.prefix:
        before = text[max(0, start - len(selector.prefix)) : start]
        scores.append(fuzz.ratio(selector.prefix, before))
    if selector.suffix:
        scores.append(fuzz.ratio(selector.suffix, text[end : end + len(selector.suffix)]))
    return sum(scores) / len(scores) if scores else 100.0


def _best_exact_match(span: Span, selector: QuoteSelector, text: str) -> Span | None:
    if not selector.exact:
        return None
    starts = _occurrences(selector.exact, text)
    if not starts:
        return None
    width = len(selector.exact)

    def rank(start: int) -> tuple[float, int]:
        return (_context_score(selector, text, start, start + width), -abs(start - span.start))

    best = max(starts, key=rank)
    return Span(best, best + width)


def _best_fuzzy_match(selector: QuoteSelector, text: str) -> tuple[Span | None, float]:
    exact = selector.exact
    if len(exact.strip()) < 4 or not text:
        return None, 0.0
    windows = _candidate_windows(exact, text)
    scored = []
    for window_start, window_end in windows:
        found = fuzz.partial_ratio_alignment(exact, text[window_start:window_end])
        if found is not None:
            scored.append(
                (found.score, window_start + found.dest_start, window_start + found.dest_end)
            )
    if not scored:
        return None, 0.0
    best_score, start, end = max(scored)
    end, score = _refine_end(exact, text, start, end)
    start, score = _refine_start(exact, text, start, end)
    start, end = _snapped(selector, text, start, end)
    quote_and_context = 0.85 * score + 0.15 * _context_score(selector, text, start, end)
    runner_up = max((other for other, s, e in scored if e <= start or s >= end), default=0.0)
    if len(windows) == 1 and windows[0] == (0, len(text)):
        runner_up = _runner_up(exact, text, start, end)
    if runner_up > best_score - FUZZY_MARGIN:
        return None, quote_and_context  # a look-alike elsewhere is nearly as good: no place
    return Span(start, end), quote_and_context


def _candidate_windows(exact: str, text: str) -> list[tuple[int, int]]:
    """Where in a long text the quote may be: around the places most of its words point to
    (each word found at `at`, `offset` into the quote, votes for a start near at - offset).
    A short text is one window. Look-alike places share the words, so they are among them."""
    if len(text) <= SCAN_WHOLE_TEXT_UNDER:
        return [(0, len(text))]
    bucket = max(16, len(exact) // 2)
    votes: Counter[int] = Counter()
    longest = sorted(_WORD.finditer(exact), key=lambda word: -len(word.group()))
    for word in longest[:VOTING_WORDS]:  # the longest words are the rarest: few scans
        for at in _occurrences(word.group(), text, limit=100):
            votes[(at - word.start()) // bucket] += 1
    windows: list[tuple[int, int]] = []
    for place, _count in votes.most_common(CANDIDATE_PLACES):
        start = max(0, place * bucket - len(exact) // 2)
        windows.append((start, min(len(text), place * bucket + bucket + len(exact) * 3 // 2)))
    return _merged(sorted(windows))


def _merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in windows:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _runner_up(exact: str, text: str, start: int, end: int) -> float:
    """The best score the quote reaches anywhere that does not overlap the chosen place."""
    before = fuzz.partial_ratio(exact, text[:start]) if start >= len(exact) // 2 else 0.0
    after = fuzz.partial_ratio(exact, text[end:]) if len(text) - end >= len(exact) // 2 else 0.0
    return max(before, after)


def _snapped(selector: QuoteSelector, text: str, start: int, end: int) -> tuple[int, int]:
    """Boundaries where the quote's were: no stray spaces, and where the old quote began or
    ended at a word boundary, a whole word (never "rces told Reuters")."""
    while start < end and text[start].isspace() and not selector.exact[:1].isspace():
        start += 1
    while end > start and text[end - 1].isspace() and not selector.exact[-1:].isspace():
        end -= 1
    if selector.exact[:1] in QUOTE_MARKS and start > 0 and text[start - 1] in QUOTE_MARKS:
        start -= 1  # the opening mark, changed from straight to curly or back
    if selector.exact[-1:] in QUOTE_MARKS and end < len(text) and text[end] in QUOTE_MARKS:
        end += 1
    began_a_word = selector.exact[:1].isalnum() and not selector.prefix[-1:].isalnum()
    while began_a_word and start > 0 and text[start - 1].isalnum():
        start -= 1
    ended_a_word = selector.exact[-1:].isalnum() and not selector.suffix[:1].isalnum()
    while ended_a_word and end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _refine_start(exact: str, text: str, start: int, end: int) -> tuple[int, float]:
    """Let the start move a few characters, so an opening quote mark or a short first word
    the alignment left out is taken too."""
    candidates = range(max(0, start - START_SLACK), min(end - 1, start + START_SLACK) + 1)
    best = max(candidates, key=lambda s: (fuzz.ratio(exact, text[s:end]), -abs(s - start)))
    return best, fuzz.ratio(exact, text[best:end])


def _refine_end(exact: str, text: str, start: int, end: int) -> tuple[int, float]:
    """Let the end move a little, so a quote that grew or shrank is taken whole."""
    slack = max(2, len(exact) // 5)
    candidates = range(max(start + 1, end - slack), min(len(text), end + slack) + 1)
    best = max(candidates, key=lambda e: (fuzz.ratio(exact, text[start:e]), -abs(e - end)))
    return best, fuzz.ratio(exact, text[start:best])
