"""Undo and redo in the core, without Qt: what a user sees after Undo and Redo."""

from __future__ import annotations

import pytest
from conftest import library_content

from reader.errors import LibraryLockedError, ReaderError
from reader.store import operations as ops
from reader.store.history import History


def test_undo_after_tagging_an_article_with_a_tag_it_has_keeps_the_tag(library, annotated) -> None:
    """Issue 11: the old TagArticleCommand untagged on undo whatever was there before."""
    a = annotated["a"]
    history = History(library)
    history.apply(ops.SetRead(a, False))

    history.apply(ops.TagArticle(a, "深圳"))  # it has that tag already
    assert history.undo_label == ops.Label("Mark as unread")  # nothing recorded for it
    history.undo()

    assert library.article_tags(a) == ("深圳",)
    assert library.get_article(a).is_read
    assert not history.can_undo


def test_redo_of_an_undone_add_brings_back_the_same_highlight(library, annotated) -> None:
    history = History(library)
    new_id = history.apply(
        ops.AddHighlight(annotated["b"], 2, 6, color="blue", note="要记住", tags=("人物", "新"))
    ).value
    added = library.get_highlight(new_id)

    history.undo()
    assert new_id not in [h.id for h in library.highlights_for_article(annotated["b"])]
    assert "新" not in {t.name for t in library.tag_counts()}
    history.redo()

    assert library.get_highlight(new_id) == added


def test_undoing_a_tag_delete_restores_its_links_and_id(library, annotated) -> None:
    counts = {t.name: t for t in library.tag_counts()}
    history = History(library)
    history.apply(ops.DeleteTag("深圳"))
    assert library.get_highlight(annotated["h1"]).tags == ("经济",)

    history.undo()

    assert library.get_highlight(annotated["h1"]).tags == ("深圳", "经济")
    assert library.article_tags(annotated["a"]) == ("深圳",)
    assert {t.name: t for t in library.tag_counts()} == counts


def test_undoing_a_merge_restores_both_tags(library, annotated) -> None:
    counts = {t.name: t for t in library.tag_counts()}
    history = History(library)
    history.apply(ops.MergeTags("经济", "深圳"))
    assert library.get_highlight(annotated["h2"]).tags == ("深圳",)

    history.undo()
    assert {t.name: t for t in library.tag_counts()} == counts
    assert library.get_highlight(annotated["h1"]).tags == ("深圳", "经济")
    assert library.get_highlight(annotated["h2"]).tags == ("经济",)
    history.redo()
    assert "经济" not in {t.name for t in library.tag_counts()}


def test_saves_of_one_note_are_one_undo_step(library, annotated) -> None:
    h1, h2 = annotated["h1"], annotated["h2"]
    history = History(library)
    before = library_content(library)
    for draft in ("新", "新的", "新的注"):
        history.apply(ops.SetNote(h1, draft))
    after = library_content(library)
    history.apply(ops.SetNote(h2, "别的注"))  # another note: its own step
    history.undo()

    assert library.get_highlight(h1).note == "新的注"
    history.undo()
    assert library_content(library) == before
    assert not history.can_undo
    history.redo()
    assert library_content(library) == after


def test_a_failed_operation_leaves_the_history_as_it_was(library, annotated) -> None:
    history = History(library)
    history.apply(ops.SetColor(annotated["h1"], "pink"))
    history.undo()

    with pytest.raises(ReaderError):
        history.apply(ops.MergeTags("经济", "经济"))

    assert history.can_redo and not history.can_undo
    history.redo()
    assert library.get_highlight(annotated["h1"]).color == "pink"


def test_an_undo_that_fails_stays_undoable(library, annotated, monkeypatch) -> None:
    history = History(library)
    history.apply(ops.UntagArticle(annotated["a"], "深圳"))
    real_apply = library.apply

    def busy(operation):
        raise LibraryLockedError("the library is busy")

    monkeypatch.setattr(library, "apply", busy)
    with pytest.raises(LibraryLockedError):
        history.undo()
    assert history.can_undo and not history.can_redo
    assert library.article_tags(annotated["a"]) == ()

    monkeypatch.setattr(library, "apply", real_apply)
    history.undo()
    assert library.article_tags(annotated["a"]) == ("深圳",)


def test_labels_name_the_next_undo_and_redo(library, annotated) -> None:
    history = History(library)
    assert (history.undo_label, history.redo_label) == (None, None)
    history.apply(ops.RenameTag("经济", "经济发展"))
    history.apply(ops.TagArticle(annotated["b"], "人物"))
    history.undo()

    assert str(history.undo_label) == "Rename tag 经济 → 经济发展"
    assert history.redo_label == ops.Label("Tag article %s", ("人物",))
    history.apply(ops.SetRead(annotated["b"]))  # a new change drops what was undone
    assert not history.can_redo


def test_nothing_to_undo_or_redo_is_a_clear_error(library) -> None:
    history = History(library)
    with pytest.raises(ReaderError, match="nothing to undo"):
        history.undo()
    with pytest.raises(ReaderError, match="nothing to redo"):
        history.redo()


def test_history_keeps_its_last_steps_and_can_be_cleared(library, annotated) -> None:
    history = History(library, limit=2)
    for color in ("pink", "blue", "purple"):
        history.apply(ops.SetColor(annotated["h1"], color))
    history.undo()
    history.undo()

    assert not history.can_undo
    assert library.get_highlight(annotated["h1"]).color == "pink"
    history.clear()
    assert not history.can_redo
