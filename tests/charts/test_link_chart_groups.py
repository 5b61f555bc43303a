"""Groups on the link chart, kept in the project: they come back with the chart, undo takes
them away, and a group that makes no sense is refused."""

from __future__ import annotations

import pytest

from workbench.services import Project
from workbench.services.errors import InvalidInput
from workbench.services.link_chart import ChartStart
from workbench.services.link_chart_groups import group_nodes, ungroup
from workbench.services.link_chart_reads import laid_out_chart


def _groups(project: Project) -> dict[str, tuple[str, ...]]:
    laid = laid_out_chart(project, starts=[ChartStart("article", 1)])
    return {group.name: group.members for group in laid.groups}


def test_a_group_comes_back_when_the_project_is_opened_again(sample_project) -> None:
    """Claims 1 and 2 grouped as "Moscow visit" are a group of the article's chart after the
    project is closed and opened again."""
    group_nodes(sample_project, "  Moscow   visit ", ["claim:1", "claim:2", "claim:1"])
    path = sample_project.store.path
    sample_project.close()
    with Project.open(path) as reopened:
        assert _groups(reopened) == {"Moscow visit": ("claim:1", "claim:2")}


def test_grouping_is_undone_and_redone(sample_project) -> None:
    """Undo takes the group away, redo brings it back; ungrouping is undone the same way."""
    group_id = group_nodes(sample_project, "Moscow visit", ["claim:1", "claim:2"])
    assert sample_project.undo_stack.undo_label.startswith("Group 2 nodes")
    sample_project.undo()
    assert _groups(sample_project) == {}
    sample_project.redo()
    assert _groups(sample_project) == {"Moscow visit": ("claim:1", "claim:2")}
    ungroup(sample_project, group_id)
    assert _groups(sample_project) == {}
    sample_project.undo()
    assert list(_groups(sample_project)) == ["Moscow visit"]


def test_grouping_again_under_a_name_replaces_its_members(sample_project) -> None:
    """The same name given to other nodes moves the group to them."""
    group_nodes(sample_project, "Visit", ["claim:1", "claim:2"])
    group_nodes(sample_project, "Visit", ["claim:2", "claim:3"])
    assert _groups(sample_project) == {"Visit": ("claim:2", "claim:3")}


def test_a_group_off_the_chart_is_not_shown(sample_project) -> None:
    """A group of nodes the chart does not show is not among the chart's groups."""
    group_nodes(sample_project, "Elsewhere", ["actor:9999", "claim:9999"])
    assert _groups(sample_project) == {}


@pytest.mark.parametrize(
    ("name", "members", "says"),
    [
        ("", ["claim:1", "claim:2"], "a name"),
        ("One", ["claim:1"], "two nodes"),
        ("Odd", ["claim:1", "planet:3"], "not a node"),
        ("x" * 201, ["claim:1", "claim:2"], "200 characters"),
    ],
)
def test_a_group_that_makes_no_sense_is_refused(sample_project, name, members, says) -> None:
    """No name, one node, a key that names no record kind, or too long a name: a clear error,
    and nothing kept."""
    with pytest.raises(InvalidInput, match=says):
        group_nodes(sample_project, name, members)
    assert _groups(sample_project) == {}
