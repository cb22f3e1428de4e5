"""Re-attaching an orphaned highlight to a passage of its article's text now: the
highlight is placed there (note, colour, tags kept), no longer an orphan, and an undo
makes it the orphan it was, exactly."""

from __future__ import annotations

import pytest

from reader.errors import NotFoundError, ReaderError
from reader.store.history import History
from reader.store.operations.anchors import ReattachHighlight
from tests.perf.orphan_library import build
from tests.store.library_state import library_content


@pytest.fixture
def orphan(tmp_path):
    library, article_id, orphan_id = build(tmp_path / "orphan")
    yield library, article_id, orphan_id
    library.close()


def test_reattach_places_the_orphan_and_undo_makes_it_an_orphan_again(orphan) -> None:
    library, article_id, orphan_id = orphan
    text = library.get_article(article_id).text
    start = text.index("一批重点项目")
    before = library_content(library)
    history = History(library)

    result = history.apply(ReattachHighlight(orphan_id, start, start + len("一批重点项目")))

    assert result.change.highlight_ids == {orphan_id}
    record = library.get_highlight(orphan_id)
    assert (record.exact, record.orphaned) == ("一批重点项目", False)
    assert text[record.start : record.end] == "一批重点项目"
    assert (record.note, record.color) == ("核对签约数量", "blue")
    after = library_content(library)

    history.undo()
    assert library_content(library) == before
    assert library.get_highlight(orphan_id).exact == "三十个签约项目"
    history.redo()
    assert library_content(library) == after


@pytest.mark.parametrize("span", [(5, 5), (-1, 3), (0, 10_000)])
def test_a_reattach_to_no_passage_is_refused_changing_nothing(orphan, span) -> None:
    library, _article_id, orphan_id = orphan
    before = library_content(library)
    with pytest.raises(ReaderError):
        library.apply(ReattachHighlight(orphan_id, *span))
    assert library_content(library) == before


def test_reattaching_a_missing_highlight_is_refused(orphan) -> None:
    library = orphan[0]
    with pytest.raises(NotFoundError):
        library.apply(ReattachHighlight(404, 0, 3))
