"""Issue 13, layout and reading: the text column keeps a readable width, the side panels
give way (and are toggled and remembered), and no text is cut off after a restart."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QKeySequence

from reader.ui.reading_pane import MAX_COLUMN_EM, MIN_COLUMN_EM


def column_chars(window) -> float:
    """Characters of the reading font that fit on one line of text now."""
    pane = window.reading_pane
    return (pane.viewport().width() - 2 * pane.document().documentMargin()) / pane.char_width()


def resize(qtbot, window, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().toTuple() == (width, height))
    qtbot.waitUntil(lambda: sum(window.splitter.sizes()) <= window.splitter.width())


def test_text_column_keeps_24_characters_at_1024x640_with_both_panels(
    qtbot, make_window, sample_library
):
    window = make_window(sample_library)
    resize(qtbot, window, 1024, 640)
    assert window.article_list.isVisible() and window.sidebar.isVisible()
    assert column_chars(window) >= MIN_COLUMN_EM  # was about 12
    # the panels gave way instead, and nothing overflows the window
    assert window.reading_pane.document().size().width() <= window.reading_pane.viewport().width()


def test_a_narrow_window_collapses_the_side_panels_and_brings_them_back(
    qtbot, make_window, sample_library
):
    window = make_window(sample_library)
    resize(qtbot, window, 480, 360)
    assert not window.sidebar.isVisible() and not window.left_panel.isVisible()
    assert column_chars(window) >= 20  # was one character
    assert not window.actions.toggle_sidebar.isChecked()
    resize(qtbot, window, 1024, 640)
    assert window.sidebar.isVisible() and window.left_panel.isVisible()
    assert window.actions.toggle_sidebar.isChecked()
    assert column_chars(window) >= MIN_COLUMN_EM


def test_at_medium_width_the_sidebar_goes_first(qtbot, make_window, sample_library):
    window = make_window(sample_library)
    resize(qtbot, window, 800, 600)
    assert window.left_panel.isVisible() and not window.sidebar.isVisible()
    assert column_chars(window) >= MIN_COLUMN_EM


def test_a_larger_text_size_makes_the_panels_give_way(qtbot, make_window, sample_library):
    window = make_window(sample_library)
    resize(qtbot, window, 1024, 640)
    for _ in range(4):
        window.actions.zoom_in.trigger()
    qtbot.waitUntil(lambda: not window.sidebar.isVisible())
    assert column_chars(window) >= MIN_COLUMN_EM


def test_side_panels_toggle_by_shortcut_and_stay_so_after_a_restart(
    qtbot, make_window, sample_library
):
    window = make_window(sample_library)
    resize(qtbot, window, 1024, 640)
    toggle_list, toggle_sidebar = window.actions.toggle_article_list, window.actions.toggle_sidebar
    assert toggle_list.shortcut() == QKeySequence("Ctrl+Shift+L")
    assert toggle_sidebar.shortcut() == QKeySequence("Ctrl+\\")
    assert toggle_list in window.menuBar().actions()[2].menu().actions()  # the View menu
    before = column_chars(window)
    toggle_list.trigger()
    toggle_sidebar.trigger()
    assert not window.left_panel.isVisible() and not window.sidebar.isVisible()
    qtbot.waitUntil(lambda: column_chars(window) > before)  # the reader took their room
    resize(qtbot, window, 1024, 640)
    window.close()

    again = make_window(sample_library)
    assert not again.left_panel.isVisible() and not again.sidebar.isVisible()
    assert not again.actions.toggle_article_list.isChecked()
    again.actions.toggle_article_list.trigger()
    assert again.left_panel.isVisible() and again.actions.toggle_article_list.isChecked()
    assert again.settings.value("window/show_articleList") in (True, "true")


def test_a_panel_the_user_shows_stays_even_when_the_window_is_narrow(
    qtbot, make_window, sample_library
):
    window = make_window(sample_library)
    resize(qtbot, window, 800, 600)
    assert not window.sidebar.isVisible()
    window.actions.toggle_sidebar.trigger()  # the user wants the sidebar: the list gives way
    assert window.sidebar.isVisible()
    assert window.actions.toggle_sidebar.isChecked()


def test_no_two_actions_share_a_shortcut(make_window, sample_library):
    window = make_window(sample_library)
    actions = window.actions.all() + window.corrections.actions.all()
    keys = [k.toString() for a in actions for k in a.shortcuts()]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_no_text_is_cut_off_after_restoring_a_saved_window_size(
    qtbot, make_window, sample_library, settings_path
):
    """A restored size whose reading pane centres the column (side margins) used to lay
    the text out wider than the viewport: cut off at the right, with no scroll bar."""
    window = make_window(sample_library)
    for _ in range(6):
        window.actions.zoom_out.trigger()  # a small size: the centred column fits the screen
    window.actions.toggle_article_list.trigger()
    window.actions.toggle_sidebar.trigger()
    resize(qtbot, window, 780, 560)
    assert window.reading_pane.viewportMargins().left() > 0  # the column is centred
    window.close()

    stored = QSettings(str(settings_path), QSettings.Format.IniFormat).value("window/geometry")
    assert isinstance(stored, QByteArray)
    again = make_window(sample_library)
    pane = again.reading_pane
    qtbot.waitUntil(lambda: again.size().toTuple() == (780, 560))
    document_width = pane.document().size().width()
    assert document_width <= pane.viewport().width() or pane.horizontalScrollBar().isVisible(), (
        document_width,
        pane.viewport().width(),
    )
    assert pane.viewportMargins().left() > 0


def test_sidebar_cards_do_not_overlap_after_the_window_size_changes(
    qtbot, make_window, sample_library
):
    """Cards were measured at other widths than painted: a card taller than measured
    had its last line covered by the next card."""
    article = sample_library.list_articles()[0]
    text = sample_library.get_article(article.id).text
    for length in range(20, 60, 3):
        start = (length - 20) * 4
        if start + length <= len(text):
            sample_library.add_highlight(article.id, start, start + length, color="blue")
    window = make_window(sample_library)
    window.open_article(article.id)
    for width in (1024, 1400, 1100):
        resize(qtbot, window, width, 640)
        view = window.sidebar.highlight_view
        model = view.model()
        rects = [view.visualRect(model.index(row, 0)) for row in range(model.rowCount())]
        assert len(rects) > 5
        for above, below in itertools.pairwise(rects):
            assert above.bottom() < below.top(), (width, above, below)


def test_a_wide_window_centres_a_column_of_the_readable_measure(qtbot, make_window, sample_library):
    window = make_window(sample_library)
    pane = window.reading_pane
    for width in (1900, 2400, 1800):
        resize(qtbot, window, width, 800)
        assert MAX_COLUMN_EM - 0.5 <= column_chars(window) <= MAX_COLUMN_EM + 1.5
        left = pane.viewport().geometry().left()
        right = pane.width() - pane.viewport().geometry().right()
        assert abs(left - right) <= pane.verticalScrollBar().width() + 2, (width, left, right)
