"""Datelines, bylines and photo credits as Chinese papers print them (issue 9's forms)."""

from __future__ import annotations

import pytest

from reader.parse.model import Author, Dateline
from reader.parse.page import parse_text

R, C, P, W = "记者", "通讯员", "摄影", "作者"


def only_article(text: str):
    [article] = parse_text(text).articles
    return article


@pytest.mark.parametrize(
    ("lead", "dateline", "authors"),
    [
        ("本报北京10月21日电（记者 姜洁）", Dateline("本报", "北京", "10月21日"), [("姜洁", R)]),
        (
            "本报雅加达10月21日电 （记者徐伟）",
            Dateline("本报", "雅加达", "10月21日"),
            [("徐伟", R)],
        ),
        (
            "新华社北京10月14日电（记者 李四、王五）",
            Dateline("新华社", "北京", "10月14日"),
            [("李四", R), ("王五", R)],
        ),
        ("据新华社柏林10月14日电", Dateline("新华社", "柏林", "10月14日"), []),
        ("本报电", Dateline("本报", None, None), []),
        (
            "本报西宁10月14日电  （李龙伊、王晓军）",
            Dateline("本报", "西宁", "10月14日"),
            [("李龙伊", R), ("王晓军", R)],
        ),
        (
            "本报讯 (舒泉清 记者 朱梦琪)",
            Dateline("本报", None, None),
            [("朱梦琪", R), ("舒泉清", C)],
        ),
        ("中新社北京10日电", Dateline("中新社", "北京", "10日"), []),
    ],
)
def test_dateline_opening_the_first_paragraph(lead, dateline, authors) -> None:
    article = only_article(f"标题在这里\n\n{lead}会议今天召开。与会者讨论了工作。\n")
    assert article.dateline == dateline
    assert article.authors == [Author(n, r) for n, r in authors]
    assert article.byline == lead.strip()
    assert article.paragraphs[0] == "会议今天召开。与会者讨论了工作。"
    # a place, a date or an agency is never an author
    assert not {a.name for a in article.authors} & {"本报", "新华社", "北京", "日电"}


@pytest.mark.parametrize(
    ("closing", "dateline", "authors"),
    [
        (
            "（新华社武汉9月23日电  记者熊金超、冯国栋）",
            Dateline("新华社", "武汉", "9月23日"),
            [("熊金超", R), ("冯国栋", R)],
        ),
        ("（杜海涛）", None, [("杜海涛", R)]),
        ("（李清华参与采写）", None, [("李清华", R)]),
        ("（靖伟参与采写）", None, [("靖伟", R)]),
        ("（本报记者  杜若原  何  勇整理）", None, [("杜若原", R), ("何勇", R)]),
        ("（本报加德满都10月14日电）", Dateline("本报", "加德满都", "10月14日"), []),
    ],
)
def test_closing_line_is_a_byline_not_a_paragraph(closing, dateline, authors) -> None:
    article = only_article(
        f"标题在这里\n　　会议今天召开。\n　　与会者讨论了工作。\n　　{closing}\n"
    )
    assert article.paragraphs == ["会议今天召开。", "与会者讨论了工作。"]
    assert article.byline == closing
    assert article.dateline == dateline
    assert article.authors == [Author(n, r) for n, r in authors]


@pytest.mark.parametrize("note", ["（作者为中国社会科学评价研究院院长）", "（人民时评）", "（完）"])
def test_bracketed_notes_stay_paragraphs_and_name_nobody(note: str) -> None:
    article = only_article(f"标题在这里\n　　会议今天召开。\n　　{note}\n")
    assert article.paragraphs[-1] == note
    assert article.authors == []


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("本报记者  张  蕊", [("张蕊", R)]),
        ("□本报记者 王小明 通讯员 李四", [("王小明", R), ("李四", C)]),
        ("潍坊日报社全媒体记者 付凯", [("付凯", R)]),
        ("本报见习记者 周五", [("周五", R)]),
        ("本报特约记者 郑六 实习生 孙七", [("郑六", R), ("孙七", R)]),
        ("人民网记者毛雷", [("毛雷", R)]),
        ("文/广州日报全媒体记者 王某某 通讯员 李四", [("王某某", R), ("李四", C)]),
        ("文/王小明 图/李大伟", [("李大伟", P), ("王小明", W)]),
        ("文/记者 张三 图/记者 李四", [("张三", R), ("李四", P)]),
    ],
)
def test_byline_on_its_own_line(line: str, authors) -> None:
    article = only_article(f"标题在这里\n\n{line}\n\n会议今天召开。\n")
    assert article.byline == line
    assert article.authors == [Author(n, r) for n, r in authors]
    assert article.paragraphs == ["会议今天召开。"]


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        ("龚献明摄", [("龚献明", P)]),
        ("新华社记者  刘  续摄", [("刘续", P)]),
        ("王卫国摄（人民视觉）", [("王卫国", P)]),
        ("本报记者 张 蕊 摄", [("张蕊", P)]),
        ("黄传庚  王志昊摄影报道", [("黄传庚", P), ("王志昊", P)]),
        ("曹  一图  吕  岩文", [("曹一", W), ("吕岩", W)]),
    ],
)
def test_photo_item_credit_is_a_caption_naming_its_photographer(credit, authors) -> None:
    page = parse_text(
        "第一篇文章\n　　会议今天召开。\n\n"
        f"图片报道\n　　10月12日，工人在车间里忙碌。\n　　{credit}\n"
    )
    first, photo = page.articles
    assert photo.title == "图片报道"
    assert photo.captions == [credit]
    assert photo.paragraphs == ["10月12日，工人在车间里忙碌。"]
    assert photo.authors == [Author(n, r) for n, r in authors]
    assert first.authors == []


def test_credit_at_the_end_of_a_paragraph_becomes_a_caption() -> None:
    article = only_article("大桥合龙\n　　工人们在施工现场忙碌，大桥预计年底竣工。刘 昆 摄\n")
    assert article.paragraphs == ["工人们在施工现场忙碌，大桥预计年底竣工。"]
    assert article.captions == ["刘 昆 摄"]
    assert article.authors == [Author("刘昆", P)]


@pytest.mark.parametrize(
    "text",
    ["我们一起去拍摄", "中国电信发布新套餐。", "记者从会上获悉，会议将于明天召开。"],
)
def test_ordinary_sentences_name_no_author(text: str) -> None:
    article = only_article(f"标题在这里\n\n{text}\n")
    assert article.authors == []
    assert article.dateline is None
