"""Issue 4 end to end: type in the toolbar's search box, pick a result, land on the
passage in the reading pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTreeView

from tests.ui.keyboard import type_text


def press(qtbot, widget, key) -> None:
    qtbot.keyClick(widget, key)


def test_picking_a_search_result_selects_the_passage(qtbot, make_window, sample_library):
    article = sample_library.list_articles(sort="oldest")[-1]
    record = sample_library.get_article(article.id)
    quote = record.paragraphs[-1][2:8]  # a passage far from the top of the article
    start, end = sample_library.find_quote(article.id, quote)
    sample_library.add_highlight(article.id, start, end, color="green", note="回头再读")
    window = make_window(sample_library)

    box = window.findChild(QLineEdit, "searchBox")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.actions.focus_search.trigger()
    qtbot.waitUntil(box.hasFocus)
    type_text(box, "回头再读")
    results = window.search.results_panel.findChild(QTreeView)
    qtbot.waitUntil(lambda: window.search.highlight_ids() != (), timeout=5000)
    press(qtbot, box, Qt.Key.Key_Down)
    press(qtbot, results, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: window.reading_pane.selected_span() == (start, end), timeout=3000)
    assert window.reading_pane.textCursor().selectedText() == quote
    assert window.reading_pane.is_flashing
    assert window.settings.value("search/history") == ["回头再读"]  # kept with the window's
