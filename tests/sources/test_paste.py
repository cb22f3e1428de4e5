"""Pasted text and HTML become articles with the day of pasting as their date."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.errors import InputFileError
from reader.sources import SourceKind
from reader.sources.paste import read_pasted

NOON = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def test_pasted_plain_text_goes_through_the_page_parser() -> None:
    text = "秋收时节田野忙\n本报讯（记者张三）今年秋粮喜获丰收。\n农民忙着收割。\n"
    document = read_pasted(text, now=NOON)
    assert document.kind is SourceKind.PASTE
    assert document.metadata == {"date": "2026-03-01"}
    [article] = document.articles
    assert article.title == "秋收时节田野忙"
    assert article.byline == "本报讯（记者张三）"


def test_pasted_html_keeps_its_blocks() -> None:
    html = "<h1>标题</h1><p>第一段，没有句号</p><p>第二段。</p>"
    document = read_pasted("标题 第一段，没有句号 第二段。", html, now=NOON)
    assert document.articles[0].paragraphs == ["第一段，没有句号", "第二段。"]
    assert document.page.source.path == "pasted"


def test_html_without_text_falls_back_to_the_plain_text() -> None:
    document = read_pasted("图为会场一角。", "<img src='x.png'>", now=NOON)
    assert document.articles[0].captions == ["图为会场一角。"]


def test_an_empty_clipboard_is_refused() -> None:
    with pytest.raises(InputFileError, match="empty"):
        read_pasted("  \n", "")
