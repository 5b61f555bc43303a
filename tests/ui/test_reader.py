"""The reader: highlights at the right place after emoji, overlaps, hover, click, selection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article
from workbench.services.claims import create_claim, edit_claim
from workbench.services.entities import create_actor
from workbench.services.links import mark_mention
from workbench.ui.reader import ReaderView

TEXT = (
    "🔥⚖️ Strikes and letters 🇮🇷\n\n"
    "Sources told Reuters that the leadership is not happy. 😀 Moscow denied it.\n\n"
    "A third paragraph, with 𝒰nicode outside the BMP, closes the piece."
)
REUTERS = "Sources told Reuters that the leadership is not happy."
DENIAL = "Moscow denied it."


def _span(text: str, quote: str) -> Span:
    start = text.index(quote)
    return Span(start, start + len(quote))


@pytest.fixture
def article(project: Project) -> int:
    return add_article(project, NewArticle(text=TEXT, title="🔥 Strikes", outlet="Wire"))


@pytest.fixture
def reader(qtbot, project: Project, article: int) -> ReaderView:
    view = ReaderView(project)
    qtbot.addWidget(view)
    view.resize(900, 600)
    with qtbot.waitExposed(view):
        view.show()
    view.show_article(article)
    return view


def _point_of(reader: ReaderView, span: Span, offset: int = 2) -> QPoint:
    """A point over the given span's text in the reader's viewport."""
    start, _end = reader.text.layout_of_marks.utf16.span_to_utf16(span)
    cursor = reader.text.textCursor()
    cursor.setPosition(start + offset)
    return reader.text.cursorRect(cursor).center()


def _pixel(reader: ReaderView, point: QPoint) -> QColor:
    image = reader.text.viewport().grab().toImage()
    return image.pixelColor(point.x(), point.y() - reader.text.fontMetrics().ascent() // 2)


def test_highlights_land_on_the_quote_after_astral_emoji(
    reader: ReaderView, project: Project, article: int
) -> None:
    """A claim after emoji outside the BMP is highlighted over exactly its quoted words."""
    create_claim(project, article, _span(TEXT, DENIAL))
    reader.refresh_marks()
    (selection,) = [s for s in reader.text.extraSelections() if s.format.background().style()]
    assert selection.cursor.selectedText() == DENIAL


def test_a_mouse_selection_becomes_the_right_code_point_span(
    reader: ReaderView, project: Project, article: int
) -> None:
    """Selecting words after emoji marks a claim whose quote is exactly those words."""
    reader.select_span(_span(TEXT, REUTERS))
    span = reader.selected_span()
    assert span == _span(TEXT, REUTERS)
    claim = create_claim(project, article, span)
    reader.refresh_marks()
    assert reader.article.claims[0].id == claim
    assert reader.article.claims[0].exact == REUTERS


def test_hovering_a_highlight_tells_summary_and_attribution(
    reader: ReaderView, project: Project, article: int
) -> None:
    """The tooltip over a claim gives its summary, grade and attribution."""
    claim = create_claim(project, article, _span(TEXT, REUTERS), summary="Leadership unhappy")
    edit_claim(project, claim, credibility=3)
    reader.refresh_marks()
    tip = reader.text.tooltip_at(_point_of(reader, _span(TEXT, REUTERS)))
    assert "Leadership unhappy" in tip
    assert "3 — possibly true" in tip
    assert "No attribution yet" in tip
    assert reader.text.tooltip_at(_point_of(reader, _span(TEXT, "third paragraph"))) == ""


def test_clicking_a_highlight_announces_the_claim(
    qtbot, reader: ReaderView, project: Project, article: int
) -> None:
    """A click on highlighted words selects that claim."""
    claim = create_claim(project, article, _span(TEXT, DENIAL))
    reader.refresh_marks()
    point = _point_of(reader, _span(TEXT, DENIAL))
    with qtbot.waitSignal(reader.claim_clicked) as clicked:
        qtbot.mouseClick(reader.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == [claim]


def test_overlapping_claims_are_visibly_darker_where_they_overlap(
    reader: ReaderView, project: Project, article: int
) -> None:
    """Where two claims overlap, the fill is darker than where only one covers the text."""
    first = create_claim(project, article, _span(TEXT, "Sources told Reuters that the"))
    second = create_claim(project, article, _span(TEXT, "Reuters that the leadership is"))
    reader.refresh_marks()
    both = _point_of(reader, _span(TEXT, "that the"))
    one = _point_of(reader, _span(TEXT, "Sources told"))
    covering = reader.text.layout_of_marks.claims_at(reader.text.cursorForPosition(both).position())
    assert {claim.id for claim in covering} == {first, second}
    assert _pixel(reader, both).lightness() < _pixel(reader, one).lightness() - 10


def test_status_shows_in_the_highlight_colour(
    reader: ReaderView, project: Project, article: int
) -> None:
    """A refuted claim is highlighted in red, a corroborated one in green."""
    refuted = create_claim(project, article, _span(TEXT, DENIAL))
    corroborated = create_claim(project, article, _span(TEXT, REUTERS))
    edit_claim(project, refuted, status="refuted")
    edit_claim(project, corroborated, status="corroborated")
    reader.refresh_marks()
    red = _pixel(reader, _point_of(reader, _span(TEXT, DENIAL)))
    green = _pixel(reader, _point_of(reader, _span(TEXT, REUTERS)))
    assert red.red() > red.green() + 20
    assert green.green() > green.red() + 20


def test_actor_mentions_are_underlined_and_named_on_hover(
    reader: ReaderView, project: Project, article: int
) -> None:
    """A marked mention is underlined and its tooltip names the actor."""
    moscow = create_actor(project, "Russia", "state", aliases=["Moscow"])
    mark_mention(project, article, _span(TEXT, "Moscow"), moscow)
    reader.refresh_marks()
    underlined = [s for s in reader.text.extraSelections() if s.format.fontUnderline()]
    assert [s.cursor.selectedText() for s in underlined] == ["Moscow"]
    assert "Mentions Russia" in reader.text.tooltip_at(_point_of(reader, _span(TEXT, "Moscow")))


def test_the_header_shows_title_outlet_and_claim_count(
    reader: ReaderView, project: Project, article: int
) -> None:
    """Title, outlet and the number of claims sit above the text."""
    create_claim(project, article, _span(TEXT, DENIAL))
    reader.refresh_marks()
    header = reader.header.text()
    assert "🔥 Strikes" in header
    assert "Wire" in header
    assert "1 claim" in header
