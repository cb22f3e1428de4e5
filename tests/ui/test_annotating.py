"""Driving the real window: highlight a passage, write a note, tag it, undo/redo, and
find everything again after a restart on the same database."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from reader.ui.reading_pane import HIGHLIGHT_MARK
from tests.ui.keyboard import type_text


def press_enter(widget) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        )


def open_row(window, row: int):
    window.article_list.view.setCurrentIndex(window.article_list.model.index(row))
    return window.current_article


def highlight_opening(window, row: int, color: str, length: int = 4):
    """Open list row `row` and highlight the first `length` characters of its text."""
    open_row(window, row)
    window.reading_pane.select_span(0, length)
    return window.apply_highlight(color)


def highlight_marks(window) -> list[int]:
    return [
        s.format.property(HIGHLIGHT_MARK)
        for s in window.reading_pane.extraSelections()
        if s.format.hasProperty(HIGHLIGHT_MARK)
    ]


def test_highlight_note_tags_undo_and_restart(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    article = open_row(window, 2)
    assert window.reading_pane.article.id == article.id
    first = article.paragraphs[0]
    start, end = 2, min(12, len(first))
    window.reading_pane.select_span(start, end)
    assert window.reading_pane.textCursor().selectedText() == first[start:end]

    record = window.apply_highlight("green")
    assert record is not None and record.exact == first[start:end] and record.color == "green"
    assert window.sidebar.highlight_model.rowCount() == 1
    assert highlight_marks(window) == [record.id]
    assert window.sidebar.current_highlight().id == record.id

    window.sidebar.note_editor.setFocus()
    type_text(window.sidebar.note_editor, "值得跟进 follow up")
    qtbot.waitUntil(
        lambda: sample_library.get_highlight(record.id).note == "值得跟进 follow up", timeout=3000
    )
    type_text(window.sidebar.tag_editor, "产业，跟进")
    press_enter(window.sidebar.tag_editor)
    assert sample_library.get_highlight(record.id).tags == ("产业", "跟进")
    assert {t.name for t in sample_library.tag_counts()} >= {"产业", "跟进"}

    # undo: tags, note, highlight; then redo all of it
    stack = window.undo_stack
    for _ in range(stack.count()):
        stack.undo()
    assert sample_library.highlights_for_article(article.id) == []
    assert window.sidebar.highlight_model.rowCount() == 0
    assert highlight_marks(window) == []
    for _ in range(stack.count()):
        stack.redo()
    restored = sample_library.get_highlight(record.id)
    assert (restored.note, restored.tags, restored.color) == (
        "值得跟进 follow up",
        ("产业", "跟进"),
        "green",
    )

    window.close()
    again = make_window(sample_library)
    assert again.current_article.id == article.id  # last open article is restored
    shown = again.sidebar.highlight_model.records()
    assert [(h.id, h.exact, h.note, h.tags) for h in shown] == [
        (record.id, first[start:end], "值得跟进 follow up", ("产业", "跟进"))
    ]
    assert highlight_marks(again) == [record.id]


def test_note_typed_just_before_closing_is_saved(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    record = highlight_opening(window, 0, "yellow")
    article = window.current_article
    window.sidebar.note_editor.setFocus()
    type_text(window.sidebar.note_editor, "写到一半")
    window.close()  # well before the 400 ms save delay
    assert sample_library.get_highlight(record.id).note == "写到一半"
    assert article.id == record.article_id


def test_a_note_being_typed_survives_sigterm(qtbot, sample_library, make_window):
    import os
    import signal

    from PySide6.QtWidgets import QApplication

    from reader.ui.app import close_on_termination

    window = make_window(sample_library)
    record = highlight_opening(window, 0, "green")
    type_text(window.sidebar.note_editor, "关机前")
    previous = {n: signal.getsignal(n) for n in (signal.SIGTERM, signal.SIGINT)}
    wake = close_on_termination(QApplication.instance())
    try:
        os.kill(os.getpid(), signal.SIGTERM)  # what a log-out sends
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    finally:
        wake.stop()
        for number, handler in previous.items():
            signal.signal(number, handler)
    assert sample_library.get_highlight(record.id).note == "关机前"


def test_switching_article_saves_the_note(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    record = highlight_opening(window, 0, "yellow")
    type_text(window.sidebar.note_editor, "切换")
    window.actions.next_article.trigger()
    assert window.current_article.id != record.article_id
    assert sample_library.get_highlight(record.id).note == "切换"


def test_consecutive_note_saves_are_one_undo_step(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    record = highlight_opening(window, 0, "blue")
    type_text(window.sidebar.note_editor, "一")
    window.sidebar.flush()
    type_text(window.sidebar.note_editor, "二")
    window.sidebar.flush()
    assert sample_library.get_highlight(record.id).note == "一二"
    window.undo_stack.undo()
    assert sample_library.get_highlight(record.id).note == ""
    assert window.sidebar.note_editor.toPlainText() == ""
    assert sample_library.highlights_for_article(record.article_id)  # the highlight stays


def test_overlapping_highlights_both_render_and_click_selects_inner(
    qtbot, sample_library, make_window
):
    window = make_window(sample_library)
    open_row(window, 0)
    pane = window.reading_pane
    pane.select_span(0, 10)
    outer = window.apply_highlight("yellow")
    pane.select_span(5, 20)
    second = window.apply_highlight("blue")
    pane.select_span(6, 8)
    inner = window.apply_highlight("pink")
    assert sorted(highlight_marks(window)) == sorted([outer.id, second.id, inner.id])
    assert [h.id for h in window.sidebar.highlight_model.records()] == [
        outer.id,
        second.id,
        inner.id,
    ]  # reading order
    window.sidebar.select_highlight(outer.id)
    pane.click_at(pane.to_document(7))
    assert window.sidebar.current_highlight().id == inner.id
    pane.click_at(pane.to_document(15))
    assert window.sidebar.current_highlight().id == second.id


def test_colour_change_and_delete_are_undoable(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    record = highlight_opening(window, 1, "yellow", 6)
    window.sidebar.color_buttons["purple"].click()
    assert sample_library.get_highlight(record.id).color == "purple"
    window.actions.delete_highlight.trigger()
    assert sample_library.highlights_for_article(record.article_id) == []
    window.actions.undo.trigger()
    assert sample_library.get_highlight(record.id).color == "purple"
    window.actions.undo.trigger()
    assert sample_library.get_highlight(record.id).color == "yellow"


def test_shortcut_highlights_selection(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    article = open_row(window, 0)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    window.reading_pane.setFocus()
    cursor = window.reading_pane.textCursor()
    cursor.setPosition(window.reading_pane.to_document(0))
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, 5)
    window.reading_pane.setTextCursor(cursor)
    qtbot.keyClick(window.reading_pane, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    highlights = sample_library.highlights_for_article(article.id)
    assert [(h.start, h.end, h.color) for h in highlights] == [(0, 5, "blue")]


def test_next_and_previous_highlight_move_the_sidebar(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    open_row(window, 0)
    ids = []
    for start in (0, 20, 40):
        window.reading_pane.select_span(start, start + 4)
        ids.append(window.apply_highlight("yellow").id)
    window.sidebar.select_highlight(ids[0])
    window.actions.next_highlight.trigger()
    assert window.sidebar.current_highlight().id == ids[1]
    assert window.reading_pane.is_flashing
    window.actions.previous_highlight.trigger()
    window.actions.previous_highlight.trigger()
    assert window.sidebar.current_highlight().id == ids[2]  # wraps around


def test_a_noted_passage_is_underlined_and_undo_takes_the_underline_away(
    qtbot, sample_library, make_window
):
    from PySide6.QtGui import QTextCharFormat

    window = make_window(sample_library)
    record = highlight_opening(window, 0, "yellow")

    def underline() -> QTextCharFormat.UnderlineStyle:
        [mark] = [
            s
            for s in window.reading_pane.extraSelections()
            if s.format.property(HIGHLIGHT_MARK) == record.id
        ]
        return mark.format.underlineStyle()

    assert underline() == QTextCharFormat.UnderlineStyle.NoUnderline
    type_text(window.sidebar.note_editor, "备注")
    window.sidebar.flush()
    assert underline() == QTextCharFormat.UnderlineStyle.DotLine
    window.undo_stack.undo()
    assert underline() == QTextCharFormat.UnderlineStyle.NoUnderline
