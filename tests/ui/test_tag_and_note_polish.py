"""Small things that got in the way of annotating (issue 13): a completion accepted with
the keyboard leaves the tag field empty, N continues a note at its end, H without a
selection says what to do, an undone new tag leaves the tag list, and renaming a tag onto
another's name asks before it merges them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QTableWidget

from tests.ui.keyboard import type_text
from tests.ui.test_annotating import press_enter
from tests.ui.test_tags_and_import import open_first, tag_names, tagged_highlight


def focus(qtbot, window, widget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    widget.setFocus()


def test_accepting_a_completion_with_down_and_enter_leaves_the_field_empty(
    qtbot, sample_library, make_window
):
    window = make_window(sample_library)
    open_first(window)
    tagged_highlight(window, 0, ("新质生产力",))
    record = tagged_highlight(window, 10, ())
    editor = window.sidebar.tag_editor
    focus(qtbot, window, editor)
    type_text(editor, "新质")
    popup = editor.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert sample_library.get_highlight(record.id).tags == ("新质生产力",)
    qtbot.waitUntil(lambda: editor.text() == "")
    type_text(editor, "绿色")  # the next tag starts afresh, not "新质生产力绿色"
    assert editor.text() == "绿色"


def test_edit_note_puts_the_cursor_after_the_existing_note(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    open_first(window)
    record = tagged_highlight(window, 0, ())
    other = tagged_highlight(window, 10, ())
    window.sidebar.select_highlight(record.id)
    type_text(window.sidebar.note_editor, "第一行，第二行")
    window.sidebar.select_highlight(other.id)  # away and back: the note is shown afresh
    window.sidebar.select_highlight(record.id)
    assert sample_library.get_highlight(record.id).note == "第一行，第二行"
    focus(qtbot, window, window.reading_pane)
    window.actions.edit_note.trigger()
    editor = window.sidebar.note_editor
    qtbot.waitUntil(editor.hasFocus)
    assert editor.textCursor().position() == len("第一行，第二行")
    type_text(editor, "。")
    assert editor.toPlainText() == "第一行，第二行。"


def test_h_without_a_selection_says_what_to_do(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    article = open_first(window)
    focus(qtbot, window, window.reading_pane)
    cursor = window.reading_pane.textCursor()
    cursor.clearSelection()
    window.reading_pane.setTextCursor(cursor)
    qtbot.keyClick(window.reading_pane, Qt.Key.Key_H)
    message = window.statusBar().currentMessage()
    assert "select a passage" in message and "press H" in message
    assert sample_library.highlights_for_article(article.id) == []


def test_an_undone_new_tag_leaves_the_tag_list_and_the_count(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    open_first(window)
    tagged_highlight(window, 0, ())
    type_text(window.sidebar.tag_editor, "新标签")
    press_enter(window.sidebar.tag_editor)
    assert window.sidebar.all_tags.count() == 1 and "1 tag" in window.status_counts.text()

    window.actions.undo.trigger()
    assert tag_names(sample_library) == {}
    assert window.sidebar.all_tags.count() == 0
    assert "0 tags" in window.status_counts.text()

    window.actions.redo.trigger()
    assert tag_names(sample_library) == {"新标签": 1}
    assert window.sidebar.all_tags.count() == 1 and "1 tag" in window.status_counts.text()


def merge_question(window) -> QMessageBox:
    box = window.findChild(QMessageBox, "mergeTagsQuestion")
    assert box is not None and box.isVisible()
    return box


def test_renaming_onto_an_existing_tag_asks_and_merges_when_accepted(
    qtbot, sample_library, make_window
):
    window = make_window(sample_library)
    open_first(window)
    tagged_highlight(window, 0, ("AI",))
    tagged_highlight(window, 10, ("人工智能",))
    window.sidebar.tag_article("人工智能")

    window.sidebar.rename_tag("AI", "人工智能")
    box = merge_question(window)
    asked = box.text() + "\n" + box.informativeText()
    assert "“人工智能” exists already" in asked and "Merge “AI” into it?" in asked
    assert "“AI” is on 1 highlight · 0 articles" in asked
    assert "“人工智能” is on 1 highlight · 1 article" in asked
    assert tag_names(sample_library) == {"AI": 1, "人工智能": 1}  # nothing until answered

    box.findChild(QPushButton, "mergeButton").click()
    assert tag_names(sample_library) == {"人工智能": 2}
    window.actions.undo.trigger()
    assert tag_names(sample_library) == {"AI": 1, "人工智能": 1}


def test_renaming_onto_an_existing_tag_and_cancelling_changes_nothing(
    qtbot, sample_library, make_window
):
    window = make_window(sample_library)
    open_first(window)
    tagged_highlight(window, 0, ("AI",))
    tagged_highlight(window, 10, ("人工智能",))
    steps = window.undo_stack.count()

    window.sidebar.rename_tag("AI", "人工智能")
    merge_question(window).button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "mergeTagsQuestion") is None)
    assert tag_names(sample_library) == {"AI": 1, "人工智能": 1}
    assert window.undo_stack.count() == steps


def test_renaming_to_a_new_name_asks_nothing(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    open_first(window)
    tagged_highlight(window, 0, ("AI",))
    assert window.sidebar.rename_tag("AI", "人工智能") is None
    assert tag_names(sample_library) == {"人工智能": 1}


def test_the_shortcuts_dialog_names_undo_and_redo_as_such(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    open_first(window)
    tagged_highlight(window, 0, ("经济",))
    window.actions.undo.trigger()
    assert window.actions.undo.text() != "&Undo"  # the menu names the step: "&Undo Add …"
    dialog = window.show_shortcuts()
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert "Undo" in names and "Redo" in names
    assert not [name for name in names if name.startswith(("Undo ", "Redo "))]
    dialog.close()


def test_the_article_tag_field_is_empty_after_a_completion_too(qtbot, sample_library, make_window):
    window = make_window(sample_library)
    article = open_first(window)
    tagged_highlight(window, 0, ("头版要闻",))
    window.sidebar.tabs.setCurrentIndex(1)
    editor = window.sidebar.article_tag_editor
    focus(qtbot, window, editor)
    type_text(editor, "头版")
    popup = editor.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert sample_library.article_tags(article.id) == ("头版要闻",)
    qtbot.waitUntil(lambda: editor.text() == "")


def test_the_empty_sidebar_hint_never_breaks_the_key_range(qtbot, sample_library, make_window):
    """At any sidebar width "Ctrl+1…6" stays on one line (at 1024×640 it read "Ctrl+1…"
    then "6." on the next)."""
    from PySide6.QtGui import QTextLayout, QTextOption

    window = make_window(sample_library)
    label = window.sidebar.empty_label
    for width in range(80, 400, 4):
        layout = QTextLayout(label.text().split("\n")[-1], label.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        lines = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            lines.append(layout.text()[line.textStart() : line.textStart() + line.textLength()])
        layout.endLayout()
        assert not any(text.rstrip().endswith("…") for text in lines[:-1]), (width, lines)
