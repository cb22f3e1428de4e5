"""Property tests: whatever the page, parsing never crashes and loses no character."""

from __future__ import annotations

import functools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.parse.page import parse_text
from reader.parse.punctuation import fold_punctuation

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
NAME = st.text(HAN, min_size=2, max_size=3)
WORD = st.one_of(
    st.text(HAN, min_size=1, max_size=6),
    st.sampled_from(["5G", "AI", "Shenzhen", "1.5亿元", "10:30", "2024年", "CEO"]),
)
MARK = st.sampled_from([", ", "; ", ": ", "、", "", " ", "(", ") ", "“", "”", "——"])
END = st.sampled_from(["。", "!", "?", "。”", ""])


@st.composite
def sentences(draw) -> str:
    parts = draw(st.lists(st.tuples(WORD, MARK), min_size=1, max_size=8))
    return "".join(word + mark for word, mark in parts) + draw(END)


@st.composite
def blocks(draw) -> list[str]:
    kind = draw(st.integers(0, 11))
    if kind == 0:
        return [draw(st.text(HAN, min_size=2, max_size=20)) for _ in range(draw(st.integers(1, 3)))]
    if kind == 1:
        return ["——" + draw(st.text(HAN, min_size=2, max_size=15))]
    if kind == 2:
        lead = draw(
            st.sampled_from(
                [
                    "本报讯 ({a} 记者 {b}) ",
                    "本报讯 (通讯员 {a} 记者 {b}) ",
                    "新华社南京10月24日电 (记者 {b}) ",
                    "本报讯 ",
                ]
            )
        )
        return [lead.format(a=draw(NAME), b=draw(NAME)) + draw(sentences())]
    if kind == 3:
        return [f"□本报记者 {draw(NAME)} 通讯员 {draw(NAME)}"]
    if kind == 4:
        return ["■ " + draw(st.text(HAN, min_size=2, max_size=10))]
    if kind == 5:
        credit = draw(st.sampled_from(["{n} 摄", "本报记者 {n} 摄", "(记者 {n} 摄)"]))
        return [credit.format(n=draw(NAME))]
    if kind == 6:
        return ["图为" + draw(sentences())]
    if kind == 8:
        furniture = [
            "2019年10月15日 星期二",
            "第5版（评论）",
            "专栏:",
            "责任编辑：{n}",
            "（相关报道见第九版）",
        ]
        return [draw(st.sampled_from(furniture)).format(n=draw(NAME))]
    if kind == 9:
        closing = [
            "（本报北京10月14日电）",
            "（{n}）",
            "（{n}参与采写）",
            "（新华社武汉9月23日电  记者{n}）",
        ]
        return [draw(st.sampled_from(closing)).format(n=draw(NAME))]
    if kind == 7:
        text = draw(sentences())
        cut = draw(st.integers(0, len(text)))
        return [text[:cut], text[cut:]]  # a column break anywhere
    return [draw(sentences())]


@st.composite
def pages(draw) -> str:
    parts = [block for group in draw(st.lists(blocks(), max_size=25)) for block in group]
    separators = st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n\n\n", "\n　　", "\r"])
    if draw(st.booleans()):
        return draw(separators).join(parts)
    # Mixed layouts: each gap chosen on its own.
    return "".join(part + draw(separators) for part in parts)


def characters(texts) -> Counter[str]:
    """Non-space characters, ASCII punctuation folded to its full-width form."""
    return Counter(c for c in fold_punctuation("".join(texts)) if not c.isspace())


def assert_nothing_lost(text: str) -> None:
    page = parse_text(text)
    assert characters(page.printed_texts()) == characters([text])
    assert page.raw_text == text


@settings(max_examples=200, deadline=None)
@given(pages())
def test_generated_pages_lose_nothing(text: str) -> None:
    assert_nothing_lost(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text_never_crashes_and_loses_nothing(text: str) -> None:
    assert_nothing_lost(text)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 10_000))
def test_synthetic_benchmark_pages_lose_nothing(seed: int) -> None:
    from tests.perf.synthetic import make_pages

    for text in make_pages(2, seed):
        assert_nothing_lost(text)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_pages_built_from_the_corpus_lose_nothing(data) -> None:
    """Real text from ../shared/corpus in every layout (skipped where it is absent)."""
    from tests.parse.corpus_pages import CORPUS, LAYOUTS, build_page

    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    groups = _corpus_groups()
    stories = data.draw(st.sampled_from(groups))
    layout = data.draw(st.sampled_from(LAYOUTS))
    page = build_page(stories, layout, seed=data.draw(st.integers(0, 1000)))
    assert_nothing_lost(page.text)


@functools.cache
def _corpus_groups():
    from tests.parse.corpus_pages import page_groups

    return page_groups("20191020")
