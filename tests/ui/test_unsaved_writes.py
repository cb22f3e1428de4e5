"""Issue 12 items 3 and 4: a write that fails while another program holds the library is
never pushed on the undo stack, never lost and never silent. It is shown (status bar, a
bar above the article, a marker under the note), kept (the note stays in the editor, the
selection stays in the article) and retried until it is saved; closing the window with
something unsaved asks instead of dropping it.

"Another program" is a second SQLite connection holding a write transaction (BEGIN
IMMEDIATE); the window's connection is told to wait only 50 ms for it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.errors import LibraryLockedError
from tests.ui.keyboard import type_text

RETRY_TIMEOUT_MS = 10_000


@contextmanager
def held_by_another_program(library) -> Iterator[sqlite3.Connection]:
    library.database.execute_sql("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(library.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()


def release(other: sqlite3.Connection) -> None:
    other.execute("ROLLBACK")


@pytest.fixture
def window(sample_library, make_window):
    main = make_window(sample_library)
    main.article_list.view.setCurrentIndex(main.article_list.model.index(0))
    return main


def note_of(library, highlight_id: int) -> str:
    return library.get_highlight(highlight_id).note


def test_highlight_while_locked_is_shown_kept_and_saved_once_the_lock_goes(
    qtbot, window, sample_library
):
    article = window.current_article
    window.reading_pane.select_span(0, 4)
    with held_by_another_program(sample_library) as other:
        assert window.apply_highlight("green") is None  # no exception crosses the push
        assert window.undo_stack.count() == 0
        assert "busy" in window.statusBar().currentMessage()
        assert window.pending_bar.isVisible()
        assert window.reading_pane.selected_span() == (0, 4)  # kept, visibly
        assert sample_library.highlights_for_article(article.id) == []
        release(other)
        qtbot.waitUntil(lambda: not window.pending_bar.isVisible(), timeout=RETRY_TIMEOUT_MS)
    saved = sample_library.highlights_for_article(article.id)
    assert [(h.start, h.end, h.color) for h in saved] == [(0, 4, "green")]
    assert window.undo_stack.count() == 1
    assert window.sidebar.current_highlight().id == saved[0].id
    window.writes.undo()
    assert sample_library.highlights_for_article(article.id) == []


def test_highlight_failing_inside_the_library_leaves_the_undo_stack_empty(
    qtbot, window, sample_library, monkeypatch
):
    def locked(*_args, **_kwargs):
        raise LibraryLockedError("the library is busy: another program is writing to it")

    monkeypatch.setattr(sample_library, "apply", locked)  # every write goes through apply
    window.reading_pane.select_span(0, 4)
    assert window.apply_highlight("yellow") is None
    assert window.undo_stack.count() == 0
    assert not window.actions.undo.isEnabled()
    assert "busy" in window.statusBar().currentMessage()
    monkeypatch.undo()  # the library works again: the kept highlight is saved
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=RETRY_TIMEOUT_MS)


def test_note_typed_while_locked_stays_marked_unsaved_until_it_is_saved(
    qtbot, window, sample_library
):
    window.reading_pane.select_span(0, 4)
    record = window.apply_highlight("yellow")
    editor = window.sidebar.note_editor
    with held_by_another_program(sample_library) as other:
        editor.setFocus()
        type_text(editor, "锁住时写的笔记")
        window.sidebar.flush()
        assert window.sidebar.note_status.isVisible()
        assert editor.toPlainText() == "锁住时写的笔记"
        assert "busy" in window.statusBar().currentMessage()
        assert note_of(sample_library, record.id) == ""
        # another highlight and back: the unsaved text comes back with its marker
        window.sidebar.highlight_view.clearSelection()
        window.sidebar.select_highlight(record.id)
        assert editor.toPlainText() == "锁住时写的笔记"
        release(other)
        qtbot.waitUntil(
            lambda: note_of(sample_library, record.id) == "锁住时写的笔记",
            timeout=RETRY_TIMEOUT_MS,
        )
    qtbot.waitUntil(lambda: not window.sidebar.note_status.isVisible())
    assert editor.toPlainText() == "锁住时写的笔记"
    steps = window.undo_stack.count()
    window.sidebar.flush()  # the retried note counts as saved: nothing more to write
    assert window.undo_stack.count() == steps
    window.writes.undo()
    assert note_of(sample_library, record.id) == ""


def test_undo_while_locked_keeps_the_history_matching_the_library(qtbot, window, sample_library):
    window.reading_pane.select_span(0, 4)
    record = window.apply_highlight("yellow")
    with held_by_another_program(sample_library):
        assert window.writes.undo() is False
        assert window.undo_stack.index() == 1  # put back: the highlight is still there
        assert sample_library.get_highlight(record.id).color == "yellow"
        assert "busy" in window.statusBar().currentMessage()
    assert window.writes.undo() is True
    assert sample_library.highlights_for_article(record.article_id) == []
    with held_by_another_program(sample_library):
        assert window.writes.redo() is False
        assert window.undo_stack.index() == 0  # still undone, like the library
        assert window.actions.redo.isEnabled()
    assert window.writes.redo() is True
    assert sample_library.get_highlight(record.id).color == "yellow"


def answer_unsaved_dialog(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click `button` in the unsaved-changes question as soon as it shows."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "unsavedWritesDialog":
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, click)


def test_closing_with_an_unsaved_note_asks_and_cancel_keeps_the_window(
    qtbot, window, sample_library
):
    window.reading_pane.select_span(0, 4)
    record = window.apply_highlight("yellow")
    with held_by_another_program(sample_library) as other:
        window.sidebar.note_editor.setFocus()
        type_text(window.sidebar.note_editor, "别丢")
        seen: list[str] = []
        answer_unsaved_dialog(QMessageBox.StandardButton.Cancel, seen)
        assert window.close() is False
        assert seen and window.isVisible()
        assert window.sidebar.note_editor.toPlainText() == "别丢"
        release(other)
        assert window.close() is True  # saved on the way out, no question
    assert note_of(sample_library, record.id) == "别丢"


def test_closing_with_an_unsaved_note_can_discard_it_knowingly(qtbot, window, sample_library):
    window.reading_pane.select_span(0, 4)
    record = window.apply_highlight("yellow")
    with held_by_another_program(sample_library):
        window.sidebar.note_editor.setFocus()
        type_text(window.sidebar.note_editor, "放弃")
        seen: list[str] = []
        answer_unsaved_dialog(QMessageBox.StandardButton.Discard, seen)
        assert window.close() is True
        assert seen
    assert note_of(sample_library, record.id) == ""


def test_opening_an_article_while_locked_shows_it_and_says_it_stays_unread(
    qtbot, window, sample_library
):
    model = window.article_list.model
    with held_by_another_program(sample_library):
        window.article_list.view.setCurrentIndex(model.index(2))
        article = window.current_article
        assert window.reading_pane.article.id == article.id
        assert "busy" in window.statusBar().currentMessage()
    assert not sample_library.get_article(article.id).is_read


def test_a_library_locked_by_another_process_shows_the_busy_message_and_loses_nothing(
    qtbot, window, sample_library
):
    """Issue 11: another *process* holds the write lock; tagging the article is shown as
    busy (by kind, not by matching words), kept, and saved once the lock goes."""
    import subprocess
    import sys

    sample_library.database.execute_sql("PRAGMA busy_timeout = 50")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(sample_library.path)!r}, isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True)\n"
            "sys.stdin.readline(); c.execute('ROLLBACK')\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        article = window.current_article
        window.sidebar.tag_article("待核实")
        assert "busy" in window.statusBar().currentMessage()
        assert window.pending_bar.isVisible()
        assert window.undo_stack.count() == 0
        assert sample_library.article_tags(article.id) == ()
    finally:
        holder.communicate("\n", timeout=10)
    qtbot.waitUntil(lambda: not window.pending_bar.isVisible(), timeout=RETRY_TIMEOUT_MS)
    assert sample_library.article_tags(article.id) == ("待核实",)
    assert window.undo_stack.count() == 1
    assert [window.sidebar.article_tags.item(0).text()] == ["待核实"]
