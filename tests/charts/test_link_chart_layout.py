"""Where the link chart's nodes go: kept places, new nodes beside their neighbours, chain layers."""

from __future__ import annotations

import pytest

from workbench.services.link_chart import ChartStart, chart_of
from workbench.services.link_chart_layout import chain_layers, lay_out
from workbench.services.lookup import named


def test_every_node_gets_a_place(sample_project) -> None:
    """The spring layout places every node of the sample's chart, apart from one another."""
    chart = chart_of(sample_project, [ChartStart("article", 1)])
    places = lay_out(chart)
    assert set(places) == {node.key for node in chart.nodes}
    assert len(set(places.values())) == len(places)


def test_nodes_that_have_a_place_keep_it_when_the_chart_grows(sample_project) -> None:
    """After the article's claims are added to Trump's chart, Trump's nodes have not moved."""
    trump = named(sample_project, "actor", "Donald Trump")
    assert trump is not None
    small = chart_of(sample_project, [ChartStart("actor", trump)])
    before = lay_out(small)
    grown = chart_of(sample_project, [ChartStart("actor", trump), ChartStart("article", 1)])
    after = lay_out(grown, kept=before)
    assert len(after) > len(before)
    assert all(after[key] == place for key, place in before.items())


def test_attribution_chains_read_left_to_right(sample_project) -> None:
    """Claim, then unnamed sources, then Reuters, then Deftechtimes, each a layer further right."""
    chart = chart_of(sample_project, [ChartStart("article", 1)])
    keys = [f"source:{named(sample_project, 'source', n)}" for n in ("unnamed sources", "Reuters")]
    outlet = f"source:{named(sample_project, 'source', 'Deftechtimes')}"
    layers = chain_layers(chart)
    assert [layers["claim:1"], layers[keys[0]], layers[keys[1]], layers[outlet]] == [0, 1, 2, 3]
    places = lay_out(chart, "chains")
    assert places["claim:1"][0] < places[keys[0]][0] < places[keys[1]][0] < places[outlet][0]


def test_an_unknown_layout_is_refused(sample_project) -> None:
    """A layout name the chart does not know is a clear error."""
    chart = chart_of(sample_project, [ChartStart("article", 1)])
    with pytest.raises(ValueError, match="spring, chains"):
        lay_out(chart, "circle")


def test_a_fresh_layout_is_the_same_picture_every_time(sample_project) -> None:
    """Two fresh layouts of the same chart put every node at the same place, whatever state
    igraph's and Python's random generators are in."""
    import random

    import igraph

    chart = chart_of(sample_project, [ChartStart("project", 0)])
    try:
        igraph.set_random_number_generator(random.Random(1))
        random.seed(1)
        first = lay_out(chart)
        igraph.set_random_number_generator(random.Random(2))
        random.seed(2)
        second = lay_out(chart)
    finally:
        igraph.set_random_number_generator(random)
    assert len(first) == len(chart.nodes) > 10
    assert second == first
