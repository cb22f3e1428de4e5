"""Issue 13: search results take the article list's place, not the reading column's;
snippets fit their lines with the match in view; Enter flashes the passage and selects
its highlight in the sidebar; Esc gives the list back."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QToolButton

from reader.ui.reading_pane import THEMES
from reader.ui.snippet_lines import ELLIPSIS, snippet_lines
from tests.ui.keyboard import type_text

NOTE = "回头再读"


def open_results(qtbot, window, query: str) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.actions.focus_search.trigger()
    box = window.search.search_box
    qtbot.waitUntil(box.hasFocus)
    with qtbot.waitSignal(window.search.resultsShown, timeout=5000):
        type_text(box, query)


def annotated_window(qtbot, make_window, library):
    """A window at 1024×640 on an article whose last paragraph carries a noted highlight."""
    article = library.list_articles(sort="oldest")[-1]
    record = library.get_article(article.id)
    quote = record.paragraphs[-1][2:8]
    start, end = library.find_quote(article.id, quote)
    highlight = library.add_highlight(article.id, start, end, color="green", note=NOTE)
    window = make_window(library)
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1024, 640))
    return window, highlight, (start, end)


def column_width(window) -> float:
    return window.reading_pane.text_column_width()


def test_results_take_the_article_lists_place_not_the_reading_column(
    qtbot, make_window, sample_library
):
    window, _highlight, _span = annotated_window(qtbot, make_window, sample_library)
    before = column_width(window)
    open_results(qtbot, window, NOTE)
    assert window.search_dock.isVisible()  # the results page, named as the old dock
    assert window.left_panel.showing_results and not window.article_list.isVisible()
    assert window.sidebar.isVisible()
    assert column_width(window) >= before  # was squeezed to about 340 px by a 4th column


def test_results_show_even_when_the_user_hid_the_article_list(qtbot, make_window, sample_library):
    window, _highlight, _span = annotated_window(qtbot, make_window, sample_library)
    window.actions.toggle_article_list.trigger()
    assert not window.left_panel.isVisible()
    open_results(qtbot, window, NOTE)
    assert window.search_dock.isVisible()
    window.search.close()
    assert not window.left_panel.isVisible()  # hidden again, as the user left it
    assert not window.actions.toggle_article_list.isChecked()


def flash_pixels(window, span) -> QColor:
    """The colour on screen in the middle of the first character of `span`."""
    pane = window.reading_pane
    cursor = pane.textCursor()
    cursor.setPosition(pane.to_document(span[0]))
    rect = pane.cursorRect(cursor)
    image = pane.viewport().grab().toImage()
    return image.pixelColor(rect.left() + 3, rect.bottom() - 3)


def is_flash_colour(color: QColor, theme: str = "light") -> bool:
    flash = QColor(THEMES[theme]["flash"])
    return (
        abs(color.red() - flash.red()) + abs(color.green() - flash.green()) < 90
        and abs(color.blue() - flash.blue()) < 90
    )


def test_enter_on_a_result_flashes_the_passage_and_selects_its_highlight(
    qtbot, make_window, sample_library
):
    window, highlight, span = annotated_window(qtbot, make_window, sample_library)
    open_results(qtbot, window, NOTE)
    results = window.search.results_view
    qtbot.keyClick(window.search.search_box, Qt.Key.Key_Down)
    qtbot.keyClick(results, Qt.Key.Key_Return)

    pane = window.reading_pane
    qtbot.waitUntil(lambda: pane.selected_span() == span, timeout=3000)
    current = window.sidebar.current_highlight()
    assert current is not None and current.id == highlight.id
    view = window.sidebar.highlight_view
    assert view.selectionModel().isSelected(view.currentIndex())
    # the flash shows on screen although the passage is selected (the selection used
    # to paint over it), and fades out over about 1.5 s
    assert pane.is_flashing
    assert is_flash_colour(flash_pixels(window, span)), flash_pixels(window, span).name()
    qtbot.waitUntil(lambda: 0 < pane.flash_strength() < 0.9, timeout=2000)
    qtbot.waitUntil(lambda: not pane.is_flashing, timeout=3000)
    assert pane.selected_span() == span  # still selected, in the selection's own colour
    assert not is_flash_colour(flash_pixels(window, span))


def test_escape_in_the_opened_passage_closes_the_results(qtbot, make_window, sample_library):
    window, _highlight, span = annotated_window(qtbot, make_window, sample_library)
    open_results(qtbot, window, NOTE)
    qtbot.keyClick(window.search.search_box, Qt.Key.Key_Return)  # the first result
    pane = window.reading_pane
    qtbot.waitUntil(lambda: pane.selected_span() == span, timeout=3000)
    qtbot.waitUntil(pane.hasFocus)
    qtbot.keyClick(pane, Qt.Key.Key_Escape)
    assert not window.search_dock.isVisible()
    assert window.article_list.isVisible()
    assert not window.actions.close_search.isEnabled()


def test_escape_and_the_close_button_close_the_results_from_the_list(
    qtbot, make_window, sample_library
):
    window, _highlight, _span = annotated_window(qtbot, make_window, sample_library)
    open_results(qtbot, window, NOTE)
    qtbot.keyClick(window.search.search_box, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.results_view, Qt.Key.Key_Escape)
    assert window.article_list.isVisible() and not window.search_dock.isVisible()
    window.actions.focus_search.trigger()  # the search is still there: Ctrl+K shows it
    assert window.search_dock.isVisible()
    qtbot.mouseClick(
        window.left_panel.findChild(QToolButton, "searchResultsClose"), Qt.MouseButton.LeftButton
    )
    assert window.article_list.isVisible() and not window.search_dock.isVisible()


def test_escape_in_the_find_bar_still_closes_the_find_bar(qtbot, make_window, sample_library):
    """Esc closes the results only from the results and the reading pane."""
    window, _highlight, _span = annotated_window(qtbot, make_window, sample_library)
    open_results(qtbot, window, NOTE)
    window.actions.find.trigger()
    qtbot.waitUntil(lambda: window.find_bar.isVisible())
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.search_dock.isVisible()


# --- snippet lines ---------------------------------------------------------------------
def metrics() -> QFontMetricsF:
    font = QFont()
    font.setPointSizeF(11)
    return QFontMetricsF(font)


def plain(lines) -> str:
    return "".join(line.text for line in lines).replace(ELLIPSIS, "")


def marked(lines) -> str:
    return "".join(line.text[s:e] for line in lines for s, e in line.marks)


def test_a_late_match_is_brought_into_view_and_the_cut_ends_show_an_ellipsis(qapp):
    snippet = "开头的一段很长很长的文字，" * 8 + "合成生物" + "之后还有一些文字" * 4
    start = snippet.index("合成生物")
    fm = metrics()
    width = fm.horizontalAdvance("中") * 12
    lines = snippet_lines(snippet, ((start, start + 4),), fm, width)
    assert len(lines) == 2
    assert lines[0].text.startswith(ELLIPSIS) and lines[-1].text.endswith(ELLIPSIS)
    assert marked(lines) == "合成生物"
    assert all(fm.horizontalAdvance(line.text) <= width for line in lines)
    assert plain(lines) in snippet


def test_a_match_cut_by_the_line_break_is_marked_on_both_lines(qapp):
    fm = metrics()
    width = fm.horizontalAdvance("中") * 6
    snippet = "一二三四五合成生物六七八九十"
    lines = snippet_lines(snippet, ((5, 9),), fm, width)
    assert marked(lines) == "合成生物"
    assert len(lines[0].marks) == 1 and len(lines[1].marks) == 1


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(
        alphabet="中文字合成生物abc xyz，。𠀀𠀁\u0301\n",
        min_size=1,
        max_size=120,
    ).map(lambda t: t if not unicodedata.combining(t[0]) else "a" + t),
    data=st.data(),
    chars=st.integers(min_value=2, max_value=30),
)
def test_snippet_lines_fit_break_between_characters_and_keep_the_match(qapp, text, data, chars):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    while start > 0 and unicodedata.combining(text[start]):
        start -= 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    fm = metrics()
    width = fm.horizontalAdvance("中") * chars
    lines = snippet_lines(text, ((start, end),), fm, width)
    flat = text.replace("\n", " ")
    assert 1 <= len(lines) <= 2
    for line in lines:
        assert (
            fm.horizontalAdvance(line.text)
            <= max(width, fm.horizontalAdvance("中" + ELLIPSIS)) + 0.5
            or len(line.text.replace(ELLIPSIS, "")) == 1
        )
        body = line.text.replace(ELLIPSIS, "")
        assert not body or not unicodedata.combining(body[0])  # never starts mid-character
    assert plain(lines) in flat  # what shows is the snippet's own text, in order
    match = flat[start:end]
    if fm.horizontalAdvance(match) <= width:  # a match that fits on a line is shown whole
        assert marked(lines) == match


def test_latin_words_are_not_broken_across_lines(qapp):
    fm = metrics()
    snippet = "合成生物 a note on this passage"
    width = fm.horizontalAdvance("合成生物 a note o")
    lines = snippet_lines(snippet, ((0, 4),), fm, width)
    assert lines[0].text == "合成生物 a note "
    assert lines[1].text.startswith("on ")


def test_a_passage_inside_a_highlight_selects_that_highlight(qtbot, make_window, sample_library):
    """An article hit whose passage lies in a highlight makes it the sidebar's current one."""
    window, highlight, (start, end) = annotated_window(qtbot, make_window, sample_library)
    window.open_passage(highlight.article_id, start + 1, end - 1)
    current = window.sidebar.current_highlight()
    assert current is not None and current.id == highlight.id
    assert window.reading_pane.selected_span() == (start + 1, end - 1)
