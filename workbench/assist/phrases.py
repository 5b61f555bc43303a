"""The noun phrases around a cue: the speaker written before it ("the Kremlin confirmed"), the
one written after it ("said Jim Rich, a former editor"), whom it was told ("told Reuters"), and
spans trimmed of spaces and stops."""

from __future__ import annotations

import regex

from workbench.assist import lexicon
from workbench.assist.model import Span

BOUNDARY = regex.compile(
    r"[,;:()\[\]—–“”\"‘]|(?<![\w-])(?:that|and|but|while|as|though|although|because|when|"
    r"after|before|since|if|who|which|where|whom|so|or|than|whereas|however|meanwhile|"
    r"(?<!familiar\s|close\s)with)(?![\w-])",
    regex.IGNORECASE,
)
_ABBREVIATION = (
    r"(?<!\b(?:Dr|Mr|Mrs|Ms|St|Gov|Sen|Rep|Gen|Lt|Col|Prof|Jr|Sr|Sgt|Capt|Rev|Inc|Co|No))"
)
_PHRASE_END = regex.compile(
    rf"(?<!(?:^|[\s.])\p{{Lu}}){_ABBREVIATION}[.!?](?:\s|$)|[,;:()“”\"]|"
    r"\s(?:that|to|about|on|in|last|this|after|before|when|and|as|while|because|who|if|during|"
    r"at|over|yesterday|today|earlier|later)\s"
)
_DESCRIPTION = regex.compile(r"^\s*(?:,\s*(?!and\b|but\b|[a-z]+ing\b)[a-z]|\s+who\b)")
_TRAILING_TIME = regex.compile(
    r"\s+(?:last|this|next)\s+(?:week|month|year|\w+day)$|\s+(?:yesterday|today|\w+day)$",
    regex.IGNORECASE,
)
_OPENERS = lexicon.PRONOUNS | lexicon.word_set(
    "the a an his her their its our this these those one two three some many most several "
    "another other others someone anyone us them him me"
)
_NOT_SPEAKERS = lexicon.word_set("please it there this here what which")
_OPENING_NAME = regex.compile(r"(?:The\s+)?(?:\p{Lu}[\w’'.-]*\s+){0,3}\p{Lu}[\w’'.-]*")
_LY_NOUNS = lexicon.word_set("family ally assembly rally supply reply anomaly monopoly fly bully")
_LEADING_JOINER = regex.compile(r"(?:but|and|however|so|yet|also|then)\b[\s,]*", regex.I)
_ANY_WORD = regex.compile(r"\w")
_TAIL_WORD = regex.compile(r"(?:\s|^)([\w’']+)$")
_DESCRIPTION_END = regex.compile(r"[“\"]|[.!?](?:\s|$)")
_NOUN_WORD = regex.compile(r"[\w-]+")
_HEAD_CUT = regex.compile(r"\s(?:of|for|at|from|in|with|familiar|close|who|on)\s", regex.I)
_ASIDE = regex.compile(
    r"for (?:example|instance)|however|meanwhile|though|too|also|again|separately|in (?:fact|"
    r"turn|particular|response|a statement|an interview|an email|a release)|on \w+day|"
    r"(?:last|this) (?:week|month|year)|yesterday|today|earlier|later|previously",
    regex.IGNORECASE,
)
_TRAILING_FILLERS = regex.compile(
    r"(?:\s+(?:has|have|had|will|would|did|does|is|was|are|were|also|previously|later|"
    r"earlier|then|recently|again|publicly|repeatedly|reportedly|already|just|still|\w+ly))+\s*$"
)
MAX_SOURCE_WORDS = 9


def trimmed(text: str, start: int, end: int, *, lead: bool = False) -> Span | None:
    """The span without the spaces, stops and quotation marks at its ends."""
    while start < end and (text[start].isspace() or text[start] in ',;:—–-"“”‘’'):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ',;:.—–-"“”‘’'):
        end -= 1
    if lead:
        opener = _LEADING_JOINER.match(text, start, end)
        start = opener.end() if opener else start
    return Span(start, end) if end > start and _ANY_WORD.search(text, start, end) else None


def speaker_trimmed(text: str, start: int, end: int) -> Span | None:
    """A speaker's span, also without trailing auxiliaries and adverbs ("The Kremlin also")."""
    span = trimmed(text, start, end)
    while span is not None:
        piece = text[span.start : span.end]
        tail = _TAIL_WORD.search(piece)
        time = _TRAILING_TIME.search(piece)
        if time is not None and time.start() > 0:
            span = trimmed(text, span.start, span.start + time.start())
        elif tail is not None and _is_filler(tail.group(1)) and tail.start() > 0:
            span = trimmed(text, span.start, span.start + tail.start())
        else:
            return span
    return None


def subject_before(text: str, sentence: Span, cue_start: int) -> Span | None:
    """The speaker written before the cue: the words since the last clause boundary."""
    left = text[sentence.start : cue_start]
    boundaries = list(BOUNDARY.finditer(left))
    start = sentence.start + (boundaries[-1].end() if boundaries else 0)
    if boundaries and boundaries[-1].group().lower() == "and":
        start = _joined_subject(text, sentence, left, boundaries, start)
    span = speaker_trimmed(text, start, cue_start)
    core = _TRAILING_FILLERS.sub("", left) if span is None else left
    if span is None and core.rstrip().endswith((",", "—", "–")):
        span = _subject_before_description(text, sentence, core)
    if span is None or not is_speaker(text[span.start : span.end].split(",")[0]):
        return None
    return span


def is_speaker(words: str) -> bool:
    """Short, and a name, a pronoun or a noun phrase that can speak ("officials", "the study")."""
    parts = words.split()
    if not parts or len(parts) > MAX_SOURCE_WORDS or parts[0].lower() in _NOT_SPEAKERS:
        return False
    first = parts[0].lower()
    return parts[0][0].isupper() or first in _OPENERS or head_noun(words) in lexicon.UNNAMED_HEADS


def phrase_after(text: str, start: int, end: int, *, described: bool = False) -> Span | None:
    """The name or noun phrase right after `start` ("said the minister"); with `described`, its
    description too ("said Jim Rich, a former editor of the New York Daily News")."""
    rest = text[start:end]
    stop = _PHRASE_END.search(rest)
    phrase = rest[: stop.start()] if stop else rest
    span = trimmed(text, start, start + len(phrase))
    if span is None or not is_speaker(text[span.start : span.end]):
        return None
    if described and _DESCRIPTION.match(text[span.end : end]):
        described_end = _DESCRIPTION_END.search(text[span.end : end])
        stop_at = span.end + described_end.start() if described_end else end
        return trimmed(text, span.start, stop_at) or span
    return span


def opening_subject(text: str, sentence: Span) -> Span | None:
    """The name a sentence starts with ("Bloomberg has attempted to ..."), if any."""
    found = regex.match(
        r"(?:The\s+)?(?:\p{Lu}[\w’'.-]*\s+){0,3}\p{Lu}[\w’'.-]*", text[sentence.start :]
    )
    if found is None:
        return None
    return trimmed(text, sentence.start, found.end())


def _joined_subject(
    text: str, sentence: Span, left: str, boundaries: list[regex.Match[str]], start: int
) -> int:
    """ "he and his co-authors predicted": a short phrase before "and" is part of the speaker."""
    earlier = boundaries[-2].end() if len(boundaries) > 1 else 0
    before = left[earlier : boundaries[-1].start()].split()
    plain = all(word[:1].isupper() or word.lower() in _OPENERS for word in before)
    if 1 <= len(before) <= 3 and plain and is_speaker(" ".join(before)):
        return sentence.start + earlier
    return start


def _subject_before_description(text: str, sentence: Span, left: str) -> Span | None:
    """ "Smith, a professor at Yale, said" and "officials in X — where ... — announced"."""
    stripped = left.rstrip()
    mark = stripped[-1]
    body = stripped[:-1]
    opener = body.rfind(mark) if mark in "—–" else body.rfind(",")
    if opener < 0:
        return None
    description = body[opener + 1 :].split()
    head_text = body[:opener]
    boundaries = list(BOUNDARY.finditer(head_text))
    head_start = sentence.start + (boundaries[-1].end() if boundaries else 0)
    head = speaker_trimmed(text, head_start, sentence.start + len(head_text))
    if mark in "—–":
        return head
    if description and description[0][:1].isupper() and len(description) <= 4:
        # "The institute's CEO, Oren Etzioni, says": the name, with what stands before it
        name = trimmed(text, sentence.start + opener + 1, sentence.start + len(body))
        if head is not None and name is not None and len(text[head.start : head.end].split()) <= 5:
            return Span(head.start, name.end)
        return name
    if _ASIDE.fullmatch(" ".join(description)):  # "Google, for example, claims"
        return head
    if not description or description[0].lower() not in ("a", "an", "the", "who", "whose"):
        return None
    if head is None or not is_speaker(text[head.start : head.end]):
        return None
    return Span(head.start, sentence.start + len(body))


def head_noun(words: str) -> str:
    """The head noun: the last word before "of", "for", "at", "familiar" ... or the last word."""
    cut = _HEAD_CUT.split(words, maxsplit=1)
    parts = _NOUN_WORD.findall(cut[0].casefold())
    return parts[-1] if parts else ""


def _is_filler(word: str) -> bool:
    lowered = word.lower()
    if lowered in lexicon.AUXILIARIES or lowered in ("all", "both", "each"):
        return True
    return lowered.endswith("ly") and word[0].islower() and lowered not in _LY_NOUNS
