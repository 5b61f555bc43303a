"""`suggest`: attributions, mentions and dates for one text, all in one pass over its sentences."""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Sequence

from workbench.assist import lexicon
from workbench.assist.attribution import Finding, continued_quotes, cues_in, findings_in
from workbench.assist.chains import (
    NameResolver,
    bare_name,
    is_anonymous,
    kind_guess,
    relay_hops,
    speaker_hop,
)
from workbench.assist.dates import suggest_dates
from workbench.assist.mentions import MentionMatcher, candidates, merged
from workbench.assist.model import (
    AttributionSuggestion,
    KnownName,
    MentionSuggestion,
    Span,
    Suggestions,
)
from workbench.assist.quotes import quotes_in
from workbench.assist.sentences import sentence_spans
from workbench.domain.grades import ActorKind, SourceKind

MAX_CHARACTERS = 2_000_000  # a hundred long articles: past that, no one reviews suggestions

_BASE_CONFIDENCE = {"quotation": 0.9, "according to": 0.85, "reported": 0.75, "inverted": 0.8}
_SUBJECT_LEAD = ("", ",", "that", "and", "but", "while", "as", "with", "when", "after", "because")


class TextTooLong(ValueError):
    """The text is too long to make suggestions for (the message says how long)."""


def suggest(
    text: str,
    *,
    published: datetime.date | None = None,
    known: Sequence[KnownName] = (),
    outlet: str | None = None,
    matcher: MentionMatcher | None = None,
) -> Suggestions:
    """Everything the workbench proposes for `text` (spans are code points into it).

    Raises TextTooLong for a text of more than MAX_CHARACTERS code points."""
    if len(text) > MAX_CHARACTERS:
        raise TextTooLong(
            f"the text has {len(text):,} characters; suggestions are made for texts of at most"
            f" {MAX_CHARACTERS:,} (one article)"
        )
    if not text.strip():
        return Suggestions()
    known_mentions = (matcher or MentionMatcher(known)).find(text)
    mentions = merged(known_mentions, candidates(text, known_mentions))
    attributions = suggest_attributions(text, known=known, outlet=outlet, mentions=mentions)
    return Suggestions(attributions, mentions, suggest_dates(text, published))


def suggest_attributions(
    text: str,
    *,
    known: Sequence[KnownName] = (),
    outlet: str | None = None,
    mentions: Sequence[MentionSuggestion] | None = None,
) -> tuple[AttributionSuggestion, ...]:
    """The reported speech of `text`, each with its proposed chain, in reading order
    (`mentions`: the text's mentions when already found, for reading "he" and "she")."""
    if mentions is None:
        known_mentions = MentionMatcher(known).find(text)
        mentions = merged(known_mentions, candidates(text, known_mentions))
    quotes = quotes_in(text)
    resolver = NameResolver(known)
    people = _people_in_subject_position(text, mentions)
    named = _Mentions(mentions)
    cues = cues_in(text)
    findings = [
        finding
        for sentence in sentence_spans(text)
        for finding in findings_in(text, sentence, quotes, cues)
    ]
    return tuple(
        _suggestion(text, finding, resolver, outlet, people, named)
        for finding in continued_quotes(text, quotes, findings)
    )


def _suggestion(
    text: str,
    finding: Finding,
    resolver: NameResolver,
    outlet: str | None,
    people: list[tuple[int, str]],
    mentions: _Mentions,
) -> AttributionSuggestion:
    cue_words = _words_of(text, finding.cue)
    if finding.addressee is not None:
        cue_words = _words_of(text, Span(finding.cue.start, finding.addressee.end))
    source_words = _words_of(text, finding.source) if finding.source else ""
    name, resolved_from = _speaker_name(source_words, finding, people, mentions)
    known = resolver.resolve(name) if name else None
    anonymous = bool(name) and is_anonymous(name)
    kind = kind_guess(name, outlet) if name else SourceKind.OTHER.value
    if kind == SourceKind.OTHER.value and (resolved_from or mentions.is_person(name)):
        kind = SourceKind.PERSON.value
    hops = [speaker_hop(name or "?", cue_words, finding.lemma, known, anonymous, kind)]
    addressee = _words_of(text, finding.addressee) if finding.addressee else None
    hops += relay_hops(addressee, cue_words, resolver, outlet)
    if hops[-1].name == hops[0].name and len(hops) > 1:
        hops.pop(0)
    confidence = _confidence(finding, name, resolved_from)
    reason = _reason(finding, cue_words, name, resolved_from, known)
    return AttributionSuggestion(
        finding.cue, finding.source, finding.content, anonymous, tuple(hops), confidence, reason
    )


def _speaker_name(
    words: str, finding: Finding, people: list[tuple[int, str]], mentions: _Mentions
) -> tuple[str, str | None]:
    """The speaker's name: the actor named in the source's words ("Russian President Vladimir
    Putin" is Vladimir Putin), a pronoun read as the last person named as a subject before it,
    else the words without their title and description."""
    source = finding.source
    if source is None or not words:
        return "", None
    if words.casefold() in lexicon.PERSON_PRONOUNS:
        earlier = [name for at, name in people if at < source.start]
        return (earlier[-1], words) if earlier else (words, None)
    bare = bare_name(words)
    named = mentions.within(source)
    if named is not None and named.actor.split()[-1] in bare.split():
        return named.actor, None
    return bare, None


class _Mentions:
    """The text's mentions, to find the one a speaker's words name."""

    def __init__(self, mentions: Sequence[MentionSuggestion]) -> None:
        self._mentions = sorted(mentions, key=lambda mention: mention.span)
        self._starts = [mention.span.start for mention in self._mentions]
        self._people = {
            mention.actor
            for mention in mentions
            if (mention.known.record_kind if mention.known else mention.kind_guess)
            == ActorKind.PERSON.value
        }

    def is_person(self, name: str) -> bool:
        """Whether `name` is a person the text names ("Abbas Araqchi", after his title)."""
        return name in self._people

    def within(self, span: Span) -> MentionSuggestion | None:
        at = bisect.bisect_left(self._starts, span.start)
        while at < len(self._mentions) and self._starts[at] < span.end:
            mention = self._mentions[at]
            if mention.span.end <= span.end:
                return mention
            at += 1
        return None


def _people_in_subject_position(
    text: str, mentions: Sequence[MentionSuggestion]
) -> list[tuple[int, str]]:
    """People named at the start of a clause ("that Putin has been"), where "he" looks back to."""
    people = []
    for mention in mentions:
        kind = mention.known.record_kind if mention.known else mention.kind_guess
        if kind not in (ActorKind.PERSON.value, SourceKind.PERSON.value, None):
            continue
        before = text[max(0, mention.span.start - 12) : mention.span.start].rstrip(" ")
        last_word = before.split()[-1].casefold() if before.split() else ""
        if not before or before[-1] in '.!?\n,“"' or last_word in _SUBJECT_LEAD:
            people.append((mention.span.start, mention.actor))
    return people


def _confidence(finding: Finding, name: str, resolved_from: str | None) -> float:
    confidence = _BASE_CONFIDENCE.get(finding.pattern, 0.7)
    if finding.lemma in lexicon.NEEDS_CLAUSE and not finding.quoted:
        confidence -= 0.1
    if not name or name == "?":
        confidence -= 0.3
    elif resolved_from is None and name.casefold() in lexicon.PRONOUNS:
        confidence -= 0.15
    if finding.content is None:
        confidence -= 0.3
    return round(max(0.05, min(1.0, confidence)), 2)


def _reason(
    finding: Finding, cue: str, name: str, resolved_from: str | None, known: KnownName | None
) -> str:
    how = {
        "quotation": "a quotation attributed",
        "according to": "'according to' names the source",
        "reported": "a reporting verb after its speaker",
        "inverted": "a reporting verb before its speaker",
    }[finding.pattern]
    who = f"'{resolved_from}' read as {name}" if resolved_from else (name or "no speaker found")
    if known is not None:
        who += f" (known {known.kind} {known.canonical})"
    return f"{how}: '{cue}', speaker {who}"


def _words_of(text: str, span: Span) -> str:
    return " ".join(text[span.start : span.end].split())
