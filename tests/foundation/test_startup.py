"""Start-up promise: asking the command line for help never loads the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

import pytest

# What `workbench --help` must not import: each costs more than Python's own start-up.
HEAVY = (
    "sqlalchemy",
    "alembic",
    "whoosh",
    "PySide6",
    "reportlab",
    "trafilatura",
    "datasketch",
    "docx",
    "lxml",
    "dateparser",
)


def imported_by(*arguments: str) -> tuple[str, set[str]]:
    """What `python -X importtime -m workbench ARGUMENTS` prints, and the packages it imported."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "workbench", *arguments],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    packages = {
        line.rsplit("|", 1)[-1].strip().split(".")[0]
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    return done.stdout, packages


@pytest.mark.parametrize("command", [(), ("import",), ("export",), ("search",), ("check",)])
def test_help_loads_no_heavy_library(command: tuple[str, ...]) -> None:
    """`workbench [COMMAND] --help` prints its help without importing the store, Qt or readers."""
    out, packages = imported_by(*command, "--help")
    assert "usage: workbench" in out
    assert "workbench" in packages  # the parse of -X importtime found the package itself
    assert sorted(packages & set(HEAVY)) == []
