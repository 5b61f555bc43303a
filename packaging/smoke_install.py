"""Use an installed workbench as an analyst would, and say what works.

    python packaging/smoke_install.py WORKBENCH [--seed PAGE] [--window SECONDS]

WORKBENCH is the installed command (a venv's `bin/workbench`, or the bundle's `workbench`). It
runs `--version`, `--help`, `new`, `sample`, `info`, `import` of the seed page, `search`, `export`
in every report format, `install-desktop` into a scratch data folder and, with --window, opens
the window offscreen until its first paint and for SECONDS after it. Everything happens in a
scratch folder with its own HOME, so the user's settings and projects are left alone.
Run it with the Python of the installation (`bin/python`): the formats and the version are read
from the installed package. Exit status 1 when any step fails.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import subprocess
import tempfile
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
SEED = CHECKOUT.parent / "shared" / "corpus" / "seed" / "putin-iran-deftechtimes.html"


class Smoke:
    def __init__(self, workbench: Path, scratch: Path) -> None:
        self.workbench = workbench
        self.scratch = scratch
        self.env = {
            **os.environ,
            "HOME": str(scratch),
            "XDG_DATA_HOME": str(scratch / "share"),
            "XDG_CONFIG_HOME": str(scratch / "config"),
            "XDG_CACHE_HOME": str(scratch / "cache"),
            "QT_QPA_PLATFORM": "offscreen",
        }
        self.failed: list[str] = []
        self.passed = 0

    def run(self, what: str, *arguments: str, expect: str = "", exit_code: int = 0) -> str:
        """Run one command; it passes when it exits with `exit_code` and prints `expect`."""
        try:
            done = subprocess.run(
                [str(self.workbench), *arguments],
                cwd=self.scratch,
                env=self.env,
                capture_output=True,
                text=True,
                timeout=600,
            )
        except subprocess.TimeoutExpired:
            return self._fail(what, "did not finish within 600 s")
        output = done.stdout + done.stderr
        if done.returncode != exit_code:
            return self._fail(what, f"exit {done.returncode}: {output.strip()[-800:]}")
        if expect not in output:
            return self._fail(what, f"printed no {expect!r}: {output.strip()[-800:]}")
        self.passed += 1
        print(f"ok    {what}", flush=True)
        return output

    def check(self, what: str, holds: bool, why: str) -> None:
        if holds:
            self.passed += 1
            print(f"ok    {what}", flush=True)
        else:
            self._fail(what, why)

    def _fail(self, what: str, why: str) -> str:
        self.failed.append(what)
        print(f"FAIL  {what}: {why}", flush=True)
        return ""


def smoke(workbench: Path, seed: Path, window: float | None) -> int:
    from workbench.reports import FORMATS

    version = importlib.metadata.version("analyst-workbench")
    with tempfile.TemporaryDirectory(prefix="workbench-smoke-") as folder:
        scratch = Path(folder)
        s = Smoke(workbench, scratch)
        s.run("--version", "--version", expect=f"workbench {version}")
        s.run("--help", "--help", expect="install-desktop")
        s.run("new", "new", "cases.wbproj", expect="cases.wbproj")
        s.run("sample", "sample", "demo.wbproj", expect="6 claims")
        s.run("info", "info", "demo.wbproj", expect="claims")
        s.run(f"import {seed.name}", "import", "cases.wbproj", str(seed))
        counts = s.run("info after the import", "info", "cases.wbproj", expect="articles")
        stored = any(line.split() == ["articles", "1"] for line in counts.splitlines())
        s.check("the imported page is stored", stored, counts)
        s.run("search", "search", "demo.wbproj", "Reuters", expect="match")
        for fmt in FORMATS:
            out = scratch / f"report.{fmt}"
            s.run(
                f"export --format {fmt}",
                "export",
                "demo.wbproj",
                "--format",
                fmt,
                "--out",
                str(out),
            )
            s.check(f"report.{fmt} written", out.is_file() and out.stat().st_size > 0, "empty")
        s.run("install-desktop", "install-desktop", expect="installed")
        launcher = scratch / "share" / "applications" / "org.analystworkbench.Workbench.desktop"
        s.check("launcher installed", launcher.is_file(), f"no {launcher}")
        if window is not None:
            s.run(
                f"window opens, paints, closes after {window:g} s",
                "gui",
                "demo.wbproj",
                "--quit-after",
                str(window),
                expect="window painted",
            )
    print(f"{s.passed} passed, {len(s.failed)} failed", flush=True)
    return 1 if s.failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workbench", type=Path, help="the installed workbench command")
    parser.add_argument("--seed", type=Path, default=SEED, help="a page to import")
    parser.add_argument("--window", type=float, metavar="SECONDS", help="also open the window")
    arguments = parser.parse_args()
    if not arguments.seed.is_file():
        arguments.seed = CHECKOUT / "resources" / "sample" / "putin-iran-deftechtimes.txt"
    return smoke(arguments.workbench.absolute(), arguments.seed.absolute(), arguments.window)


if __name__ == "__main__":
    raise SystemExit(main())
