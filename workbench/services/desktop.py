"""Desktop integration for the current user: the launcher (`.desktop`), its AppStream metainfo,
the `*.wbproj` file type and the icon, installed under the XDG data folder (`~/.local/share`).

The files themselves are resources (`resources/desktop/`, `resources/icons/hicolor/`); the
installed launcher runs this very installation (`Exec=` names its absolute path), so a
double-clicked project opens in the workbench that installed it. Only the standard library.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.resources import resource

APP_ID = "org.analystworkbench.Workbench"
PROJECT_MIME_TYPE = "application/x-analyst-workbench"
# Characters that make the desktop entry spec want an argument in double quotes.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass(frozen=True)
class DesktopFile:
    """One file to install: where it comes from, and where it goes under the data folder."""

    source: Path
    target: Path


def data_home() -> Path:
    """$XDG_DATA_HOME, else ~/.local/share (the XDG Base Directory default)."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    return Path(configured) if os.path.isabs(configured) else Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command that starts this installation: the bundle itself, else the `workbench`
    script installed beside this Python, else this Python running the package."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.executable).with_name("workbench")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "workbench"]


def exec_line(command: Sequence[str]) -> str:
    """The value of `Exec=` that runs `command` on the file opened, quoted as the desktop entry
    specification asks (then escaped once more as a string value)."""
    return " ".join([*map(_exec_argument, command), "gui", "%f"])


def _exec_argument(argument: str) -> str:
    argument = argument.replace("%", "%%")
    if _RESERVED.isdisjoint(argument):
        return argument
    quoted = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return '"' + quoted.replace("\\", "\\\\") + '"'


def desktop_entry(command: Sequence[str]) -> str:
    """The launcher's text, its Exec line naming `command`."""
    template = resource("desktop", f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = [
        f"Exec={exec_line(command)}" if line.startswith("Exec=") else line
        for line in template.splitlines()
    ]
    return "\n".join(lines) + "\n"


def desktop_files(home: Path) -> list[DesktopFile]:
    """Every file the desktop needs, and where it goes under `home`."""
    desktop = resource("desktop")
    files = [
        DesktopFile(desktop / f"{APP_ID}.desktop", home / "applications" / f"{APP_ID}.desktop"),
        DesktopFile(
            desktop / f"{APP_ID}.metainfo.xml", home / "metainfo" / f"{APP_ID}.metainfo.xml"
        ),
        DesktopFile(desktop / f"{APP_ID}.mime.xml", home / "mime" / "packages" / f"{APP_ID}.xml"),
    ]
    icons = resource("icons")
    files += [
        DesktopFile(icon, home / "icons" / icon.relative_to(icons))
        for icon in sorted(icons.glob(f"hicolor/*/apps/{APP_ID}.*"))
    ]
    return files


def install_desktop(home: Path | None = None) -> list[Path]:
    """Install the launcher, metainfo, file type and icons; returns the files written."""
    home = home or data_home()
    written = []
    for file in desktop_files(home):
        file.target.parent.mkdir(parents=True, exist_ok=True)
        if file.target.suffix == ".desktop":
            file.target.write_text(desktop_entry(launcher()), encoding="utf-8")
        else:
            shutil.copyfile(file.source, file.target)
        written.append(file.target)
    refresh_caches(home)
    return written


def remove_desktop(home: Path | None = None) -> list[Path]:
    """Remove what `install_desktop` wrote; returns the files removed."""
    home = home or data_home()
    removed = []
    for file in desktop_files(home):
        if file.target.exists():
            file.target.unlink()
            removed.append(file.target)
    refresh_caches(home)
    return removed


def refresh_caches(home: Path) -> list[str]:
    """Tell the desktop about the change with the freedesktop tools that are installed;
    returns the tools run (a desktop without them reads the files at its next start)."""
    steps = {
        "update-mime-database": [str(home / "mime")],
        "update-desktop-database": ["-q", str(home / "applications")],
        "gtk-update-icon-cache": ["-q", "-t", "-f", str(home / "icons" / "hicolor")],
    }
    ran = []
    for tool, arguments in steps.items():
        path = shutil.which(tool)
        if path and Path(arguments[-1]).is_dir():
            subprocess.run([path, *arguments], check=False, capture_output=True)
            ran.append(tool)
    return ran
