"""packaging/make_deb.sh makes a Debian package that puts the bundle, the command, the launcher,
the file type, the metainfo and every icon where Debian looks for them (built here from a tiny
stand-in bundle; `make deb check-deb` builds it from the real one and smoke-tests it)."""

from __future__ import annotations

import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from workbench import __version__

CHECKOUT = Path(__file__).resolve().parents[2]
MAKE_DEB = CHECKOUT / "packaging" / "make_deb.sh"
APP = "org.analystworkbench.Workbench"

pytestmark = pytest.mark.skipif(
    shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed (Debian's dpkg)"
)


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The package built from a stand-in bundle, unpacked, with its control file's text."""
    work = tmp_path_factory.mktemp("deb")
    bundle = work / "bundle"
    bundle.mkdir()
    command = bundle / "workbench"
    command.write_text("#!/bin/sh\necho workbench from the bundle\n")
    command.chmod(0o755)
    subprocess.run([str(MAKE_DEB), str(bundle), __version__, str(work / "out")], check=True)
    (deb,) = (work / "out").glob("analyst-workbench_*.deb")
    root = work / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    control = subprocess.run(
        ["dpkg-deb", "--field", str(deb)], check=True, capture_output=True, text=True
    ).stdout
    mode = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[0]
    assert mode.startswith("drwxr-xr-x"), f"the package's root is not 0755: {mode}"
    return root, control


def test_the_package_names_the_release_and_qt_runtime(unpacked: tuple[Path, str]) -> None:
    """The control file says analyst-workbench at this version, depending on Qt's libraries."""
    _, control = unpacked
    fields = dict(line.split(": ", 1) for line in control.splitlines() if ": " in line)
    assert fields["Package"] == "analyst-workbench"
    assert fields["Version"] == __version__
    wanted = (CHECKOUT / "packaging" / "qt-runtime-debs.txt").read_text().split()
    assert [name.strip() for name in fields["Depends"].split(",")] == wanted


def test_workbench_on_the_path_runs_the_bundle(unpacked: tuple[Path, str]) -> None:
    """/usr/bin/workbench leads to the bundle installed under /opt/analyst-workbench."""
    root, _ = unpacked
    link = root / "usr" / "bin" / "workbench"
    assert link.is_symlink() and (link.parent / link.readlink()).resolve() == (
        root / "opt" / "analyst-workbench" / "workbench"
    )
    done = subprocess.run([str(link)], check=True, capture_output=True, text=True)
    assert done.stdout.strip() == "workbench from the bundle"


def test_the_desktop_files_and_icons_are_where_debian_indexes_them(
    unpacked: tuple[Path, str],
) -> None:
    """Launcher, mime type, metainfo and every icon size sit under /usr/share, world-readable."""
    share = unpacked[0] / "usr" / "share"
    placed = [
        share / "applications" / f"{APP}.desktop",
        share / "mime" / "packages" / f"{APP}.xml",
        share / "metainfo" / f"{APP}.metainfo.xml",
    ]
    icons = CHECKOUT / "resources" / "icons"
    placed += [share / "icons" / icon.relative_to(icons) for icon in icons.rglob(f"{APP}.*")]
    assert len(placed) > 5
    for path in placed:
        assert path.is_file(), f"{path.relative_to(unpacked[0])} is missing"
        assert path.stat().st_mode & stat.S_IROTH, f"{path.name} is not world-readable"
