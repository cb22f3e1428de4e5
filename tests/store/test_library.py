"""The Library's reading, highlighting and tagging promises."""

from __future__ import annotations

import threading

import pytest

from reader.errors import NotFoundError, QuoteNotFoundError, ReaderError

BODY = "合作共赢是主题。𠮷祥物亮相，合作项目签约。各方表示将继续合作。"


@pytest.fixture
def article_id(library, write_page) -> int:
    return library.import_file(write_page("a.txt", "常深合作交流会举行", BODY)).article_ids[0]


def import_titles(library, write_page, titles: list[str]) -> dict[str, int]:
    ids = {}
    for n, title in enumerate(titles):
        result = library.import_file(write_page(f"{n}.txt", title, f"第{n}篇的正文内容。"))
        ids[title] = result.article_ids[0]
    return ids


# --- highlights ---------------------------------------------------------------------
def test_find_quote_counts_occurrences_in_code_points(library, article_id) -> None:
    text = library.get_article(article_id).text
    first = library.find_quote(article_id, "合作")
    third = library.find_quote(article_id, "合作", occurrence=3)
    assert text[first[0] : first[1]] == "合作"
    assert third[0] > text.index("𠮷")  # after the astral character, still code points
    assert text[third[0] : third[1]] == "合作"
    assert third[0] == text.index("合作", text.index("合作", first[1]) + 1)
    with pytest.raises(QuoteNotFoundError, match="occurs"):
        library.find_quote(article_id, "合作", occurrence=9)
    with pytest.raises(QuoteNotFoundError):
        library.find_quote(article_id, "不存在的句子")


def test_add_highlight_stores_quote_context_note_and_tags(library, article_id) -> None:
    start, end = library.find_quote(article_id, "合作项目签约")
    record = library.add_highlight(
        article_id, start, end, color="green", note="重点", tags=[" 产业 ", "签约"]
    )
    text = library.get_article(article_id).text
    assert record.exact == "合作项目签约"
    assert text.endswith(record.prefix + record.exact + record.suffix) or (
        record.prefix + record.exact + record.suffix in text
    )
    assert record.prefix.endswith("𠮷祥物亮相，")
    assert (record.color, record.note, record.tags) == ("green", "重点", ("产业", "签约"))
    assert library.get_article(article_id).highlights == (record,)


@pytest.mark.parametrize(
    ("start", "end", "color"),
    [(3, 3, "yellow"), (-1, 2, "yellow"), (0, 10_000, "yellow"), (0, 2, "chartreuse")],
)
def test_bad_highlight_requests_are_user_errors(library, article_id, start, end, color) -> None:
    with pytest.raises(ReaderError):
        library.add_highlight(article_id, start, end, color=color)
    assert library.highlights_for_article(article_id) == []


def test_highlights_come_in_reading_order(library, article_id) -> None:
    late = library.add_highlight(article_id, *library.find_quote(article_id, "继续合作"))
    early = library.add_highlight(article_id, *library.find_quote(article_id, "合作共赢"))
    overlapping = library.add_highlight(article_id, *library.find_quote(article_id, "合作共赢是"))
    assert [h.id for h in library.highlights_for_article(article_id)] == [
        early.id,
        overlapping.id,
        late.id,
    ]


def test_note_and_colour_edits(library, article_id) -> None:
    highlight = library.add_highlight(article_id, 0, 2)
    assert library.set_note(highlight.id, "第一稿").note == "第一稿"
    assert library.set_note(highlight.id, "第二稿").note == "第二稿"
    assert library.set_note(highlight.id, "  \n").note == ""
    assert library.set_color(highlight.id, "pink").color == "pink"
    with pytest.raises(ReaderError):
        library.set_color(highlight.id, "no-such-colour")


def test_deleted_highlight_is_restored_with_id_note_tags_and_times(library, article_id) -> None:
    highlight = library.add_highlight(article_id, 2, 6, note="留着", tags=["甲", "乙"])
    deleted = library.delete_highlight(highlight.id)
    assert deleted == highlight
    with pytest.raises(NotFoundError):
        library.get_highlight(highlight.id)
    library.delete_tag("乙")  # a tag may vanish meanwhile; restoring brings it back

    restored = library.restore_highlight(deleted)

    assert restored == highlight
    assert library.get_highlight(highlight.id) == highlight


def test_unknown_ids_are_not_found_errors(library) -> None:
    with pytest.raises(NotFoundError):
        library.get_article(404)
    with pytest.raises(NotFoundError):
        library.get_highlight(404)
    with pytest.raises(NotFoundError):
        library.set_read(404)
    with pytest.raises(NotFoundError):
        library.article_summary(404)


# --- listing ------------------------------------------------------------------------
def test_list_articles_windows_filters_and_sorts(library, write_page) -> None:
    ids = import_titles(library, write_page, ["乙报道", "甲报道", "Shenzhen News", "丙报道"])
    library.tag_article(ids["甲报道"], "关注")
    library.tag_article(ids["丙报道"], "关注")
    library.add_highlight(ids["丙报道"], 0, 2)
    library.add_highlight(ids["丙报道"], 2, 4)
    library.add_highlight(ids["乙报道"], 0, 2)

    newest = [a.title for a in library.list_articles()]
    assert newest == ["丙报道", "Shenzhen News", "甲报道", "乙报道"]
    assert [a.title for a in library.list_articles(sort="oldest")] == newest[::-1]
    assert [a.title for a in library.list_articles(offset=1, limit=2)] == newest[1:3]
    assert [a.title for a in library.list_articles(sort="title")] == sorted(newest)
    by_highlights = library.list_articles(sort="highlights")
    assert [(a.title, a.highlight_count) for a in by_highlights[:2]] == [
        ("丙报道", 2),
        ("乙报道", 1),
    ]
    assert [a.title for a in library.list_articles(text_filter="shenZ")] == ["Shenzhen News"]
    assert {a.title for a in library.list_articles(tag="关注")} == {"甲报道", "丙报道"}
    assert library.count_articles(tag="关注") == 2
    assert library.count_articles(text_filter="报道") == 3
    assert library.count_articles(text_filter="报道", tag="关注") == 2
    with pytest.raises(ReaderError):
        library.list_articles(sort="random")


def test_set_read_marks_and_unmarks(library, article_id) -> None:
    assert not library.list_articles()[0].is_read
    library.set_read(article_id)
    assert library.list_articles()[0].is_read and library.get_article(article_id).is_read
    library.set_read(article_id, False)
    assert not library.get_article(article_id).is_read


def test_many_articles_read_at_once_equal_one_by_one(library, write_page, monkeypatch) -> None:
    from reader.store.domains import articles as articles_module

    monkeypatch.setattr(articles_module, "ARTICLE_BATCH", 2)  # several batches
    for n in range(3):
        library.import_file(write_page(f"p{n}.txt", f"第{n}篇报道的标题", f"第{n}篇正文，常州。"))
    ids = [s.id for s in library.list_articles(sort="oldest")]
    for article_id in ids:
        highlight = library.add_highlight(article_id, 0, 2, note="要点")
        library.tag_highlight(highlight.id, "甲")
        library.tag_article(article_id, "乙")
    wanted = ids[::-1] + ids[:1]
    assert library.get_articles(wanted) == [library.get_article(i) for i in wanted]
    with pytest.raises(NotFoundError):
        library.get_articles([ids[0], 404])


def test_one_list_row_is_read_by_id(library, article_id) -> None:
    library.add_highlight(article_id, 0, 2)
    library.set_read(article_id)
    [listed] = [s for s in library.list_articles() if s.id == article_id]
    assert library.article_summary(article_id) == listed
    assert (listed.highlight_count, listed.is_read) == (1, True)


def test_the_library_works_from_a_worker_thread(library, article_id) -> None:
    outcome = {}

    def work() -> None:
        try:
            highlight = library.add_highlight(article_id, 0, 2, note="后台")
            outcome["titles"] = [a.title for a in library.list_articles()]
            outcome["id"] = highlight.id
        finally:
            library.close()  # the worker closes its own connection

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert outcome["titles"] == ["常深合作交流会举行"]
    assert library.get_highlight(outcome["id"]).note == "后台"


# --- tags ---------------------------------------------------------------------------
def test_tag_names_are_trimmed_and_empty_names_refused(library, article_id) -> None:
    assert library.tag_article(article_id, "　产业 ") == ("产业",)
    assert library.tag_article(article_id, "产业") == ("产业",)
    for empty in ("", "   ", "\u3000"):
        with pytest.raises(ReaderError, match="empty"):
            library.tag_article(article_id, empty)
    assert library.untag_article(article_id, " 产业") == ()


def test_tag_counts_rename_and_rename_onto_existing(library, article_id) -> None:
    highlight = library.add_highlight(article_id, 0, 2, tags=["经济"])
    library.tag_article(article_id, "经济")
    library.tag_article(article_id, "深圳")
    counts = {t.name: (t.highlight_count, t.article_count) for t in library.tag_counts()}
    assert counts == {"深圳": (0, 1), "经济": (1, 1)}

    library.rename_tag("经济", "经济发展")
    assert library.get_highlight(highlight.id).tags == ("经济发展",)
    assert [t.name for t in library.tag_counts()] == sorted(["深圳", "经济发展"])
    with pytest.raises(ReaderError, match="merge"):
        library.rename_tag("经济发展", "深圳")
    with pytest.raises(NotFoundError):
        library.rename_tag("没有这个", "新名")


def test_merge_and_unmerge_tags_exactly(library, article_id) -> None:
    a = library.add_highlight(article_id, 0, 2, tags=["AI", "人工智能"])
    b = library.add_highlight(article_id, 3, 5, tags=["AI"])
    library.tag_article(article_id, "AI")
    before = library.tag_counts()

    result = library.merge_tags("AI", "人工智能")

    assert library.get_highlight(a.id).tags == ("人工智能",)
    assert library.get_highlight(b.id).tags == ("人工智能",)
    assert library.get_article(article_id).tags == ("人工智能",)
    assert result.added_highlight_ids == (b.id,)
    assert [t.name for t in library.tag_counts()] == ["人工智能"]

    library.unmerge_tags(result)
    after = library.tag_counts()
    assert [(t.name, t.highlight_count, t.article_count) for t in after] == [
        (t.name, t.highlight_count, t.article_count) for t in before
    ]
    assert library.get_highlight(a.id).tags == ("AI", "人工智能")
    with pytest.raises(ReaderError):
        library.merge_tags("人工智能", " 人工智能 ")


def test_merge_into_a_new_tag_is_undone_without_leaving_it(library, article_id) -> None:
    library.tag_article(article_id, "旧名")
    result = library.merge_tags("旧名", "新名")
    assert library.get_article(article_id).tags == ("新名",)
    library.unmerge_tags(result)
    assert [t.name for t in library.tag_counts()] == ["旧名"]


def test_delete_and_restore_tag(library, article_id) -> None:
    highlight = library.add_highlight(article_id, 0, 2, tags=["待删"])
    library.tag_article(article_id, "待删")
    created_at = {t.name: t for t in library.tag_counts()}["待删"]

    snapshot = library.delete_tag("待删")

    assert library.tag_counts() == []
    assert library.get_highlight(highlight.id).tags == ()
    library.restore_tag(snapshot)
    assert library.get_highlight(highlight.id).tags == ("待删",)
    assert library.get_article(article_id).tags == ("待删",)
    assert [t.name for t in library.tag_counts()] == [created_at.name]
    with pytest.raises(ReaderError):
        library.restore_tag(snapshot)  # it exists again


def test_two_libraries_in_one_process_keep_their_own_data(tmp_path, write_page) -> None:
    from reader.store.library import Library

    first = Library.open(tmp_path / "one.db")
    second = Library.open(tmp_path / "two.db")
    try:
        first.import_file(write_page("a.txt", "只在第一个库里", BODY))
        assert first.count_articles() == 1
        assert second.count_articles() == 0
    finally:
        first.close()
        second.close()
