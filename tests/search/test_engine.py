"""Search through a real library: recall, filters, ranking, staying in sync."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.search.engine import marked_snippet, search
from reader.search.folding import is_cjk
from tests.perf.synthetic import make_article_text


def ids(hits):
    return {hit.article_id for hit in hits}


def test_every_short_substring_finds_exactly_what_a_scan_finds(library, add_article):
    rng = random.Random(7)
    texts = {add_article(f"t{n}", make_article_text(rng, 120)): None for n in range(12)}
    corpus = {aid: library.get_article(aid).text for aid in texts}
    queries = set()
    for text in corpus.values():
        for size in (1, 2, 3):
            for i in range(len(text) - size + 1):
                piece = text[i : i + size]
                if all(is_cjk(char) for char in piece):
                    queries.add(piece)
    assert len(queries) > 300
    for query in sorted(queries):
        expected = {aid for aid, text in corpus.items() if query in text}
        found = search(library, f'"{query}" in:articles', limit=100).articles
        assert ids(found) == expected, query


def test_shared_sample_page(library, shared_sample_page):
    result = library.import_file(shared_sample_page)
    texts = {aid: library.get_article(aid).text for aid in result.article_ids}
    for query in ("常州", "人大", "州", "新质生产力"):
        found = search(library, query, limit=100).articles
        expected = {aid for aid, text in texts.items() if query in text}
        assert expected and ids(found) >= expected, query
        assert all(query in re.sub(r"[\[\]]", "", marked_snippet(hit)) for hit in found)
        for hit in found:
            if hit.start is not None:
                assert texts[hit.article_id][hit.start : hit.end] == query


def test_latin_is_case_insensitive_prefix_and_width_folded(library, add_article):
    shenzhen = add_article("交流会", "2024常州·Shenzhen开放创新合作交流会")
    ai = add_article("芯片", "发展AI芯片产业")
    assert ids(search(library, "Shenz").articles) == {shenzhen}
    assert ids(search(library, "SHENZHEN").articles) == {shenzhen}
    assert ids(search(library, "ＡＩ").articles) == {ai}
    assert ids(search(library, "henzhen").articles) == set()  # words match from their start
    hit = search(library, "shenz").articles[0]
    assert marked_snippet(hit).count("[Shenzhen]") == 1


def test_all_terms_phrases_and_exclusion(library, add_article):
    both = add_article("甲", "常州经济发展，深圳科技创新")
    only = add_article("乙", "常州科技创新")
    split = add_article("丙", "科技，创新")
    assert ids(search(library, "常州 深圳").articles) == {both}
    assert ids(search(library, "常州 -深圳").articles) == {only}
    assert ids(search(library, '"技创"').articles) == {both, only}
    assert split not in ids(search(library, "技创").articles)


def test_ranking_prefers_title_and_frequency(library, add_article):
    weak = add_article("其他新闻", "今天天气晴朗，市民出行。提到武进一次。" * 3)
    strong = add_article("武进新貌", "武进发展迅速，武进人民幸福，武进经济增长。")
    found = search(library, "武进").articles
    assert [hit.article_id for hit in found] == [strong, weak]
    assert found[0].score > found[1].score


def test_notes_highlights_and_every_filter(library, add_article):
    old = dt.datetime(2024, 1, 1)
    first = add_article("常州新闻", "常州市举行科技创新大会，常州企业参加。", ("朱梦琪",), old)
    second = add_article("深圳新闻", "深圳举行科技创新大会。", ("陈金虎",))
    text = library.get_article(first).text
    start = text.index("科技创新")
    hl = library.add_highlight(first, start, start + 4, color="green", note="值得关注的创新")
    library.tag_highlight(hl.id, "经济")
    library.add_highlight(second, 4, 8, color="yellow")  # 科技创新
    library.tag_article(second, "城市")

    everything = search(library, "创新")
    assert [h.highlight_id for h in everything.notes] == [hl.id]
    assert everything.notes[0].color == "green" and everything.notes[0].kind == "note"
    assert everything.notes[0].text == "值得关注的创新"
    assert len(everything.highlights) == 2 and ids(everything.articles) == {first, second}
    assert (everything.notes[0].start, everything.notes[0].end) == (start, start + 4)

    assert search(library, "创新 in:notes").highlights == ()
    assert ids(search(library, "创新 color:green").highlights) == {first}
    assert search(library, "创新 color:green").articles == ()
    assert ids(search(library, "创新 tag:经济").highlights) == {first}
    assert ids(search(library, "创新 tag:城市").articles) == {second}
    assert ids(search(library, "创新 author:朱梦琪").articles) == {first}
    assert ids(search(library, "创新 before:2024-06-01").articles) == {first}
    assert ids(search(library, "创新 after:2024-06-01").articles) == {second}
    assert ids(search(library, "tag:经济").highlights) == {first}  # a filter alone lists
    assert search(library, "经济").notes[0].highlight_id == hl.id  # tags are searched


def test_index_follows_edits(library, add_article):
    aid = add_article("标题", "常州市举行科技创新大会。")
    hl = library.add_highlight(aid, 0, 3, note="旧的笔记")
    library.tag_highlight(hl.id, "旧标签")
    library.set_note(hl.id, "全新内容")
    assert search(library, "旧的").notes == ()
    assert search(library, "全新").notes[0].highlight_id == hl.id
    library.rename_tag("旧标签", "新名字")
    assert search(library, "旧标签").total == 0
    assert {h.kind for h in search(library, "新名字").all()} == {"note", "highlight"}
    library.delete_highlight(hl.id)
    assert search(library, "新名字").total == 0
    assert search(library, "常州 in:highlights").highlights == ()


@pytest.mark.parametrize(
    "text", ['"', "AND", "OR", "NEAR(", "*", "-", ":", "\x00", "😀", "常" * 5000, "- -- :::", ""]
)
def test_odd_input_gives_results_or_nothing(library, add_article, text):
    add_article("标题", "常州 AND OR NEAR 😀")
    search(library, text)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_search_never_raises(library, add_article, text):
    if not hasattr(test_search_never_raises, "seeded"):
        add_article("标题", "常州市举行科技创新大会 Shenzhen AI")
        test_search_never_raises.seeded = True
    results = search(library, text)
    for hit in results.all():
        for start, end in hit.snippet_spans:
            assert 0 <= start < end <= len(hit.snippet)


def test_deleting_a_tag_and_an_article_leaves_no_stale_hits(library, add_article):
    aid = add_article("标题", "常州市举行科技创新大会。")
    hl = library.add_highlight(aid, 0, 3, note="笔记")
    library.tag_highlight(hl.id, "要删")
    assert len(search(library, "要删").all()) == 2
    library.delete_tag("要删")
    assert search(library, "要删").total == 0
    library.database.execute_sql("DELETE FROM source")
    assert search(library, "常州").total == 0
    assert search(library, "笔记").total == 0


def test_common_terms_still_return_every_kind_in_rank_order(library, add_article, monkeypatch):
    from reader.search import engine

    monkeypatch.setattr(engine, "RANK_WINDOW", 3)
    for n in range(8):
        add_article(f"t{n}", "州" * (n + 1))
    found = search(library, "州", limit=5).articles
    assert len(found) == 5
    assert [hit.score for hit in found] == sorted((hit.score for hit in found), reverse=True)


def test_a_hit_found_by_its_tag_shows_the_tag_marked(library, add_article):
    aid = add_article("项目开工", "年产2000吨，填补省内空白。")
    highlight = library.add_highlight(aid, 0, 7, note="产能数据")
    library.tag_highlight(highlight.id, "合成生物")
    library.tag_highlight(highlight.id, "产业")
    result = search(library, "合成生物")
    [quote] = result.highlights
    [note] = result.notes
    assert marked_snippet(quote) == "年产2000吨 #产业 #[合成生物]"
    assert marked_snippet(note) == "产能数据 #产业 #[合成生物]"
    assert marked_snippet(search(library, "产能").notes[0]) == "[产能]数据"  # text match: no tags


def test_an_article_tagged_with_the_term_comes_first(library, add_article):
    mention = add_article("园区招商", "合成生物企业落户园区。")
    tagged = add_article("项目开工", "年产2000吨，填补省内空白。")
    library.tag_article(tagged, "合成生物")
    library.tag_article(tagged, "产业")

    found = search(library, "合成生物").articles
    assert [hit.article_id for hit in found] == [tagged, mention]
    assert marked_snippet(found[0]) == "年产2000吨，填补省内空白。 #[合成生物]"
    assert found[0].score > found[1].score
    assert [h.article_id for h in search(library, "合成生物 -产业").articles] == [mention]
    assert search(library, "合成生物 tag:产业").articles[0].article_id == tagged
    assert [h.article_id for h in search(library, "合成生物 落户").articles] == [mention]

    library.tag_article(mention, "生物")  # its text matches too: it keeps its text snippet
    both = {hit.article_id: marked_snippet(hit) for hit in search(library, "生物").articles}
    assert both == {
        mention: "合成[生物]企业落户园区。",
        tagged: "年产2000吨，填补省内空白。 #合成[生物]",
    }


def test_tagged_articles_come_newest_first_up_to_the_limit(library, add_article):
    """The newest `limit` of many tagged articles, by when they came in (not by id),
    ties by id; filters and `-word` still apply to them."""
    days = [5, 1, 9, 3, 9, 7, 2]
    ids = [
        add_article(f"第{n}篇", f"内容{n}", created_at=f"2024-01-0{day} 08:00:00")
        for n, day in enumerate(days)
    ]
    for aid in ids:
        library.tag_article(aid, "乡村振兴")
    library.tag_article(ids[5], "广告")
    newest = sorted(ids, key=lambda aid: (-days[ids.index(aid)], aid))
    assert [h.article_id for h in search(library, "乡村", limit=4).articles] == newest[:4]
    assert [h.article_id for h in search(library, "乡村 -广告", limit=3).articles] == [
        aid for aid in newest if aid != ids[5]
    ][:3]
    after = search(library, "乡村 after:2024-01-06").articles
    assert [h.article_id for h in after] == [ids[2], ids[4], ids[5]]


def test_excluded_words_rule_out_tagged_articles_and_articles_with_such_tags(library, add_article):
    advert = add_article("招商", "本版广告：园区招商。")
    library.tag_article(advert, "经济")
    plain = add_article("形势", "经济形势向好。")
    assert [h.article_id for h in search(library, "经济 -广告").articles] == [plain]

    industry = add_article("新闻", "合成生物企业落户。")
    library.tag_article(industry, "产业")
    assert search(library, "合成生物").articles[0].article_id == industry
    assert search(library, "合成生物 -产业").articles == ()


def test_an_article_found_by_its_tag_always_shows_the_tag(library, add_article):
    aid = add_article("形势", "经济形势。")
    library.tag_article(aid, "经济发展")
    [hit] = search(library, "经济 发展").articles
    assert marked_snippet(hit) == "经济形势。 #[经济][发展]"


def test_any_limit_works_whatever_sqlite_allows_to_bind(library, add_article):
    import sqlite3

    for n in range(30):
        add_article(f"t{n}", f"常州第{n}篇")
    library.database.connection().setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 8)
    assert len(search(library, "常州", limit=25).articles) == 25


def test_dates_filter_articles_by_the_day_their_page_printed(library, tmp_path) -> None:
    """A page that prints its date is searched by that date, not by when it was
    imported; a page without one still goes by its import."""
    printed = tmp_path / "printed.txt"
    printed.write_text(
        "2019年10月15日 星期二\n\n第5版（评论）\n\n创新的力量\n\n创新是引领发展的第一动力。\n",
        encoding="utf-8",
    )
    undated = tmp_path / "undated.txt"
    undated.write_text("今日创新\n\n又一项创新成果发布。\n", encoding="utf-8")
    old = library.import_file(printed).article_ids
    new = library.import_file(undated).article_ids

    assert set(ids(search(library, "创新 before:2019-10-16").articles)) == set(old)
    assert set(ids(search(library, "创新 after:2019-10-15").articles)) == set(old) | set(new)
    assert set(ids(search(library, "创新 after:2019-10-16").articles)) == set(new)
