"""The import use cases: batches with progress and cancel, duplicates, undo, the clipboard."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from workbench.domain import Article, ChangeRecord
from workbench.services import Project
from workbench.services.articles import original_bytes
from workbench.services.errors import DuplicateArticle, InvalidInput
from workbench.services.importing import ImportProgress, import_clipboard, import_paths
from workbench.services.queries import project_counts

SEED = "seed/putin-iran-deftechtimes"
WIRE = [
    "Negotiators from Iran and the three European powers left Vienna on Monday without an "
    "agreement on the sequencing of sanctions relief, according to officials from both sides.",
    "The talks, which had been billed as a last chance before the summer recess, broke down "
    "over guarantees that any deal would survive a change of government in Washington.",
    "A spokesman for the European delegation said the door remained open and that technical "
    "teams would keep meeting in Geneva while ministers consider their next steps.",
    "Iran's foreign ministry said the Europeans had failed to make good on earlier promises "
    "and that Tehran would not accept new conditions attached at the last minute.",
]


def _notes(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"note-{number:02d}.txt"
        path.write_text(f"Field note {number}\n\nObserver {number} logged a convoy at dawn.\n")
        paths.append(path)
    return paths


def _article(project: Project, article_id: int) -> Article:
    with project.reading() as session:
        article = session.get(Article, article_id)
        assert article is not None
        session.expunge(article)
        return article


def test_seed_page_is_stored_with_its_metadata_and_bytes(project: Project, corpus: Path) -> None:
    """An imported page keeps its metadata, clean text and the exact bytes it came from."""
    path = corpus / f"{SEED}.html"
    summary = import_paths(project, [path])
    (article_id,) = summary.imported_ids
    article = _article(project, article_id)
    assert (article.outlet, article.authors, article.language) == (
        "Deftechtimes",
        ["Ruta Deshpande"],
        "en",
    )
    assert article.published is not None and article.published.date().isoformat() == "2025-06-23"
    assert article.url.startswith("https://deftechtimes.com/putin-caught-between")
    assert (article.original_format, article.original_name) == ("html", path.name)
    assert original_bytes(project, article_id) == path.read_bytes()


def test_same_article_as_page_and_as_text_is_a_duplicate(project: Project, corpus: Path) -> None:
    """The seed page and its plain-text copy clean to the same text: the second is a duplicate."""
    first = import_paths(project, [corpus / f"{SEED}.html"])
    second = import_paths(project, [corpus / f"{SEED}.txt"])
    assert second.imported == [] and second.duplicates[0].existing_id == first.imported_ids[0]
    assert second.succeeded and project_counts(project).articles == 1


def test_batch_reports_progress_and_summary(project: Project, tmp_path: Path) -> None:
    """A folder import reports count, total, current file and rate after every file."""
    paths = _notes(tmp_path / "notes", 6)
    (tmp_path / "notes" / "photo.jpg").write_bytes(b"\xff\xd8\xff" + bytes(100))
    seen: list[ImportProgress] = []
    summary = import_paths(project, [tmp_path / "notes"], progress=seen.append, workers=2)
    assert [p.count for p in seen] == [1, 2, 3, 4, 5, 6]
    assert {p.total for p in seen} == {6}
    assert [p.current for p in seen] == [str(path) for path in paths]
    assert all(p.rate > 0 for p in seen)
    assert len(summary.imported) == 6 and summary.succeeded
    assert summary.skipped == [str(tmp_path / "notes" / "photo.jpg")]
    assert summary.lines()[0] == "6 imported, 0 already in the project, 0 failed"


def test_importing_a_folder_again_stores_nothing_twice(project: Project, tmp_path: Path) -> None:
    """Re-importing the same files reports each as a duplicate and stores nothing new."""
    _notes(tmp_path / "notes", 3)
    first = import_paths(project, [tmp_path / "notes"], workers=1)
    again = import_paths(project, [tmp_path / "notes"], workers=1)
    assert [d.existing_id for d in again.duplicates] == first.imported_ids
    assert project_counts(project).articles == 3


def test_cancel_stops_between_files(project: Project, tmp_path: Path) -> None:
    """Cancelling stops after the file in hand; what was imported stays, the rest is not."""
    _notes(tmp_path / "notes", 12)
    cancel = threading.Event()

    def cancel_after_two(progress: ImportProgress) -> None:
        if progress.count == 2:
            cancel.set()

    summary = import_paths(
        project, [tmp_path / "notes"], progress=cancel_after_two, cancel=cancel, workers=2
    )
    assert summary.cancelled and summary.files_done == 2
    assert project_counts(project).articles == 2
    assert "(cancelled after 2 of 12 files)" in summary.lines()[0]


def test_a_single_file_is_undoable_a_batch_is_one_step(project: Project, tmp_path: Path) -> None:
    """One imported file is one undo step; a batch of files is one step too ("Import 2 files"),
    undone and redone whole."""
    one, *batch = _notes(tmp_path / "notes", 3)
    import_paths(project, [one])
    assert project.undo_stack.can_undo
    project.undo()
    assert project_counts(project).articles == 0
    project.undo_stack.clear()
    import_paths(project, batch, workers=1)
    assert project.undo_stack.undo_label == "Import 2 files"
    assert project_counts(project).articles == 2
    assert project.undo() == "Import 2 files"
    assert project_counts(project).articles == 0
    assert not project.undo_stack.can_undo
    project.redo()
    assert project_counts(project).articles == 2


def test_syndicated_copy_is_flagged_as_near_duplicate(project: Project, tmp_path: Path) -> None:
    """A wire story run again with a paragraph dropped is stored, flagged as a near-duplicate."""
    (tmp_path / "reuters.txt").write_text("Vienna talks collapse\n\n" + "\n\n".join(WIRE))
    (tmp_path / "outlet.txt").write_text("Talks in Vienna end\n\n" + "\n\n".join(WIRE[:3]))
    (tmp_path / "other.txt").write_text("Port reopens\n\nDock workers ended a week-long strike.")
    first = import_paths(project, [tmp_path / "reuters.txt"])
    later = import_paths(project, [tmp_path / "outlet.txt", tmp_path / "other.txt"], workers=1)
    copy, other = later.imported
    assert copy.near_duplicate_of == first.imported_ids[0]
    assert copy.near_duplicate_score is not None and 0.6 < copy.near_duplicate_score < 1.0
    assert _article(project, copy.article_id).near_duplicate_of_id == first.imported_ids[0]
    assert other.near_duplicate_of is None
    assert "flagged as near-duplicates" in later.lines()[0]


def test_a_failing_write_leaves_no_partial_article(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file whose write fails mid-transaction leaves no article and no log; the next imports."""
    import workbench.store.unit_of_work as unit_of_work

    real_queue = unit_of_work.queue_for_index

    def disk_fails_on_note_one(session, changes):  # type: ignore[no-untyped-def]
        titles = {change.value("title") for change in changes if change.table == "articles"}
        if "Field note 1" in titles:
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        return real_queue(session, changes)

    monkeypatch.setattr(unit_of_work, "queue_for_index", disk_fails_on_note_one)
    summary = import_paths(project, _notes(tmp_path / "notes", 3), workers=1)
    assert [article.title for article in summary.imported] == ["Field note 0", "Field note 2"]
    (failure,) = summary.failures
    assert failure.reason == "could not be stored (Exception: disk I/O error)"
    with project.reading() as session:
        titles = session.scalars(select(Article.title)).all()
        parts = select(func.count()).where(ChangeRecord.part_of_id.is_not(None))
        journal = session.scalar(parts.select_from(ChangeRecord))  # the batch's own entries
    assert sorted(titles) == ["Field note 0", "Field note 2"]
    assert journal == 2


def test_pasted_text_becomes_an_undoable_article(project: Project) -> None:
    """Pasted text is an article, one undo step; pasting it again is a duplicate."""
    article_id = import_clipboard(project, text="Convoy seen\n\nA convoy crossed at dawn.")
    article = _article(project, article_id)
    assert (article.title, article.original_format) == ("Convoy seen", "clipboard text")
    with pytest.raises(DuplicateArticle):
        import_clipboard(project, text="Convoy seen\n\nA convoy crossed at dawn.")
    project.undo()
    assert project_counts(project).articles == 0


def test_pasted_html_is_cleaned(project: Project) -> None:
    """Pasted HTML loses its markup and share buttons; the original HTML is kept."""
    html = (
        '<h2>Convoy seen</h2><div class="share"><a href="#">Share</a></div>'
        "<p>A convoy <b>crossed</b> the border at dawn.</p>"
    )
    article_id = import_clipboard(project, text="ignored", html=html)
    article = _article(project, article_id)
    assert article.title == "Convoy seen"
    with project.reading() as session:
        text = session.scalar(select(Article.text).where(Article.id == article_id))
    assert text == "Convoy seen\n\nA convoy crossed the border at dawn."
    assert original_bytes(project, article_id) == html.encode("utf-8")


def test_empty_clipboard_is_refused(project: Project) -> None:
    """Pasting nothing (or only spaces) is a clear error and stores nothing."""
    with pytest.raises(InvalidInput, match="the clipboard holds no text"):
        import_clipboard(project, text="   ", html="")
    assert project_counts(project).articles == 0
