"""Web pages → articles: a news site article, a WeChat article, an e-paper listing."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from reader.errors import InputFileError
from reader.parse.punctuation import normalize_punctuation
from reader.sources import SourceKind, read_source
from reader.sources.html import read_html
from tests.sources.make_html import (
    NEWS_PARAGRAPHS,
    WECHAT_PARAGRAPHS,
    epaper_listing_html,
    news_article_html,
    wechat_article_html,
)
from tests.sources.texts import corpus_page

_SPACE = re.compile(r"\s+")


def test_news_article_keeps_its_block_structure() -> None:
    """Subheading, quote and list items each a paragraph, the figure's caption a caption
    (the page's own date/source line stays first, as the site printed it)."""
    article = read_html(news_article_html().encode()).articles[0]
    assert article.paragraphs[0] == "2019-10-15 08:30 来源：新华网"
    assert article.paragraphs[1:] == [
        NEWS_PARAGRAPHS[0],
        "五年攻关",
        NEWS_PARAGRAPHS[1],
        "“这是团队共同努力的结果。”",
        "成果一：传输距离创新纪录。",
        "成果二：设备体积大幅缩小。",
        NEWS_PARAGRAPHS[2],
    ]
    assert article.captions == ["图为科研人员在实验室调试设备。"]


def test_news_article_metadata_comes_from_the_page() -> None:
    document = read_html(news_article_html().encode(), "saved.html")
    assert document.kind is SourceKind.HTML
    assert document.metadata == {
        "title": "我国科学家取得量子通信新突破",
        "author": "张三",
        "date": "2019-10-15",
        "site": "新华网",
        "url": "https://www.example.cn/tech/2019-10/15/c_1125.htm",
    }
    article = document.articles[0]
    assert article.title == "我国科学家取得量子通信新突破"
    assert article.byline == "张三"
    assert [(a.name, a.role) for a in article.authors] == [("张三", "记者")]


def test_boilerplate_and_script_text_are_not_article_text() -> None:
    text = "\n".join(read_html(news_article_html().encode()).articles[0].printed_texts())
    for chrome in ("首页", "相关新闻", "版权所有", "changed", "tracker", "color"):
        assert chrome not in text


def test_gbk_page_is_decoded_by_its_meta_charset() -> None:
    data = news_article_html(charset="gbk").encode("gbk")
    assert NEWS_PARAGRAPHS[0] in read_html(data).articles[0].paragraphs


def test_reading_a_page_fetches_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remote images and scripts stay unloaded: any network use fails the test."""
    import socket

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    html = news_article_html(remote_image="http://127.0.0.1:9/never.jpg")
    assert read_html(html.encode()).articles[0].title == "我国科学家取得量子通信新突破"


def test_wechat_article_reads_its_hidden_body_title_and_account() -> None:
    document = read_source(wechat_article_html().encode(), "wechat.html")
    assert document.metadata["title"] == "国庆假期博物馆里人气旺"
    assert document.metadata["site"] == "人民日报"
    assert document.metadata["author"] == "李四"
    assert document.metadata["date"] == "2019-10-05 20:15"
    [article] = document.articles
    assert article.title == "国庆假期博物馆里人气旺"
    assert article.paragraphs == [
        WECHAT_PARAGRAPHS[0],
        "博物馆成为假期热门去处",
        WECHAT_PARAGRAPHS[1],
    ]


def test_page_without_text_is_refused() -> None:
    with pytest.raises(InputFileError, match="no text"):
        read_html(b"<html><body><img src='x.png'><script>var a=1;</script></body></html>")


def _squeezed(text: str) -> str:
    return _SPACE.sub("", normalize_punctuation(text))


@pytest.mark.parametrize("use_article", [False, True], ids=["headings", "article-elements"])
def test_epaper_listing_becomes_one_article_per_item(use_article: bool) -> None:
    """Real 人民日报 articles of page 3 on 2019-10-15 in e-paper markup: every article
    found, titled with its main headline, every character of it kept."""
    page = corpus_page("20191015", "03")
    if len(page) < 3:
        pytest.skip("../shared/corpus/rmrb-2019-10 is not present")
    document = read_html(epaper_listing_html(page, use_article=use_article).encode())
    articles = document.articles
    assert [a.title for a in articles] == [headlines[1] for headlines, _ in page]
    for article, ((kicker, title, subtitle), paragraphs) in zip(articles, page, strict=True):
        # Every character kept, none added (a closing byline moves to `byline`, so
        # the order of fields is not the order on the page).
        expected = Counter(_squeezed("".join([kicker, title, subtitle, *paragraphs])))
        assert Counter(_squeezed("".join(article.printed_texts()))) == expected
    assert "上一版" not in document.page.raw_text  # page furniture is not an article


def test_sidebar_headings_do_not_make_an_article_a_listing() -> None:
    """No <h1>: the title is an <h2>, and a sidebar (a plain <div>) has <h2>s too."""
    html = news_article_html().replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    html = html.replace("<h2>五年攻关</h2>", "<h3>五年攻关</h3>")
    html = html.replace("<aside>", '<div class="side">').replace("</aside>", "</div>")
    sidebar = "<h2>相关新闻</h2><ul><li>链接一</li></ul><h2>热门</h2>"
    html = html.replace("<h3>相关新闻</h3>", sidebar)
    [article] = read_html(html.encode()).articles
    assert article.title == "我国科学家取得量子通信新突破"
