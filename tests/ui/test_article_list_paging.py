"""The article list as it scrolls: a filtered list's further pages and the list read
again after an import come from a worker thread, and the rows held in memory stay
within a bound however far the list is scrolled, the rows shown still right."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import sample_pages
from tests.ui.keyboard import type_text
from tests.ui.test_article_list_queries import record_queries


@pytest.fixture
def small_pages(monkeypatch):
    """Pages of three rows, two of them held: the sample's 19 articles span 7 pages."""
    from reader.ui import article_list, article_list_model

    monkeypatch.setattr(article_list_model, "PAGE_SIZE", 3)
    monkeypatch.setattr(article_list, "PAGE_SIZE", 3)
    monkeypatch.setattr(article_list_model, "KEPT_PAGES", 2)


def shown_ids(model) -> list[int]:
    return [
        model.index(row).data(Qt.ItemDataRole.UserRole + 1).id for row in range(model.rowCount())
    ]


def scroll_to_the_end(qtbot, panel) -> None:
    """Scroll down as a user does until the list has no more rows to fetch."""
    model = panel.model
    while model.canFetchMore():
        rows = model.rowCount()
        panel.view.scrollToBottom()
        model.fetchMore()  # what the view does when its end comes into view
        qtbot.waitUntil(lambda rows=rows: model.rowCount() > rows or not model.canFetchMore())


def record_filtered_queries(library, monkeypatch, text: str) -> list[tuple[str, bool]]:
    """(name, on the GUI thread) of each list query for the filter `text`."""
    calls: list[tuple[str, bool]] = []
    articles = library.articles

    def recording(name: str):
        asked = getattr(articles, name)

        def recorded(*args, **kwargs):
            if kwargs.get("text_filter") == text:
                calls.append((name, threading.current_thread() is threading.main_thread()))
            return asked(*args, **kwargs)

        return recorded

    for name in ("first_page", "page", "count"):
        monkeypatch.setattr(articles, name, recording(name))
    return calls


def test_scrolling_a_filtered_list_reads_its_pages_off_the_gui_thread(
    qtbot, sample_library, make_window, monkeypatch, small_pages
):
    window = make_window(sample_library)
    panel = window.article_list
    calls = record_filtered_queries(sample_library, monkeypatch, "区")
    type_text(panel.filter_box, "区")
    qtbot.waitUntil(panel.is_settled)
    expected = [s.id for s in sample_library.list_articles(text_filter="区")]
    assert panel.model.total == len(expected) > 6  # three pages and more
    scroll_to_the_end(qtbot, panel)  # the view fetched some pages itself already
    assert [name for name, _ in calls].count("page") >= 2  # pages after the first
    assert not any(on_gui_thread for _, on_gui_thread in calls)
    assert shown_ids(panel.model) == expected


def test_the_list_is_read_again_off_the_gui_thread_after_an_import(
    qtbot, library, make_window, monkeypatch
):
    pages = sample_pages()
    library.import_paths(pages[:2])
    window = make_window(library)
    window.importer.show_summary = False
    panel = window.article_list
    type_text(panel.filter_box, "区")  # a filter: reading the list again scans its matches
    qtbot.waitUntil(panel.is_settled)
    before = panel.model.total
    calls = record_queries(library, monkeypatch)
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        assert window.import_paths(pages[2:])
    qtbot.waitUntil(panel.is_settled)
    assert [name for name, _, _ in calls].count("first_page") >= 1
    assert all(thread is not threading.main_thread() for _, thread, _ in calls)
    assert panel.model.total == library.count_articles(text_filter="区") > before


def test_one_imported_page_is_selected_once_the_list_is_read_again(qtbot, library, make_window):
    window = make_window(library)
    window.importer.show_summary = False
    panel = window.article_list
    with qtbot.waitSignal(window.importer.finished, timeout=10000) as blocker:
        assert window.import_paths(sample_pages()[:1])
    first_new = blocker.args[0].results[0].article_ids[0]
    qtbot.waitUntil(lambda: panel.current_article_id() == first_new)
    assert window.current_article.id == first_new  # opened as well


def test_rows_held_stay_bounded_and_scrolling_back_shows_the_right_rows(
    qtbot, sample_library, make_window, small_pages
):
    window = make_window(sample_library)
    panel = window.article_list
    model = panel.model
    scroll_to_the_end(qtbot, panel)
    in_store_order = sample_library.list_articles()
    assert model.rowCount() == model.total == len(in_store_order) == 19
    assert model.kept_rows <= 6  # two pages of three, not the 19 loaded
    panel.view.scrollToTop()
    qtbot.waitUntil(lambda: panel.view.indexAt(panel.view.rect().topLeft()).row() == 0)
    # every row read back (dropped pages are read again by id) is the store's, in order
    assert shown_ids(model) == [s.id for s in in_store_order]
    assert [model.index(r).data() for r in range(model.rowCount())] == [
        s.title for s in in_store_order
    ]
    assert model.kept_rows <= 6
    target = in_store_order[1]  # its page was dropped while scrolling
    assert panel.select_article(target.id, emit=False, max_fetches=0)
    assert panel.current_article_id() == target.id
    assert model.summary(panel.view.currentIndex().row()).title == target.title
