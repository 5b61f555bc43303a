"""The History dock (the change log, reverting one past step), File → Save a copy…, and the
read-only title."""

from __future__ import annotations

from workbench.services import Project
from workbench.services.entities import create_actor, create_source
from workbench.services.links import link_actor
from workbench.services.queries import project_counts
from workbench.ui.main_window import MainWindow

WAIT_MS = 15_000  # generous: the suite may share a busy machine


def _texts(window: MainWindow) -> list[str]:
    panel = window.history.list
    return [panel.item(row).text() for row in range(panel.count())]


def _choose(window: MainWindow, action: str) -> None:
    panel = window.history.list
    row = next(i for i, text in enumerate(_texts(window)) if f"\n{action} ·" in text)
    panel.setCurrentRow(row)


def test_the_history_lists_each_step_with_its_rows(qtbot, sample_window: MainWindow) -> None:
    """A new edit appears at the top of History with what it did and the rows it touched."""
    create_source(sample_window.session.project, "Al-Monitor", aliases=["AlMon"])
    qtbot.waitUntil(lambda: "New source “Al-Monitor”" in _texts(sample_window)[0], timeout=WAIT_MS)
    assert "2 rows: source_aliases 1, sources 1" in _texts(sample_window)[0]


def test_revert_takes_back_one_older_step(qtbot, sample_window: MainWindow) -> None:
    """Choosing an older step and pressing Revert removes it and keeps the later step."""
    project: Project = sample_window.session.project
    before = project_counts(project)
    create_source(project, "Al-Monitor")
    create_actor(project, "Baghaei")
    qtbot.waitUntil(lambda: "New actor “Baghaei”" in _texts(sample_window)[0], timeout=WAIT_MS)
    _choose(sample_window, "New source “Al-Monitor”")
    sample_window.history.revert_button.click()
    counts = project_counts(project)
    assert (counts.sources, counts.actors) == (before.sources, before.actors + 1)
    assert "Revert New source “Al-Monitor”" in _texts(sample_window)[0]
    assert sample_window.history.note.text() == "Reverted: New source “Al-Monitor”"


def test_revert_explains_what_depends_on_the_step(qtbot, sample_window: MainWindow) -> None:
    """Reverting an actor's creation after a claim was linked to it shows why not."""
    project: Project = sample_window.session.project
    problems: list[str] = []
    sample_window.session.problem.connect(lambda _what, message: problems.append(message))
    actor = create_actor(project, "Baghaei")
    claim = sample_window.reader.article.claims[0].id  # type: ignore[union-attr]
    link_actor(project, claim, actor, "speaker")
    qtbot.waitUntil(lambda: "Link" in _texts(sample_window)[0], timeout=WAIT_MS)
    _choose(sample_window, "New actor “Baghaei”")
    sample_window.history.revert_button.click()
    assert problems and "it would also remove claim actor" in problems[-1]
    assert "(by “Link" in problems[-1]


def test_save_a_copy_writes_the_latest_commits_beside_the_open_project(
    qtbot, sample_window: MainWindow, tmp_path
) -> None:
    """File → Save a copy… is in the File menu below Export; the copy holds a source added
    a moment ago, and a second copy onto it is refused with a message."""
    from workbench.ui.save_copy import save_copy_to

    file_menu = sample_window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions()]  # type: ignore[union-attr]
    assert texts[texts.index("&Export report…") + 1] == "Save a &copy…"
    project: Project = sample_window.session.project
    create_source(project, "Al-Monitor")
    target = tmp_path / "copy.wbproj"
    assert save_copy_to(sample_window.session, target) == target
    with Project.open(target, read_only=True) as copy:
        assert project_counts(copy).sources == project_counts(project).sources
    problems: list[str] = []
    sample_window.session.problem.connect(lambda _what, message: problems.append(message))
    assert save_copy_to(sample_window.session, target) is None
    assert problems and "already exists" in problems[-1]


def test_a_project_opened_read_only_says_so_in_the_title(open_window, tmp_path) -> None:
    """The window on a project opened for reading only has "(read-only)" in its title."""
    path = tmp_path / "case.wbproj"
    Project.create(path).close()
    with Project.open(path, read_only=True) as project:
        window = open_window(project)
        assert window.windowTitle() == "case (read-only) — Analyst Workbench"
        window.close()
