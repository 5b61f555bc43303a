"""Finding a quote whose words changed a little in a new text, with rapidfuzz.

A new text is prepared once (`NewText`: where each of its words is, and its quote marks folded)
and then serves every claim and mention of the article. A changed quote is looked for only
where its rarest words point; rapidfuzz aligns it there (`fuzz.partial_ratio_alignment`). A
place is taken only when three things hold: the words agree (a score of at least the
threshold), nothing elsewhere agrees nearly as well (a margin over the best other place, or a
place that differs from the quote many times less than any other does, so two look-alikes
leave the quote unplaced), and the words around it are still those that were
around the quote (its old prefix or suffix is found beside it, so a look-alike sentence in
another paragraph is not taken for a vanished quote). Boundaries then snap to whole words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

# the fuzzy place must beat the best place elsewhere by this much (a look-alike paragraph at
# 80.4 against a threshold of 80 is no evidence of where the quote went)
FUZZY_MARGIN = 8.0
# one side of the old context (prefix or suffix) must be at least this like the text beside
# the place: a look-alike in other surroundings is not the quote
CONTEXT_FLOOR = 80.0
# ...or the place must differ from the quote this many times less than the best other place
CLOSER_BY = 4.0
MIN_SHORTFALL = 0.5  # (a shortfall under half a point counts as half a point)
START_SLACK = 3
SCAN_WHOLE_TEXT_UNDER = 4000  # characters; a longer text is searched where the words point
CANDIDATE_PLACES = 8
VOTING_WORDS = 6  # of the quote's words found in the text, the rarest this many vote
COMMON_WORD = 20  # a word found more often than this does not vote
_WORD = re.compile(r"\w{4,}")
# straight and typographic quote marks, each folded to one (same length: offsets stay)
_FOLD_MARKS = (("“", '"'), ("”", '"'), ("„", '"'), ("«", '"'), ("»", '"'), ("‘", "'"), ("’", "'"))
QUOTE_MARKS = frozenset("\"'“”„«»‘’")


def folded(text: str) -> str:
    """Every quote mark as its straight form (one character for one: offsets stay)."""
    for mark, straight in _FOLD_MARKS:
        if mark in text:
            text = text.replace(mark, straight)
    return text


class NewText:
    """A new text of an article, prepared once for placing all of its claims and mentions:
    its quote marks folded, and where each of its words is (both made when first needed)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: dict[str, list[int]] | None = None
        self._folded: str | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = folded(self.text)
        return self._folded

    def places(self, word: str) -> list[int]:
        """Where `word` (of four letters or more) starts as a whole word."""
        if self._words is None:
            self._words = {}
            for match in _WORD.finditer(self.text):
                self._words.setdefault(match.group(), []).append(match.start())
        return self._words.get(word, [])


@dataclass(frozen=True)
class Quote:
    """The old quote and the words that were around it."""

    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class FuzzyPlace:
    """The best place found for a changed quote, and the evidence for and against it."""

    start: int
    end: int
    score: float  # how like the quote the words there are (0–100)
    context: float  # how like the old prefix and suffix the text beside it is (0–100)
    nearest_side: float  # the better of the two sides
    runner_up: float  # the best score of any place elsewhere

    @property
    def confidence(self) -> float:
        return 0.85 * self.score + 0.15 * self.context

    def is_sure(self, threshold: float) -> bool:
        """Good words, nothing else nearly as good, and its old surroundings beside it."""
        return (
            self.score >= threshold
            and (self.runner_up <= self.score - FUZZY_MARGIN or self._far_closer())
            and self.nearest_side >= CONTEXT_FLOOR
        )

    def _far_closer(self) -> bool:
        """A long quote with one letter changed scores 99.7, a look-alike with one word
        changed 95: under the margin, yet the look-alike differs many times more."""
        shortfall = max(100.0 - self.score, MIN_SHORTFALL)
        return 100.0 - self.runner_up >= CLOSER_BY * shortfall


def keeps_word_edges(quote: Quote, text: str, start: int, end: int) -> bool:
    """Whether [start, end) begins and ends words where the old quote did (its words are
    not a piece of a longer word: "According" inside "AAccording" is not the quote)."""
    began_a_word = quote.exact[:1].isalnum() and not quote.prefix[-1:].isalnum()
    if began_a_word and start > 0 and text[start - 1].isalnum():
        return False
    ended_a_word = quote.exact[-1:].isalnum() and not quote.suffix[:1].isalnum()
    return not (ended_a_word and end < len(text) and text[end].isalnum())


def context_scores(quote: Quote, text: str, start: int, end: int) -> tuple[float, ...]:
    """How like the old prefix and suffix the text before and after [start, end) is."""
    scores = []
    if quote.prefix:
        before = text[max(0, start - len(quote.prefix)) : start]
        scores.append(fuzz.ratio(quote.prefix, before))
    if quote.suffix:
        scores.append(fuzz.ratio(quote.suffix, text[end : end + len(quote.suffix)]))
    return tuple(scores) or (100.0,)


def find_fuzzy(quote: Quote, new: NewText, threshold: float) -> FuzzyPlace | None:
    """The best place for a changed quote in the new text (sure or not), or None. A place
    scoring under the threshold less the margin can neither be taken nor stand in the way
    of one that can, so rapidfuzz may stop early below it."""
    cutoff = threshold - FUZZY_MARGIN
    exact, text = quote.exact, new.text
    if len(exact.strip()) < 4 or not text:
        return None
    windows = candidate_windows(exact, new)
    scored = []
    for window_start, window_end in windows:
        window = text[window_start:window_end]
        found = fuzz.partial_ratio_alignment(exact, window, score_cutoff=cutoff)
        if found is not None and found.score > 0:
            where = (window_start + found.dest_start, window_start + found.dest_end)
            scored.append((found.score, *where, window_start, window_end))
    if not scored:
        return None
    _best, start, end, window_start, window_end = max(scored)
    end = _refine_end(exact, text, start, end)
    start = _refine_start(exact, text, start, end)
    start, end = _snapped(quote, text, start, end)
    others = [score for score, s, e, _ws, _we in scored if e <= start or s >= end]
    others += _left_in_window(exact, text, (window_start, window_end), start, end, cutoff)
    sides = context_scores(quote, text, start, end)
    return FuzzyPlace(
        start,
        end,
        score=fuzz.ratio(exact, text[start:end]),
        context=sum(sides) / len(sides),
        nearest_side=max(sides),
        runner_up=max(others, default=0.0),
    )


def candidate_windows(exact: str, new: NewText) -> list[tuple[int, int]]:
    """Where in a long text the quote may be: around the places its rarest words point to
    (each word found at `at`, `offset` into the quote, votes for a start near at - offset).
    A short text is one window. Look-alike places share the words, so they are among them."""
    text = new.text
    if len(text) <= SCAN_WHOLE_TEXT_UNDER:
        return [(0, len(text))]
    bucket = max(16, len(exact) // 2)
    words = {word.group(): word.start() for word in reversed(list(_WORD.finditer(exact)))}
    found = [word for word in words if 0 < len(new.places(word)) <= COMMON_WORD]
    votes: Counter[int] = Counter()
    for word in sorted(found, key=lambda word: len(new.places(word)))[:VOTING_WORDS]:
        for at in new.places(word):
            votes[(at - words[word]) // bucket] += 1
    windows: list[tuple[int, int]] = []
    most = max(votes.values(), default=0)
    for place, count in votes.most_common(CANDIDATE_PLACES):
        if count < (most + 1) // 2:
            break  # a place fewer than half as many words point to is not a look-alike
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


def _left_in_window(
    exact: str, text: str, window: tuple[int, int], start: int, end: int, cutoff: float
) -> list[float]:
    """The best scores the quote reaches in the rest of the chosen window (a look-alike in
    the next sentence or paragraph shares the window)."""
    scores = []
    for part in (text[window[0] : start], text[end : window[1]]):
        if len(part) >= len(exact) // 2:
            scores.append(fuzz.partial_ratio(exact, part, score_cutoff=cutoff))
    return scores


def _snapped(quote: Quote, text: str, start: int, end: int) -> tuple[int, int]:
    """Boundaries where the quote's were: no stray spaces, and where the old quote began or
    ended at a word boundary, a whole word (never "rces told Reuters")."""
    exact = quote.exact
    while start < end and text[start].isspace() and not exact[:1].isspace():
        start += 1
    while end > start and text[end - 1].isspace() and not exact[-1:].isspace():
        end -= 1
    if exact[:1] in QUOTE_MARKS and start > 0 and text[start - 1] in QUOTE_MARKS:
        start -= 1  # the opening mark, changed from straight to curly or back
    if exact[-1:] in QUOTE_MARKS and end < len(text) and text[end] in QUOTE_MARKS:
        end += 1
    began_a_word = exact[:1].isalnum() and not quote.prefix[-1:].isalnum()
    while began_a_word and start > 0 and text[start - 1].isalnum():
        start -= 1
    ended_a_word = exact[-1:].isalnum() and not quote.suffix[:1].isalnum()
    while ended_a_word and end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _refine_start(exact: str, text: str, start: int, end: int) -> int:
    """Let the start move a few characters, so an opening quote mark or a short first word
    the alignment left out is taken too."""
    candidates = range(max(0, start - START_SLACK), min(end - 1, start + START_SLACK) + 1)
    return max(candidates, key=lambda s: (fuzz.ratio(exact, text[s:end]), -abs(s - start)))


def _refine_end(exact: str, text: str, start: int, end: int) -> int:
    """Let the end move a little, so a quote that grew or shrank is taken whole."""
    slack = max(2, len(exact) // 5)
    candidates = [
        e
        for e in range(max(start + 1, end - slack), min(len(text), end + slack) + 1)
        if e == end or not (text[e - 1].isalnum() and e < len(text) and text[e].isalnum())
    ]  # the alignment's own end, or the end of a word: never inside one
    return max(candidates, key=lambda e: (fuzz.ratio(exact, text[start:e]), -abs(e - end)))
