"""The hand-annotated attributions (tests/assist/data/attributions.json) and how a detector
scores on them, token by token, for the cue, the source and the content."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from workbench.assist import lexicon
from workbench.assist.model import AttributionSuggestion, Span
from workbench.assist.phrasebook import PhraseFinder
from workbench.assist.scoring import Counts, Tokens, counts
from workbench.ingest.extract import extract_file

ROOT = Path(__file__).resolve().parents[2]
ANNOTATIONS = ROOT / "tests" / "assist" / "data" / "attributions.json"
CORPUS = ROOT.parent / "shared" / "corpus"
ROLES = ("cue", "source", "content")

Detector = Callable[["AnnotatedText"], Iterable[AttributionSuggestion]]


@dataclass(frozen=True)
class AnnotatedText:
    """One corpus text as the importer extracts it, with its annotated attributions."""

    file: str
    split: str
    text: str
    published: object
    outlet: str
    spans: dict[str, tuple[Span, ...]]
    count: int


@dataclass(frozen=True)
class LoadedSet:
    texts: tuple[AnnotatedText, ...]
    changed: tuple[str, ...]  # files whose extracted text no longer has the annotated hash


def corpus_present() -> bool:
    return CORPUS.is_dir() and ANNOTATIONS.is_file()


@cache
def load_set() -> LoadedSet:
    """Every annotated text whose extraction still matches the annotation's hash."""
    data = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    texts, changed = [], []
    for entry in data["texts"]:
        document = extract_file(CORPUS / entry["file"]).documents[0]
        if hashlib.sha256(document.text.encode()).hexdigest() != entry["sha256"]:
            changed.append(entry["file"])
            continue
        spans = {
            role: tuple(Span(*item[role]) for item in entry["attributions"] if item[role])
            for role in ROLES
        }
        published = document.published.date() if document.published else None
        texts.append(
            AnnotatedText(
                entry["file"],
                entry["split"],
                document.text,
                published,
                document.site,
                spans,
                len(entry["attributions"]),
            )
        )
    return LoadedSet(tuple(texts), tuple(changed))


def scores(texts: Iterable[AnnotatedText], detector: Detector) -> dict[str, Counts]:
    """Token counts per role of `detector` over `texts`, added up."""
    totals = dict.fromkeys(ROLES, Counts())
    for item in texts:
        tokens = Tokens(item.text)
        found = list(detector(item))
        proposed: dict[str, list[Span | None]] = {
            "cue": [suggestion.cue for suggestion in found],
            "source": [suggestion.source for suggestion in found],
            "content": [suggestion.content for suggestion in found],
        }
        for role in ROLES:
            gold = tokens.covered(item.spans[role])
            totals[role] = totals[role] + counts(gold, tokens.covered(proposed[role]))
    return totals


_LEXICON = PhraseFinder(
    {form for forms in lexicon.REPORTING_VERBS.values() for form in forms}
    | set(lexicon.REPORTING_VERBS)
    | {"according to"}
)


def lexicon_baseline(item: AnnotatedText) -> list[AttributionSuggestion]:
    """The baseline: each word of the reporting-verb lexicon is a cue; no source, no content."""
    return [
        AttributionSuggestion(Span(*match.span()), None, None, False, (), 0.0)
        for match in _LEXICON.finditer(item.text)
    ]
