"""Reported speech in one sentence: the cue, who (source) and what (content).

Rules over the sentence's words, in the order news is written: a quotation and then its speaker
(“…,” she said / said the minister), a speaker and then what was said (X said that …, X told
Reuters …, X confirmed the meeting), content and then the speaker (…, the ministry said) and
"according to X". A quotation runs on across sentence ends until its closing mark.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

import regex

from workbench.assist import lexicon
from workbench.assist.model import Span
from workbench.assist.quotes import Quote

_FORMS = {form: lemma for lemma, forms in lexicon.REPORTING_VERBS.items() for form in forms}
_FORMS.update(
    {lemma: lemma for lemma in lexicon.REPORTING_VERBS if lemma not in lexicon.NO_BASE_FORM}
)
_CUE = regex.compile(
    r"(?<![\w-])(?:according\s+to|"
    + "|".join(sorted((regex.escape(form) for form in _FORMS), key=len, reverse=True))
    + r")(?![\w-])",
    regex.IGNORECASE,
)
_AUXILIARY = regex.compile(
    r"(?:\b(?:has|have|had|will|would|did|does|do|is|are|was|were|been|be|could|can|may|"
    r"might|should|must|not|never)\s+|n['’]t\s+)$",
    regex.IGNORECASE,
)
_BOUNDARY = regex.compile(
    r"[,;:()\[\]—–“”\"‘]|(?<![\w-])(?:that|and|but|while|as|though|although|because|when|"
    r"after|before|since|if|who|which|where|whom|so|or|than|whereas|however|meanwhile|"
    r"(?<!familiar\s)with)(?![\w-])",
    regex.IGNORECASE,
)
_NOUN_BEFORE = lexicon.word_set(
    "the a an his her its their our my your these those this such new recent media news some "
    "many several no any of in earlier latest police"
)
_WORD = regex.compile(r"[\w’'.-]+")
_CLAUSE_START = regex.compile(r"^[\s,:]*(?:that\s+|[\"“‘])", regex.IGNORECASE)
_OPENS_QUOTE = regex.compile(r"^[\s,:—–-]*[\"“‘]")
_JOINS_QUOTE = regex.compile(r"^[\s,—–-]*$")
_WHOLE_CLAUSE_VERBS = lexicon.word_set(
    "say tell add argue insist explain claim write believe think state note report suggest "
    "indicate stress assert contend acknowledge admit warn declare conclude find show "
    "estimate predict concede emphasise speculate caution maintain testify"
)
_MAX_SOURCE_WORDS = 9
_SUBJECT_OPENERS = lexicon.PRONOUNS | {"the", "a", "an", "one", "two", "three", "some", "many"}


@dataclass(frozen=True)
class Finding:
    """One attribution read from a sentence, before its chain is made."""

    cue: Span
    source: Span | None
    content: Span | None
    addressee: Span | None
    lemma: str
    quoted: bool
    pattern: str


def findings_in(text: str, sentence: Span, quotes: list[Quote]) -> list[Finding]:
    """The attributions of one sentence of `text`, in reading order."""
    found: list[Finding] = []
    for match in _CUE.finditer(text, sentence.start, sentence.end):
        if _inside_quote(quotes, match.start()):
            continue
        finding = _finding(text, sentence, quotes, match, found)
        if finding is not None:
            found.append(finding)
    return _each_content_before_the_next_cue(text, found)


def _each_content_before_the_next_cue(text: str, found: list[Finding]) -> list[Finding]:
    """ "He urged calm and proposed talks": the first content stops before the second cue."""
    for at in range(len(found) - 1):
        first, following = found[at], found[at + 1]
        if first.content and not first.quoted and first.content.end > following.cue.start:
            edge = following.cue.start
            if following.source and first.cue.end < following.source.start < edge:
                edge = following.source.start
            if edge > first.content.start:
                content = _trimmed(text, first.content.start, edge)
                content = _without_trailing_joiner(text, content)
                found[at] = replace(first, content=content)
    return found


def _without_trailing_joiner(text: str, span: Span | None) -> Span | None:
    if span is None:
        return None
    tail = regex.search(r"[\s,]+(?:and|but|with|while|as)$", text[span.start : span.end])
    return _trimmed(text, span.start, span.start + tail.start()) if tail else span


def _finding(
    text: str, sentence: Span, quotes: list[Quote], match: regex.Match[str], before: list[Finding]
) -> Finding | None:
    word = match.group()
    if word.lower().startswith("according"):
        return _according_to(text, sentence, quotes, match)
    lemma = _FORMS[word.lower()]
    if _is_noun(text, sentence, match) or _is_passive_or_order(text, match, sentence):
        return None
    cue = Span(_auxiliaries_start(text, sentence, match.start()), match.end())
    after = match.end()
    addressee = None
    if lemma == "tell":
        addressee = _noun_phrase_after(text, after, sentence.end)
        after = addressee.end if addressee else after
        cue = Span(cue.start, after)
    source = _subject(text, sentence, cue.start)
    inverted = False
    if (
        source is None
        and not _CLAUSE_START.match(text[after : sentence.end])
        and _ends_clause(text[sentence.start : cue.start])
    ):
        source = _noun_phrase_after(text, after, sentence.end)
        inverted = source is not None
        after = source.end if source else after
    if source is None and before:
        source = before[-1].source
    content, quoted = _content(text, sentence, quotes, cue, source, after, lemma)
    if content is None and lemma in lexicon.NEEDS_CLAUSE:
        return None
    if source is None and content is None:
        return None
    pattern = "quotation" if quoted else ("inverted" if inverted else "reported")
    return Finding(cue, source, content, addressee, lemma, quoted, pattern)


def _content(
    text: str,
    sentence: Span,
    quotes: list[Quote],
    cue: Span,
    source: Span | None,
    after: int,
    lemma: str,
) -> tuple[Span | None, bool]:
    left_edge = min(cue.start, source.start) if source else cue.start
    quoted_before = _quote_ending_at(text, quotes, left_edge)
    quoted_after = _quote_starting_at(text, quotes, after)
    if quoted_before and quoted_after:
        return Span(quoted_before.inner.start, quoted_after.inner.end), True
    if quoted_before or quoted_after:
        quote = quoted_before or quoted_after
        assert quote is not None
        return quote.inner, True
    rest = text[after : sentence.end]
    if _CLAUSE_START.match(rest) or (lemma not in lexicon.NEEDS_CLAUSE and _words(rest) >= 1):
        return _clause_after(text, after, sentence.end, lemma), False
    if lemma in lexicon.NEEDS_CLAUSE and _words(rest) != 0:
        return None, False
    return _clause_before(text, sentence.start, left_edge), False


def _according_to(
    text: str, sentence: Span, quotes: list[Quote], match: regex.Match[str]
) -> Finding | None:
    source = _noun_phrase_after(text, match.end(), sentence.end)
    if source is None:
        return None
    cue = Span(match.start(), match.end())
    lead = text[sentence.start : match.start()]
    if _words(lead) <= 1:
        content = _trimmed(text, source.end, sentence.end, lead=True)
        return Finding(cue, source, content, None, "according", False, "according to")
    quote = _quote_ending_at(text, quotes, match.start())
    content = quote.inner if quote else _clause_before(text, sentence.start, match.start())
    return Finding(cue, source, content, None, "according", quote is not None, "according to")


def _subject(text: str, sentence: Span, cue_start: int) -> Span | None:
    """The speaker written before the cue: the words since the last clause boundary."""
    left = text[sentence.start : cue_start]
    boundaries = list(_BOUNDARY.finditer(left))
    start = sentence.start + (boundaries[-1].end() if boundaries else 0)
    span = _trimmed(text, start, cue_start)
    if span is None and left.rstrip().endswith(","):
        span = _subject_before_apposition(text, sentence, left)
    if span is None or _words(text[span.start : span.end]) > _MAX_SOURCE_WORDS:
        return None
    words = text[span.start : span.end].split()
    lowercase = text[span.start].islower() and words[0].lower() not in _SUBJECT_OPENERS
    if lowercase and words[-1].lower() not in lexicon.UNNAMED_HEADS:
        return None
    return span


def _ends_clause(left: str) -> bool:
    """Before a speaker named after the cue: nothing, or a quotation or clause just ended."""
    stripped = left.rstrip()
    return not stripped or stripped.endswith((",", "”", '"', "’", "—", "–", ":"))


def _subject_before_apposition(text: str, sentence: Span, left: str) -> Span | None:
    """ "Smith, a professor at Yale, said": the speaker is before the description."""
    parts = left.rstrip()[:-1].split(",")
    if len(parts) < 2:
        return None
    description = parts[-1].strip().split()
    if not description or not (
        description[0].lower() in ("a", "an", "the", "who", "whose") or description[0].islower()
    ):
        return None
    head = ",".join(parts[:-1])
    boundaries = list(_BOUNDARY.finditer(head))
    start = sentence.start + (boundaries[-1].end() if boundaries else 0)
    return _trimmed(text, start, sentence.start + len(head))


def _noun_phrase_after(text: str, start: int, end: int) -> Span | None:
    """The name or noun phrase right after `start`, to the next comma, clause word or stop."""
    rest = text[start:end]
    stop = regex.search(
        r"(?<!(?:^|[\s.])\p{Lu})[.!?]\s|[,;:()“”\"]|[.!?]$|\s(?:that|to|about|on|in|last|this|after|before|"
        r"when|and|as|while|because|who|if|during|at|over)\s",
        rest,
    )
    phrase = rest[: stop.start()] if stop else rest
    span = _trimmed(text, start, start + len(phrase))
    if span is None or _words(text[span.start : span.end]) > _MAX_SOURCE_WORDS:
        return None
    first = text[span.start : span.end].split()[0]
    if first[0].islower() and first.lower() not in lexicon.PRONOUNS | {"the", "a", "an"}:
        return None
    return span


def _clause_after(text: str, start: int, end: int, lemma: str) -> Span | None:
    rest = text[start:end]
    lead = regex.match(r"^[\s,:]*(?:that\s+)?", rest, regex.IGNORECASE)
    begin = start + (lead.end() if lead else 0)
    if lemma not in _WHOLE_CLAUSE_VERBS and not (lead and "that" in lead.group().lower()):
        comma = regex.search(r"[,;—–]", text[begin:end])
        end = begin + comma.start() if comma else end
    return _trimmed(text, begin, end)


def _clause_before(text: str, start: int, end: int) -> Span | None:
    piece = text[start:end].rstrip()
    if not piece.endswith((",", "—", "–")):
        return None
    return _trimmed(text, start, start + len(piece) - 1, lead=True)


def _trimmed(text: str, start: int, end: int, *, lead: bool = False) -> Span | None:
    """The span without spaces, stop marks, leading conjunctions and trailing auxiliaries."""
    while start < end and (text[start].isspace() or text[start] in ',;:—–-"“”‘’'):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ',;:.!?—–-"“”‘’'):
        end -= 1
    if lead:
        opener = regex.match(r"(?:but|and|however|so|yet|also|then)\b[\s,]*", text[start:end], 2)
        start += opener.end() if opener else 0
    while end > start:
        tail = regex.search(r"(?:\s|^)([\w’']+)$", text[start:end])
        if tail is None or not _is_filler(tail.group(1)):
            break
        end = start + tail.start()
    return Span(start, end) if end > start and regex.search(r"\w", text[start:end]) else None


def _is_filler(word: str) -> bool:
    lowered = word.lower()
    return lowered in lexicon.AUXILIARIES or (lowered.endswith("ly") and word[0].islower())


def _auxiliaries_start(text: str, sentence: Span, start: int) -> int:
    while True:
        found = _AUXILIARY.search(text, sentence.start, start)
        if found is None or found.end() != start:
            return start
        start = found.start()


def _is_noun(text: str, sentence: Span, match: regex.Match[str]) -> bool:
    word = match.group()
    if word[0].isupper():
        return True
    previous = regex.search(r"([\w’']+)\W*$", text[sentence.start : match.start()])
    return previous is not None and previous.group(1).lower() in _NOUN_BEFORE


def _is_passive_or_order(text: str, match: regex.Match[str], sentence: Span) -> bool:
    """ "is said to be", "was told to leave", "told him to": no reported speech."""
    following = text[match.end() : min(sentence.end, match.end() + 40)]
    if regex.match(r"\s+(?:\w+\s+)?to\s", following):
        return True
    return bool(regex.search(r"(?:is|are|was|were|been|be|being)\s+$", text[: match.start()]))


def _inside_quote(quotes: list[Quote], position: int) -> bool:
    at = bisect.bisect_right(quotes, position, key=lambda quote: quote.inner.start) - 1
    return at >= 0 and position < quotes[at].inner.end


def _quote_ending_at(text: str, quotes: list[Quote], position: int) -> Quote | None:
    """The quotation closed right before `position` (only spaces or a comma between)."""
    at = bisect.bisect_right(quotes, position, key=lambda quote: quote.outer.end) - 1
    if at < 0:
        return None
    quote = quotes[at]
    return quote if _JOINS_QUOTE.match(text[quote.outer.end : position]) else None


def _quote_starting_at(text: str, quotes: list[Quote], position: int) -> Quote | None:
    """The quotation opened right after `position` (after a comma or a colon)."""
    at = bisect.bisect_left(quotes, position, key=lambda quote: quote.outer.start)
    if at >= len(quotes):
        return None
    quote = quotes[at]
    return quote if _OPENS_QUOTE.match(text[position : quote.outer.start + 1]) else None


def _words(piece: str) -> int:
    return len(_WORD.findall(piece))
