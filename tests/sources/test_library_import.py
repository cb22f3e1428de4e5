"""Sources in the library: every kind imports through the same store, keeps its bytes and
metadata, re-imports re-anchor highlights, re-parsing reads the bytes again, search and
the archive treat the articles like any other."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.export.restore import restore_archive
from reader.export.web_annotation import build_archive, dumps
from reader.parse.page import parse_bytes
from reader.search.engine import search
from reader.store.library import Library
from reader.store.migrations import LATEST_VERSION, v8_source_kinds
from reader.store.models import Article, Source
from tests.local_site import serving
from tests.sources.make_html import (
    NEWS_PARAGRAPHS,
    epaper_listing_html,
    news_article_html,
    wechat_article_html,
)
from tests.sources.make_pdf import Frame, Story, newspaper_pdf
from tests.sources.texts import made_up_paragraph

LISTING = [
    (("", "第一篇报道的标题", ""), [made_up_paragraph(11), made_up_paragraph(12)]),
    (("", "第二篇报道的标题", ""), [made_up_paragraph(13)]),
]
PLAIN_PAGE = "常深合作交流会举行\n\n本报讯 两地代表在会上交流了合作经验，签署了多项协议。\n"
MARKDOWN = "# 读书笔记\n\n第一段，写下读到的想法。\n\n## 小标题\n\n第二段。\n"
MHTML = (
    "MIME-Version: 1.0\r\n"
    'Content-Type: multipart/related; boundary="b"\r\n\r\n'
    "--b\r\nContent-Type: text/html; charset=utf-8\r\n"
    "Content-Location: https://www.example.cn/a.html\r\n\r\n"
    + news_article_html()
    + "\r\n--b--\r\n"
)


def _stories(extra: str = "") -> list[Story]:
    lead = Story([("秋收时节田野忙", 24)], [made_up_paragraph(seed) for seed in range(1, 4)])
    second = Story(
        [("城市更新让老街焕发新生", 18)],
        [made_up_paragraph(5), extra + made_up_paragraph(6)],
    )
    return [lead, second]


def _pdf(extra: str = "") -> bytes:
    lead, second = _stories(extra)
    return newspaper_pdf(
        [Frame(40, 780, 520, 3, 450, story=lead), Frame(40, 470, 520, 2, 40, story=second)]
    )


@pytest.fixture
def site() -> Iterator[tuple[str, dict[str, bytes]]]:
    """A web server on 127.0.0.1 serving `pages` (path → body), which a test may change."""
    pages: dict[str, bytes] = {}
    with serving(pages) as address:
        yield address, pages


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    files = {
        "news.html": news_article_html().encode(),
        "wechat.htm": wechat_article_html().encode(),
        "listing.xhtml": epaper_listing_html(LISTING, use_article=True).encode(),
        "saved.mhtml": MHTML.encode(),
        "page.pdf": _pdf(),
        "notes.md": MARKDOWN.encode(),
        "page.txt": PLAIN_PAGE.encode(),
        "photo.png": b"\x89PNG\r\n\x1a\n",
    }
    root = tmp_path / "in"
    root.mkdir()
    for name, data in files.items():
        (root / name).write_bytes(data)
    return root


def test_a_folder_imports_every_kind_and_says_what_each_file_was_read_as(
    library: Library, folder: Path
) -> None:
    summary = library.import_paths([folder])

    read_as = {Path(r.path).name: (r.status, r.kind) for r in summary.results}
    assert read_as == {
        "listing.xhtml": ("imported", "html"),
        "news.html": ("imported", "html"),
        "notes.md": ("imported", "markdown"),
        "page.pdf": ("imported", "pdf"),
        "page.txt": ("imported", "text"),
        "saved.mhtml": ("imported", "mhtml"),
        "wechat.htm": ("imported", "html"),
        "photo.png": ("skipped", None),
    }
    assert summary.ok  # a skipped picture is not a failure
    [news] = [r for r in summary.results if r.path.endswith("news.html")]
    article = library.get_article(news.article_ids[0])
    assert article.title == "我国科学家取得量子通信新突破"
    assert NEWS_PARAGRAPHS[1] in article.paragraphs
    assert article.origin.site == "新华网"
    assert article.origin.url == "https://www.example.cn/tech/2019-10/15/c_1125.htm"
    assert article.origin.published == "2019-10-15"
    assert article.origin.kind == "html"


def test_a_file_is_read_by_its_content_and_keeps_its_bytes(
    library: Library, tmp_path: Path
) -> None:
    disguised = tmp_path / "download.txt"  # a web page saved with the wrong suffix
    disguised.write_bytes(news_article_html().encode())
    pdf = tmp_path / "page-without-suffix"
    pdf.write_bytes(_pdf())

    web, page = library.import_file(disguised), library.import_file(pdf)

    assert (web.kind, page.kind) == ("html", "pdf")
    assert bytes(Source.get_by_id(page.source_id).raw_bytes) == pdf.read_bytes()
    titles = [library.get_article(i).title for i in page.article_ids]
    assert titles == ["秋收时节田野忙", "城市更新让老街焕发新生"]


def test_a_text_page_is_stored_as_before_without_bytes(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PLAIN_PAGE, encoding="utf-8")
    result = library.import_file(path)
    source = Source.get_by_id(result.source_id)
    assert (result.kind, source.kind, source.raw_bytes, source.raw_text) == (
        "text",
        "text",
        None,
        PLAIN_PAGE,
    )
    parsed = parse_bytes(path.read_bytes(), str(path))
    assert [library.get_article(i).paragraphs for i in result.article_ids] == [
        tuple(a.paragraphs) for a in parsed.articles
    ]


def test_a_reader_archive_given_to_import_is_refused_naming_import_archive(
    library: Library, tmp_path: Path
) -> None:
    archive = tmp_path / "backup.json"
    archive.write_text(json.dumps({"format": "reader-archive", "version": 1}), encoding="utf-8")
    result = library.import_file(archive)
    assert result.status == "failed"
    assert "reader import-archive" in (result.reason or "")
    assert library.count_articles() == 0


def _highlight(library: Library, article_id: int, quote: str) -> int:
    return library.add_highlight(article_id, *library.find_quote(article_id, quote)).id


def test_highlights_on_an_html_and_a_pdf_article_survive_a_changed_version(
    library: Library, tmp_path: Path
) -> None:
    html_path, pdf_path = tmp_path / "news.html", tmp_path / "page.pdf"
    html_path.write_bytes(news_article_html().encode())
    pdf_path.write_bytes(_pdf())
    [web_id] = library.import_file(html_path).article_ids
    pdf_ids = library.import_file(pdf_path).article_ids
    web_quote = "先后攻克了多项关键技术难题"
    pdf_quote = made_up_paragraph(6)[:20]
    web_highlight = _highlight(library, web_id, web_quote)
    pdf_highlight = _highlight(library, pdf_ids[1], pdf_quote)

    # The site corrects its article (a new first paragraph); the PDF page is set again
    # with a sentence added to the second story.
    changed = news_article_html().replace(
        "<p>新华社北京", "<p>编者按：本文有更新，补充了研究团队的介绍。</p><p>新华社北京", 1
    )
    html_path.write_bytes(changed.encode())
    pdf_path.write_bytes(_pdf(extra="据介绍，老街改造已经完成第一期。"))
    web_again, pdf_again = library.import_file(html_path), library.import_file(pdf_path)

    assert (web_again.status, pdf_again.status) == ("reparsed", "reparsed")
    for highlight_id, quote in ((web_highlight, web_quote), (pdf_highlight, pdf_quote)):
        highlight = library.get_highlight(highlight_id)
        text = library.get_article(highlight.article_id).text
        assert not highlight.orphaned
        assert text[highlight.start : highlight.end] == quote
    assert library.get_highlight(pdf_highlight).article_id == pdf_ids[1]
    assert bytes(Source.get_by_id(pdf_again.source_id).raw_bytes) == pdf_path.read_bytes()


def test_reparse_reads_web_and_pdf_sources_again_from_their_bytes(
    library: Library, folder: Path
) -> None:
    summary = library.import_paths([folder / "news.html", folder / "page.pdf"])
    before = {i: library.get_article(i) for r in summary.results for i in r.article_ids}
    # What an older, worse reader might have stored: text that lost its paragraphs.
    Article.update(paragraphs="[]", text="乱码").execute()
    Source.update(raw_text="", parser_version=0).execute()

    results = library.reparse_all(outdated_only=True)

    assert [(r.status, r.kind) for r in results] == [("reparsed", "html"), ("reparsed", "pdf")]
    for article_id, record in before.items():
        assert library.get_article(article_id).text == record.text


def test_search_dates_and_authors_reach_web_articles(library: Library, folder: Path) -> None:
    [article_id] = library.import_file(folder / "news.html").article_ids
    library.import_file(folder / "page.txt")

    def found(query: str) -> list[int]:
        return [hit.article_id for hit in search(library, query).articles]

    assert found("量子 after:2019-10-14 before:2019-10-16") == [article_id]
    assert found("量子 after:2019-10-16") == []
    assert found("author:张三") == [article_id]


def test_url_import_keeps_the_download_and_a_changed_page_reanchors(
    library: Library, site: tuple[str, dict[str, bytes]]
) -> None:
    base, pages = site
    pages["/a.html"] = news_article_html().encode()
    result = library.pages.import_url(f"{base}/a.html")
    assert (result.status, result.kind) == ("imported", "url")
    source = Source.get_by_id(result.source_id)
    assert bytes(source.raw_bytes) == pages["/a.html"]
    [article_id] = result.article_ids
    highlight_id = _highlight(library, article_id, "专家认为")

    pages["/a.html"] = news_article_html().replace("专家认为", "多位专家认为").encode()
    again = library.pages.import_url(f"{base}/a.html")

    assert (again.status, again.source_id) == ("reparsed", result.source_id)
    highlight = library.get_highlight(highlight_id)
    assert library.get_article(article_id).text[highlight.start : highlight.end] == "专家认为"


def test_an_unreachable_address_fails_with_a_reason_and_changes_nothing(
    library: Library, site: tuple[str, dict[str, bytes]]
) -> None:
    base, _pages = site
    missing = library.pages.import_url(f"{base}/gone.html")
    assert missing.status == "failed" and "404" in (missing.reason or "")
    refused = library.pages.import_url("http://127.0.0.1:9/")
    assert refused.status == "failed" and "127.0.0.1" in (refused.reason or "")
    assert library.count_articles() == 0


def test_pastes_are_dated_articles_of_their_own(library: Library) -> None:
    first = library.pages.import_pasted("会议召开\n\n与会代表就合作交流了意见，形成多项共识。")
    second = library.pages.import_pasted(
        html="<h1>另一篇</h1><p>从网页上复制的一段文字，保留了它的段落结构。</p>"
    )
    same = library.pages.import_pasted("会议召开\n\n与会代表就合作交流了意见，形成多项共识。")

    assert (first.status, second.status, same.status) == ("imported", "imported", "unchanged")
    assert first.source_id != second.source_id
    assert (first.kind, second.kind) == ("paste", "paste")
    sources = {s.id: s for s in library.list_sources()}
    assert sources[first.source_id].origin.published is not None
    assert Source.get_by_id(first.source_id).raw_bytes is None  # its raw_text is all
    assert library.get_article(second.article_ids[0]).title == "另一篇"


def test_the_archive_carries_sources_of_every_kind(
    library: Library, folder: Path, tmp_path: Path
) -> None:
    library.import_paths([folder])
    library.pages.import_pasted(html="<p>粘贴进来的一段网页文字，带着它的段落。</p>")
    articles = library.get_articles([s.id for s in library.list_articles()])
    archive = tmp_path / "all.json"
    archive.write_text(dumps(build_archive(library, articles)), encoding="utf-8")
    kinds = sorted(s.origin.kind for s in library.list_sources())
    count = library.count_articles()

    other = Library.open(tmp_path / "other.db")
    try:
        restore_archive(other, archive)
        assert sorted(s.origin.kind for s in other.list_sources()) == kinds
        web = next(s for s in other.list_sources() if s.path.endswith("news.html"))
        assert web.origin.site == "新华网"
        # Re-parsing in the other library reads the web page from the archived bytes.
        results = other.reparse_all()
        assert not [r for r in results if r.status == "failed"]
        assert other.count_articles() == count
    finally:
        other.close()


def test_a_library_from_before_source_kinds_keeps_its_pages_as_text_pages(
    tmp_path: Path,
) -> None:
    """Schema v8 on a library from before it: existing pages are text pages; running
    the migration again (a version number set back) changes nothing and fails on
    nothing."""
    import sqlite3

    assert v8_source_kinds.__name__ == "v8_source_kinds" and LATEST_VERSION >= 8
    before_v8 = 7

    path = tmp_path / "old.db"
    page = tmp_path / "page.txt"
    page.write_text(PLAIN_PAGE, encoding="utf-8")
    library = Library.open(path)
    [article_id] = library.import_file(page).article_ids
    library.close()
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute('DROP INDEX "source_list_kind"')  # v11's, on kind and site
        for column in ("kind", "raw_bytes", "site", "url", "title", "published"):
            conn.execute(f'ALTER TABLE "source" DROP COLUMN "{column}"')
        conn.execute(f"PRAGMA user_version = {before_v8}")
        conn.commit()
    for _ in range(2):
        library = Library.open(path)
        assert library.get_article(article_id).origin.kind == "text"
        library.close()
        with contextlib.closing(sqlite3.connect(path)) as conn:
            conn.execute(f"PRAGMA user_version = {before_v8}")
            conn.commit()


def test_markdown_export_names_a_web_articles_site_date_and_address(
    library: Library, folder: Path
) -> None:
    from reader.export.markdown import articles_markdown

    [article_id] = library.import_file(folder / "news.html").article_ids
    text = articles_markdown([library.get_article(article_id)])
    assert "- From: 新华网 · 2019-10-15 · https://www.example.cn/tech/2019-10/15/c_1125.htm" in text


def test_the_list_groups_articles_by_source_kind_and_site(library: Library, folder: Path) -> None:
    library.import_paths([folder])
    rows = library.list_articles(sort="source")
    keys = [(row.origin.kind, row.origin.site or "") for row in rows]
    assert keys == sorted(keys)  # each kind, and each site within it, in one run
    assert {kind for kind, _ in keys} == {"html", "markdown", "mhtml", "pdf", "text"}


def test_a_correction_on_a_pdf_page_holds_through_reparse_and_a_changed_version(
    library: Library, tmp_path: Path
) -> None:
    """Corrections are kept on the page, whatever its kind: re-reading the PDF from its
    bytes, or a new version of it, makes them again."""
    from reader.store.operations.corrections import MergeArticles

    path = tmp_path / "page.pdf"
    path.write_bytes(_pdf())
    first, _second = library.import_file(path).article_ids
    library.apply(MergeArticles(first))
    assert [a.title for a in library.list_articles()] == ["秋收时节田野忙"]

    Source.update(parser_version=0).execute()
    library.reparse_all(outdated_only=True)
    assert [a.id for a in library.list_articles()] == [first]

    path.write_bytes(_pdf(extra="据介绍，老街改造已经完成第一期。"))
    again = library.import_file(path)
    assert (again.status, again.article_ids) == ("reparsed", (first,))
    assert "据介绍，老街改造已经完成第一期。" in library.get_article(first).text


def test_a_pasted_web_selection_is_read_again_from_its_markup(library: Library) -> None:
    result = library.pages.import_pasted(
        "纯文本", "<h1>粘贴的标题</h1><p>第一段。</p><blockquote><p>引用的话。</p></blockquote>"
    )
    [article_id] = result.article_ids
    before = library.get_article(article_id)
    Article.update(paragraphs="[]", text="").execute()
    Source.update(parser_version=0).execute()

    [again] = library.reparse_all(outdated_only=True)

    assert (again.status, again.kind) == ("reparsed", "paste")
    after = library.get_article(article_id)
    assert (after.title, after.paragraphs) == (before.title, before.paragraphs)
    assert after.origin.published == before.origin.published  # the day of the paste
