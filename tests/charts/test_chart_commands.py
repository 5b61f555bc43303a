"""`workbench graph` and `workbench timeline` on the command line."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from workbench.cli import main


def test_graph_writes_an_actors_chart(sample_project, tmp_path: Path, capsys) -> None:
    """`graph --actor` writes GraphML of the actor's neighbourhood and says what it wrote."""
    location = sample_project.store.location
    sample_project.close()
    out = tmp_path / "putin.graphml"
    assert main(["graph", location, "--actor", "vladimir putin", "--out", str(out)]) == 0
    graph = nx.read_graphml(out)
    assert "Vladimir Putin" in {values["label"] for _key, values in graph.nodes(data=True)}
    assert f"{graph.number_of_nodes()} nodes" in capsys.readouterr().out


def test_graph_names_an_actor_it_does_not_know(sample_project, tmp_path, capsys) -> None:
    """An unknown actor is one clear line and a failing exit, and no file."""
    location = sample_project.store.location
    sample_project.close()
    out = tmp_path / "nobody.svg"
    assert main(["graph", location, "--actor", "Nobody", "--out", str(out)]) == 1
    assert "no actor is called 'Nobody'" in capsys.readouterr().err
    assert not out.exists()


def test_timeline_writes_csv_by_its_suffix(sample_project, tmp_path: Path) -> None:
    """`timeline --out FILE.csv` writes the CSV (the format told by the suffix)."""
    location = sample_project.store.location
    sample_project.close()
    out = tmp_path / "timeline.csv"
    assert main(["timeline", location, "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("track,id,title")
