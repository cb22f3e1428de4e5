"""Every page layout of issue 2 on small pages written for the test."""

from __future__ import annotations

import pytest

from reader.parse.model import Author
from reader.parse.page import parse_text


def articles(*blocks: str):
    return parse_text("\n\n".join(blocks)).articles


LEAD = "本报讯 (记者 朱梦琪) 昨天, 区委召开会议。"


@pytest.mark.parametrize(
    ("headlines", "title"),
    [
        (["我区召开重点工作推进会"], "我区召开重点工作推进会"),
        (["老旧小区焕新颜", "——改造工程全面完工"], "老旧小区焕新颜"),
        (["双向赋能 共创未来", "交流会在深圳举行"], "交流会在深圳举行"),
        (
            ["西太湖科技产业园", "又一批项目集中开工", "——总投资38.6亿元, 涵盖多个领域"],
            "又一批项目集中开工",
        ),
        (["小企业如何上云用数?"], "小企业如何上云用数？"),
        (["守护舌尖上的安全!", "我区开展专项检查"], "我区开展专项检查"),
    ],
)
def test_headlines_and_title(headlines: list[str], title: str) -> None:
    (article,) = articles(*headlines, LEAD)
    assert article.title == title
    assert len(article.headlines) == len(headlines)
    assert article.headlines[-1].startswith(headlines[-1][:3])
    assert article.paragraphs == ["昨天，区委召开会议。"]


@pytest.mark.parametrize(
    ("lead", "byline", "authors"),
    [
        (
            "本报讯 (舒泉清 记者 朱梦琪) ",
            "本报讯 (舒泉清 记者 朱梦琪)",
            [Author("朱梦琪", "记者"), Author("舒泉清", "通讯员")],
        ),
        (
            "本报讯 (通讯员 王小明 李华 记者 张丽) ",
            "本报讯 (通讯员 王小明 李华 记者 张丽)",
            [Author("张丽", "记者"), Author("王小明", "通讯员"), Author("李华", "通讯员")],
        ),
        (
            "新华社南京10月24日电 (记者 吴嘉怡 邓丽) ",
            "新华社南京10月24日电 (记者 吴嘉怡 邓丽)",
            [Author("吴嘉怡", "记者"), Author("邓丽", "记者")],
        ),
    ],
)
def test_leads_become_bylines(lead: str, byline: str, authors: list[Author]) -> None:
    (article,) = articles(
        "全省秋收进度过半", lead + "全省已收获水稻1200万亩。", "各地抢抓晴好天气。"
    )
    assert article.byline == byline
    assert article.authors == authors
    assert article.paragraphs == ["全省已收获水稻1200万亩。", "各地抢抓晴好天气。"]


def test_byline_on_its_own_line_is_not_a_paragraph() -> None:
    (article,) = articles(
        "老旧小区焕新颜", "□本报记者 姚思远 通讯员 邹春生", "楼道亮堂了, 管网换新了。"
    )
    assert article.byline == "□本报记者 姚思远 通讯员 邹春生"
    assert article.authors == [Author("姚思远", "记者"), Author("邹春生", "通讯员")]
    assert article.paragraphs == ["楼道亮堂了，管网换新了。"]


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("介绍了常州在以机器人、工业", "母机为代表的9个赛道有关情况。", "工业母机为代表"),
        ("赛事期间, 2.3", "万余次志愿服务保障了比赛。", "2.3万余次"),
        ("他说,", "今天是第8年。", "他说，今天是"),
        ("董事长商院", "芳; 华大集团首席运营官路军。", "董事长商院芳；华大集团"),
        ("公司落户Shenzhen", "Bay Area的园区。", "Shenzhen Bay Area"),
        ("项目总投资", "1.5亿元。", "总投资1.5亿元"),
    ],
)
def test_column_breaks_continue_the_paragraph(left: str, right: str, joined: str) -> None:
    (article,) = articles("标题", LEAD, left, right, "下一段。")
    assert len(article.paragraphs) == 3
    assert joined in article.paragraphs[1]
    assert article.paragraphs[2] == "下一段。"


def test_short_text_after_finished_paragraph_then_text_is_not_a_new_article() -> None:
    (article,) = articles("标题", LEAD, "副市长介绍了机器人、工业", "母机有关情况。")
    assert article.paragraphs[1] == "副市长介绍了机器人、工业母机有关情况。"


def test_subheadings_stay_in_the_article() -> None:
    (article,) = articles(
        "老旧小区焕新颜",
        LEAD,
        "■ 问需于民 改出幸福感",
        "社区收集意见300余条。",
        "■ 精细施工",
        "更新管网4.6万米。",
    )
    assert article.paragraphs == [
        "昨天，区委召开会议。",
        "■ 问需于民 改出幸福感",
        "社区收集意见300余条。",
        "■ 精细施工",
        "更新管网4.6万米。",
    ]


@pytest.mark.parametrize(
    ("credit", "shown", "photographer"),
    [
        ("徐晶玮 摄", "徐晶玮 摄", "徐晶玮"),
        ("本报记者 王晓燕 摄", "本报记者 王晓燕 摄", "王晓燕"),
        ("(记者 张子涵 摄)", "（记者 张子涵 摄）", "张子涵"),
    ],
)
def test_caption_and_credit(credit: str, shown: str, photographer: str) -> None:
    first, second = articles(
        "马拉松开跑",
        LEAD,
        "图为选手们奔跑在绿道上。",
        credit,
        "下一篇",
        "本报讯 (记者 段雪梅) 梨园飘香。",
    )
    assert first.captions == ["图为选手们奔跑在绿道上。", shown]
    assert first.authors == [Author("朱梦琪", "记者"), Author(photographer, "摄影")]
    assert first.paragraphs == ["昨天，区委召开会议。"]
    assert second.title == "下一篇"


def test_credit_at_the_end_of_a_caption() -> None:
    (article,) = articles("标题", LEAD, "图为改造后的口袋公园。 (记者 姚思远 摄)")
    assert article.captions == ["图为改造后的口袋公园。（记者 姚思远 摄）"]
    assert Author("姚思远", "摄影") in article.authors


def test_column_label_heads_a_photo_news_item() -> None:
    news, photo = articles(
        "标题",
        LEAD,
        "重点项目 进行时",
        "青创港项目总投资1.5亿元, 预计2025年5月",
        "竣工。",
        "徐晶玮 摄",
    )
    assert news.title == "标题"
    assert photo.section == "重点项目 进行时"
    assert photo.title == "重点项目 进行时"
    assert photo.headlines == []
    assert photo.paragraphs == ["青创港项目总投资1.5亿元，预计2025年5月竣工。"]
    assert photo.captions == ["徐晶玮 摄"]
    assert photo.authors == [Author("徐晶玮", "摄影")]


def test_plain_article_with_indented_paragraphs() -> None:
    text = (
        "湟里镇蜜梨喜获丰收\n"
        "　　秋日的湟里镇, 梨园飘香。\n"
        "　　今年全镇种植蜜梨5800亩, 产值突破9000万元。\r\n"
        "　　“今年光是线上就卖出去30多万斤。”种植大户说。\n"
    )
    (article,) = parse_text(text).articles
    assert article.title == "湟里镇蜜梨喜获丰收"
    assert article.byline is None
    assert article.paragraphs == [
        "秋日的湟里镇，梨园飘香。",
        "今年全镇种植蜜梨5800亩，产值突破9000万元。",
        "“今年光是线上就卖出去30多万斤。”种植大户说。",
    ]


def test_several_articles_keep_page_order() -> None:
    page = articles("第一篇", LEAD, "第二篇", "——副题", LEAD, "第三篇", LEAD)
    assert [a.title for a in page] == ["第一篇", "第二篇", "第三篇"]
    assert page[1].headlines == ["第二篇", "——副题"]


def test_text_without_headline_gets_a_title_from_its_start() -> None:
    (article,) = articles("本报讯 (记者 方静) 家门口的小广场改造好了。")
    assert article.title.startswith("家门口的小广场")
    assert article.headlines == []


@pytest.mark.parametrize(
    "text", ["合作社员工检修电路, 确保秋收用电。", "本报记者日前从区教育局获悉, 新学校开工。"]
)
def test_ordinary_sentences_are_not_taken_for_leads(text: str) -> None:
    (article,) = articles("标题", LEAD, text)
    assert article.byline == "本报讯 (记者 朱梦琪)"
    assert len(article.paragraphs) == 2


def test_indented_lines_start_paragraphs_even_after_an_unfinished_one() -> None:
    text = "蜜梨丰收\n　　梨园飘香\n　　今年全镇种植蜜梨5800亩。\n"
    (article,) = parse_text(text).articles
    assert article.title == "蜜梨丰收"
    assert article.paragraphs == ["梨园飘香", "今年全镇种植蜜梨5800亩。"]


def test_column_label_above_an_article_with_three_headlines() -> None:
    (article,) = articles(
        "重点项目 进行时", "西太湖科技产业园", "又一批项目开工", "——总投资38.6亿元", LEAD
    )
    assert article.section == "重点项目 进行时"
    assert article.headlines == ["西太湖科技产业园", "又一批项目开工", "——总投资38.6亿元"]
    assert article.title == "又一批项目开工"
