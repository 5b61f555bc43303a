"""The built wheel installed into a fresh venv works on its own: its version, the sample
project (the migrations and sample material) and a report (the templates), all read from the
installed package, never from the checkout. (`make check-dist` runs every command, and the
window, against a venv that installs everything from the registry.)"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
from pathlib import Path

import pytest

from workbench import __version__
from workbench.reports import FORMATS, SUFFIXES

pytestmark = pytest.mark.slow
PIP = (sys.executable, "-m", "pip")
WHERE = "import workbench.resources as r; print(r.resources_dir(), r.migration_scripts())"


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel; its dependencies are the test venv's (through a .pth),
    but not the test venv's editable workbench."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    (purelib,) = (venv / "lib").glob("python3*/site-packages")
    (purelib / "test-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run(
        [*PIP, "--python", str(python), "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    return venv


def run(venv: Path, cwd: Path, *arguments: str) -> str:
    env = {**os.environ, "HOME": str(cwd), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    done = subprocess.run(
        [str(venv / "bin" / "workbench"), *arguments],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
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
