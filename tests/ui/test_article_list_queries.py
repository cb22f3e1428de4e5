"""The article list's filter, tag and sort: answered off the GUI thread, debounced,
tags counted on articles and highlights, and an empty list that says why."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.keyboard import type_text


def record_queries(library, monkeypatch) -> list[tuple[str, threading.Thread, object]]:
    """Wrap the store's list queries: each call records (name, thread, after-key)."""
    calls: list[tuple[str, threading.Thread, object]] = []
    articles = library.articles
    count, page, first_page = articles.count, articles.page, articles.first_page

    def recorded_count(**kwargs):
        calls.append(("count", threading.current_thread(), None))
        return count(**kwargs)

    def recorded_page(**kwargs):
        calls.append(("page", threading.current_thread(), kwargs.get("after")))
        return page(**kwargs)

    def recorded_first_page(**kwargs):
        calls.append(("first_page", threading.current_thread(), None))
        return first_page(**kwargs)

    monkeypatch.setattr(articles, "first_page", recorded_first_page)
    monkeypatch.setattr(articles, "count", recorded_count)
    monkeypatch.setattr(articles, "page", recorded_page)
    return calls


def first_pages(calls):
    """The calls that answer a filter or sort (a count, or a page from the start);
    pages after a key are the view fetching more rows as it scrolls."""
    return [(name, thread) for name, thread, after in calls if after is None]


def test_filter_and_sort_queries_never_run_on_the_gui_thread(
    qtbot, sample_library, make_window, monkeypatch
):
    window = make_window(sample_library)
    panel = window.article_list
    calls = record_queries(sample_library, monkeypatch)
    target = sample_library.list_articles()[2]
    type_text(panel.filter_box, target.title[:3])
    qtbot.waitUntil(panel.is_settled)
    assert any(panel.model.summary(r).id == target.id for r in range(panel.model.rowCount()))
    typed = first_pages(calls)
    panel.sort_combo.setCurrentIndex(panel.sort_combo.findData("title"))
    qtbot.waitUntil(panel.is_settled)
    sorted_calls = first_pages(calls)[len(typed) :]
    assert "first_page" in {name for name, _ in typed}  # the count with the page
    assert "first_page" in {name for name, _ in sorted_calls}
    gui = threading.main_thread()
    assert all(thread is not gui for _, thread in first_pages(calls))
    titles = [panel.model.summary(r).title for r in range(panel.model.rowCount())]
    assert titles == sorted(titles)


def test_several_keystrokes_make_one_query(qtbot, sample_library, make_window, monkeypatch):
    window = make_window(sample_library)
    panel = window.article_list
    calls = record_queries(sample_library, monkeypatch)
    type_text(panel.filter_box, "发展会议")  # four keystrokes within the delay
    qtbot.waitUntil(panel.is_settled)
    assert [name for name, _ in first_pages(calls)] == ["first_page"]
    assert panel.model.text_filter == "发展会议"


def test_the_list_shows_the_newest_answer_only(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    panel = window.article_list
    target = sample_library.list_articles()[4]
    panel.filter_box.setText("zzzz")
    panel._filter_changed()  # asked at once, still running when the next is asked
    panel.filter_box.setText(target.title)
    qtbot.waitUntil(panel.is_settled)
    assert panel.model.text_filter == target.title
    assert panel.model.summary(0).id == target.id


def test_tag_filter_counts_and_lists_articles_tagged_through_highlights(
    qtbot, sample_library, make_window
):
    articles = sample_library.list_articles()
    first, second = articles[0], articles[1]
    for start in (0, 3):
        highlight = sample_library.add_highlight(second.id, start, start + 2)
        sample_library.tag_highlight(highlight.id, "政策")
    sample_library.tag_article(first.id, "政策")
    window = make_window(sample_library)
    combo = window.article_list.tag_combo
    qtbot.waitUntil(lambda: combo.findData("政策") >= 0)  # filled after the first paint
    index = combo.findData("政策")
    assert combo.itemText(index) == "政策 (1 article, 2 highlights)"
    combo.setCurrentIndex(index)
    qtbot.waitUntil(window.article_list.is_settled)
    model = window.article_list.model
    assert {model.summary(r).id for r in range(model.rowCount())} == {first.id, second.id}


def test_a_filter_that_leaves_nothing_says_so(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    panel = window.article_list
    message = panel.findChild(type(panel.empty_label), "articleListEmpty")
    type_text(panel.filter_box, "没有这样的标题")
    qtbot.waitUntil(panel.is_settled)
    assert panel.model.rowCount() == 0
    assert message.isVisible() and "没有这样的标题" in message.text()
    assert not panel.view.isVisible()
    panel.filter_box.clear()
    qtbot.waitUntil(panel.is_settled)
    assert panel.view.isVisible() and not message.isVisible()


def test_rows_have_one_height_so_more_rows_do_not_relayout_the_list(
    qtbot, sample_library, make_window, monkeypatch
):
    from reader.ui import article_list_model

    monkeypatch.setattr(article_list_model, "PAGE_SIZE", 3)
    window = make_window(sample_library)
    view = window.article_list.view
    model = window.article_list.model
    assert model.rowCount() == 3 and model.canFetchMore()
    counted = []
    row_count = model.rowCount

    def counting_row_count(*args):
        counted.append(1)
        return row_count(*args)

    monkeypatch.setattr(model, "rowCount", counting_row_count)
    view.setFixedHeight(view.rowHeight(0) * 2)  # rows painted: two at most, at any length
    asked = []  # how often the view asked for the row count per fetch
    while model.canFetchMore():
        counted.clear()
        model.fetchMore()
        QApplication.processEvents()  # the view lays its rows out again
        asked.append(len(counted))
    loaded = model.rowCount()
    assert loaded > 12
    # A QListView asked twice per loaded row at every fetch: +2 per row fetched.
    assert asked[-1] - asked[0] < (loaded - 6) // 2
    heights = {view.rowHeight(row) for row in range(model.rowCount())}
    assert len(heights) == 1
    groups = [model.index(r).data(Qt.ItemDataRole.UserRole + 2) for r in range(model.rowCount())]
    assert any(groups)


def test_reading_the_list_again_while_it_is_read_shows_no_error(
    qtbot, sample_library, make_window, monkeypatch
):
    """An import asks for the same list again while it is being read: the read in
    hand is interrupted (its answer would be out of date) and must not show up as an
    error in place of the list."""
    import sqlite3

    window = make_window(sample_library)
    panel = window.article_list
    qtbot.waitUntil(panel.is_settled)
    articles = sample_library.articles
    real_first_page = articles.first_page
    started, release = threading.Event(), threading.Event()

    def interrupted_once(**kwargs):
        if not started.is_set():
            started.set()
            release.wait(10)
            raise sqlite3.OperationalError("interrupted")
        return real_first_page(**kwargs)

    monkeypatch.setattr(articles, "first_page", interrupted_once)
    errors: list[object] = []
    panel.queries.failed.connect(errors.append)
    panel.reload_keeping_selection()
    qtbot.waitUntil(started.is_set)
    panel.reload_keeping_selection()  # the same question, asked again
    release.set()
    qtbot.waitUntil(panel.is_settled)
    assert errors == []
    assert panel.view.isVisibleTo(window) and not panel.empty_label.isVisibleTo(window)
    assert panel.model.rowCount() == len(sample_library.list_articles())


def test_a_filter_typed_as_the_previous_read_ends_raises_nothing(
    qtbot, sample_library, make_window, monkeypatch
):
    """The read in hand may end, and its thread close its connection, between the
    window taking that connection to interrupt it and interrupting it: typing on then
    must not raise into the window."""
    import sqlite3

    window = make_window(sample_library)
    panel = window.article_list
    qtbot.waitUntil(panel.is_settled)
    articles = sample_library.articles
    real_first_page = articles.first_page
    started, release = threading.Event(), threading.Event()

    def held_once(**kwargs):
        if not started.is_set():
            started.set()
            release.wait(10)
        return real_first_page(**kwargs)

    monkeypatch.setattr(articles, "first_page", held_once)
    panel.reload_keeping_selection()
    qtbot.waitUntil(started.is_set)
    closed = sqlite3.connect(":memory:")
    closed.close()  # what the ending read's connection is by the time it is interrupted
    panel.queries._connection = closed
    try:
        panel.filter_box.setText("发展")
        panel._filter_changed()
    finally:
        release.set()
    qtbot.waitUntil(panel.is_settled)
    assert panel.model.text_filter == "发展"
