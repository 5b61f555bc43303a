"""An import killed with SIGKILL leaves a journal the next open reads: what was stored and what
not, said by `info`, `import` and the service; the rest is imported once, nothing twice."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.services import Project
from workbench.services.import_journal import describe, interrupted_import, set_aside
from workbench.services.importing import import_paths
from workbench.services.queries import project_counts

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")

KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from workbench.services import Project
    from workbench.services.importing import import_paths
    from workbench.store import import_journal

    project_path, folder, when = sys.argv[1:]
    real_settle = import_journal.settle_file
    settled = []

    def settle_file(store, run_id, path, outcome):
        if when == "before-settle" and len(settled) == 2:
            os.kill(os.getpid(), signal.SIGKILL)  # the third article is stored, not settled
        real_settle(store, run_id, path, outcome)
        settled.append(path)

    def progress(step):
        if when == "after-progress" and step.count == 3:
            os.kill(os.getpid(), signal.SIGKILL)

    import_journal.settle_file = settle_file
    project = Project.open(project_path)
    import_paths(project, [folder], progress=progress, workers=1)
    """
)


def _pages(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    for number in range(count):
        page = folder / f"page-{number}.txt"
        page.write_text(f"Bulletin {number}\n\nWitness {number} heard shelling at night.\n")
    return sorted(folder.iterdir())


_KILLED: dict[str, tuple[Path, list[Path]]] = {}


def _killed_import(tmp_path: Path, when: str) -> tuple[Path, list[Path]]:
    """A copy (in `tmp_path`) of a project whose import of 8 pages was killed with SIGKILL
    `when`; the kill is made once per kind and each test works on its own copy."""
    if when not in _KILLED:
        folder = Path(tempfile.mkdtemp(prefix="killed-import-"))
        atexit.register(shutil.rmtree, folder, True)
        path = folder / "case.wbproj"
        Project.create(path).close()
        pages = _pages(folder / "pages", 8)
        done = subprocess.run(
            [sys.executable, "-c", KILLER, str(path), str(folder / "pages"), when],
            cwd=Path(__file__).resolve().parents[2],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == -signal.SIGKILL, done.stderr
        _KILLED[when] = (path, pages)
    original, pages = _KILLED[when]
    copy = tmp_path / "case.wbproj"
    with closing(sqlite3.connect(original)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)  # whatever the killed process left in its -wal file included
    return copy, pages


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_the_next_open_says_what_a_killed_import_stored(tmp_path: Path) -> None:
    """Killed after 3 of 8 files: the next open reports 3 stored and names the 5 not stored."""
    path, pages = _killed_import(tmp_path, "after-progress")
    with Project.open(path) as project:
        assert project_counts(project).articles == 3
        interrupted = interrupted_import(project)
        assert interrupted is not None
        assert interrupted.stored == [str(page) for page in pages[:3]]
        assert interrupted.not_stored == [str(page) for page in pages[3:]]
        text = describe(interrupted)
    assert text.startswith("The import of 8 files started ")
    assert text.endswith(
        "was interrupted: 3 stored, 5 not (page-3.txt, page-4.txt, page-5.txt, page-6.txt,"
        " page-7.txt)"
    )


def test_a_file_stored_just_before_the_kill_counts_as_stored(tmp_path: Path) -> None:
    """Killed after the third article was committed but before the journal said so: it is
    found among the articles and counted as stored, so it is not offered again."""
    path, pages = _killed_import(tmp_path, "before-settle")
    with Project.open(path) as project:
        assert project_counts(project).articles == 3
        interrupted = interrupted_import(project)
    assert interrupted is not None and len(interrupted.stored) == 3
    assert interrupted.not_stored == [str(page) for page in pages[3:]]


def test_info_and_import_say_where_it_stands_and_import_the_rest_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`info` reports the interrupted import in one line; `import --rest` stores the other 5,
    and nothing is stored twice; afterwards nothing is reported any more."""
    path, pages = _killed_import(tmp_path, "after-progress")
    code, out = run(capsys, "info", str(path))
    (line,) = [line for line in out.splitlines() if line.startswith("import ")]
    assert code == 0 and "was interrupted: 3 stored, 5 not; `workbench import" in line
    code, out = run(capsys, "import", str(path), "--rest")
    assert code == 0
    notice = out.splitlines()[0]
    assert notice.endswith("3 stored, 5 not (page-3.txt, page-4.txt, page-5.txt, page-6.txt,"
                           " page-7.txt)")  # fmt: skip
    assert "5 imported, 0 already in the project, 0 failed" in out
    code, out = run(capsys, "import", str(path), str(pages[0].parent))
    assert "0 imported, 8 already in the project" in out
    assert "interrupted" not in out
    assert "import " not in run(capsys, "info", str(path))[1]
    with Project.open(path, read_only=True) as project:
        assert project_counts(project).articles == 8


def test_set_aside_stops_the_offer(tmp_path: Path) -> None:
    """Once the analyst chose not to import the rest, the next open offers nothing."""
    path = _killed_import(tmp_path, "after-progress")[0]
    with Project.open(path) as project:
        interrupted = interrupted_import(project)
        assert interrupted is not None
        set_aside(project, interrupted)
    with Project.open(path) as project:
        assert interrupted_import(project) is None


def test_a_finished_or_failed_import_in_this_process(tmp_path: Path) -> None:
    """A finished import is settled; one that raised is reported as interrupted, like a kill."""
    pages = _pages(tmp_path / "pages", 2)
    with Project.create(tmp_path / "case.wbproj") as project:
        import_paths(project, pages, workers=1)
        assert interrupted_import(project) is None

        def fail(_step: object) -> None:
            raise OSError("disk full")

        with pytest.raises(OSError):
            import_paths(project, [tmp_path / "pages"], progress=fail, workers=1)
        interrupted = interrupted_import(project)
    assert interrupted is not None and interrupted.total == 2
    assert os.path.basename(interrupted.stored[0]) == "page-0.txt"
