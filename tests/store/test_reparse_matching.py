"""Re-importing a changed page keeps article ids where the articles continue.

The parser is replaced by one that reads a list of articles from JSON, so each test
states exactly which articles a page has; matching is the store's business."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import reader.parse.page
from reader.parse.model import ParsedArticle, ParsedPage, SourceInfo


def fake_parse_bytes(data: bytes, path: str = "") -> ParsedPage:
    articles = [ParsedArticle(title=t, headlines=[t], paragraphs=p) for t, p in json.loads(data)]
    source = SourceInfo(path, "utf-8", hashlib.sha256(data).hexdigest())
    return ParsedPage(source, data.decode("utf-8"), articles)


@pytest.fixture
def page(tmp_path, monkeypatch):
    monkeypatch.setattr(reader.parse.page, "parse_bytes", fake_parse_bytes)
    path = tmp_path / "page.txt"

    def write(*articles: tuple[str, list[str]]) -> Path:
        path.write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
        return path

    return write


def ids_by_title(library, result) -> dict[str, int]:
    return {library.get_article(i).title: i for i in result.article_ids}


def test_an_article_added_on_top_shifts_the_others_without_losing_them(library, page) -> None:
    first = library.import_file(page(("甲", ["甲的正文。"]), ("乙", ["乙的正文，有重点。"])))
    before = ids_by_title(library, first)
    highlight = library.add_highlight(before["乙"], *library.find_quote(before["乙"], "重点"))

    second = library.import_file(
        page(("新", ["新的正文。"]), ("甲", ["甲的正文。"]), ("乙", ["乙的正文，有重点。"]))
    )

    after = ids_by_title(library, second)
    assert second.status == "reparsed"
    assert (after["甲"], after["乙"]) == (before["甲"], before["乙"])
    assert [library.get_article(i).position for i in second.article_ids] == [0, 1, 2]
    assert library.get_highlight(highlight.id) == highlight
    assert second.reanchored == ()  # the text of 乙 did not change


def test_a_retitled_article_in_place_keeps_its_id_and_highlights(library, page) -> None:
    first = library.import_file(page(("旧标题", ["正文里有一句关键的话。"]), ("乙", ["乙。"])))
    article_id = first.article_ids[0]
    highlight = library.add_highlight(article_id, *library.find_quote(article_id, "关键的话"))

    second = library.import_file(page(("新标题", ["正文里有一句关键的话。"]), ("乙", ["乙。"])))

    assert second.article_ids[0] == article_id
    assert library.get_article(article_id).title == "新标题"
    assert library.get_highlight(highlight.id).start == highlight.start


def test_a_dropped_article_is_kept_only_if_it_carries_work(library, page) -> None:
    first = library.import_file(
        page(("甲", ["甲的正文。"]), ("乙", ["乙有批注。"]), ("丙", ["丙没人看。"]))
    )
    ids = ids_by_title(library, first)
    highlight = library.add_highlight(ids["乙"], 0, 2, note="别丢")

    second = library.import_file(page(("甲", ["甲的正文，改过了。"])))

    titles = {library.get_article(i).title for i in second.article_ids}
    assert titles == {"甲", "乙"}
    assert library.get_highlight(highlight.id).note == "别丢"
    assert library.count_articles() == 2
    assert library.get_article(ids["乙"]).position == 1


def test_a_merged_article_cut_in_two_keeps_each_highlight_on_its_text(library, page) -> None:
    """An older parser merged two articles; the page now reads as two. The highlight on
    the second story goes with its text into the new article, note and tags too."""
    merged = ["甲的正文，说到合作共赢。", "乙", "乙的正文，说到新质生产力的发展。"]
    first = library.import_file(page(("甲", merged)))
    merged_id = first.article_ids[0]
    on_first = library.add_highlight(merged_id, *library.find_quote(merged_id, "合作共赢"))
    on_second = library.add_highlight(
        merged_id, *library.find_quote(merged_id, "新质生产力"), note="要点", tags=["经济"]
    )

    second = library.import_file(
        page(("甲", ["甲的正文，说到合作共赢。"]), ("乙", ["乙的正文，说到新质生产力的发展。"]))
    )

    ids = ids_by_title(library, second)
    assert ids["甲"] == merged_id
    kept = library.get_highlight(on_first.id)
    moved = library.get_highlight(on_second.id)
    assert (kept.article_id, kept.exact, kept.orphaned) == (ids["甲"], "合作共赢", False)
    assert (moved.article_id, moved.exact, moved.orphaned) == (ids["乙"], "新质生产力", False)
    assert (moved.note, moved.tags) == ("要点", ("经济",))
    text = library.get_article(ids["乙"]).text
    assert text[moved.start : moved.end] == "新质生产力"
    methods = {o.highlight_id: o.method for o in second.reanchored}
    assert methods == {on_first.id: "position", on_second.id: "moved"}


def test_an_article_no_longer_on_the_page_hands_its_highlights_and_tags_on(library, page) -> None:
    """Two articles become one: the one that disappears gives its highlights and its
    own tags to the article that now holds its text, and is not kept as a leftover."""
    first = library.import_file(page(("甲", ["甲的正文。"]), ("乙", ["乙的正文，有重点内容。"])))
    ids = ids_by_title(library, first)
    highlight = library.add_highlight(ids["乙"], *library.find_quote(ids["乙"], "重点内容"))
    library.tag_article(ids["乙"], "关注")

    second = library.import_file(page(("甲", ["甲的正文。", "乙的正文，有重点内容。"])))

    assert second.article_ids == (ids["甲"],)
    moved = library.get_highlight(highlight.id)
    assert (moved.article_id, moved.exact, moved.orphaned) == (ids["甲"], "重点内容", False)
    assert library.article_tags(ids["甲"]) == ("关注",)
