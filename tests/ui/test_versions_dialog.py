"""Earlier versions in the window: the diff shows the inserted sentence, reached from the
reader's context menu and the File menu; a new version is imported for the open article."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article, article_text
from workbench.services.claims import create_claim
from workbench.services.queries import claim_view
from workbench.services.version_diff import Change, word_diff
from workbench.services.versions import add_version
from workbench.ui.main_window import MainWindow
from workbench.ui.versions_dialog import VersionsDialog

WAIT_MS = 15_000  # generous: the suite may share a busy machine
TEXT = "Talks in Oman.\n\nAraqchi left early on Sunday. The talks ended."
INSERTED = "An aide said he was ill."
NEWER = TEXT.replace("Sunday.", f"Sunday. {INSERTED}").replace("early", "late")


def test_the_word_diff_marks_the_inserted_sentence_and_the_changed_word() -> None:
    """The service's pieces: the new sentence inserted, "early" deleted and "late" inserted."""
    pieces = word_diff(TEXT, NEWER)
    inserted = "".join(p.text for p in pieces if p.change == Change.INSERTED)
    deleted = "".join(p.text for p in pieces if p.change == Change.DELETED)
    assert INSERTED.rstrip(".") in inserted and "late" in inserted
    assert deleted == "early"
    assert "".join(p.text for p in pieces if p.change != Change.DELETED) == NEWER


def test_the_dialog_shows_the_inserted_sentence_in_green(qtbot, sample_window: MainWindow) -> None:
    """Opened from the reader's context menu actions, the dialog lists version 1 and shows
    the inserted sentence highlighted and the deleted word struck through."""
    project: Project = sample_window.session.project
    article = add_article(project, NewArticle(text=TEXT, title="Oman"))
    add_version(project, article, NewArticle(text=NEWER))
    sample_window.open_article(article)
    show = sample_window.versions.show_versions
    assert show in sample_window.reader.text.context_actions
    show.trigger()
    dialog = sample_window.versions.dialog
    assert isinstance(dialog, VersionsDialog)
    qtbot.addWidget(dialog)
    assert dialog.versions.count() == 1 and "Version 1" in dialog.versions.item(0).text()
    qtbot.waitUntil(lambda: "words inserted" in dialog.summary.text(), timeout=WAIT_MS)
    shown = dialog.diff.toHtml()
    assert INSERTED in dialog.diff.toPlainText()
    assert "underline" in shown and "line-through" in shown
    assert "7 words inserted" in dialog.summary.text()  # "late" and the six new ones


def test_an_article_that_never_changed_says_so(qtbot, sample_window: MainWindow) -> None:
    """With no earlier version the dialog says the text never changed."""
    project: Project = sample_window.session.project
    article = add_article(project, NewArticle(text=TEXT, title="Oman"))
    dialog = VersionsDialog(sample_window.session, article, sample_window)
    qtbot.addWidget(dialog)
    assert dialog.versions.count() == 0
    assert "never changed" in dialog.summary.text()


def test_a_new_version_is_imported_for_the_open_article(
    qtbot, sample_window: MainWindow, tmp_path: Path
) -> None:
    """The window's "Import a new version" reads a file as the open article's text; its claim
    follows its words and the status bar says what moved."""
    project: Project = sample_window.session.project
    article = add_article(project, NewArticle(text=TEXT, title="Oman"))
    start = TEXT.index("The talks ended.")
    claim = create_claim(project, article, Span(start, start + len("The talks ended.")))
    newer = tmp_path / "oman.txt"
    newer.write_text(NEWER, encoding="utf-8")
    messages: list[str] = []
    sample_window.session.status.connect(messages.append)
    sample_window.versions.import_file(article, str(newer))
    qtbot.waitUntil(lambda: any("now version 2" in m for m in messages), timeout=WAIT_MS)
    assert article_text(project, article) == NEWER
    assert claim_view(project, claim).exact == "The talks ended."
