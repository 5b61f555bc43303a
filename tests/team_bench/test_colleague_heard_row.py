"""The team bench's "colleague's commit heard" row: its measurement reports a latency for each
commit a colleague's open project heard, beside the bare NOTIFY → LISTEN floor, and fails saying
what was not heard (how fast is the benchmark's to say: no time is asserted here)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.bench.pg_server import ServerUnavailable, ThrowawayServer
from workbench.bench.team_checks import seeded_case
from workbench.bench.team_heard import NotHeard, colleague_heard
from workbench.services import Project

pytestmark = pytest.mark.slow  # a server, a seeded case and a second workstation's process


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ThrowawayServer, Path]]:
    """A throwaway server holding the team bench's seeded case, two analysts in its team."""
    try:
        server = ThrowawayServer.start()
    except ServerUnavailable as error:
        pytest.skip(str(error))
    folder = tmp_path_factory.mktemp("team-bench")
    try:
        seeded_case(server.create_database("team_case"), folder, 2, 0)
        yield server, folder
    finally:
        server.stop()


def test_each_commit_heard_by_a_colleague_gets_a_latency(
    case: tuple[ThrowawayServer, Path],
) -> None:
    """Three commits by analyst_1 (an article, a claim on it, an article), each heard by
    analyst_2's open project, give three latencies, and three bare round trips beside them."""
    server, folder = case
    heard = colleague_heard(
        server.url("team_case", "analyst_1"),
        server.url("team_case", "analyst_2"),
        folder,
        commits=3,
        warm_up=1,
    )
    assert len(heard.workbench) == 3 and all(took > 0 for took in heard.workbench)
    assert len(heard.floor) == 3 and all(took > 0 for took in heard.floor)


def test_a_commit_nobody_hears_fails_the_row_saying_which(
    case: tuple[ThrowawayServer, Path],
) -> None:
    """A colleague watching another case hears nothing: the row fails, naming the commit that
    was not heard and whose watch missed it, rather than reporting a time."""
    server, folder = case
    Project.create(server.create_database("other_case")).close()
    with pytest.raises(
        NotHeard,
        match=r"analyst_1's article .* watched by wb_admin's ColleagueWatch, was not heard",
    ):
        colleague_heard(
            server.url("team_case", "analyst_1"),
            server.url("other_case"),
            folder,
            commits=1,
            wait=5,
            warm_up=0,
        )
