"""What the window's menu and toolbar actions and its panels' signals do: the wiring, in one
place, of `MainWindow`'s parts to its actions (ui/actions.py makes them, this connects them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.domain.grades import ClaimStatus

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


def connect_actions(window: MainWindow) -> None:
    """Connect the window's actions and its panels' signals to what they do."""
    a = window.actions_
    window.library.article_chosen.connect(lambda article: window.open_article(article))
    window.reader.claim_clicked.connect(window.select_claim)
    window.claims.claim_chosen.connect(window.select_claim)
    window.claims.delete_requested.connect(window.delete_claim)
    window.inspector.open_record.connect(window.show_record)
    window.inspector.open_claim.connect(lambda article, claim: window.open_article(article, claim))
    window.reader.relate_requested.connect(window.relate_claim)
    window.reader.original_requested.connect(lambda article: window.open_article(article))
    window.claims.relate_requested.connect(window.relate_claim)
    window.all_claims.open_claim.connect(lambda article, claim: window.open_article(article, claim))
    a.all_claims.triggered.connect(window.show_all_claims)
    window.search.hit_chosen.connect(window.open_article)
    a.mark_claim.triggered.connect(window.mark_claim)
    a.mark_mention.triggered.connect(window.mark_mention)
    a.next_claim.triggered.connect(lambda: window.step_claim(1))
    a.previous_claim.triggered.connect(lambda: window.step_claim(-1))
    a.delete_claim.triggered.connect(lambda: window.delete_claim(window.current_claim))
    for grade, action in enumerate(a.grades, start=1):
        action.triggered.connect(lambda _c=False, g=grade: window.inspector.grade(g))
    a.undo.triggered.connect(window.undo)
    a.redo.triggered.connect(window.redo)
    a.find_in_library.triggered.connect(window.find_in_library)
    a.reset_layout.triggered.connect(window.reader_share.reset)
    a.find_in_article.triggered.connect(
        lambda: window.find_bar.start(window.reader.text.layout_of_marks)
    )
    for status, action in zip(ClaimStatus, a.statuses, strict=True):
        action.triggered.connect(lambda _c=False, s=status.value: window.set_status(s))
    a.search_project.triggered.connect(window.search_project)
    a.shortcuts.triggered.connect(window.show_shortcuts)
    a.about.triggered.connect(window.about)
    a.quit.triggered.connect(window.close)
    a.import_files.triggered.connect(window.importer.choose_files)
    a.import_folder.triggered.connect(window.importer.choose_folder)
    a.paste_article.triggered.connect(window.importer.paste)
    a.export_report.triggered.connect(window.export_report)
    window.files.attach(a)
    if a.schemes is not None:
        for choice in a.schemes.actions():
            choice.setChecked(choice.data() == window.settings.colour_scheme)
        a.schemes.triggered.connect(window.scheme_chosen)
