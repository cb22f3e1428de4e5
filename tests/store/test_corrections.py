"""Correcting how a page was cut: split, merge, relabel, retitle, set authors. Highlights,
notes and tags follow their text; undo and redo are exact; the correction is kept on the
page and made again after a re-import or re-parse, or reported when it no longer fits."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.parse.model import Author
from reader.store.history import History
from reader.store.library import Library
from reader.store.operations import (
    MergeArticles,
    SetAuthors,
    SetTitle,
    SplitArticle,
    UseLineAs,
)
from tests.store.library_state import library_content

#: One article as the parser reads it, though a second report starts at “另一篇报道”.
ONE = (
    "老街改造完成\n\n老街改造后，游客明显增多。商户们说生意比去年好了不少。\n\n"
    "另一篇报道说，村里修了新路，村民出行更方便了。\n\n合作社带动农户增收致富。\n"
)
#: Two articles as the parser reads them.
TWO = (
    "城市更新让老街焕发新生\n\n本报记者 张明\n\n"
    "老街改造后，游客明显增多。商户们说生意比去年好了不少。\n\n"
    "街道办表示将继续推进改造工作。\n\n乡村振兴带来新变化\n\n本报记者 李华\n\n"
    "村里修了新路，村民出行更方便了。\n\n合作社带动农户增收致富。\n"
)


def page(tmp_path: Path, text: str, name: str = "page.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def highlight(library: Library, article_id: int, quote: str, **kwargs: object) -> int:
    start, end = library.find_quote(article_id, quote)
    return library.add_highlight(article_id, start, end, **kwargs).id  # type: ignore[arg-type]


def where(library: Library, highlight_id: int) -> tuple[int, str, bool]:
    """(article, the text the highlight covers in it now, orphaned)."""
    record = library.get_highlight(highlight_id)
    text = library.get_article(record.article_id).text
    return record.article_id, text[record.start : record.end], record.orphaned


@pytest.fixture
def one(library: Library, tmp_path: Path) -> dict[str, int]:
    """ONE imported, with highlights before and after “另一篇报道”, a note and tags."""
    path = page(tmp_path, ONE)
    article = library.import_file(path).article_ids[0]
    ids = {
        "a": article,
        "before": highlight(library, article, "游客明显增多", note="人多了", tags=["旅游"]),
        "after": highlight(library, article, "村民出行更方便", note="路", tags=["乡村"]),
        "last": highlight(library, article, "增收致富", color="green"),
    }
    library.tag_article(article, "改造")
    return ids


def test_split_moves_the_highlights_after_the_cut_to_the_new_article(library, one) -> None:
    at, _end = library.find_quote(one["a"], "另一篇报道")

    new = library.apply(SplitArticle(one["a"], at, "村里修了新路")).value

    titles = [(s.id, s.title) for s in library.list_articles(sort="oldest")]
    assert titles == [(one["a"], "老街改造完成"), (new, "村里修了新路")]
    assert library.get_article(new).text.startswith("另一篇报道说")
    assert where(library, one["before"]) == (one["a"], "游客明显增多", False)
    assert where(library, one["after"]) == (new, "村民出行更方便", False)
    assert where(library, one["last"]) == (new, "增收致富", False)
    moved = library.get_highlight(one["after"])
    assert (moved.note, moved.tags) == ("路", ("乡村",))
    assert library.get_highlight(one["last"]).color == "green"
    assert library.article_tags(new) == ("改造",) == library.article_tags(one["a"])


def test_search_finds_the_new_article_at_once(library, one) -> None:
    at, _end = library.find_quote(one["a"], "另一篇报道")
    new = library.apply(SplitArticle(one["a"], at, "村里修了新路")).value

    results = library.search.find("合作社")

    assert new in {hit.article_id for hit in results.articles}
    assert one["a"] not in {hit.article_id for hit in results.articles}


def test_undo_and_redo_of_a_split_are_exact(library, one) -> None:
    before = library_content(library)
    history = History(library)
    at, _end = library.find_quote(one["a"], "另一篇报道")
    history.apply(SplitArticle(one["a"], at))
    after = library_content(library)

    history.undo()
    assert library_content(library) == before
    history.redo()
    assert library_content(library) == after


def test_a_split_through_a_highlight_is_refused_and_changes_nothing(library, one) -> None:
    before = library_content(library)
    at, _end = library.find_quote(one["a"], "明显增多")

    with pytest.raises(ReaderError, match="lose their text"):
        library.apply(SplitArticle(one["a"], at))

    assert library_content(library) == before


def test_merge_keeps_every_highlight_of_both_and_unites_their_tags(library, tmp_path) -> None:
    first, second = library.import_file(page(tmp_path, TWO)).article_ids
    h1 = highlight(library, first, "游客明显增多", note="人多了")
    h2 = highlight(library, second, "村民出行更方便", tags=["乡村"])
    library.tag_article(first, "城市")
    library.tag_article(second, "乡村")
    before = library_content(library)
    history = History(library)

    result = history.apply(MergeArticles(first))

    assert result.value == first and result.change.article_list_changed
    assert [s.id for s in library.list_articles()] == [first]
    merged = library.get_article(first)
    assert "乡村振兴带来新变化" in merged.text  # the second title is printed text: kept
    assert [a.name for a in merged.authors] == ["张明", "李华"]
    assert where(library, h1) == (first, "游客明显增多", False)
    assert where(library, h2) == (first, "村民出行更方便", False)
    assert library.get_highlight(h2).tags == ("乡村",)
    assert set(library.article_tags(first)) == {"城市", "乡村"}
    after = library_content(library)
    history.undo()
    assert library_content(library) == before
    history.redo()
    assert library_content(library) == after


def test_retitle_and_authors_by_hand(library, tmp_path) -> None:
    first, _second = library.import_file(page(tmp_path, TWO)).article_ids
    history = History(library)

    history.apply(SetTitle(first, "  老街新生  "))
    history.apply(SetAuthors(first, (Author("王五", "摄影"),)))

    article = library.get_article(first)
    assert article.title == "老街新生"
    assert article.authors == (Author("王五", "摄影"),)
    assert library.list_articles(text_filter="王五")[0].id == first
    history.undo()
    assert library.get_article(first).authors[0].name == "张明"


def test_a_highlighted_line_cannot_leave_the_text_and_nothing_changes(library, one) -> None:
    before = library_content(library)

    with pytest.raises(ReaderError, match="lose their text"):  # “增收致富” is on it
        library.apply(UseLineAs(one["a"], "合作社带动农户增收致富。", "caption"))

    assert library_content(library) == before


FIRST = "老街改造后，游客明显增多。商户们说生意比去年好了不少。"


def test_lines_become_subtitle_and_caption_and_a_highlight_after_them_stays_on_its_text(
    library, tmp_path
) -> None:
    article = library.import_file(page(tmp_path, ONE)).article_ids[0]
    h = highlight(library, article, "村民出行更方便")

    library.apply(UseLineAs(article, FIRST, "subtitle"))
    library.apply(UseLineAs(article, "合作社带动农户增收致富。", "caption"))

    record = library.get_article(article)
    assert (record.title, record.subtitle) == ("老街改造完成", FIRST)
    assert record.headlines == ("老街改造完成", FIRST)
    assert record.captions == ("合作社带动农户增收致富。",)
    assert record.text == "另一篇报道说，村里修了新路，村民出行更方便了。"
    assert where(library, h) == (article, "村民出行更方便", False)


def test_a_line_used_as_the_title_keeps_the_old_headline_on_the_page(library, tmp_path) -> None:
    article = library.import_file(page(tmp_path, ONE)).article_ids[0]

    library.apply(UseLineAs(article, FIRST, "title"))

    record = library.get_article(article)
    assert record.title == FIRST
    assert record.headlines == (FIRST, "老街改造完成")


def test_a_byline_line_names_the_authors_again(library, tmp_path) -> None:
    text = "老街改造完成\n\n□本报记者 赵六 通讯员 钱七\n\n老街改造后，游客明显增多。\n"
    article = library.import_file(page(tmp_path, text)).article_ids[0]
    record = library.get_article(article)
    line = record.byline or record.paragraphs[0]
    library.apply(SetAuthors(article, ()))
    assert library.get_article(article).authors == ()

    library.apply(UseLineAs(article, line, "byline"))

    assert {a.name for a in library.get_article(article).authors} == {"赵六", "钱七"}


# --- corrections last -------------------------------------------------------------
def split_one(library: Library, one: dict[str, int]) -> int:
    at, _end = library.find_quote(one["a"], "另一篇报道")
    return library.apply(SplitArticle(one["a"], at, "村里修了新路")).value


def test_reparse_applies_the_corrections_again(library, one) -> None:
    new = split_one(library, one)
    after = library_content(library)
    library.database.execute_sql("UPDATE source SET parser_version = 0")

    results = library.reparse_all(outdated_only=True)

    assert results[0].corrections_not_applied == ()
    assert [s.id for s in library.list_articles(sort="oldest")] == [one["a"], new]
    assert where(library, one["after"]) == (new, "村民出行更方便", False)
    content = library_content(library)
    # Only the page's parser version (and the FTS of nothing) differs: same articles.
    assert content["article"] == after["article"]
    assert content["highlight"] == after["highlight"]


def test_reimporting_a_changed_page_applies_the_corrections_again(library, one, tmp_path) -> None:
    new = split_one(library, one)
    page(tmp_path, ONE.replace("老街改造完成", "老街改造完成了"))

    result = library.import_file(tmp_path / "page.txt")

    assert result.status == "reparsed" and result.corrections_not_applied == ()
    titles = [s.title for s in library.list_articles(sort="oldest")]
    assert titles == ["老街改造完成了", "村里修了新路"]
    assert where(library, one["before"]) == (one["a"], "游客明显增多", False)
    assert where(library, one["after"]) == (new, "村民出行更方便", False)
    assert where(library, one["last"]) == (new, "增收致富", False)


def test_reimporting_the_same_page_changes_nothing(library, one, tmp_path) -> None:
    split_one(library, one)
    before = library_content(library)

    assert library.import_file(tmp_path / "page.txt").status == "unchanged"

    assert library_content(library) == before


def test_a_correction_that_no_longer_fits_is_reported_and_not_applied(
    library, one, tmp_path
) -> None:
    split_one(library, one)
    page(tmp_path, ONE.replace("另一篇报道说，", "据悉，"))

    result = library.import_file(tmp_path / "page.txt")

    assert [c.kind for c in result.corrections_not_applied] == ["split"]
    misfits = library.pages.misfit_corrections()
    assert [c.kind for c in misfits] == ["split"] and "另一篇报道" in (misfits[0].misfit or "")
    # The page is as the parser reads it: nothing was cut at a wrong place.
    assert len(library.list_articles()) <= 2
    assert where(library, one["before"])[1:] == ("游客明显增多", False)
    assert where(library, one["after"])[1:] == ("村民出行更方便", False)


def test_later_corrections_still_apply_after_one_that_no_longer_fits(library, tmp_path) -> None:
    first, second = library.import_file(page(tmp_path, TWO)).article_ids
    at, _end = library.find_quote(first, "街道办")
    library.apply(SplitArticle(first, at))
    library.apply(SetTitle(second, "乡村新路"))
    page(tmp_path, TWO.replace("街道办表示", "区里表示"))

    result = library.import_file(tmp_path / "page.txt")

    assert [c.kind for c in result.corrections_not_applied] == ["split"]
    assert [s.title for s in library.list_articles(sort="oldest")][-1] == "乡村新路"


def test_the_page_layout_lists_articles_with_their_boundaries(library, one) -> None:
    new = split_one(library, one)

    layout = library.pages.layout(library.pages.of_article(new))

    assert [s.article_id for s in layout.articles] == [one["a"], new]
    first, second = layout.articles
    assert first.raw_start == 0 and first.raw_end == second.raw_start
    assert layout.raw_text[second.raw_start :].startswith("另一篇报道")
    assert [c.kind for c in layout.corrections] == ["split"]


def test_the_corrections_table_is_made_again_when_the_version_is_set_back(
    library, one, tmp_path
) -> None:
    split_one(library, one)
    path = library.path
    library.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 6")  # before v7, the corrections table
    conn.close()

    reopened = Library.open(path)

    assert [c.kind for c in reopened.pages.corrections()] == ["split"]
    reopened.close()


def test_the_new_half_of_a_read_article_is_read_too(library, one) -> None:
    library.set_read(one["a"])

    new = split_one(library, one)

    assert library.article_summary(new).is_read


def test_salvaging_a_library_keeps_its_corrections(library, one, tmp_path) -> None:
    from reader.store import health

    split_one(library, one)
    library.close()

    result = health.salvage(library.path, tmp_path / "saved.db")

    assert result.copied["correction"] == 1 and result.lost_tables == []
    saved = Library.open(tmp_path / "saved.db")
    assert [c.kind for c in saved.pages.corrections()] == ["split"]
    saved.close()


def test_a_split_cannot_be_undone_over_a_reimport_that_brought_new_work(library, tmp_path) -> None:
    """Undoing a split after the page was imported again with a new article would put
    the old rows back and delete the new article with the highlight made on it since:
    the undo is refused and changes nothing."""
    path = page(tmp_path, ONE)
    article_id = library.import_file(path).article_ids[0]
    history = History(library)
    history.apply(SplitArticle(article_id, library.find_quote(article_id, "另一篇报道")[0]))
    path.write_text(ONE + "\n\n新的一篇文章标题\n\n这里是新增加的第三篇文章的正文内容。\n", "utf-8")
    newest = library.import_file(path).article_ids[-1]
    kept = library.add_highlight(newest, 0, 4)
    before = library_content(library)

    with pytest.raises(ReaderError, match="imported or re-parsed again"):
        history.undo()

    assert library_content(library) == before
    assert library.get_highlight(kept.id) == kept


def test_a_merge_cannot_be_undone_once_its_article_id_went_to_another_page(
    library, tmp_path
) -> None:
    """SQLite gives a deleted row's id to the next new row: after another page took the
    merged-away article's id, undoing the merge says so instead of failing."""
    first, _second = library.import_file(page(tmp_path, TWO)).article_ids
    history = History(library)
    history.apply(MergeArticles(first))
    library.import_file(page(tmp_path, ONE, name="other.txt"))
    before = library_content(library)

    with pytest.raises(ReaderError, match="imported or re-parsed again"):
        history.undo()
    assert library_content(library) == before
