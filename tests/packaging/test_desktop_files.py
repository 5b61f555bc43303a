"""The launcher, metainfo and file type: valid by the freedesktop tools, consistent with each
other and with the package, and installed for the user by `workbench install-desktop`."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from workbench import __version__
from workbench.resources import resource
from workbench.services.desktop import (
    APP_ID,
    PROJECT_MIME_TYPE,
    desktop_entry,
    exec_line,
    install_desktop,
    remove_desktop,
)

DESKTOP = resource("desktop", f"{APP_ID}.desktop")
METAINFO = resource("desktop", f"{APP_ID}.metainfo.xml")
MIME = resource("desktop", f"{APP_ID}.mime.xml")
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def tool(name: str, package: str) -> str:
    """The path of a freedesktop tool; the test skips, naming the package, without it."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package}; `make test` installs it)")
    return path


def entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    return parser["Desktop Entry"]


def exec_arguments(value: str) -> list[str]:
    """An Exec value split as the desktop entry spec says: string escapes first, then
    arguments separated by spaces, a double-quoted one taking \\ before " ` $ \\ literally."""
    text = value.replace("\\\\", "\\")
    arguments: list[str] = []
    position = 0
    while position < len(text):
        if text[position] == " ":
            position += 1
        elif text[position] == '"':
            argument, position = "", position + 1
            while text[position] != '"':
                if text[position] == "\\" and text[position + 1] in '"`$\\':
                    position += 1
                argument, position = argument + text[position], position + 1
            arguments.append(argument)
            position += 1
        else:
            end = text.find(" ", position)
            end = len(text) if end < 0 else end
            arguments.append(text[position:end])
            position = end
    return arguments


def test_launcher_passes_desktop_file_validate() -> None:
    """desktop-file-validate finds nothing wrong with the launcher (hints aside)."""
    done = subprocess.run(
        [tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout


def test_metainfo_passes_appstreamcli_validate() -> None:
    """appstreamcli validates the metainfo (offline)."""
    done = subprocess.run(
        [tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_metainfo_and_changelog_release_is_the_package_version() -> None:
    """The newest release in the metainfo and in CHANGELOG.md is the package's version."""
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases and releases[0].get("version") == __version__
    changelog = (Path(__file__).resolve().parents[2] / "CHANGELOG.md").read_text(encoding="utf-8")
    newest = next(line for line in changelog.splitlines() if line.startswith("## "))
    assert newest.split()[1] == __version__


def test_names_agree_across_the_files() -> None:
    """The AppStream id, the launcher's name, its icon and the project file type match."""
    root = ET.parse(METAINFO).getroot()
    launcher = entry(DESKTOP.read_text(encoding="utf-8"))
    assert root.findtext("id") == APP_ID == DESKTOP.name.removesuffix(".desktop")
    assert root.findtext("launchable") == DESKTOP.name
    assert launcher["Icon"] == root.findtext("icon") == APP_ID
    assert launcher["MimeType"] == f"{PROJECT_MIME_TYPE};"
    assert root.findtext("provides/mediatype") == PROJECT_MIME_TYPE
    mime = ET.parse(MIME).getroot().find("m:mime-type", MIME_NS)
    assert mime is not None and mime.get("type") == PROJECT_MIME_TYPE
    assert mime.find("m:glob", MIME_NS).get("pattern") == "*.wbproj"  # type: ignore[union-attr]


def test_file_type_maps_wbproj_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """update-mime-database reads the definition and maps *.wbproj to the project type."""
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages / f"{APP_ID}.xml")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # else it warns the folder is unsearched
    done = subprocess.run(
        [tool("update-mime-database", "shared-mime-info"), str(tmp_path / "mime")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert f"{PROJECT_MIME_TYPE}:*.wbproj" in globs


def test_exec_line_runs_a_launcher_in_an_awkward_folder() -> None:
    """A launcher path with spaces, quotes, $ and % comes back whole from the Exec line."""
    launcher = '/opt/My "Apps"/$HOME/50%/work\\bench'
    value = exec_line([launcher, "-m", "workbench"])
    assert exec_arguments(value.replace("%f", "x.wbproj").replace("%%", "%")) == [
        launcher,
        "-m",
        "workbench",
        "gui",
        "x.wbproj",
    ]


def test_installed_launcher_is_valid_with_a_spaced_path(tmp_path: Path) -> None:
    """The launcher written for a workbench installed in a folder with spaces validates."""
    launcher = tmp_path / "My Apps" / "bin" / "workbench"
    written = tmp_path / f"{APP_ID}.desktop"
    written.write_text(desktop_entry([str(launcher)]), encoding="utf-8")
    done = subprocess.run(
        [tool("desktop-file-validate", "desktop-file-utils"), str(written)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout
    assert exec_arguments(entry(written.read_text(encoding="utf-8"))["Exec"])[0] == str(launcher)


def test_install_desktop_puts_everything_in_place_and_removes_it(tmp_path: Path) -> None:
    """install-desktop writes the launcher (running this installation), metainfo, file type
    and every icon size under the data folder; --remove takes exactly those out again."""
    written = install_desktop(tmp_path)
    launcher = tmp_path / "applications" / f"{APP_ID}.desktop"
    assert launcher in written
    assert (tmp_path / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (tmp_path / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (tmp_path / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    command = exec_arguments(entry(launcher.read_text(encoding="utf-8"))["Exec"])
    assert Path(command[0]).is_file() and command[-2:] == ["gui", "%f"]
    if shutil.which("update-desktop-database"):
        cache = (tmp_path / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert f"{PROJECT_MIME_TYPE}={APP_ID}.desktop;" in cache
    removed = remove_desktop(tmp_path)
    assert set(removed) == set(written)
    assert not launcher.exists()
