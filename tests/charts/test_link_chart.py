"""The link chart read from the project: its nodes, its edges and the claims behind each."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import event

from workbench.reports.chart_model import ChartEdge
from workbench.services import Project
from workbench.services.errors import InvalidInput
from workbench.services.link_chart import ChartStart, chart_of, chart_of_claims
from workbench.services.lookup import named


def _edge(edges: tuple[ChartEdge, ...], source: str, target: str) -> ChartEdge:
    return next(e for e in edges if (e.source, e.target) == (source, target))


def _key(project: Project, kind: str, name: str) -> str:
    return f"{kind}:{named(project, kind, name)}"


def test_the_chain_of_the_sample_runs_from_unnamed_sources_to_the_outlet(sample_project) -> None:
    """Unnamed sources → Reuters → Deftechtimes are edges, each resting on the claim they carry."""
    chart = chart_of(sample_project, [ChartStart("article", 1)])
    unnamed, reuters, outlet = (
        _key(sample_project, "source", name)
        for name in ("unnamed sources", "Reuters", "Deftechtimes")
    )
    told = _edge(chart.edges, unnamed, reuters)
    published = _edge(chart.edges, reuters, outlet)
    assert (told.label, told.claims) == ("reported by", (1,))
    assert (published.label, published.claims) == ("published by", (1,))
    assert _edge(chart.edges, unnamed, "claim:1").label == "speaker"
    assert told.reliability == "F"  # the first-hand source of claim 1 cannot be judged


def test_an_edge_carries_every_claim_it_rests_on_and_the_best_grade(sample_project) -> None:
    """Putin hosts the Moscow visit on the strength of both claims about it, the best graded 2."""
    chart = chart_of(sample_project, [ChartStart("article", 1)])
    putin = _key(sample_project, "actor", "Vladimir Putin")
    hosting = next(e for e in chart.edges if e.source == putin and e.kind == "participant")
    assert (hosting.label, hosting.claims, hosting.credibility) == ("host", (1, 2), 2)
    assert hosting.weight == 2


def test_weak_edges_are_hidden_on_request(sample_project) -> None:
    """Edges resting only on a doubtful claim (claim 3, graded 4) go; the others stay."""
    chart = chart_of(sample_project, [ChartStart("article", 1)])
    strong = chart.without_weak_edges()
    gone = {e.key for e in chart.edges} - {e.key for e in strong.edges}
    assert gone and all(e.claims == (3,) for e in chart.edges if e.key in gone)
    assert len(strong.nodes) == len(chart.nodes)


def test_articles_and_relations_are_on_the_chart_when_asked(sample_project) -> None:
    """The article holds its claims on request; the sample's 'supports' joins claims 3 and 1."""
    plain = chart_of(sample_project, [ChartStart("article", 1)])
    with_articles = chart_of(sample_project, [ChartStart("article", 1)], articles=True)
    assert "article:1" not in plain and "article:1" in with_articles
    relation = _edge(plain.edges, "claim:3", "claim:1")
    assert (relation.kind, relation.label, relation.claims) == ("relation", "supports", (1, 3))


def test_an_actor_starts_a_chart_of_every_claim_that_touches_it(sample_project) -> None:
    """Putin's chart holds the claims naming him, the one he speaks, and those on his events."""
    putin = named(sample_project, "actor", "Vladimir Putin")
    assert putin is not None
    chart = chart_of(sample_project, [ChartStart("actor", putin)])
    claims = sorted(node.record_id for node in chart.nodes if node.kind == "claim")
    assert claims == [1, 2, 3, 4]


def test_a_chart_keeps_to_its_limit_and_says_how_many_it_left_out(project, actor_case) -> None:
    """An actor of 12 claims charted with a limit of 5: the 5 latest, 7 left out."""
    actor = actor_case(12)
    chart = chart_of(project, [ChartStart("actor", actor)], limit=5)
    claims = sorted(node.record_id for node in chart.nodes if node.kind == "claim")
    assert claims == [8, 9, 10, 11, 12] and chart.left_out == 7


def test_a_chart_costs_the_same_queries_for_many_claims_as_for_few(
    project: Project, actor_case: Callable[[int], int]
) -> None:
    """Set-based reads: 40 claims take no more statements than 3."""
    actor_case(40)
    statements: list[str] = []

    def counted(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(project.store.engine, "before_cursor_execute", counted)
    try:
        chart_of_claims(project, range(1, 4))
        few = len(statements)
        statements.clear()
        many = chart_of_claims(project, range(1, 41))
    finally:
        event.remove(project.store.engine, "before_cursor_execute", counted)
    assert len(statements) == few
    assert sum(1 for node in many.nodes if node.kind == "claim") == 40


def test_a_chart_cannot_start_from_something_unknown(sample_project) -> None:
    """A start of a kind the chart does not know is refused, naming the kinds it knows."""
    with pytest.raises(InvalidInput, match="actor, source, event, article, claim, project"):
        chart_of(sample_project, [ChartStart("tag", 1)])
