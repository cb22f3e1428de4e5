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
