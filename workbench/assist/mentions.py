"""Mentions of actors: every occurrence of a known name or alias (an Aho-Corasick automaton by
pyahocorasick, built once and reused across articles), and new-actor candidates read from
capitalised name sequences with their titles ("President Vladimir Putin")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import ahocorasick
import regex

from workbench.assist import lexicon
from workbench.assist.model import KnownName, MentionSuggestion, Span
from workbench.domain.grades import ActorKind

_WORD = r"[\p{Lu}][\p{L}\p{M}'’.-]*[\p{L}\p{M}]|[\p{Lu}]\.?"
_JOINER = r"(?:\s+(?:of|al|bin|de|del|van|von|der|la|le|da|the)\s+|\s+|-)"  # within a name
_NAME_SEQUENCE = regex.compile(rf"(?<![\p{{L}}\p{{M}}\d'’-])(?:{_WORD})(?:{_JOINER}(?:{_WORD}))*")
_JOINERS = frozenset({"of", "al", "bin", "de", "del", "van", "von", "der", "la", "le", "da", "the"})
_STATE_ENDINGS = ("Republic", "Kingdom", "States", "Federation", "Emirates")
_GROUP_ENDINGS = ("Brigades", "Forces", "Movement", "Front", "Militia", "Rebels")


class MentionMatcher:
    """Finds the known actors' names and aliases in texts; build it once, `find` many times."""

    def __init__(self, known: Iterable[KnownName]) -> None:
        self._automaton = ahocorasick.Automaton()
        for name in known:
            if name.kind == "actor" and name.name.strip():
                spelling = name.name.strip()
                # the first record given a spelling keeps it
                if spelling not in self._automaton:
                    self._automaton.add_word(spelling, (len(spelling), name))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> tuple[MentionSuggestion, ...]:
        """Each whole-word occurrence of a known name, the longest where names overlap."""
        if self._empty or not text:
            return ()
        found = []
        for end, (length, name) in self._automaton.iter_long(text):
            start, stop = end - length + 1, end + 1
            if _whole_word(text, start, stop):
                found.append(MentionSuggestion(Span(start, stop), name.canonical, name))
        return tuple(found)


def suggest_mentions(text: str, known: Sequence[KnownName]) -> tuple[MentionSuggestion, ...]:
    """Known actors' mentions and new-actor candidates of `text`, in reading order."""
    known_mentions = MentionMatcher(known).find(text)
    return merged(known_mentions, candidates(text, known_mentions))


def merged(
    known: Sequence[MentionSuggestion], new: Sequence[MentionSuggestion]
) -> tuple[MentionSuggestion, ...]:
    """Both lists in reading order (candidates never overlap a known mention)."""
    return tuple(sorted((*known, *new), key=lambda mention: mention.span))


def candidates(
    text: str, known_mentions: Sequence[MentionSuggestion] = ()
) -> tuple[MentionSuggestion, ...]:
    """Capitalised name sequences that look like a new actor, with an ActorKind guess."""
    taken = [mention.span for mention in known_mentions]
    surnames: dict[str, str] = {}
    found = []
    for match in _NAME_SEQUENCE.finditer(text):
        candidate = _candidate(text, match.start(), match.group()) or _by_surname(match, surnames)
        if candidate is None or any(_overlaps(candidate.span, span) for span in taken):
            continue
        found.append(candidate)
        surname = candidate.actor.split()[-1]
        person = candidate.kind_guess == ActorKind.PERSON.value and " " in candidate.actor
        if person and len(surname) > 2 and not surname.isupper():
            surnames.setdefault(surname, candidate.actor)
    return tuple(found)


def _by_surname(match: regex.Match[str], surnames: dict[str, str]) -> MentionSuggestion | None:
    """ "Putin" after "Vladimir Putin" was named: the same person."""
    name = surnames.get(match.group())
    if name is None:
        return None
    return MentionSuggestion(Span(*match.span()), name, None, ActorKind.PERSON.value)


def _candidate(text: str, start: int, sequence: str) -> MentionSuggestion | None:
    words = sequence.split()
    while words and words[0].lower().strip(".") in lexicon.NOT_NAMES:
        start = text.index(words[1], start) if len(words) > 1 else start
        words = words[1:]
    if not words or _in_heading(text, start):
        return None
    owned = _after_possessive(words)
    if owned is None:
        return None
    words = owned
    start = text.index(words[0], start)
    titles = _title_end(words)
    name = words[titles:]
    if all(word.lower().strip(".") in lexicon.TITLES for word in words):
        return None
    if not name or (titles == 0 and len(name) < 2):
        return None
    end = text.index(words[-1], start) + len(words[-1])
    if name[0] in _JOINERS:  # "CEO of Determined AI": the organisation is named
        rest = [word for word in name if word not in _JOINERS] or name
        return MentionSuggestion(
            Span(text.index(rest[0], start), end),
            " ".join(rest),
            None,
            ActorKind.ORGANISATION.value,
        )
    return MentionSuggestion(
        Span(start, end), " ".join(name), None, _kind_guess(" ".join(words), titles > 0)
    )


def _after_possessive(words: list[str]) -> list[str] | None:
    """ "Iran's Foreign Minister Abbas Araqchi" names the minister: the owner goes."""
    for at in range(len(words) - 1, -1, -1):
        if words[at].endswith(("’s", "'s")):
            return words[at + 1 :] or None
    return words


def _title_end(words: list[str]) -> int:
    """How many leading words are titles ("Russian President"), the name being the rest."""
    last = -1
    for at, word in enumerate(words[:-1]):
        if word.lower().strip(".") in lexicon.TITLES:
            last = at
        elif last >= 0:
            break
    return last + 1


def _kind_guess(surface: str, titled: bool) -> str:
    lowered = {word.lower() for word in surface.split()}
    if titled:
        return ActorKind.PERSON.value
    if surface.endswith(_STATE_ENDINGS):
        return ActorKind.STATE.value
    if surface.endswith(_GROUP_ENDINGS):
        return ActorKind.GROUP.value
    if lowered & (lexicon.ORGANISATION_WORDS | lexicon.GOVERNMENT_WORDS | lexicon.OUTLET_WORDS):
        return ActorKind.ORGANISATION.value
    return ActorKind.PERSON.value


def _in_heading(text: str, start: int) -> bool:
    """A line of title-case words with no sentence end (a heading) names no one by itself."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = line.split()
    if not words or line.rstrip().endswith((".", "”", '"', "?", "!")) or len(words) > 20:
        return False
    capitalised = sum(1 for word in words if word[:1].isupper())
    return capitalised >= 0.6 * len(words)


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _overlaps(one: Span, other: Span) -> bool:
    return one.start < other.end and other.start < one.end
