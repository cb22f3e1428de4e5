"""Headline blocks: 引题 (kicker), 主题 (title), 副题 (subtitle), column names and labels."""

from __future__ import annotations

import pytest

from reader.parse.headlines import headline_roles
from reader.parse.page import parse_text

BODY = "　　会议今天在北京召开。与会者讨论了下一步的工作。\n"


@pytest.mark.parametrize(
    ("lines", "roles"),
    [
        (["强手云集 精彩可期"], (None, "强手云集 精彩可期", None)),
        (
            ["强手云集 精彩可期", "——第七届世界军运会赛事前瞻"],
            (None, "强手云集 精彩可期", "——第七届世界军运会赛事前瞻"),
        ),
        (
            ["联合国贸发会议报告显示——", "中国仍是全球第二大外资流入国"],
            ("联合国贸发会议报告显示——", "中国仍是全球第二大外资流入国", None),
        ),
        (
            ["香港各界人士：", "祖国是香港战胜挑战的坚强后盾"],
            ("香港各界人士：", "祖国是香港战胜挑战的坚强后盾", None),
        ),
        (
            ["北京冬奥会测试赛筹办有序推进（走向冬奥）", "相约北京系列冬季体育赛事共安排20场"],
            (
                None,
                "北京冬奥会测试赛筹办有序推进（走向冬奥）",
                "相约北京系列冬季体育赛事共安排20场",
            ),
        ),
        (
            ["各地纷纷出台促进夜间经济发展的举措", "“夜经济”如何红火起来（消费视窗）"],
            ("各地纷纷出台促进夜间经济发展的举措", "“夜经济”如何红火起来（消费视窗）", None),
        ),
        (
            ["陈希在青海调研时强调", "切实把党中央关于主题教育的各项要求落到实处"],
            ("陈希在青海调研时强调", "切实把党中央关于主题教育的各项要求落到实处", None),
        ),
        (
            ["2019年中国北京世界园艺博览会圆满闭幕", "李克强出席闭幕式"],
            (None, "2019年中国北京世界园艺博览会圆满闭幕", "李克强出席闭幕式"),
        ),
        (
            ["香港特区政府", "对美众议院通过涉港法案表示遗憾", "强调外国议会不应干涉香港事务"],
            ("香港特区政府", "对美众议院通过涉港法案表示遗憾", "强调外国议会不应干涉香港事务"),
        ),
    ],
)
def test_roles_of_the_lines_of_a_headline_block(lines, roles) -> None:
    assert headline_roles(lines) == roles


def test_title_is_always_the_main_headline_and_headlines_keep_page_order() -> None:
    page = parse_text(
        "第一篇\n" + BODY + "\n发展扶贫产业 激发内生动力\n西藏让农牧民腰包鼓起来\n" + BODY
    )
    article = page.articles[1]
    assert article.headlines == ["发展扶贫产业 激发内生动力", "西藏让农牧民腰包鼓起来"]
    assert article.kicker == "发展扶贫产业 激发内生动力"
    assert article.title == "西藏让农牧民腰包鼓起来"
    assert article.subtitle is None


def test_main_headline_broken_over_two_lines_keeps_both_lines() -> None:
    page = parse_text(
        "第一篇\n" + BODY + "\n国家主席习近平在加德满都\n会见尼泊尔总统班达里\n" + BODY
    )
    assert page.articles[1].headlines == ["国家主席习近平在加德满都", "会见尼泊尔总统班达里"]
    assert page.articles[1].section is None


def test_column_label_above_a_headline_block_is_the_section() -> None:
    page = parse_text("第一篇\n" + BODY + "\n动感2019\n军运会女排小组赛\n中国队胜巴西队\n" + BODY)
    article = page.articles[1]
    assert article.section == "动感2019"
    assert article.headlines == ["军运会女排小组赛", "中国队胜巴西队"]
    assert article.title == "中国队胜巴西队"


def test_column_name_printed_above_the_headline_is_the_section() -> None:
    page = parse_text("第一篇\n" + BODY + "\n人民时评\n在大历史中感受爱国力量\n" + BODY)
    article = page.articles[1]
    assert (article.section, article.headlines) == ("人民时评", ["在大历史中感受爱国力量"])
    assert article.title == "在大历史中感受爱国力量"


def test_short_kicker_is_not_taken_for_a_column_name() -> None:
    page = parse_text("第一篇\n" + BODY + "\n胡春华强调\n坚决如期攻克深度贫困堡垒\n" + BODY)
    article = page.articles[1]
    assert article.section is None
    assert article.kicker == "胡春华强调"


def test_headline_and_first_paragraph_on_one_line() -> None:
    page = parse_text(
        "第一篇\n\n会议今天召开。\n\n"
        "秋收时节农民忙      十月以来，各地农民抓住晴好天气抢收秋粮，田间地头一派繁忙景象。\n\n"
        "据介绍，今年秋粮长势良好。\n"
    )
    article = page.articles[1]
    assert article.headlines == ["秋收时节农民忙"]
    assert article.paragraphs[0].startswith("十月以来")


def test_inner_heading_is_a_paragraph_not_a_new_article() -> None:
    page = parse_text(
        "标题一\n\n核心阅读\n\n今年以来，经济运行总体平稳。\n\n"
        "平台赋值：用好成果促发展\n\n去年十月，首届大会成功举办。\n\n\n"
        "标题二\n\n第二篇的正文。\n"
    )
    first, second = page.articles
    assert first.headlines == ["标题一"]
    assert first.paragraphs == [
        "核心阅读",
        "今年以来，经济运行总体平稳。",
        "平台赋值：用好成果促发展",
        "去年十月，首届大会成功举办。",
    ]
    assert second.headlines == ["标题二"]
