"""Text anchors: code-point spans with W3C-style quote selectors.

Offsets count Unicode code points of the article's (NFC) text, as the W3C Web Annotation
TextPositionSelector does. Qt counts UTF-16 units; `Utf16Index` converts at the UI boundary.
When the text changes, `reanchor` finds a span again by position, exact quote, then fuzzy quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from enum import StrEnum

from workbench.domain.quote_search import NewText, Quote, context_scores, find_fuzzy, folded
from workbench.domain.quote_search import keeps_word_edges as _keeps_word_edges

CONTEXT_CHARS = 32
FUZZY_THRESHOLD = 85.0
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


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
    span: Span,
    selector: QuoteSelector,
    text: str | NewText,
    threshold: float = FUZZY_THRESHOLD,
) -> Anchoring:
    """Place a span in (possibly changed) text: position, then exact quote, then fuzzy quote.

    Pass one `NewText` for all the spans of an article: it is prepared once. An exact match
    counts only where it begins and ends words as the old quote did; a fuzzy one only with a
    margin over any other place and its old surroundings beside it (see `quote_search`)."""
    new = text if isinstance(text, NewText) else NewText(text)
    quote = Quote(selector.exact, selector.prefix, selector.suffix)
    if _still_there(quote, new.text, span):
        return Anchoring(span, AnchorMethod.POSITION, 100.0)
    exact = _best_exact_match(span, quote, new.text)
    if exact is not None:
        return Anchoring(exact, AnchorMethod.EXACT, 100.0)
    same_marks = Quote(folded(quote.exact), folded(quote.prefix), folded(quote.suffix))
    exact = _best_exact_match(span, same_marks, new.folded)
    if exact is not None:  # the same words, quote marks made curly or straight
        return Anchoring(exact, AnchorMethod.EXACT, 99.0)
    fuzzy = find_fuzzy(quote, new, threshold)
    if fuzzy is None:
        return Anchoring(None, AnchorMethod.ORPHANED, 0.0)
    confidence = round(fuzzy.confidence, 1)
    if fuzzy.is_sure(threshold):
        return Anchoring(Span(fuzzy.start, fuzzy.end), AnchorMethod.FUZZY, confidence)
    return Anchoring(None, AnchorMethod.ORPHANED, confidence)


def _still_there(quote: Quote, text: str, span: Span) -> bool:
    return (
        span.end <= len(text)
        and span.of(text) == quote.exact
        and _keeps_word_edges(quote, text, span.start, span.end)
    )


def _occurrences(needle: str, text: str, limit: int = 1000) -> list[int]:
    found: list[int] = []
    at = text.find(needle)
    while at != -1 and len(found) < limit:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _best_exact_match(span: Span, quote: Quote, text: str) -> Span | None:
    """The occurrence of the quote, as whole words, whose context is most like the old."""
    if not quote.exact:
        return None
    width = len(quote.exact)
    starts = [
        start
        for start in _occurrences(quote.exact, text)
        if _keeps_word_edges(quote, text, start, start + width)
    ]
    if not starts:
        return None

    def rank(start: int) -> tuple[float, int]:
        sides = context_scores(quote, text, start, start + width)
        return (sum(sides) / len(sides), -abs(start - span.start))

    best = max(starts, key=rank)
    return Span(best, best + width)
