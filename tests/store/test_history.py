"""Undo and redo in the core, without Qt: what a user sees after Undo and Redo."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import LibraryLockedError, ReaderError
from reader.store import operations as ops
from reader.store.colors import HIGHLIGHT_COLORS
from reader.store.history import History
from reader.store.library import Library
from tests.store.library_state import fill_annotated, library_content


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


#: Operations a random session picks from, by the names of the `annotated` ids; some
#: are no-ops or refused in some states (a deleted highlight, an existing tag name).
TAG_NAMES = ("经济", "深圳", "人物", "空", "新")
HIGHLIGHTS = ("h1", "h2", "h3")
ARTICLES = ("a", "b")
STEPS = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(ARTICLES), st.integers(0, 12), st.integers(1, 6)),
    st.tuples(st.just("delete"), st.sampled_from(HIGHLIGHTS)),
    st.tuples(st.just("color"), st.sampled_from(HIGHLIGHTS), st.sampled_from(HIGHLIGHT_COLORS)),
    st.tuples(st.just("note"), st.sampled_from(HIGHLIGHTS), st.sampled_from(("", "注", "注二"))),
    st.tuples(st.just("tag"), st.sampled_from(HIGHLIGHTS), st.sampled_from(TAG_NAMES)),
    st.tuples(st.just("untag"), st.sampled_from(HIGHLIGHTS), st.sampled_from(TAG_NAMES)),
    st.tuples(st.just("tag_article"), st.sampled_from(ARTICLES), st.sampled_from(TAG_NAMES)),
    st.tuples(st.just("untag_article"), st.sampled_from(ARTICLES), st.sampled_from(TAG_NAMES)),
    st.tuples(st.just("read"), st.sampled_from(ARTICLES), st.booleans()),
    st.tuples(st.just("rename"), st.sampled_from(TAG_NAMES), st.sampled_from(TAG_NAMES)),
    st.tuples(st.just("merge"), st.sampled_from(TAG_NAMES), st.sampled_from(TAG_NAMES)),
    st.tuples(st.just("delete_tag"), st.sampled_from(TAG_NAMES)),
)


def make_operation(step: tuple, ids: dict[str, int]) -> ops.Operation:
    kind, *args = step
    if kind == "add":
        article, start, length = args
        return ops.AddHighlight(ids[article], start, start + length, tags=("新",))
    one_id = {
        "delete": lambda h: ops.DeleteHighlight(ids[h]),
        "delete_tag": ops.DeleteTag,
    }
    two = {
        "color": lambda h, c: ops.SetColor(ids[h], c),
        "note": lambda h, n: ops.SetNote(ids[h], n),
        "tag": lambda h, t: ops.TagHighlight(ids[h], t),
        "untag": lambda h, t: ops.UntagHighlight(ids[h], t),
        "tag_article": lambda a, t: ops.TagArticle(ids[a], t),
        "untag_article": lambda a, t: ops.UntagArticle(ids[a], t),
        "read": lambda a, r: ops.SetRead(ids[a], r),
        "rename": ops.RenameTag,
        "merge": ops.MergeTags,
    }
    return one_id[kind](*args) if kind in one_id else two[kind](*args)


@settings(max_examples=30, deadline=None)
@given(steps=st.lists(STEPS, min_size=1, max_size=12))
def test_any_session_undone_and_redone_passes_through_every_state(steps) -> None:
    """Undo walks back through each state a session passed, exactly; redo forward."""
    with tempfile.TemporaryDirectory() as folder:
        library = Library.open(Path(folder) / "library.db")
        try:
            ids = fill_annotated(library, Path(folder) / "pages")
            history = History(library)
            states = [library_content(library)]
            last_key = None
            for step in steps:
                operation = make_operation(step, ids)
                try:
                    result = history.apply(operation)
                except ReaderError:
                    continue
                if result.change.is_empty:
                    continue
                merged = last_key is not None and operation.merge_key == last_key
                if merged:
                    states.pop()
                states.append(library_content(library))
                last_key = operation.merge_key

            for state in reversed(states[:-1]):
                history.undo()
                assert library_content(library) == state
            assert not history.can_undo
            for state in states[1:]:
                history.redo()
                assert library_content(library) == state
        finally:
            library.close()
