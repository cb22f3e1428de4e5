"""The article list's queries: keyset pages, kept highlight counts, the tag filter."""

from __future__ import annotations

import pytest

from reader.store.domains import articles
from reader.store.domains.articles import SORTS
from reader.store.migrations import migrate_to_latest


@pytest.fixture
def many(library, tmp_path):
    """Twelve pages of three articles each; some with highlights, a few tagged."""
    for page in range(12):
        path = tmp_path / f"p{page:02d}.txt"
        blocks = []
        for n in range(3):
            title = f"第{page}版文章{n}" if n else f"Report {page} 新闻"
            blocks += [title, f"本报讯 (记者 王{page}明) 这是第{page}版第{n}篇文章的正文内容。"]
        path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
        library.import_file(path)
    ids = [s.id for s in library.list_articles()]
    for index, article_id in enumerate(ids):
        for start in range(index % 4):
            library.add_highlight(article_id, start, start + 2)
    return library


def all_pages(library, sort, size, **filters):
    rows, after = [], None
    while True:
        page = library.articles.page(sort=sort, after=after, limit=size, **filters)
        if not page.summaries:
            return rows
        rows += [s.id for s in page.summaries]
        after = page.last_key


@pytest.mark.parametrize("sort", SORTS)
def test_keyset_pages_give_the_rows_of_offset_pages_in_every_sort(many, sort):
    by_offset = [s.id for s in many.list_articles(sort=sort)]
    assert len(by_offset) == many.count_articles() > 30
    assert all_pages(many, sort, 7) == by_offset
    total = len(by_offset)
    last_offset = [s.id for s in many.list_articles(sort=sort, offset=total - 7, limit=7)]
    assert all_pages(many, sort, 7)[-7:] == last_offset


@pytest.mark.parametrize("sort", SORTS)
def test_keyset_pages_of_a_filter_few_or_many(many, sort):
    expected = [s.id for s in many.list_articles(sort=sort, text_filter="文章")]
    assert len(expected) == many.count_articles(text_filter="文章") == 24
    for matching in (None, len(expected)):  # read in index order, or looked up by id
        assert all_pages(many, sort, 5, text_filter="文章", matching=matching) == expected


@pytest.mark.parametrize("few", [2000, 3])  # matches looked up by id, or scanned in order
@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("text", ["", "文章", "Report 1", "第3版", "没有"])
def test_the_first_page_comes_with_the_count_of_the_whole_filter(
    many, sort, text, few, monkeypatch
):
    monkeypatch.setattr(articles, "FEW_MATCHES", few)
    total, page = many.articles.first_page(text_filter=text, sort=sort, limit=5)
    assert total == many.count_articles(text_filter=text)
    assert [s.id for s in page.summaries] == [
        s.id for s in many.list_articles(text_filter=text, sort=sort, limit=5)
    ]


def test_the_filter_ignores_the_case_of_latin_letters_and_takes_wildcards_literally(many):
    assert many.count_articles(text_filter="report 1") == many.count_articles(
        text_filter="REPORT 1"
    )
    assert many.count_articles(text_filter="REPORT 1") == 3  # Report 1, 10, 11
    assert many.count_articles(text_filter="%") == 0
    assert many.count_articles(text_filter="_") == 0


def test_highlight_counts_follow_adding_moving_and_deleting_highlights(many):
    article, other = many.list_articles()[:2]
    before, other_before = article.highlight_count, other.highlight_count
    highlight = many.add_highlight(article.id, 5, 8)
    assert many.article_summary(article.id).highlight_count == before + 1
    # A page correction (split, merge) moves highlights to another article.
    many.database.execute_sql(
        'UPDATE "highlight" SET "article_id" = ? WHERE "id" = ?', (other.id, highlight.id)
    )
    assert many.article_summary(article.id).highlight_count == before
    assert many.article_summary(other.id).highlight_count == other_before + 1
    many.highlights.delete(highlight.id)
    assert many.article_summary(other.id).highlight_count == other_before
    most = many.list_articles(sort="highlights")
    counts = [s.highlight_count for s in most]
    assert counts == sorted(counts, reverse=True) and counts[0] == 3


def test_migration_11_counts_existing_highlights_and_runs_twice_the_same(many):
    db = many.database
    db.execute_sql('UPDATE "article" SET "highlight_count" = 99')
    db.execute_sql("PRAGMA user_version = 10")
    migrate_to_latest(db)
    db.execute_sql("PRAGMA user_version = 10")
    migrate_to_latest(db)
    counted = dict(
        db.execute_sql('SELECT "article_id", count(*) FROM "highlight" GROUP BY 1').fetchall()
    )
    for summary in many.list_articles():
        assert summary.highlight_count == counted.get(summary.id, 0)


def test_the_tag_filter_finds_articles_whose_highlights_carry_the_tag(many):
    articles = many.list_articles()
    whole, through = articles[0], articles[5]
    many.tag_article(whole.id, "政策")
    highlight = many.add_highlight(through.id, 0, 2)
    many.tag_highlight(highlight.id, "政策")
    other = many.add_highlight(through.id, 3, 5)
    many.tag_highlight(other.id, "政策")  # two highlights, one article
    listed = {s.id for s in many.list_articles(tag="政策")}
    assert listed == {whole.id, through.id}
    assert many.count_articles(tag="政策") == 2
    [tag] = [t for t in many.tag_counts() if t.name == "政策"]
    assert (tag.article_count, tag.highlight_count) == (1, 2)


#: The ways a filtered page is read, by the settings that make the store pick each.
PLANS = {
    "few: looked up by id": {"FEW_MATCHES": 2000},
    "dense: each row checked in order": {"FEW_MATCHES": 3},
    "sparse: checked against the matching ids": {
        "FEW_MATCHES": 3,
        "DIRECT_SCAN_SECONDS": -1.0,  # checking rows in order always takes too long
        "PROGRESS_STEPS": 1,
    },
    # The count says the matches lie too far apart to read in order: not even tried.
    "sparse by their count: never read in order": {"FEW_MATCHES": 3, "DIRECT_SCAN_ROWS": 1},
}


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("sort", SORTS)
def test_every_plan_pages_a_filter_like_the_offset_list(many, sort, plan, monkeypatch):
    for name, value in PLANS[plan].items():
        monkeypatch.setattr(articles, name, value)
    checked_in_order = []
    rows_within = articles._rows_within

    def recorded(query, seconds):
        rows = rows_within(query, seconds)
        checked_in_order.append(rows is not None)
        return rows

    monkeypatch.setattr(articles, "_rows_within", recorded)
    many.tag_article(many.list_articles()[4].id, "政策")
    for text, tag in (("文章", None), ("report", None), ("", "政策"), ("版", "政策")):
        expected = [s.id for s in many.list_articles(sort=sort, text_filter=text, tag=tag)]
        total, page = many.articles.first_page(text_filter=text, tag=tag, sort=sort, limit=5)
        assert total == len(expected)
        shown = [s.id for s in page.summaries]
        while page.last_key is not None:
            page = many.articles.page(
                text_filter=text, tag=tag, sort=sort, after=page.last_key, limit=5, matching=total
            )
            shown += [s.id for s in page.summaries]
        assert shown == expected
    assert (
        set(checked_in_order)
        == {
            "few: looked up by id": set(),
            "dense: each row checked in order": {True},
            "sparse: checked against the matching ids": {False},
            "sparse by their count: never read in order": set(),
        }[plan]
    )
