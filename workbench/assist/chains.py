"""From a finding to a proposed chain: who the source is (a name the project knows, matched by
rapidfuzz, or a kind guessed from its words), whom they told, and the outlet that published it."""

from __future__ import annotations

from collections.abc import Sequence

import regex
from rapidfuzz import fuzz, process, utils

from workbench.assist import lexicon
from workbench.assist.model import ChainHop, KnownName
from workbench.assist.phrases import head_noun
from workbench.domain.grades import HopRole, SourceKind

_LEADING_ARTICLE = regex.compile(r"^(?:the|a|an)\s+", regex.IGNORECASE)
_DESCRIPTION = regex.compile(r",|\s(?:who|which|whose)\s|\s[—–]\s")
_WORD = regex.compile(r"[\w-]+")
_MATCH_CUTOFF = 90.0


class NameResolver:
    """Matches a source's words against the project's names and aliases (built once per call)."""

    def __init__(self, known: Sequence[KnownName]) -> None:
        self._known = [name for name in known if name.name.strip()]
        self._exact = {name.name.casefold(): name for name in reversed(self._known)}
        self._choices = [utils.default_process(name.name) for name in self._known]

    def resolve(self, words: str) -> KnownName | None:
        """The known Source or Actor these words name, or None."""
        bare = bare_name(words)
        if len(bare) < 3:
            return None
        exact = self._exact.get(bare.casefold()) or self._exact.get(words.casefold())
        if exact is not None or not self._choices:
            return exact
        best = process.extractOne(
            utils.default_process(bare),
            self._choices,
            scorer=fuzz.token_set_ratio,
            processor=None,
            score_cutoff=_MATCH_CUTOFF,
        )
        if best is None or not _shares_capitalised_word(bare, self._known[best[2]].name):
            return None
        return self._known[best[2]]


def bare_name(words: str) -> str:
    """The name without its article, leading titles and description ("President Putin" and
    "Putin, the president" -> "Putin")."""
    name = _LEADING_ARTICLE.sub("", " ".join(_DESCRIPTION.split(words, maxsplit=1)[0].split()))
    parts = name.split()
    while len(parts) > 1 and parts[0].lower().strip(".") in lexicon.TITLES:
        parts = parts[1:]
    return " ".join(parts).removesuffix("’s").removesuffix("'s")


def is_anonymous(words: str) -> bool:
    """Unnamed speakers: "sources", "Iranian officials", "a spokesperson for the ministry"."""
    return head_noun(words) in lexicon.ANONYMOUS_HEADS


def kind_guess(words: str, outlet: str | None = None) -> str:
    """The SourceKind these words most likely are."""
    bare = bare_name(words).casefold()
    lowered = set(_WORD.findall(bare))
    if is_anonymous(words):
        return SourceKind.ANONYMOUS.value
    if bare in lexicon.WIRE_AGENCIES:
        return SourceKind.WIRE_AGENCY.value
    if outlet and bare == outlet.casefold():
        return SourceKind.OUTLET.value
    if lowered & lexicon.GOVERNMENT_WORDS:
        return SourceKind.GOVERNMENT.value
    if lowered & lexicon.OUTLET_WORDS and (words[:1].isupper() or "the" in lowered):
        return SourceKind.OUTLET.value
    if lowered & lexicon.ORGANISATION_WORDS:
        return SourceKind.ORGANISATION.value
    if lowered & {"study", "report", "document", "letter", "statement", "survey", "paper"}:
        return SourceKind.DOCUMENT.value
    if lowered & lexicon.TITLES or lowered & lexicon.PERSON_PRONOUNS or _looks_like_name(words):
        return SourceKind.PERSON.value
    return SourceKind.OTHER.value


def speaker_hop(
    name: str, cue: str, lemma: str, known: KnownName | None, anonymous: bool, kind: str
) -> ChainHop:
    """The first link: the speaker, or the agency that reported it when that is all we have."""
    role = HopRole.SPEAKER.value
    if lemma == "confirm":
        role = HopRole.CONFIRMED_BY.value
    elif lemma == "deny":
        role = HopRole.DENIED_BY.value
    elif kind in (SourceKind.WIRE_AGENCY.value, SourceKind.OUTLET.value) and lemma in (
        "report",
        "according",
    ):
        role = HopRole.REPORTED_BY.value
    display = known.canonical if known else name
    return ChainHop(display, role, cue, anonymous, None if known else kind, known)


def relay_hops(
    addressee: str | None, cue: str, resolver: NameResolver, outlet: str | None
) -> list[ChainHop]:
    """The agency or outlet told ("told Reuters"), then the outlet that published the article."""
    hops = []
    if addressee:
        kind = kind_guess(addressee, outlet)
        if kind in (SourceKind.WIRE_AGENCY.value, SourceKind.OUTLET.value):
            known = resolver.resolve(addressee)
            name = known.canonical if known else bare_name(addressee)
            hops.append(ChainHop(name, HopRole.REPORTED_BY.value, cue, False, kind, known))
    if outlet:
        known = resolver.resolve(outlet)
        name = known.canonical if known else outlet
        guess = None if known else SourceKind.OUTLET.value
        hops.append(ChainHop(name, HopRole.PUBLISHED_BY.value, "", False, guess, known))
    return hops


def _looks_like_name(words: str) -> bool:
    parts = bare_name(words).split()
    return 2 <= len(parts) <= 4 and all(part[:1].isupper() for part in parts)


def _shares_capitalised_word(one: str, other: str) -> bool:
    """A fuzzy match must share a name word: "Iranian officials" is not "Iran"."""
    first = {word.casefold() for word in regex.findall(r"\w+", one) if word[:1].isupper()}
    second = {word.casefold() for word in regex.findall(r"\w+", other)}
    return bool(first & second)
