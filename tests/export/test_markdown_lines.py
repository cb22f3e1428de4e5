"""Markdown that renders as the article reads: the kicker and subtitle each a paragraph
of their own (renderers join lines with no blank between), the byline with the
full-width brackets the window and `reader show` print, and markup in a page's text
shown as text, never passed on as HTML."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reader.cli import main
from reader.export.markdown import articles_markdown, markdown_text

PAGE = (
    "加快建设现代化产业体系\n\n常州与深圳合作交流会举行\n\n——三十个项目集中签约\n\n"
    "本报讯 (舒泉清 记者 朱梦琪) 昨天，两地企业在武进举行合作交流会，"
    "<script>alert(1)</script> 围绕合成生物等领域展开对接。\n\n"
    "与会企业家表示，两地产业互补性强，合作前景广阔。\n"
)
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def article(library, tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    article_id = library.import_file(page).article_ids[0]
    library.add_highlight(article_id, *library.find_quote(article_id, SCRIPT), note="<b>查</b>")
    return library.get_article(article_id)


def test_kicker_and_subtitle_are_separate_paragraphs(article) -> None:
    text = articles_markdown([article])
    assert "**加快建设现代化产业体系**\n\n**——三十个项目集中签约**\n\n" in text


def test_the_byline_reads_as_in_the_window_and_in_show(article, library, capsys) -> None:
    assert article.byline == "本报讯 (舒泉清 记者 朱梦琪)"  # stored as the page has it
    assert "- Byline: 本报讯（舒泉清 记者 朱梦琪）" in articles_markdown([article])
    assert main(["--db", str(library.path), "show", str(article.id)]) == 0
    assert "本报讯（舒泉清 记者 朱梦琪）\n" in capsys.readouterr().out


def test_markup_in_the_article_is_written_as_text(article) -> None:
    titled = dataclasses.replace(article, title="<em>标题</em> &amp; 更多")
    text = articles_markdown([titled])
    assert "<script>" not in text and "<em>" not in text and "<b>" not in text
    assert "# &lt;em>标题&lt;/em> &amp;amp; 更多\n" in text
    assert "> &lt;script>alert(1)&lt;/script>\n" in text
    assert "&lt;b>查&lt;/b>" in text


def test_plain_text_is_left_as_it_is() -> None:
    assert markdown_text("A & B, 1 < 2? 常州") == "A & B, 1 &lt; 2? 常州"
    assert markdown_text("AT&T; R&D") == "AT&amp;T; R&D"
