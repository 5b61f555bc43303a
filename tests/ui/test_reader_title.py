"""The reader shows an article's title once: the heading above, not again as the text's first
line; the text's positions (the claims' stored offsets) are the same as before."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim
from workbench.ui.main_window import MainWindow
from workbench.ui.reader import ReaderView

REUTERS = "Sources told Reuters that the Iranian leadership is not happy with Russia’s actions"


def _seen(reader: ReaderView) -> str:
    """The text as the analyst sees it: the heading's words, then the visible paragraphs."""
    blocks, block = [], reader.text.document().firstBlock()
    while block.isValid():
        if block.isVisible():
            blocks.append(block.text())
        block = block.next()
    return reader.header.text() + "\n" + "\n".join(blocks)


def _painted_quotes(reader: ReaderView) -> list[str]:
    """The words under each claim's highlight, as painted (claims come before mentions)."""
    placed = [claim for claim in reader.article.claims if not claim.orphaned]
    selections = reader.text.extraSelections()[: len(placed)]
    return [selection.cursor.selectedText() for selection in selections]


def test_the_seed_article_shows_its_title_once(sample_window: MainWindow) -> None:
    """The seed article's text begins with its title: the reader shows it once, above, and the
    first line of the text is the first paragraph."""
    reader = sample_window.reader
    title = reader.article.title
    assert reader.article.text.startswith(title + "\n")  # the stored text is unchanged
    assert _seen(reader).count(title) == 1
    assert title in reader.header.text()
    first_visible = reader.text.document().firstBlock()
    while not first_visible.isVisible():
        first_visible = first_visible.next()
    assert first_visible.text().startswith("Iran’s top religious and political authority")


def test_the_claims_stay_on_their_quotes(sample_window: MainWindow) -> None:
    """Every highlight still covers its claim's exact quote, and a selection made in the reader
    gives the stored offsets of the words selected."""
    reader = sample_window.reader
    article = reader.article
    painted = _painted_quotes(reader)
    expected = [
        article.text[c.start : c.end].replace("\n", "\u2029")
        for c in article.claims
        if not c.orphaned
    ]
    assert painted == expected
    start = article.text.index(REUTERS)
    reader.select_span(Span(start, start + len(REUTERS)))
    assert reader.selected_span() == Span(start, start + len(REUTERS))
    assert reader.text.textCursor().selectedText() == REUTERS


def test_the_cursor_starts_in_the_text_shown(sample_window: MainWindow) -> None:
    """Opening the article puts the cursor at the first paragraph, not in the hidden title."""
    reader = sample_window.reader
    reader.show_article(reader.article.id)
    cursor = reader.text.textCursor()
    assert cursor.block().isVisible()
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "Iran’s"


@pytest.fixture
def titled(project: Project) -> int:
    """An article whose text begins with its title, as plain-text imports do."""
    text = "Talks in Oman\n\nDiplomats met in Muscat on Sunday. Nothing was agreed."
    return add_article(project, NewArticle(text=text, title="Talks in Oman", outlet="Wire"))


@pytest.fixture
def reader(qtbot, project: Project) -> ReaderView:
    view = ReaderView(project)
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    return view


def test_a_claim_on_the_title_keeps_the_title_in_the_text(
    reader: ReaderView, project: Project, titled: int
) -> None:
    """A claim marked on the title's words keeps that line visible, highlighted, and the heading
    then leaves the title out: it is still shown once."""
    reader.show_article(titled)
    assert _seen(reader).count("Talks in Oman") == 1
    assert "Talks in Oman" in reader.header.text()
    create_claim(project, titled, Span(0, 13))
    reader.refresh_marks()
    assert reader.text.document().firstBlock().isVisible()
    assert _seen(reader).count("Talks in Oman") == 1
    assert "Talks in Oman" not in reader.header.text()
    assert _painted_quotes(reader) == ["Talks in Oman"]


def test_a_text_not_starting_with_the_title_is_shown_whole(reader: ReaderView, project) -> None:
    """When the text's first line is not the title, nothing of the text is hidden."""
    text = "A dateline, Muscat\n\nDiplomats met on Sunday."
    article = add_article(project, NewArticle(text=text, title="Talks in Oman", outlet="Wire"))
    reader.show_article(article)
    assert _seen(reader).endswith("A dateline, Muscat\n\nDiplomats met on Sunday.")


def test_finding_words_of_the_title_shows_it_in_the_text(sample_window: MainWindow) -> None:
    """A find or search hit in the title selects it where it can be seen: the title line comes
    back into the text, selected, and leaves the heading — still shown once."""
    reader = sample_window.reader
    title = reader.article.title
    start = title.index("Putin Caught")
    reader.select_span(Span(start, start + len("Putin Caught")))
    assert reader.text.document().firstBlock().isVisible()
    assert reader.text.textCursor().selectedText() == "Putin Caught"
    assert title not in reader.header.text()
    assert _seen(reader).count(title) == 1
    reader.show_article(reader.article.id)  # opened again: the title is back above the text
    assert title in reader.header.text() and not reader.text.document().firstBlock().isVisible()
