"""Fresh venvs that hold one wheel, and running the `workbench` they install as an analyst would."""

from __future__ import annotations

import os
import site
import subprocess
import sys
from pathlib import Path

PIP = (sys.executable, "-m", "pip")


def venv_holding(wheel: Path, folder: Path) -> Path:
    """A fresh venv in `folder` holding `wheel`; its dependencies are the test venv's (through a
    .pth), but not the test venv's editable workbench."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    python = folder / "bin" / "python"
    (purelib,) = (folder / "lib").glob("python3*/site-packages")
    (purelib / "test-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run(
        [*PIP, "--python", str(python), "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    return folder


def run_installed(venv: Path, cwd: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """The venv's `workbench` run in `cwd` with a home of its own, offscreen."""
    env = {**os.environ, "HOME": str(cwd), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [str(venv / "bin" / "workbench"), *arguments],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
