"""Find in the article: counting, next/previous, and marks that leave the reading
pane's own extra selections alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTextEdit, QVBoxLayout, QWidget

from reader.ui.find_bar import FIND_MARK, FindBar
from tests.ui.keyboard import type_text

TEXT = "𠮷 常州日报。\n常州 AI 产业，常州的ai。\n武进 Ai 与常州"


@pytest.fixture
def pane(qtbot):
    holder = QWidget()
    edit = QTextEdit()
    edit.setReadOnly(True)
    edit.setPlainText(TEXT)
    bar = FindBar(edit)
    layout = QVBoxLayout(holder)
    layout.addWidget(edit)
    layout.addWidget(bar)
    qtbot.addWidget(holder)
    holder.show()
    yield edit, bar  # the holder stays alive (and owns both) for the test


def find(qtbot, bar, text):
    bar.show_and_focus()
    bar.line_edit.clear()
    type_text(bar.line_edit, text)


def test_counts_matches_and_steps_through_them(qtbot, pane):
    edit, bar = pane
    find(qtbot, bar, "常州")
    assert bar.match_count() == 4
    assert bar.count_label.text() == "1 of 4"
    assert edit.textCursor().selectedText() == "常州"
    first = edit.textCursor().selectionStart()

    qtbot.keyClick(bar.line_edit, Qt.Key.Key_Return)
    assert bar.count_label.text() == "2 of 4"
    assert edit.textCursor().selectionStart() > first

    qtbot.keyClick(bar.line_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == "1 of 4"
    qtbot.keyClick(bar.line_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == "4 of 4"  # wraps around


def test_f3_and_shift_f3_step_too(qtbot, pane):
    _edit, bar = pane
    find(qtbot, bar, "常州")
    qtbot.keyClick(bar.line_edit, Qt.Key.Key_F3)
    assert bar.current_match() == 1
    qtbot.keyClick(bar.line_edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current_match() == 0


def test_latin_is_case_insensitive(qtbot, pane):
    _edit, bar = pane
    find(qtbot, bar, "ai")
    assert bar.match_count() == 3


def test_full_and_half_width_find_each_other(qtbot, pane):
    edit, bar = pane
    find(qtbot, bar, "ＡＩ")
    assert bar.match_count() == 3
    find(qtbot, bar, ",常州")  # an ASCII comma finds the full-width one in the text
    assert bar.match_count() == 1
    assert edit.textCursor().selectedText() == "，常州"


def test_no_match_is_reported(qtbot, pane):
    _edit, bar = pane
    find(qtbot, bar, "北京")
    assert bar.match_count() == 0
    assert bar.count_label.text() == "No matches"


def test_marks_every_match_and_keeps_the_panes_own_selections(qtbot, pane):
    edit, bar = pane
    theirs = QTextEdit.ExtraSelection()
    theirs.cursor = edit.document().find("武进")
    theirs.format.setBackground(QColor("#8fd694"))
    edit.setExtraSelections([theirs])

    find(qtbot, bar, "常州")
    selections = edit.extraSelections()
    ours = [s for s in selections if s.format.hasProperty(FIND_MARK)]
    assert len(ours) == 4
    assert len(selections) == 5

    qtbot.keyClick(bar.line_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    remaining = edit.extraSelections()
    assert len(remaining) == 1
    assert remaining[0].cursor.selectedText() == "武进"


def test_starts_from_the_panes_selection(qtbot, pane):
    edit, bar = pane
    cursor = edit.document().find("产业")
    edit.setTextCursor(cursor)
    bar.show_and_focus()
    assert bar.line_edit.text() == "产业"
    assert bar.count_label.text() == "1 of 1"
