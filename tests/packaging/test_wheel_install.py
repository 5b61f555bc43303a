"""The built wheel installed into a fresh venv works on its own: its version, the sample
project (the migrations and sample material) and a report (the templates), all read from the
installed package, never from the checkout. (`make check-dist` runs every command, and the
window, against a venv that installs everything from the registry.)"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from workbench import __version__
from workbench.reports import FORMATS, SUFFIXES

from .venvs import run_installed, venv_holding

pytestmark = pytest.mark.slow
WHERE = "import workbench.resources as r; print(r.resources_dir(), r.migration_scripts())"


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel built from the checkout."""
    return venv_holding(wheel, tmp_path_factory.mktemp("venv"))


def run(venv: Path, cwd: Path, *arguments: str) -> str:
    done = run_installed(venv, cwd, *arguments)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_the_installed_package_is_the_wheel(installed: Path, tmp_path: Path) -> None:
    """The venv imports workbench from its own site-packages, with its data beside it."""
    found = subprocess.run(
        [str(installed / "bin" / "python"), "-c", WHERE],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(Path(path).is_relative_to(installed) for path in found), found


def test_installed_workbench_makes_the_sample_and_a_report(installed: Path, tmp_path: Path) -> None:
    """`--version`, `sample` and `export --format html` work from the installed wheel."""
    assert run(installed, tmp_path, "--version").strip() == f"workbench {__version__}"
    assert "6 claims" in run(installed, tmp_path, "sample", "demo.wbproj")
    run(installed, tmp_path, "export", "demo.wbproj", "--format", "html", "--out", "r.html")
    report = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Reuters" in report and "<style>" in report


def test_installed_workbench_imports_searches_and_exports_every_format(
    installed: Path, tmp_path: Path, corpus: Path
) -> None:
    """From the wheel: `new`, `import` of the seed page, `search` finds it, every format exports."""
    run(installed, tmp_path, "new", "case.wbproj")
    seed = corpus / "seed" / "putin-iran-deftechtimes.html"
    assert "1 imported" in run(installed, tmp_path, "import", "case.wbproj", str(seed))
    found = json.loads(run(installed, tmp_path, "search", "case.wbproj", "Reuters", "--json"))
    assert any("Putin" in hit["title"] for hit in found["hits"]), found
    run(installed, tmp_path, "sample", "demo.wbproj")
    for fmt in FORMATS:
        out = tmp_path / f"report{SUFFIXES[fmt]}"
        run(installed, tmp_path, "export", "demo.wbproj", "--format", fmt, "--out", str(out))
        assert out.stat().st_size > 0, f"the {fmt} export is empty"
