"""Reported speech in one sentence: the cue, who (source) and what (content).

Rules over the sentence's words, in the order news is written: a quotation and then its speaker
(“…,” she said / said the minister), a speaker and then what was said (X said that …, X told
Reuters …, X confirmed the meeting), content and then the speaker (…, the ministry said) and
"according to X". A quotation runs on across sentence ends until its closing mark, and a
speech that goes on in the next quotations under the same cue is proposed for each of them
(`continued_quotes`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

import regex

from workbench.assist import lexicon
from workbench.assist.model import Span
from workbench.assist.phrasebook import PhraseFinder, PhraseMatch
from workbench.assist.phrases import (
    opening_subject,
    phrase_after,
    subject_before,
    trimmed,
)
from workbench.assist.quotes import (
    ADJOINING,
    Quote,
    inside_quote,
    quote_ending_at,
    quote_starting_at,
)

_FORMS = {form: lemma for lemma, forms in lexicon.REPORTING_VERBS.items() for form in forms}
_FORMS.update(
    {lemma: lemma for lemma in lexicon.REPORTING_VERBS if lemma not in lexicon.NO_BASE_FORM}
)
_CUE = PhraseFinder([*_FORMS, "according to"])
_AUXILIARY = regex.compile(
    r"(?:\b(?:has|have|had|will|would|did|does|do|is|are|was|were|been|be|could|can|may|"
    r"might|should|must|not|never|also|now|since|previously|recently|already|just|still|"
    r"again|later|earlier|too|(?!family\b|ally\b|assembly\b)[a-z]+ly)\s+|n['’]t\s+)$"
)
_HYPOTHETICAL = regex.compile(r"\b(?:would|could|might|may|should|not|never|n['’]t)\b", 2)
_NOUN_BEFORE = lexicon.word_set(
    "the a an his her its their our my your these those this such new recent media news some "
    "many several no any of in earlier latest police to"
)
_PARTICIPLES = lexicon.word_set("said told thought written shown found foresaw")
_WORD = regex.compile(r"\w[\w’'.-]*")
_CLAUSE_START = regex.compile(r"^[\s,]*(?:that\s+|:|[\"“‘])|^\s*:", regex.IGNORECASE)
_BARE_CLAUSE = regex.compile(
    r"^\s*(?:\S+\s+){0,10}?(?:will|would|is|are|was|were|has|have|had|can|could|should|may|"
    r"might|must|did|does)\b",
    regex.IGNORECASE,
)
_CONTENT_LEAD = regex.compile(
    r"[\s,:]*(?:(?:yesterday|today|(?:on\s+)?\w+day(?:\s+(?:morning|afternoon|evening|night))?|"
    r"last\s+\w+|this\s+\w+|earlier(?:\s+this\s+\w+)?"
    r"|later|recently|publicly|privately|in\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|email|e-mail|interview|release|post|tweet|letter|call|conference|speech))"
    r"[\s,]+)*(?:that\s+)?",
    regex.IGNORECASE,
)
_SHORT_GAP = regex.compile(r"^[^.!?“”\"]{0,80},\s*$")
_WHOLE_CLAUSE_VERBS = lexicon.word_set(
    "say tell add argue insist explain claim write believe think state note report suggest "
    "indicate stress assert contend acknowledge admit warn declare conclude find show "
    "estimate predict concede emphasise speculate caution maintain testify hope expect learn "
    "understand theorize"
)
_ONLY_STOPS = regex.compile(r"[\s.]*")
_TRAILING_JOINER = regex.compile(r"[\s,]+(?:and|but|with|while|as)$")
_CLAUSE_STOP = regex.compile(r"[,;—–]")
_LAST_WORD = regex.compile(r"([\w’']+)\s*$")
_TO_AFTER = regex.compile(r"\s+(?:\w+\s+)?to\s")
_TO_SOMEONE = regex.compile(
    r"\s+to\s+(?=\p{Lu}|(?:the|a|an|his|her|their|him|them|me|us|reporters|journalists|"
    r"lawmakers|supporters|members|investigators|police)\b)"
)
_BE_BEFORE = regex.compile(r"\b(?:is|are|was|were|been|be|being)\s+(?:\w+\s+)?$")
_JOINER_BEFORE = regex.compile(r"(?:[,;]\s*(?:and|but|with|while)?|\b(?:and|but|while))\s*$")
_THAT_SOON = regex.compile(
    r"(?:(?:back|in|on|at|as|so|far|recently|early|earlier|late|later|last|this|next|during|"
    r"after|before|since|again|also|then|\d{1,4}|years?|weeks?|months?|days?|ago|a|an|the|"
    r"statement|interview|email|release|news|conference|(?:mon|tues|wednes|thurs|fri|satur|"
    r"sun)day|january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+){1,8}that\s+",
    regex.IGNORECASE,
)
_WITHOUT_CONTENT = frozenset({"decline to comment"})


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


def cues_in(text: str) -> list[PhraseMatch]:
    """Every word of the reporting lexicon in `text`, in reading order (one pass)."""
    return list(_CUE.finditer(text))


def findings_in(
    text: str, sentence: Span, quotes: list[Quote], cues: list[PhraseMatch]
) -> list[Finding]:
    """The attributions of one sentence of `text`, in reading order; `cues` are `cues_in(text)`."""
    found: list[Finding] = []
    first = bisect.bisect_left(cues, sentence.start, key=lambda cue: cue.begin)
    last = bisect.bisect_left(cues, sentence.end, key=lambda cue: cue.begin)
    for match in cues[first:last]:
        if match.end() > sentence.end or inside_quote(quotes, match.start()):
            continue
        finding = _finding(text, sentence, quotes, match, found)
        if finding is not None:
            found.append(finding)
    return _each_content_before_the_next_cue(text, found)


def _finding(
    text: str, sentence: Span, quotes: list[Quote], match: PhraseMatch, before: list[Finding]
) -> Finding | None:
    word = match.group()
    if word.lower().startswith("according"):
        return _according_to(text, sentence, quotes, match)
    lemma = _FORMS[" ".join(word.lower().split())]
    if _is_noun(text, sentence, match) or _is_passive_or_order(text, match, sentence):
        return None
    cue = Span(_auxiliaries_start(text, sentence, match.start()), match.end())
    if _HYPOTHETICAL.search(text[cue.start : match.start()]):
        return None
    after = match.end()
    addressee = None
    told = _TO_SOMEONE.match(text, after, sentence.end) if lemma == "say" else None
    if lemma == "tell" or word.lower().startswith("ask") or told:
        addressee = phrase_after(text, told.end() if told else after, sentence.end)
        after = addressee.end if addressee else after
        cue = Span(cue.start, after)
    source, inverted, after = _source(text, sentence, cue, after, word, before)
    if source is None:
        return None
    if lemma in _WITHOUT_CONTENT:
        return Finding(cue, source, None, addressee, lemma, False, "reported")
    if inverted:
        content, quoted = _content_before(text, sentence, quotes, cue)
    else:
        content, quoted = _content(text, sentence, quotes, cue, source, after, lemma)
    if content is None:
        return None
    pattern = "quotation" if quoted else ("inverted" if inverted else "reported")
    return Finding(cue, source, content, addressee, lemma, quoted, pattern)


def _source(
    text: str, sentence: Span, cue: Span, after: int, word: str, before: list[Finding]
) -> tuple[Span | None, bool, int]:
    """The speaker, whether it is written after the cue, and where the rest of the sentence is."""
    if word.lower().endswith("ing") and not subject_before(text, sentence, cue.start):
        # "..., saying that": the speaker is the one of the clause before
        earlier = before[-1].source if before else opening_subject(text, sentence)
        return earlier, False, after
    source = subject_before(text, sentence, cue.start)
    if source is not None:
        return source, False, after
    left = text[sentence.start : cue.start].rstrip()
    if not _CLAUSE_START.match(text[after : sentence.end]) and (
        not left or left.endswith((",", "”", '"', "’", "—", "–", ":", "?"))
    ):
        named = phrase_after(text, after, sentence.end, described=True)
        if named is not None:
            return named, True, named.end
    if before and left.endswith((" and", ",")):  # "He urged calm and proposed talks"
        return before[-1].source, False, after
    return None, False, after


def _content(
    text: str,
    sentence: Span,
    quotes: list[Quote],
    cue: Span,
    source: Span,
    after: int,
    lemma: str,
) -> tuple[Span | None, bool]:
    left_edge = min(cue.start, source.start)
    quoted_before = quote_ending_at(text, quotes, left_edge)
    quoted_after = quote_starting_at(text, quotes, after)
    rest = text[after : sentence.end]
    if quoted_before and quoted_before.outer.end <= sentence.start and _words(rest):
        quoted_before = None
    if quoted_before and quoted_after:
        return Span(quoted_before.inner.start, _inner(text, quoted_after).end), True
    if quoted_before:
        return _with_lead_in(text, sentence, _inner(text, quoted_before)), True
    if quoted_after:
        return _inner(text, quoted_after), True
    if _CLAUSE_START.match(rest) or (
        _words(rest) >= 1 and (lemma not in lexicon.NEEDS_CLAUSE or _BARE_CLAUSE.match(rest))
    ):
        return _clause_after(text, after, sentence.end, lemma), False
    if _words(rest) != 0:
        return None, False
    return _clause_before(text, sentence.start, left_edge), False


def _content_before(
    text: str, sentence: Span, quotes: list[Quote], cue: Span
) -> tuple[Span | None, bool]:
    """What a speaker named after the cue said: the quotation or the clause before the cue."""
    at = bisect.bisect_right(quotes, cue.start, key=lambda quote: quote.outer.end) - 1
    if at >= 0:
        quote = quotes[at]
        gap = text[quote.outer.end : cue.start]
        if ADJOINING.match(gap):
            return _with_lead_in(text, sentence, _inner(text, quote)), True
        if _SHORT_GAP.match(gap) and quote.outer.end > sentence.start:
            said = trimmed(text, quote.inner.start, cue.start)
            return (_with_lead_in(text, sentence, said) if said else None), True
    return _clause_before(text, sentence.start, cue.start), False


def _according_to(
    text: str, sentence: Span, quotes: list[Quote], match: PhraseMatch
) -> Finding | None:
    lead = text[sentence.start : match.start()]
    source = phrase_after(text, match.end(), sentence.end, described=_words(lead) > 1)
    if source is None:
        return None
    cue = Span(match.start(), match.end())
    if _words(lead) <= 1:
        content = trimmed(text, source.end, sentence.end, lead=True)
        return Finding(cue, source, content, None, "according", False, "according to")
    quote = quote_ending_at(text, quotes, match.start())
    content = quote.inner if quote else _clause_before(text, sentence.start, match.start())
    if content is None and not lead.rstrip().endswith(","):  # "… group according to officials"
        content = trimmed(text, sentence.start, match.start(), lead=True)
    if content is None:  # "This, according to Della, does nothing": the words around it
        content = trimmed(text, sentence.start, sentence.end, lead=True)
    return Finding(cue, source, content, None, "according", quote is not None, "according to")


def continued_quotes(text: str, quotes: list[Quote], found: list[Finding]) -> list[Finding]:
    """A quoted speech that goes on after its cue, in quotations of their own (the next sentence
    or paragraph starts with a quotation mark and names no one): each, under the same cue."""
    taken = [finding.content for finding in found if finding.content]
    starts = sorted(span.start for span in taken)
    extra: list[Finding] = []
    for finding in found:
        if not finding.quoted or finding.content is None:
            continue
        said_end = max(
            finding.content.end + 1, finding.cue.end, finding.source.end if finding.source else 0
        )
        at = bisect.bisect_left(quotes, said_end, key=lambda quote: quote.outer.start)
        while at < len(quotes):
            following = quotes[at]
            if not _continues(text[said_end : following.outer.start]):
                break
            if _taken(starts, following.inner):
                break
            extra.append(replace(finding, content=_inner(text, following), pattern="quotation"))
            said_end = following.outer.end
            at += 1
    return sorted(found + extra, key=lambda finding: (finding.content or finding.cue).start)


def _continues(gap: str) -> bool:
    """Between two quotations of one speech: only a sentence end or a paragraph break."""
    return bool(_ONLY_STOPS.fullmatch(gap)) and ("\n" in gap or gap.strip(" ") == "")


def _taken(starts: list[int], span: Span) -> bool:
    at = bisect.bisect_left(starts, span.start)
    return at < len(starts) and starts[at] < span.end


def _each_content_before_the_next_cue(text: str, found: list[Finding]) -> list[Finding]:
    """ "He urged calm and proposed talks": the first content stops before the second cue."""
    for at in range(len(found) - 1):
        first, following = found[at], found[at + 1]
        if not _coordinated(text, first, following):
            continue
        if first.content and not first.quoted and first.content.end > following.cue.start:
            edge = following.cue.start
            if following.source and first.cue.end < following.source.start < edge:
                edge = following.source.start
            if edge > first.content.start:
                content = _without_trailing_joiner(text, trimmed(text, first.content.start, edge))
                found[at] = replace(first, content=content)
    return found


def _coordinated(text: str, first: Finding, following: Finding) -> bool:
    """The second cue shares the first one's speaker ("urged calm and proposed"), or starts a
    clause of its own (", with Araqchi confirming"), rather than being reported by the first."""
    if following.source == first.source:
        return True
    edge = min(
        following.cue.start, following.source.start if following.source else following.cue.start
    )
    return bool(_JOINER_BEFORE.search(text, first.cue.end, edge))


def _without_trailing_joiner(text: str, span: Span | None) -> Span | None:
    if span is None:
        return None
    tail = _TRAILING_JOINER.search(text, span.start, span.end)
    return trimmed(text, span.start, tail.start()) if tail else span


def _clause_after(text: str, start: int, end: int, lemma: str) -> Span | None:
    lead = _CONTENT_LEAD.match(text, start, end)
    begin = lead.end() if lead else start
    that = _THAT_SOON.match(text, begin, end)
    if that is not None:  # "theorized back in 2017 that Apple would"
        begin, lead = that.end(), that
    if lemma not in _WHOLE_CLAUSE_VERBS and not (lead and "that" in lead.group().lower()):
        comma = _CLAUSE_STOP.search(text[begin:end])
        end = begin + comma.start() if comma else end
    return trimmed(text, begin, end)


def _clause_before(text: str, start: int, end: int) -> Span | None:
    piece = text[start:end].rstrip()
    if not piece.endswith((",", "—", "–")):
        return None
    label = piece.find(": ")  # "Android devices face threats: A new breed …, researchers said"
    begin = start + label + 2 if 0 <= label < len(piece) - 2 else start
    return trimmed(text, begin, start + len(piece) - 1, lead=True)


def _inner(text: str, quote: Quote) -> Span:
    return trimmed(text, quote.inner.start, quote.inner.end) or quote.inner


def _with_lead_in(text: str, sentence: Span, quoted: Span) -> Span:
    """`Apple won the "2018 award …," he says`: the words before the quotation belong to it."""
    if sentence.start < quoted.start and _words(text[sentence.start : quoted.start]) >= 2:
        return trimmed(text, sentence.start, quoted.end) or quoted
    return quoted


def _auxiliaries_start(text: str, sentence: Span, start: int) -> int:
    while True:
        found = _AUXILIARY.search(text, sentence.start, start)
        if found is None or found.end() != start:
            return start
        start = found.start()


def _is_noun(text: str, sentence: Span, match: PhraseMatch) -> bool:
    word = match.group()
    if word[0].isupper() and not word.lower().startswith("according"):
        return True
    previous = _LAST_WORD.search(text, sentence.start, match.start())
    return previous is not None and previous.group(1).lower() in _NOUN_BEFORE


def _is_passive_or_order(text: str, match: PhraseMatch, sentence: Span) -> bool:
    """ "is said to be", "was told to leave", "was all revealed": no reported speech."""
    following = text[match.end() : min(sentence.end, match.end() + 40)]
    if _TO_SOMEONE.match(following):  # "said to reporters", "said to Walter"
        return False
    if _TO_AFTER.match(following) and "comment" not in match.group():
        return True
    word = match.group().lower().split()[0]
    if not (word.endswith("ed") or word in _PARTICIPLES):
        return False
    before = text[max(sentence.start, match.start() - 30) : match.start()]
    return bool(_BE_BEFORE.search(before))


def _words(piece: str) -> int:
    return len(_WORD.findall(piece))
