"""The search dock: hits with highlighted snippets, facet filters, clear query errors, opening
a hit at its place, and new claims found as soon as they are marked."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from workbench.domain.anchoring import Span
from workbench.services.claims import create_claim
from workbench.ui.main_window import MainWindow
from workbench.ui.search_panel import SearchPanel
from workbench.ui.search_results import HTML

SEARCH_MS = 30_000


@pytest.fixture
def search(qtbot, sample_window: MainWindow) -> SearchPanel:
    """The search dock of the sample window, in front and ready."""
    sample_window.search_project()
    panel = sample_window.search
    qtbot.waitUntil(lambda: panel.index is not None, timeout=SEARCH_MS)
    return panel


def _run(qtbot, panel: SearchPanel, query: str) -> None:
    panel.run_query(query)
    qtbot.waitUntil(lambda: not panel.searching and panel.results is not None, timeout=SEARCH_MS)
    qtbot.waitUntil(lambda: panel.results.query == query, timeout=SEARCH_MS)


def test_hits_show_snippets_with_the_words_in_bold(qtbot, search: SearchPanel) -> None:
    """Searching "Bushehr" lists the claim and the article, the word marked in the snippet."""
    _run(qtbot, search, "Bushehr")
    kinds = {hit.kind for hit in search.hits.hits}
    assert kinds == {"article", "claim"}
    shown = [search.hits.index(row).data(HTML) for row in range(search.hits.rowCount())]
    assert all("<b>Bushehr</b>" in html for html in shown)
    assert search.status.text().startswith(f"{search.results.total} hits")


def test_a_facet_narrows_the_hits(qtbot, search: SearchPanel) -> None:
    """Ticking the source "Kremlin" keeps only the Kremlin's claim."""
    _run(qtbot, search, "Putin")
    groups = {search.facets.topLevelItem(i).text(0): search.facets.topLevelItem(i)
              for i in range(search.facets.topLevelItemCount())}  # fmt: skip
    sources = groups["Sources"]
    kremlin = next(sources.child(i) for i in range(sources.childCount())
                   if sources.child(i).text(0).startswith("Kremlin "))  # fmt: skip
    kremlin.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: not search.searching and search.results.total == 1, timeout=SEARCH_MS)
    (hit,) = search.hits.hits
    assert hit.kind == "claim" and "Kremlin" in hit.summary


def test_results_that_may_miss_the_latest_changes_say_so(
    qtbot, search: SearchPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the index is being rebuilt, the dock's status line says that the hits may miss
    the latest changes, after the count of hits."""
    monkeypatch.setattr(search.index.engine, "_busy", "rebuild")
    held, done = threading.Event(), threading.Event()

    def hold() -> None:  # the rebuild's thread holds the writer
        with search.index.engine._writing:
            held.set()
            done.wait(timeout=30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(timeout=10)
        _run(qtbot, search, "Bushehr")
        assert "hits" in search.status.text()
        assert "being rebuilt" in search.status.text()
    finally:
        done.set()
        holder.join()


def test_a_query_it_cannot_read_is_explained(qtbot, search: SearchPanel) -> None:
    """An unclosed quote is reported in the dock, in one line, and nothing breaks."""
    search.run_query('"nuclear sites')
    qtbot.waitUntil(lambda: not search.searching, timeout=SEARCH_MS)
    qtbot.waitUntil(lambda: "is not closed" in search.status.text(), timeout=SEARCH_MS)
    assert "quotation mark" in search.status.text()
    assert search.hits.rowCount() == 0


def test_an_article_hit_opens_scrolled_to_the_match(
    qtbot, sample_window: MainWindow, search: SearchPanel
) -> None:
    """Opening an article hit selects the matched words in the reader."""
    search.kind.setCurrentIndex(search.kind.findData("article"))
    _run(qtbot, search, "composure")
    search.list.setCurrentIndex(search.hits.index(0))
    search.list.activated.emit(search.hits.index(0))
    assert sample_window.reader.text.textCursor().selectedText() == "composure"


def test_a_new_claim_is_found_at_once(
    qtbot, sample_window: MainWindow, search: SearchPanel
) -> None:
    """A claim marked a moment ago is found by its words."""
    text = sample_window.reader.article.text
    words = "Islamic Revolution of 1979"
    start = text.index(words)
    claim = create_claim(sample_window.session.project, sample_window.reader.article.id,
                         Span(start, start + len(words)))  # fmt: skip
    assert search.indexer.wait_until_idle()
    _run(qtbot, search, "type:claim revolution")
    assert [hit.id for hit in search.hits.hits] == [claim]


def test_closing_the_window_stops_the_indexer(qtbot, sample_window: MainWindow, search) -> None:
    """The background indexer ends with the window (nothing left running)."""
    thread = search.indexer._thread
    sample_window.close()
    assert not thread.is_alive()


def test_closing_the_window_stops_building_the_index(qtbot, sample_project) -> None:
    """A search index still being built when the window closes stops at once and leaves no
    index behind; the next opening builds it afresh."""
    from workbench.services.search import close_index, index_if_open
    from workbench.ui.search_panel import _open_index
    from workbench.ui.tasks import Cancelled, Task

    task = Task("Open the search index", lambda control: None)
    task.cancel()  # the window closed while the build had just begun
    with pytest.raises(Cancelled):
        _open_index(sample_project, task.control)
    assert index_if_open(sample_project) is None
    reopened = _open_index(sample_project, Task("again", lambda control: None).control)
    assert reopened.search("Iran", limit=5).total > 0
    close_index(sample_project)
