"""PDF pages the tests write themselves (reportlab, the CID font STSong-Light): columns
read in order, headlines by type size, captions by small type, nothing lost."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from reader.errors import InputFileError
from reader.parse.model import ParsedArticle
from reader.parse.punctuation import normalize_punctuation
from reader.sources import SourceKind, read_source
from reader.sources.pdf import read_pdf
from tests.sources.make_pdf import (
    Frame,
    Story,
    dense_front_page,
    newspaper_pdf,
    pages_pdf,
    scanned_pdf,
    stacked_pages_pdf,
)
from tests.sources.texts import corpus_page, made_up_paragraph

_SPACE = re.compile(r"\s+")


def _squeezed(texts: list[str]) -> str:
    return _SPACE.sub("", "".join(texts))


def _put_in(story: Story) -> str:
    return _squeezed([text for text, _ in story.headlines] + story.paragraphs + [story.caption])


def _read_back(article: ParsedArticle) -> str:
    return _squeezed(article.printed_texts())


def _front_page() -> tuple[bytes, list[Story]]:
    """A lead story under a kicker and a headline set across three columns (its text
    ending over the first one), then two stories side by side: one over two columns,
    one in the third column, their headlines at the same height."""
    lead = Story(
        [("本报要闻", 14), ("秋收时节田野忙", 24)],
        [made_up_paragraph(seed) for seed in range(1, 5)],
        caption="图为农民在田间收割水稻。",
    )
    second = Story(
        [("城市更新让老街焕发新生", 18)], [made_up_paragraph(seed) for seed in range(5, 8)]
    )
    third = Story(
        [("科技小院", 16)], [made_up_paragraph(seed) for seed in range(8, 10)], caption="张三 摄"
    )
    frames = [
        Frame(40, 780, 520, 3, 450, story=lead),
        Frame(40, 470, 340, 2, 40, story=second),
        Frame(400, 470, 160, 1, 40, story=third),
    ]
    return newspaper_pdf(frames), [lead, second, third]


def test_multi_column_page_finds_every_article_with_its_title() -> None:
    data, _ = _front_page()
    document = read_source(data, "page-01.pdf")
    assert document.kind is SourceKind.PDF
    assert [a.title for a in document.articles] == [
        "秋收时节田野忙",
        "城市更新让老街焕发新生",
        "科技小院",
    ]
    # The kicker is kept above the title (the parser may call a lone one a column label).
    assert document.articles[0].printed_texts()[:2] == ["本报要闻", "秋收时节田野忙"]


def test_multi_column_page_reads_columns_in_order_and_loses_no_character() -> None:
    data, stories = _front_page()
    articles = read_pdf(data).articles
    assert [_read_back(article) for article in articles] == [_put_in(s) for s in stories]


def test_paragraphs_are_rebuilt_across_lines_and_column_breaks() -> None:
    data, stories = _front_page()
    articles = read_pdf(data).articles
    for article, story in zip(articles, stories, strict=True):
        assert article.paragraphs == story.paragraphs


@pytest.mark.parametrize("number", [1, 2, 13, 18, 20, 23])
def test_dense_pages_in_small_type_keep_every_paragraph(number: int) -> None:
    """7-point body, a short headline over three columns, columns that end on a full
    stop mid-paragraph (the next column's unindented top line carries it on)."""
    data, stories = dense_front_page(number)
    articles = read_pdf(data).articles
    assert [a.title for a in articles] == [s.headlines[-1][0] for s in stories]
    for article, story in zip(articles, stories, strict=True):
        assert article.paragraphs == story.paragraphs


def test_small_type_under_a_story_is_its_caption() -> None:
    data, _ = _front_page()
    articles = read_pdf(data).articles
    assert articles[0].captions == ["图为农民在田间收割水稻。"]
    assert articles[2].captions == ["张三 摄"]
    assert [(a.name, a.role) for a in articles[2].authors] == [("张三", "摄影")]


def test_one_column_article_over_two_pages_is_one_article() -> None:
    paragraphs = [made_up_paragraph(seed, sentences=8) for seed in range(20, 32)]
    first = Story([("一篇很长的文章", 20)], paragraphs[:6])
    second = Story([], paragraphs[6:])
    data = pages_pdf(
        [[Frame(60, 760, 480, 1, 40, story=first)], [Frame(60, 760, 480, 1, 40, story=second)]]
    )
    document = read_pdf(data)
    assert [a.title for a in document.articles] == ["一篇很长的文章"]
    assert document.articles[0].paragraphs == paragraphs
    assert document.metadata["pages"] == "2"


def test_a_scan_without_text_is_refused_with_a_reason() -> None:
    with pytest.raises(InputFileError, match=r"no text in this PDF.*no OCR"):
        read_source(scanned_pdf(), "scan.pdf")


def test_a_damaged_pdf_is_refused_with_a_reason() -> None:
    data, _ = _front_page()
    with pytest.raises(InputFileError, match="not a readable PDF"):
        read_source(data[: len(data) // 3], "cut.pdf")


def test_raw_bytes_are_kept_for_parsing_again() -> None:
    data, _ = _front_page()
    document = read_pdf(data, "page-01.pdf")
    assert document.raw_bytes == data
    assert document.page.source.path == "page-01.pdf"
    assert "秋收时节田野忙" in document.page.raw_text


def test_real_newspaper_page_as_pdf_keeps_every_article_and_character() -> None:
    """The 11 articles of 人民日报 2019-10-15 page 3, set in three columns with kicker and
    subtitle in smaller type than the title, over as many PDF pages as they need."""
    page = corpus_page("20191015", "03")
    if len(page) < 3:
        pytest.skip("../shared/corpus/rmrb-2019-10 is not present")
    stories = [
        Story(
            [(line, size) for line, size in zip(headlines, (14, 22, 14), strict=True) if line],
            paragraphs,
        )
        for headlines, paragraphs in page
    ]
    articles = read_pdf(stacked_pages_pdf(stories)).articles
    assert [a.title for a in articles] == [headlines[1] for headlines, _ in page]
    for article, story in zip(articles, stories, strict=True):
        # Every character kept, none added (a closing byline moves to `byline`, so
        # the order of fields is not the order on the page).
        assert Counter(_read_back(article)) == Counter(
            _squeezed(
                [normalize_punctuation(text) for text, _ in story.headlines]
                + [normalize_punctuation(p) for p in story.paragraphs]
            )
        )
