"""`workbench export --format <exchange>` and `workbench import` of exchange files told by
their content: the same services, one-line errors, nothing half-imported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.services import Project
from workbench.services.queries import ProjectCounts, project_counts


@pytest.fixture
def closed_sample(sample_file: Path, tmp_path: Path) -> tuple[Path, ProjectCounts]:
    """A copy of the sample project as a closed file (the command line opens it), and its counts."""
    path = tmp_path / "closed.wbproj"
    shutil.copyfile(sample_file, path)
    with Project.open(path) as project:
        return path, project_counts(project)


@pytest.mark.parametrize("fmt", ["qdpx", "stix"])
def test_an_export_imported_by_the_command_line_gives_the_same_counts(
    closed_sample: tuple[Path, ProjectCounts],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
) -> None:
    """CLI export then import of a .dat (told by content) gives the same counts."""
    out = tmp_path / "exported.dat"
    sample, counts = closed_sample
    assert main(["export", str(sample), "--format", fmt, "--out", str(out)]) == 0
    fresh = tmp_path / "fresh.wbproj"
    Project.create(fresh).close()
    assert main(["import", str(fresh), str(out)]) == 0
    assert "imported exported.dat" in capsys.readouterr().out
    with Project.open(fresh) as project:
        assert project_counts(project) == counts


def test_a_malformed_exchange_file_is_one_line_and_leaves_the_project_as_it_was(
    closed_sample: tuple[Path, ProjectCounts], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bundle with a bad claim: exit 1, one line naming it, nothing stored."""
    bundle = tmp_path / "bundle.json"
    out = tmp_path / "case.json"
    main(["export", str(closed_sample[0]), "--format", "stix", "--out", str(out)])
    objects = json.loads(out.read_text())["objects"]
    notes = [item for item in objects if item["type"] == "note"]
    notes[1]["x_workbench"]["start"] = "twelve"
    bundle.write_text(json.dumps({"type": "bundle", "id": "bundle--x", "objects": objects}))
    fresh = tmp_path / "fresh.wbproj"
    Project.create(fresh).close()
    capsys.readouterr()
    assert main(["import", str(fresh), str(bundle)]) == 1
    said = capsys.readouterr().err.strip()
    assert "bundle.json" in said and "start must be int" in said and "\n" not in said
    with Project.open(fresh) as project:
        assert tuple(project_counts(project)) == (0, 0, 0, 0, 0)
