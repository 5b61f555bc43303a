"""Projects cross releases safely: the previous release (its wheel is stored in releases/) refuses
a project this release made with a newer schema, one clear line and the file untouched; and this
release opens a project the previous release made, upgrading it after a backup, nothing lost."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from workbench.services.project import Project
from workbench.services.queries import project_counts
from workbench.store.migrations import schema_state

from .venvs import run_installed, venv_holding

pytestmark = pytest.mark.slow
RELEASES = Path(__file__).parent / "releases"
PREVIOUS = RELEASES / "analyst_workbench-0.1.0-py3-none-any.whl"
PREVIOUS_HEAD = "0010"  # the schema revision 0.1.0 knows last


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the previous release, as its wheel was published."""
    return venv_holding(PREVIOUS, tmp_path_factory.mktemp("previous"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_stored_release_is_the_previous_one(previous: Path, tmp_path: Path) -> None:
    """The stored wheel runs and says it is 0.1.0 (so the tests below test what they claim)."""
    done = run_installed(previous, tmp_path, "--version")
    assert done.stdout.strip() == "workbench 0.1.0", done.stdout + done.stderr


def test_the_previous_release_refuses_a_project_made_by_this_one(
    previous: Path, tmp_path: Path
) -> None:
    """Every command of 0.1.0 refuses this release's project in one line and leaves it as it was."""
    project = tmp_path / "case.wbproj"
    with Project.create(project) as made:
        head = schema_state(made.store.engine).head
    assert head != PREVIOUS_HEAD, "this release has the previous release's schema: nothing to test"
    before = _digest(project)
    page = tmp_path / "page.txt"
    page.write_text("A title\n\nA paragraph the old release must not import.\n", encoding="utf-8")
    for command in (("info",), ("check",), ("search", "x"), ("import", str(page))):
        done = run_installed(previous, tmp_path, command[0], str(project), *command[1:])
        assert done.returncode == 1, (command, done.stdout, done.stderr)
        assert done.stderr.strip().splitlines() == [
            f"workbench: error: {project} was saved by a newer Analyst Workbench "
            f"(schema {head}); update the workbench to open it"
        ], (command, done.stderr)
    assert _digest(project) == before
    left = sorted(path.name for path in tmp_path.iterdir() if path.name.startswith("case"))
    assert left == ["case.wbproj", "case.wbproj.lock"], "the old release left files behind"


def test_this_release_upgrades_a_project_of_the_previous_one(
    previous: Path, tmp_path: Path
) -> None:
    """A 0.1.0 sample project opens here upgraded to this schema, backed up first, claims kept."""
    done = run_installed(previous, tmp_path, "sample", "old.wbproj")
    assert done.returncode == 0, done.stderr
    with Project.open(tmp_path / "old.wbproj") as opened:
        assert opened.store.backup_path is not None and opened.store.backup_path.exists()
        state = schema_state(opened.store.engine)
        assert state.up_to_date and state.current != PREVIOUS_HEAD
        assert project_counts(opened).claims == 6
