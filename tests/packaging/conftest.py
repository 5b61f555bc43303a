"""The built wheel, shared by the packaging tests: built once per run from a copy of the checkout
(so concurrent runs never share setuptools' build folder), with the venv's own setuptools."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
# What the wheel is built from: pyproject.toml and setup.py say what goes in.
PIP_WHEEL = (sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q")
SOURCES = ("pyproject.toml", "setup.py", "README.md", "LICENSE", "workbench", "db", "resources")


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `make dist` would build, in a temporary folder."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        path = CHECKOUT / name
        if path.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
            shutil.copytree(path, source / name, ignore=ignore)
        else:
            shutil.copy2(path, source / name)
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [*PIP_WHEEL, "-w", str(out), str(source)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (built,) = out.glob("analyst_workbench-*.whl")
    return built


@pytest.fixture(scope="session")
def wheel_files(wheel: Path) -> set[str]:
    """The paths inside the wheel."""
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())
