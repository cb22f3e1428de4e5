"""Each operation, applied, undone and redone, leaves the library exactly as before or
after it (every row of every table, search index included; see `library_content`), and
says what it touched; an operation that changes nothing writes nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.errors import NotFoundError, ReaderError
from reader.store import operations as ops
from reader.store.change import Change
from reader.store.history import History
from tests.store.library_state import library_content

Ids = dict[str, int]

#: name -> operation on the `annotated` library (ids filled in per test).
CHANGING: dict[str, Callable[[Ids], ops.Operation]] = {
    "add plain highlight": lambda i: ops.AddHighlight(i["a"], 5, 9),
    "add highlight with note and a new tag": lambda i: ops.AddHighlight(
        i["b"], 0, 3, color="pink", note="新注", tags=("经济", "新标签")
    ),
    "delete highlight with note and tags": lambda i: ops.DeleteHighlight(i["h1"]),
    "recolour": lambda i: ops.SetColor(i["h1"], "blue"),
    "edit a note": lambda i: ops.SetNote(i["h1"], "改过的注"),
    "write a first note": lambda i: ops.SetNote(i["h2"], "第一条注"),
    "clear a note": lambda i: ops.SetNote(i["h1"], "  "),
    "tag highlight with an existing tag": lambda i: ops.TagHighlight(i["h2"], "深圳"),
    "tag highlight with a new tag": lambda i: ops.TagHighlight(i["h2"], "全新"),
    "untag highlight": lambda i: ops.UntagHighlight(i["h1"], "深圳"),
    "tag article with an existing tag": lambda i: ops.TagArticle(i["b"], "深圳"),
    "tag article with a new tag": lambda i: ops.TagArticle(i["b"], "全新"),
    "untag article": lambda i: ops.UntagArticle(i["a"], "深圳"),
    "mark read": lambda i: ops.SetRead(i["b"], True),
    "mark unread": lambda i: ops.SetRead(i["a"], False),
    "rename tag": lambda i: ops.RenameTag("经济", "经济发展"),
    "merge into an existing tag": lambda i: ops.MergeTags("经济", "深圳"),
    "merge into a new tag": lambda i: ops.MergeTags("人物", "新人"),
    "delete tag": lambda i: ops.DeleteTag("经济"),
    "delete a tag nobody carries": lambda i: ops.DeleteTag("空"),
}

#: Requests for what is already so: nothing to write, nothing to undo.
NO_OPS: dict[str, Callable[[Ids], ops.Operation]] = {
    "tag article with a tag it has": lambda i: ops.TagArticle(i["a"], " 深圳 "),
    "tag highlight with a tag it has": lambda i: ops.TagHighlight(i["h1"], "经济"),
    "untag highlight without that tag": lambda i: ops.UntagHighlight(i["h2"], "深圳"),
    "untag article without that tag": lambda i: ops.UntagArticle(i["b"], "深圳"),
    "untag with an unknown tag": lambda i: ops.UntagArticle(i["b"], "没有"),
    "rename to the same name": lambda i: ops.RenameTag("经济", " 经济 "),
    "recolour to its colour": lambda i: ops.SetColor(i["h2"], "green"),
    "save the same note": lambda i: ops.SetNote(i["h1"], "旧注"),
    "clear a missing note": lambda i: ops.SetNote(i["h2"], " \n"),
    "mark a read article read": lambda i: ops.SetRead(i["a"], True),
    "mark an unread article unread": lambda i: ops.SetRead(i["b"], False),
}

#: Requests that cannot be done: an error, and the library untouched.
REFUSED: dict[str, tuple[Callable[[Ids], ops.Operation], type[Exception]]] = {
    "merge a tag into itself": (lambda i: ops.MergeTags("经济", " 经济"), ReaderError),
    "rename onto an existing tag": (lambda i: ops.RenameTag("经济", "深圳"), ReaderError),
    "rename an unknown tag": (lambda i: ops.RenameTag("没有", "新"), NotFoundError),
    "highlight past the end": (lambda i: ops.AddHighlight(i["a"], 3, 999), ReaderError),
    "highlight with an unknown colour": (
        lambda i: ops.AddHighlight(i["a"], 0, 2, color="gold"),
        ReaderError,
    ),
    "highlight with an empty tag": (
        lambda i: ops.AddHighlight(i["a"], 0, 2, tags=("好", " ")),
        ReaderError,
    ),
    "recolour a missing highlight": (lambda i: ops.SetColor(404, "blue"), NotFoundError),
    "tag a missing article": (lambda i: ops.TagArticle(404, "新"), NotFoundError),
    "delete an unknown tag": (lambda i: ops.DeleteTag("没有"), NotFoundError),
}


@pytest.mark.parametrize("name", CHANGING)
def test_apply_undo_redo_leaves_each_side_exactly(library, annotated, name) -> None:
    history = History(library)
    before = library_content(library)

    result = history.apply(CHANGING[name](annotated))
    after = library_content(library)
    assert not result.change.is_empty and after != before

    history.undo()
    assert library_content(library) == before
    history.redo()
    assert library_content(library) == after
    history.undo()  # the redo's own inverse is exact too
    assert library_content(library) == before


@pytest.mark.parametrize("name", NO_OPS)
def test_an_operation_that_changes_nothing_has_nothing_to_undo(library, annotated, name) -> None:
    history = History(library)
    before = library_content(library)

    result = history.apply(NO_OPS[name](annotated))

    assert result.change.is_empty and result.inverse is None
    assert not history.can_undo
    assert library_content(library) == before


@pytest.mark.parametrize("name", REFUSED)
def test_a_refused_operation_changes_nothing(library, annotated, name) -> None:
    make, error = REFUSED[name]
    history = History(library)
    before = library_content(library)

    with pytest.raises(error):
        history.apply(make(annotated))

    assert library_content(library) == before
    assert not history.can_undo


def test_changes_name_what_each_view_must_refresh(library, annotated) -> None:
    i = annotated
    a, b, h1, h2, h3 = i["a"], i["b"], i["h1"], i["h2"], i["h3"]

    def change(op: ops.Operation) -> Change:
        return library.apply(op).change

    assert change(ops.TagArticle(b, "深圳")) == Change(
        article_ids=frozenset({b}), tag_names=frozenset({"深圳"})
    )
    assert change(ops.TagArticle(b, "全新")).tags_list_changed
    assert change(ops.SetRead(b)) == Change(article_ids=frozenset({b}))
    assert change(ops.SetNote(h2, "注")) == Change(
        article_ids=frozenset({a}), highlight_ids=frozenset({h2})
    )
    added = library.apply(ops.AddHighlight(b, 3, 5, tags=("人物",)))
    assert added.change == Change(
        article_ids=frozenset({b}),
        highlight_ids=frozenset({added.value}),
        tag_names=frozenset({"人物"}),
    )
    # A renamed tag shows differently on every highlight and article carrying it.
    assert change(ops.RenameTag("深圳", "深圳市")) == Change(
        article_ids=frozenset({a, b}),  # b carries it since the first line
        highlight_ids=frozenset({h1}),
        tag_names=frozenset({"深圳", "深圳市"}),
        tags_list_changed=True,
    )
    assert change(ops.MergeTags("人物", "经济")) == Change(
        article_ids=frozenset({b}),
        highlight_ids=frozenset({h3, added.value}),
        tag_names=frozenset({"人物", "经济"}),
        tags_list_changed=True,
    )
    deleted = library.apply(ops.DeleteHighlight(h1))
    assert deleted.change == Change(
        article_ids=frozenset({a}),
        highlight_ids=frozenset({h1}),
        tag_names=frozenset({"经济", "深圳市"}),
    )
    assert deleted.value.note == "旧注"


def test_undoing_an_add_drops_the_tags_it_created_and_only_those(library, annotated) -> None:
    history = History(library)
    history.apply(ops.AddHighlight(annotated["b"], 0, 3, tags=("经济", "新标签")))

    change = history.undo()

    assert change.tags_list_changed
    assert {t.name for t in library.tag_counts()} == {"经济", "深圳", "人物", "空"}


def test_operations_are_values_the_ui_can_compare_and_name(annotated) -> None:
    op = ops.TagArticle(annotated["a"], "深圳")
    assert op == ops.TagArticle(annotated["a"], "深圳")
    assert op.label == ops.Label("Tag article %s", ("深圳",))
    assert str(op.label) == "Tag article 深圳"
    assert str(ops.AddHighlight(1, 0, 1).label) == "Add highlight"


def test_a_tag_on_thousands_of_highlights_merges_and_unmerges(library, annotated) -> None:
    """More links than one query may bind variables for (999 in old SQLite builds)."""
    import sqlite3

    db = library.database
    db.connection().setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    db.execute_sql(
        'INSERT INTO highlight (article_id, start, "end", exact, prefix, suffix, color,'
        " orphaned, created_at, updated_at) SELECT ?, 0, 1, '合', '', '', 'yellow', 0,"
        " '2020-01-01', '2020-01-01' FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
        " SELECT i + 1 FROM n WHERE i < 1200) SELECT i FROM n)",
        (annotated["a"],),
    )
    db.execute_sql(
        "INSERT INTO highlight_tag (highlight_id, tag_id) SELECT h.id, t.id FROM highlight h,"
        " tag t WHERE t.name = '人物' AND h.id > ?",
        (annotated["h3"],),
    )
    history = History(library)
    before = library_content(library)

    change = history.apply(ops.MergeTags("人物", "经济")).change
    assert len(change.highlight_ids) == 1201
    history.undo()

    assert library_content(library) == before
