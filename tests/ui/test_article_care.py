"""Article care in the window: details edited in a dialog, articles tagged and deleted from the
library (several at once, confirmed, undoable with their claims), near-duplicates flagged in
the library and the reader, and the Title column taking the spare width."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from workbench.domain.anchoring import Span
from workbench.services import Project, claims, links
from workbench.services.articles import NewArticle, add_article, edit_article
from workbench.services.importing import import_paths
from workbench.services.queries import article_summary, project_counts, tags_of
from workbench.services.relations import relations_of
from workbench.store.errors import ProjectError
from workbench.ui.article_care import deletion_question
from workbench.ui.article_editor import ArticleEditor
from workbench.ui.library_model import COPY_OF, OUTLET, TITLE
from workbench.ui.main_window import MainWindow

WAIT_MS = 15_000
COPY_TEXT = "A copy of the sample's story.\n\nIt says what Reuters said, in other words."


@pytest.fixture
def two_articles(sample_project: Project) -> tuple[int, int]:
    """The sample article, and a second one marked as its near-duplicate with one claim that
    the sample's first claim supports."""
    original = 1
    copy = add_article(
        sample_project,
        NewArticle(
            COPY_TEXT,
            title="Syndicated copy",
            outlet="Copy Desk",
            near_duplicate_of_id=original,
            near_duplicate_score=0.87,
        ),
    )
    claim = claims.create_claim(sample_project, copy, Span(0, 28))
    links.relate_claims(sample_project, 1, claim, "repeats")
    sample_project.undo_stack.clear()
    return original, copy


def _select_rows(window: MainWindow, article_ids: list[int]) -> None:
    """Select several library rows, as Ctrl+click would."""
    table = window.library.table
    selection = table.selectionModel()
    selection.clearSelection()
    for article_id in article_ids:
        row = window.library.model.row_of(article_id)
        selection.select(
            window.library.model.index(row, TITLE),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_details_dialog_edits_metadata_in_one_undo_step(qtbot, sample_window):
    """Title, outlet, authors, date, address and language typed in the dialog are stored,
    the reader's header shows them, and one Ctrl+Z puts them all back."""
    window = sample_window
    project = window.session.project
    before = article_summary(project, 1)
    window.library.select_article(1)
    editor = window.library.care.edit()
    assert isinstance(editor, ArticleEditor)
    typed = {
        "title": "Putin between Ukraine and Iran",
        "outlet": "Deftechtimes (edited)",
        "authors": "Jane Doe, John Roe",
        "published": "2025-06-24 09:30",
        "url": "https://example.org/putin-iran",
        "language": "en-GB",
    }
    for name, text in typed.items():
        editor.fields[name].setText(text)
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    after = article_summary(project, 1)
    assert after.title == typed["title"]
    assert after.authors == ("Jane Doe", "John Roe")
    assert after.published == datetime(2025, 6, 24, 9, 30)
    assert (after.outlet, after.url, after.language) == (
        typed["outlet"], typed["url"], typed["language"]
    )  # fmt: skip
    assert "Putin between Ukraine and Iran" in window.reader.header.text()
    assert "Jane Doe, John Roe" in window.reader.header.text()
    assert window.library.model.index(0, TITLE).data() == typed["title"]
    window.actions_.undo.trigger()
    assert article_summary(project, 1) == before


def test_details_dialog_explains_what_it_cannot_keep(qtbot, sample_window):
    """A bad date or address is explained in the dialog, which stays open; nothing is stored."""
    window = sample_window
    project = window.session.project
    before = article_summary(project, 1)
    editor = window.library.care.edit()
    editor.fields["published"].setText("last Tuesday-ish")
    editor.save()
    assert "is not a date" in editor.problem.text()
    assert editor.isVisible()
    editor.fields["published"].setText("June 2025")
    editor.save()
    assert "is not a date" in editor.problem.text()  # a day is needed, not a month
    editor.fields["published"].setText("")
    editor.fields["url"].setText("example dot org")
    editor.save()
    assert "is not a web address" in editor.problem.text()
    editor.fields["url"].setText(before.url)
    editor.fields["title"].setText("   ")
    editor.save()
    assert "needs a title" in editor.problem.text()
    assert article_summary(project, 1) == before


def test_details_dialog_reads_a_date_typed_in_words(qtbot, sample_window):
    """ "23 June 2025" in the date field is stored as that day."""
    editor = sample_window.library.care.edit()
    editor.fields["published"].setText("23 June 2025")
    editor.save()
    assert article_summary(sample_window.session.project, 1).published == datetime(2025, 6, 23)


def test_edit_article_refuses_a_bad_language_code(sample_project: Project):
    """The service refuses a language that is not a code, with the reason."""
    with pytest.raises(ProjectError, match="not a language code"):
        edit_article(sample_project, 1, language="English please")


def test_deleting_several_articles_confirms_counts_and_undoes_in_one_step(
    qtbot, two_articles, sample_window
):
    """Two articles chosen, Delete asks "Delete 2 articles and their 7 claims?"; confirming
    removes both with their claims and relations; one Ctrl+Z brings everything back."""
    window = sample_window
    project = window.session.project
    window.library.reload()
    original, copy = two_articles
    before = project_counts(project)
    _select_rows(window, [original, copy])
    assert sorted(window.library.chosen_articles()) == [original, copy]
    box = window.library.care.delete()
    assert isinstance(box, QMessageBox)
    assert box.text() == f"Delete 2 articles and their {before.claims} claims?"
    box.button(QMessageBox.StandardButton.Yes).click()
    assert project_counts(project).articles == 0
    assert project_counts(project).claims == 0
    assert window.library.count_label.text() == "0 articles"
    assert window.reader.article is None
    assert window.actions_.undo.text() == "&Undo Delete 2 articles"
    window.actions_.undo.trigger()
    assert project_counts(project) == before
    assert [r.kind for r in relations_of(project, 1) if r.other.article_id == copy] == ["repeats"]
    assert window.library.count_label.text() == "2 articles"


def test_cancelling_the_confirmation_deletes_nothing(qtbot, sample_window):
    """Cancel in the confirmation leaves the article and its claims in place."""
    window = sample_window
    project = window.session.project
    before = project_counts(project)
    box = window.library.care.delete()
    assert box.text() == f"Delete 1 article and its {before.claims} claims?"
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert project_counts(project) == before


def test_deletion_question_counts_in_words():
    """The confirmation says "1 article", "its 1 claim", and notes when no claims go."""
    assert deletion_question(1, 1) == "Delete 1 article and its 1 claim?"
    assert deletion_question(3, 0) == "Delete 3 articles? (no claims are marked in them)"


def test_tagging_several_articles_is_one_undo_step(qtbot, two_articles, sample_window):
    """Tags typed for two chosen articles go on both; the filter offers them; Ctrl+Z undoes."""
    window = sample_window
    project = window.session.project
    window.library.reload()
    _select_rows(window, list(two_articles))
    before = {article: tags_of(project, "article", article) for article in two_articles}
    dialog = window.library.care.tag()
    assert isinstance(dialog, QInputDialog)
    assert "2 articles" in dialog.labelText()
    dialog.setTextValue("syndication, Iran")
    dialog.accept()
    for article in two_articles:
        assert {"syndication", "Iran"} <= set(tags_of(project, "article", article))
    assert window.library.filters.tag.findText("syndication") >= 0
    window.actions_.undo.trigger()
    assert {article: tags_of(project, "article", article) for article in two_articles} == before


def test_near_duplicates_are_flagged_in_the_library_and_the_reader(
    qtbot, two_articles, sample_window
):
    """The copy's row names the article it copies; its reader shows a line linking to the
    original, and following the link opens the original."""
    window = sample_window
    original, copy = two_articles
    window.library.reload()
    model = window.library.model
    row = model.row_of(copy)
    title = article_summary(window.session.project, original).title
    assert model.index(row, COPY_OF).data() == title
    assert "87% shared" in model.index(row, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(model.row_of(original), COPY_OF).data() == ""
    window.open_article(copy)
    note = window.reader.copy_note
    assert note.isVisible()
    assert "Near-duplicate" in note.text() and "87%" in note.text()
    note.linkActivated.emit(str(original))
    assert window.reader.article.id == original
    assert not note.isVisible()


def _library_at(qtbot, window, width: int) -> list[int]:
    """Float the library at `width` pixels and wait for it; its columns' widths."""
    table = window.library.table
    window.library_dock.show()
    window.library_dock.setFloating(True)
    window.library_dock.resize(width, 500)
    qtbot.waitUntil(lambda: abs(table.viewport().width() - width) < 40, timeout=WAIT_MS)
    header = table.horizontalHeader()
    return [header.sectionSize(c) for c in range(window.library.model.columnCount())]


def test_title_column_takes_the_spare_width(qtbot, sample_window):
    """In a narrow library the Title keeps half the width (the other columns give way);
    widened, the Title takes the spare width and the others are back at their own."""
    viewport = sample_window.library.table.viewport()
    wide = _library_at(qtbot, sample_window, 900)
    assert wide[TITLE] > viewport.width() / 2
    narrow = _library_at(qtbot, sample_window, 260)
    assert narrow[TITLE] >= viewport.width() * 0.45
    assert _library_at(qtbot, sample_window, 900) == wide


def test_a_column_resized_by_hand_keeps_its_width(qtbot, sample_window):
    """The analyst widens the Outlet column; narrowing the library leaves it as chosen."""
    _library_at(qtbot, sample_window, 900)
    sample_window.library.table.horizontalHeader().resizeSection(OUTLET, 150)
    assert _library_at(qtbot, sample_window, 300)[OUTLET] == 150


def test_a_batch_import_is_one_undo_step(qtbot, open_window, project: Project, corpus):
    """Three pages imported at once undo together ("Undo Import 3 files") and redo together,
    though each was stored in its own transaction."""
    window: MainWindow = open_window(project)
    pages = sorted((corpus / "web").glob("*.html"))[:3]
    summary = import_paths(project, pages, workers=1)  # as the window's import runs it
    window.session.flush()
    assert len(summary.imported) == 3
    assert window.actions_.undo.text() == "&Undo Import 3 files"
    _indexed(window)
    window.actions_.undo.trigger()
    assert project_counts(project).articles == 0
    _indexed(window)
    assert window.library.count_label.text() == "0 articles"
    assert window.actions_.redo.text() == "&Redo Import 3 files"
    window.actions_.redo.trigger()
    assert project_counts(project).articles == 3
    assert window.library.count_label.text() == "3 articles"


def _indexed(window: MainWindow) -> None:
    """Let the search index take in the last change (its drain writes to the project too)."""
    indexer = window.search.indexer
    if indexer is not None:
        assert indexer.wait_until_idle(60)
