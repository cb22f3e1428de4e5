"""The search box and results panel, driven like a user would: type, wait, arrow down,
press Enter, and check the passage the app is asked to open."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextEdit, QVBoxLayout, QWidget

from reader.ui.search_panel import HIT_ROLE, HTML_ROLE, SearchController, snippet_html
from tests.ui.keyboard import type_text

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples"
QUOTE = "合成生物"
NOTE = "remember <b>zebrafish</b> & 生物"


@pytest.fixture
def annotated(library):
    """The first sample page, with one highlighted passage carrying a note."""
    result = library.import_file(SAMPLE / "2024-10-24-wujin-daily-p1.txt")
    article_id = next(i for i in result.article_ids if QUOTE in library.get_article(i).text)
    start, end = library.find_quote(article_id, QUOTE)
    highlight = library.add_highlight(article_id, start, end, color="green", note=NOTE)
    return library, article_id, highlight


@pytest.fixture
def controller(qtbot, annotated):
    """The box above the panel and a stand-in reading pane, in one window as in the app."""
    library = annotated[0]
    window = QWidget()
    search = SearchController(library, window)
    layout = QVBoxLayout(window)
    layout.addWidget(search.search_box)
    layout.addWidget(search.results_panel)
    window.reading_pane = QTextEdit()
    layout.addWidget(window.reading_pane)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    yield search
    search.shutdown()


def type_query(qtbot, search, text: str) -> int:
    """Type `text` into the box and return how many hits the panel showed."""
    with qtbot.waitSignal(search.resultsShown, timeout=5000) as shown:
        search.search_box.clear()
        type_text(search.search_box, text)
    return shown.args[0]


def hits_shown(search) -> list:
    model = search.model
    return [
        model.index(row, 0, model.index(group, 0)).data(HIT_ROLE)
        for group in range(model.rowCount())
        for row in range(model.rowCount(model.index(group, 0)))
    ]


def test_box_and_panel_are_named_for_the_main_window(controller):
    assert controller.search_box.objectName() == "searchBox"
    assert controller.results_panel.objectName() == "searchResults"
    assert controller.search_box.isClearButtonEnabled()
    assert "Ctrl+K" in controller.search_box.placeholderText()


def test_down_then_enter_requests_the_highlighted_passage(qtbot, controller, annotated):
    _library, article_id, highlight = annotated
    assert type_query(qtbot, controller, QUOTE) > 0
    kinds = {hit.kind for hit in hits_shown(controller)}
    assert "highlight" in kinds

    qtbot.keyClick(controller.search_box, Qt.Key.Key_Down)
    assert controller.results_view.hasFocus() or controller.results_view.currentIndex().isValid()
    # Walk down to the highlight hit, the way a user would.
    while controller.results_view.currentIndex().data(HIT_ROLE).kind != "highlight":
        qtbot.keyClick(controller.results_view, Qt.Key.Key_Down)
    with qtbot.waitSignal(controller.passageRequested, timeout=2000) as picked:
        qtbot.keyClick(controller.results_view, Qt.Key.Key_Return)
    assert picked.args == [article_id, highlight.start, highlight.end]


def test_group_headers_count_their_hits(qtbot, controller):
    type_query(qtbot, controller, QUOTE)
    for group in range(controller.model.rowCount()):
        index = controller.model.index(group, 0)
        assert f"({controller.model.rowCount(index)})" in index.data()
    assert controller.status_label.text().split()[0].isdigit()


def test_a_note_word_finds_the_note_and_its_markup_is_shown_escaped(qtbot, controller, annotated):
    article_id = annotated[1]
    assert type_query(qtbot, controller, "zebrafish") > 0
    notes = [hit for hit in hits_shown(controller) if hit.kind == "note"]
    assert notes and notes[0].article_id == article_id
    html = controller.model.index(0, 0, controller.model.index(0, 0)).data(HTML_ROLE)
    assert "<b>zebrafish" not in html
    assert "&lt;b&gt;" in html


def test_clicking_a_result_requests_its_article(qtbot, controller, annotated):
    type_query(qtbot, controller, QUOTE)
    controller.results_view.expandAll()
    index = controller.model.index(0, 0, controller.model.index(0, 0))
    rect = controller.results_view.visualRect(index)
    with qtbot.waitSignal(controller.passageRequested, timeout=2000) as picked:
        qtbot.mouseClick(
            controller.results_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert picked.args[0] == index.data(HIT_ROLE).article_id


@pytest.mark.parametrize(
    "text", ['"', "NEAR(", "*", "-", "\x00", 'a" OR -', "tag:", ":", "AND", "常\x00州 -"]
)
def test_hostile_queries_end_in_results_or_a_calm_empty_list(qtbot, controller, text):
    with qtbot.waitSignal(controller.resultsShown, timeout=5000):
        controller.search_box.setText(text)  # pasted: a NUL cannot be typed
    assert controller.status_label.text()
    assert "error" not in controller.status_label.text().lower()


def test_nothing_found_says_so(qtbot, controller):
    assert type_query(qtbot, controller, "qqqxyzzy") == 0
    assert "qqqxyzzy" in controller.status_label.text()


def test_clearing_the_box_empties_the_results(qtbot, controller):
    type_query(qtbot, controller, QUOTE)
    controller.search_box.clear()
    assert controller.model.rowCount() == 0


def test_escape_in_box_or_results_closes(qtbot, controller):
    with qtbot.waitSignal(controller.closed, timeout=1000):
        qtbot.keyClick(controller.search_box, Qt.Key.Key_Escape)
    type_query(qtbot, controller, QUOTE)
    qtbot.keyClick(controller.search_box, Qt.Key.Key_Down)
    with qtbot.waitSignal(controller.closed, timeout=1000):
        qtbot.keyClick(controller.results_view, Qt.Key.Key_Escape)


def test_a_picked_search_is_remembered(qtbot, controller, annotated):
    type_query(qtbot, controller, QUOTE)
    with qtbot.waitSignal(controller.passageRequested, timeout=2000):
        qtbot.keyClick(controller.search_box, Qt.Key.Key_Return)
    again = SearchController(annotated[0])
    qtbot.addWidget(again.search_box)
    assert again.search_box.completer().model().stringList()[0] == QUOTE


def test_snippet_html_marks_code_point_spans_after_astral_characters():
    html = snippet_html("𠮷<常州>", ((2, 4),))
    assert html.startswith("𠮷&lt;<span ")
    assert html.endswith(">常州</span>&gt;")


def test_the_shown_results_name_their_highlights_for_export(qtbot, controller, annotated):
    highlight = annotated[2]
    assert controller.highlight_ids() == ()
    type_query(qtbot, controller, QUOTE)
    assert controller.highlight_ids() == (highlight.id,)
    controller.search_box.clear()
    assert controller.highlight_ids() == ()


def test_focus_moves_between_box_and_results_and_returns_on_escape(qtbot, controller):
    pane = controller.parent().reading_pane
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)
    controller.focus_search()
    qtbot.waitUntil(controller.search_box.hasFocus)
    type_query(qtbot, controller, QUOTE)
    qtbot.keyClick(controller.search_box, Qt.Key.Key_Down)
    qtbot.waitUntil(controller.results_view.hasFocus)
    qtbot.keyClick(controller.results_view, Qt.Key.Key_Up)
    qtbot.waitUntil(controller.search_box.hasFocus)
    qtbot.keyClick(controller.search_box, Qt.Key.Key_Escape)
    qtbot.waitUntil(pane.hasFocus)
