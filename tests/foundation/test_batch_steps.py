"""A batch (an import of several files, each its own transaction) is one step in the change log:
kept after reopening, undone and redone in one transaction, refused whole on a conflict."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.services import Project
from workbench.services.errors import InvalidInput
from workbench.services.history import history, revert_step
from workbench.services.importing import import_paths
from workbench.services.queries import project_counts
from workbench.store.reversal import StepConflict


def _pages(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"page-{number}.txt"
        path.write_text(f"Dispatch {number}\n\nCorrespondent {number} saw the convoy leave.\n")
        paths.append(path)
    return paths


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    """A closed project into which three files were imported as one batch."""
    path = tmp_path / "case.wbproj"
    with Project.create(path) as project:
        summary = import_paths(project, _pages(tmp_path / "pages", 3), workers=1)
        assert len(summary.imported) == 3
    return path


def _articles(path: Path) -> int:
    with Project.open(path, read_only=True) as project:
        return project_counts(project).articles


def test_a_batch_is_one_step_after_reopening(imported: Path) -> None:
    """Reopened, "Import 3 files" is the step to undo; one undo removes all three articles
    and one redo brings all three back."""
    with Project.open(imported) as project:
        assert project.undo_stack.undo_label == "Import 3 files"
        assert project.undo() == "Import 3 files"
        assert project_counts(project).articles == 0
        assert not project.undo_stack.can_undo
    assert _articles(imported) == 0
    with Project.open(imported) as project:
        assert project.undo_stack.redo_label == "Import 3 files"
        project.redo()
    assert _articles(imported) == 3


def test_the_batch_undo_is_one_change_log_entry(imported: Path) -> None:
    """History lists the batch as one step touching three articles, and its undo as one
    entry that removed three articles (not three separate undos)."""
    with Project.open(imported) as project:
        steps = history(project)
        assert [step.action for step in steps] == ["Import 3 files"]
        assert steps[0].tables == {"articles": 3}
        project.undo()
        newest = history(project)[0]
    assert newest.action == "Undo Import 3 files" and newest.tables == {"articles": 3}


def _retitle(project: Project, article_id: int, title: str) -> None:
    """A later edit kept off the undo stack (as a colleague's edit would be)."""
    with project.command(f"Edit article #{article_id}", undoable=False) as uow:
        uow.articles.get(article_id).title = title


def test_a_conflicting_later_edit_refuses_the_whole_batch(imported: Path) -> None:
    """When one article of the batch was edited later, undo is refused naming that article
    and the edit, and none of the three articles is removed."""
    with Project.open(imported) as project:
        _retitle(project, 2, "Dispatch two, corrected")
    with Project.open(imported) as project:
        with pytest.raises(StepConflict) as refusal:
            project.undo()
        assert project_counts(project).articles == 3
        assert project.undo_stack.undo_label == "Import 3 files"
    message = str(refusal.value)
    assert message.startswith("cannot undo “Import 3 files”: article 2 (title) was changed")
    assert "(by “Edit article #2”" in message and message.endswith("nothing was changed")
    assert _articles(imported) == 3


def test_an_edit_made_while_the_batch_ran_is_named(project: Project, tmp_path: Path) -> None:
    """An edit made in the window between two files of the batch blocks the batch's undo,
    and the refusal names that edit; all three articles stay."""

    def edit_after_first(progress: object) -> None:
        if project_counts(project).articles == 1:
            _retitle(project, 1, "Dispatch zero, corrected")

    import_paths(project, _pages(tmp_path / "pages", 3), progress=edit_after_first, workers=1)
    with pytest.raises(StepConflict, match=r"article 1 \(title\) .* \(by “Edit article #1”"):
        project.undo()
    assert project_counts(project).articles == 3


def test_revert_of_a_batch_is_refused_whole(imported: Path) -> None:
    """ "Revert this step" on the batch is refused the same way, nothing removed."""
    with Project.open(imported) as project:
        batch = history(project)[-1].record_id
        _retitle(project, 3, "Dispatch three")
        with pytest.raises(StepConflict, match="cannot revert “Import 3 files”: article 3"):
            revert_step(project, batch)
        assert project_counts(project).articles == 3


def test_a_part_of_a_batch_is_reverted_only_with_the_batch(imported: Path) -> None:
    """`revert` of one file's record inside a batch is refused, pointing at the batch."""
    with Project.open(imported) as project:
        with pytest.raises(InvalidInput, match=r"is part of step 4 \(“Import 3 files”\)"):
            revert_step(project, 1)
        assert project_counts(project).articles == 3
