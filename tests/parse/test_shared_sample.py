"""The real page in ../shared: five articles, as a reader of the paper sees them."""

from __future__ import annotations

import pytest

from reader.parse.model import Author
from reader.parse.page import read_page


@pytest.fixture
def articles(shared_sample_page):
    return read_page(shared_sample_page).articles


def test_five_articles_with_their_headlines(articles) -> None:
    assert [a.headlines for a in articles] == [
        ["双向赋能 共创未来", "2024常州·深圳开放创新合作交流会举行"],
        ["陈金虎率团赴深圳开展经贸洽谈活动", "深化拓展务实合作 加快锻造新质生产力"],
        ["市领导走访我区重点文化企业"],
        ["全市镇（街道）国有和集体资产管理向人大报告制度试点工作推进会召开"],
        [],
    ]
    assert articles[0].title == "2024常州·深圳开放创新合作交流会举行"
    assert articles[2].title == "市领导走访我区重点文化企业"


def test_bylines_as_printed_and_authors_by_role(articles) -> None:
    first = articles[0]
    assert first.byline == "本报讯 (舒泉清 记者 朱梦琪)"
    assert first.authors == [Author("朱梦琪", "记者"), Author("舒泉清", "通讯员")]
    assert articles[1].authors == [Author("朱梦琪", "记者"), Author("刘瑞", "通讯员")]
    assert articles[3].byline == "本报讯 (记者 史莲寅)"
    assert articles[3].authors == [Author("史莲寅", "记者")]
    assert first.paragraphs[0].startswith("昨天，2024常州·深圳开放创新合作交流会在深圳市举行")


def test_column_breaks_are_joined(articles) -> None:
    text = "\n".join(a.text for a in articles)
    for joined in (
        "工业母机为代表",
        "董事长商院芳；华大集团",
        "陈金虎说，今天是",
        "2025年起，所有",
    ):
        assert joined in text
    assert len(articles[0].paragraphs) == 7


def test_photo_news_item(articles) -> None:
    photo = articles[4]
    assert photo.section == "重点项目 进行时"
    assert photo.title == "重点项目 进行时"
    assert photo.captions == ["徐晶玮 摄"]
    assert photo.authors == [Author("徐晶玮", "摄影")]
    assert photo.paragraphs[0].startswith("区重点项目——武进青创港（人才公寓二期）")


def test_full_width_punctuation_in_chinese_only(articles) -> None:
    text = "\n".join(a.text for a in articles)
    assert "瑞声（中国）投资" in text
    assert "1.5亿元" in text
    assert "CEO王成录" in text
    assert not any(mark in text for mark in ",;()")
