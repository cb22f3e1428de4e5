"""Issue 11 in the window: undo and redo are core operations under one generic command,
pushed only after they succeeded, and every view follows `changed(Change)`."""

from __future__ import annotations

from reader.store.change import Change
from reader.ui.undo_commands import OperationCommand
from tests.ui.keyboard import type_text


def open_first(window):
    window.article_list.view.setCurrentIndex(window.article_list.model.index(0))
    return window.current_article


def test_undoing_a_tag_the_article_already_had_keeps_it(qtbot, sample_library, make_window):
    """The old TagArticleCommand removed on undo a tag that was there before."""
    window = make_window(sample_library)
    article = open_first(window)
    window.sidebar.tag_article("经济")
    assert sample_library.article_tags(article.id) == ("经济",)
    window.sidebar.tag_article("经济")  # already there: nothing changes, nothing to undo
    assert window.undo_stack.count() == 1
    assert window.writes.undo()
    assert sample_library.article_tags(article.id) == ()
    assert window.writes.redo()
    assert sample_library.article_tags(article.id) == ("经济",)
    assert [window.sidebar.article_tags.item(i).text() for i in range(1)] == ["经济"]


def test_a_tag_given_outside_the_window_is_not_taken_away_by_undo(
    qtbot, sample_library, make_window
):
    """Tagging an article that another program tagged meanwhile changes nothing."""
    window = make_window(sample_library)
    article = open_first(window)
    sample_library.tag_article(article.id, "政策")  # e.g. `reader tag` in a terminal
    window.sidebar.tag_article("政策")
    assert window.undo_stack.count() == 0
    assert not window.actions.undo.isEnabled()
    assert sample_library.article_tags(article.id) == ("政策",)


def test_every_command_on_the_stack_is_the_generic_one_and_notes_merge(
    qtbot, sample_library, make_window
):
    window = make_window(sample_library)
    open_first(window)
    window.reading_pane.select_span(0, 4)
    record = window.apply_highlight("blue")
    window.sidebar.note_editor.setFocus()
    type_text(window.sidebar.note_editor, "一")
    qtbot.waitUntil(lambda: sample_library.get_highlight(record.id).note == "一", timeout=3000)
    type_text(window.sidebar.note_editor, "二三")
    qtbot.waitUntil(lambda: sample_library.get_highlight(record.id).note == "一二三", timeout=3000)
    window.sidebar.set_color("green")
    commands = [window.undo_stack.command(i) for i in range(window.undo_stack.count())]
    assert all(isinstance(c, OperationCommand) for c in commands)
    assert [c.text() for c in commands] == ["Add highlight", "Edit note", "Change colour"]
    assert window.writes.undo() and window.writes.undo()  # colour, then the whole note
    assert sample_library.get_highlight(record.id).note == ""
    assert sample_library.get_highlight(record.id).color == "blue"
    assert window.sidebar.note_editor.toPlainText() == ""


def test_views_refresh_from_one_changed_signal(qtbot, sample_library, make_window):
    """A highlight made by another part of the app (here: the core, announced through
    `changed`) shows in the pane, the sidebar and the list's count."""
    window = make_window(sample_library)
    article = open_first(window)
    highlight_id = sample_library.add_highlight(article.id, 0, 3, color="pink").id
    with qtbot.waitSignal(window.events.changed) as emitted:
        window.events.emit_change(
            Change(article_ids=frozenset({article.id}), highlight_ids=frozenset({highlight_id}))
        )
    assert emitted.args[0].article_ids == frozenset({article.id})
    assert [h.id for h in window.sidebar.highlights()] == [highlight_id]
    assert [h.id for h in window.reading_pane._highlights] == [highlight_id]
    assert "1 highlight in this article" in window.status_counts.text()
