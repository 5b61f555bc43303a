"""Origins, lines and suggested grades worked out on plain values, with no project."""

from __future__ import annotations

from workbench.analysis.corroboration import judge_cluster
from workbench.analysis.evidence import ArticleFacts, ClaimEvidence, EvidenceHop, Named, Names
from workbench.analysis.track_record import StatusTally, track_record

NAMES = Names(
    named={
        ("source", 1): Named("unnamed sources", "unnamed sources", "F"),
        ("source", 2): Named("Reuters", "wire agency", "B"),
        ("source", 3): Named("AP", "wire agency", "B"),
        ("source", 4): Named("Deftechtimes", "outlet", "C"),
        ("source", 5): Named("Al-Monitor", "outlet", "C"),
        ("actor", 9): Named("the Kremlin", "organisation", "B"),
    },
    articles={n: ArticleFacts(n, f"article {n}", f"outlet {n}") for n in range(1, 6)},
)


def claim(
    claim_id: int, article_id: int, *chain: tuple[str, int], **fields: object
) -> ClaimEvidence:
    hops = tuple(
        EvidenceHop(named, "speaker" if i == 0 else "reported by") for i, named in enumerate(chain)
    )
    return ClaimEvidence(claim_id, article_id, hops=hops, **fields)  # type: ignore[arg-type]


ANONYMOUS, REUTERS, AP, DEFTECH, MONITOR = (("source", n) for n in range(1, 6))
KREMLIN = ("actor", 9)


def test_one_anonymous_origin_suggests_possibly_true() -> None:
    """A lone anonymous origin reads "only one origin (F, anonymous) → 3 possibly true"."""
    judged = judge_cluster([claim(1, 1, ANONYMOUS, REUTERS, DEFTECH)], NAMES)
    assert judged.suggestion.credibility == 3
    assert judged.suggestion.reason == "only one origin (F, anonymous) → 3 possibly true"


def test_outlets_after_one_agency_story_are_one_line() -> None:
    """Two outlets publishing one Reuters story from unnamed sources: one origin, one line."""
    judged = judge_cluster(
        [claim(1, 1, ANONYMOUS, REUTERS, DEFTECH), claim(2, 2, ANONYMOUS, REUTERS, MONITOR)], NAMES
    )
    assert judged.independent_origins == 1
    assert [line.wording for line in judged.origins[0].lines] == ["unnamed sources → Reuters"]
    assert len(judged.origins[0].lines[0].paths) == 2


def test_unnamed_sources_heard_by_different_agencies_are_different_origins() -> None:
    """Unnamed sources via Reuters and unnamed sources via AP cannot be told to be the same."""
    judged = judge_cluster(
        [claim(1, 1, ANONYMOUS, REUTERS, DEFTECH), claim(2, 2, ANONYMOUS, AP, MONITOR)], NAMES
    )
    assert judged.independent_origins == 2
    assert judged.suggestion.credibility == 1


def test_a_named_root_through_two_agencies_is_one_origin_with_two_lines() -> None:
    """The Kremlin via Reuters and via AP is still one origin: the Kremlin."""
    judged = judge_cluster(
        [claim(1, 1, KREMLIN, REUTERS, DEFTECH), claim(2, 2, KREMLIN, AP, MONITOR)],
        NAMES,
        contradicting=[7],
    )
    assert judged.independent_origins == 1
    assert len(judged.origins[0].lines) == 2
    assert judged.contradicted_by == (7,)
    assert judged.suggestion.status == "disputed"
    assert judged.suggestion.reason.startswith("only one origin (the Kremlin, B), contradicted")


def test_a_claim_with_no_chain_is_its_outlets_own_reporting() -> None:
    """With no chain, the origin is the outlet; a syndicated copy's is the original story's."""
    names = Names(
        NAMES.named, {1: ArticleFacts(1, "", "Deftechtimes"), 2: ArticleFacts(2, "", "Wire", 1)}
    )
    judged = judge_cluster([claim(1, 1), claim(2, 2, status="corroborated")], names)
    assert judged.summary == "2 articles, 2 outlets, 1 origin: Deftechtimes (own reporting)"
    assert judged.circular


def test_a_long_good_record_suggests_usually_reliable() -> None:
    """Four claims that held up out of four suggest B (A needs a longer record)."""
    record = track_record(
        "Reuters", "C", [StatusTally("corroborated", 4), StatusTally("unverified", 2)]
    )
    assert (record.claims, record.corroborated, record.suggested) == (6, 4, "B")
    short = track_record("Reuters", "C", [StatusTally("refuted", 2)])
    assert short.suggested == "F"
    assert short.reason == "only 2 ended claims → F reliability cannot be judged"
