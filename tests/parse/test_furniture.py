"""Page furniture: recognised as the page's own lines, never an article's, nothing lost."""

from __future__ import annotations

import pytest

from reader.parse.furniture import is_furniture, page_info
from reader.parse.model import PageInfo
from reader.parse.page import parse_text


@pytest.mark.parametrize(
    "line",
    [
        "2019年10月15日 星期二",
        "人民日报 2019年10月15日 星期二",
        "第5版（评论）",
        "第6版(国际)",
        "A01版：要闻",
        "专栏:",
        "版式设计：张丹峰",
        "版式设计  沈亦伶",
        "责任编辑：李四",
        "本版制图：汪哲平",
        "（相关报道见第九版）",
        "（下转第二版）",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    ["第五届中国“互联网+”大学生创新创业大赛总决赛开幕", "编辑部门召开会议", "2019年9月30日"],
)
def test_headlines_and_signature_dates_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_a_bare_date_is_furniture_only_at_the_top_of_the_page() -> None:
    assert is_furniture("2019年10月15日", at_top=True)
    page = parse_text(
        "国务院令\n　　现公布本决定，自公布之日起施行。\n　　总理 李克强\n　　2019年9月30日\n"
    )
    assert page.articles[0].paragraphs[-1] == "2019年9月30日"
    assert page.furniture == []


def test_page_info_from_date_and_page_lines() -> None:
    info = page_info(["人民日报 2019年10月15日 星期二", "第5版（评论）", "第6版（国际）"])
    assert info == PageInfo(paper="人民日报", date="2019-10-15", number="5", name="评论")
    assert page_info(["第十二版：要闻"]) == PageInfo(number="12", name="要闻")
    assert page_info([]) == PageInfo()


HEADER_PAGE = (
    "2019年10月15日 星期二\n第5版（评论）\n\n"
    "标题一\n　　第一篇的正文。\n　　版式设计：张丹峰\n\n"
    "标题二\n　　本报北京10月14日电（记者 姜洁）第二篇的正文。\n　　（相关报道见第九版）\n"
    "责任编辑：李四\n"
)


def test_furniture_is_never_a_headline_or_an_author() -> None:
    page = parse_text(HEADER_PAGE)
    assert [a.headlines for a in page.articles] == [["标题一"], ["标题二"]]
    assert [a.paragraphs for a in page.articles] == [["第一篇的正文。"], ["第二篇的正文。"]]
    assert [author.name for a in page.articles for author in a.authors] == ["姜洁"]
    assert page.furniture == [
        "2019年10月15日 星期二",
        "第5版（评论）",
        "版式设计：张丹峰",
        "（相关报道见第九版）",
        "责任编辑：李四",
    ]
    assert page.page == PageInfo(date="2019-10-15", number="5", name="评论")


def test_json_carries_the_page_and_keeps_every_character() -> None:
    page = parse_text(HEADER_PAGE)
    data = page.to_json()
    assert data["page"] == {"paper": None, "date": "2019-10-15", "number": "5", "name": "评论"}
    assert data["source"]["furniture"].split("\n") == page.furniture
    article = data["articles"][1]
    assert article["dateline"] == {"agency": "本报", "place": "北京", "date": "10月14日"}
    assert article["kicker"] is None and article["subtitle"] is None
    printed = "".join(page.printed_texts())
    assert sorted(printed.replace(" ", "")) == sorted(
        HEADER_PAGE.replace("\n", "").replace(" ", "").replace("\u3000", "")
    )


def test_a_page_from_another_paper_with_separator_lines() -> None:
    """An e-paper export: paper name, date and page on top, `------` between articles,
    a staff credit at the bottom."""
    page = parse_text(
        "常州日报\n2025年3月7日 星期五\nA01版：要闻\n\n"
        "市委常委会召开会议\n本报讯（记者 王小明）昨天，市委常委会召开会议。\n"
        "会议指出，要抓好落实。\n"
        "------------------------------\n"
        "我市推进城市更新\n今年以来，我市改造老旧小区120个。\n改造工作将于年底完成。\n"
        "------------------------------\n"
        "春日踏青正当时\n3月6日，市民在公园赏花。\n记者 李四 摄\n责任编辑：张三\n"
    )
    assert page.page == PageInfo(paper="常州日报", date="2025-03-07", number="A01", name="要闻")
    assert [a.title for a in page.articles] == [
        "市委常委会召开会议",
        "我市推进城市更新",
        "春日踏青正当时",
    ]
    assert [len(a.paragraphs) for a in page.articles] == [2, 2, 1]
    assert page.articles[2].captions == ["记者 李四 摄"]
    assert page.furniture[-1] == "责任编辑：张三"
    assert page.furniture.count("------------------------------") == 2
