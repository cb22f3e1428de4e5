"""Pages shaped like other export tools than the corpus's five: text wrapped at the column
width, layouts mixed on one page, old Mac line ends."""

from __future__ import annotations

from reader.parse.page import parse_text


def test_text_wrapped_at_the_column_width_is_joined_into_paragraphs() -> None:
    page = parse_text(
        "城市更新提速\n"
        "　　本报讯 近日，某某市召开会议，研究部署城市更\n"
        "新工作。会议指出，要加强领导，压实责任，确保\n"
        "各项任务按期完成。\n"
        "　　会议强调，各部门要密切配合，形成工作合力，\n"
        "推动城市更新取得实效。\n"
    )
    [article] = page.articles
    assert article.byline == "本报讯"
    assert article.paragraphs == [
        "近日，某某市召开会议，研究部署城市更新工作。会议指出，要加强领导，压实责任，确保"
        "各项任务按期完成。",
        "会议强调，各部门要密切配合，形成工作合力，推动城市更新取得实效。",
    ]


def test_layouts_mixed_on_one_page() -> None:
    """Crawler-style (CRLF), listing-style and blank-line articles one after another; a
    headline set apart from its text by a blank line stays with it."""
    paragraphs = "".join(f"　　第{n}段。\n" for n in range(4))
    page = parse_text(
        ("第一篇的标题\n" + paragraphs).replace("\n", "\r\n") + "\r\n"
        "第二篇的标题\n　　本报北京10月21日电（记者 姜洁）第二篇第一段。\n"
        + paragraphs
        + "第三篇的标题\n"
        + paragraphs
        + "\n"
        "第四篇的标题\n\n第四篇只有一段。\n"
    )
    titles = ["第一篇的标题", "第二篇的标题", "第三篇的标题", "第四篇的标题"]
    assert [a.title for a in page.articles] == titles
    assert [len(a.paragraphs) for a in page.articles] == [4, 5, 4, 1]
    assert page.articles[1].authors[0].name == "姜洁"


def test_old_mac_line_ends() -> None:
    page = parse_text("第一篇的标题\r　　第一段。\r\r第二篇的标题\r　　第二篇第一段。\r")
    assert [a.headlines for a in page.articles] == [["第一篇的标题"], ["第二篇的标题"]]
