"""Re-anchoring highlights on changed text: exact when possible, orphan when unsure."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.store.anchoring import CONTEXT_LENGTH, make_selector, reanchor

TEXT = (
    "常州将进一步以产业对接深化常深合作，以创新协同深化常深合作。\n"
    "副市长潘冬铃发布了常州市新质生产力细分赛道投资机遇，介绍了合成生物、低空经济等领域。\n"
    "交流会上共有30个签约项目，总投资近200亿元，涉及新能源、智能装备、新材料等领域。"
)


def selector_for(text: str, quote: str, occurrence: int = 1):
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    return make_selector(text, start, start + len(quote))


def test_selector_keeps_quote_and_about_32_code_points_of_context() -> None:
    selector = selector_for(TEXT, "新质生产力")
    assert selector.exact == "新质生产力"
    assert TEXT.endswith(selector.suffix) or len(selector.suffix) == CONTEXT_LENGTH
    assert len(selector.prefix) == CONTEXT_LENGTH
    assert TEXT[selector.start - CONTEXT_LENGTH : selector.start] == selector.prefix


def test_unchanged_text_keeps_the_same_span() -> None:
    selector = selector_for(TEXT, "合成生物")
    anchor = reanchor(selector, TEXT, TEXT)
    assert (anchor.method, anchor.start, anchor.end) == ("position", selector.start, selector.end)


def test_insertion_before_moves_the_span_by_the_diff() -> None:
    selector = selector_for(TEXT, "合成生物")
    new_text = "【导读】本文新增一句开场白。\n" + TEXT
    anchor = reanchor(selector, new_text, TEXT)
    assert anchor.method == "diff"
    assert new_text[anchor.start : anchor.end] == "合成生物"
    assert anchor.start == selector.start + len("【导读】本文新增一句开场白。\n")


def test_insertion_after_keeps_the_position() -> None:
    selector = selector_for(TEXT, "合成生物")
    anchor = reanchor(selector, TEXT + "\n补充一段结尾。", TEXT)
    assert (anchor.method, anchor.start) == ("position", selector.start)


def test_without_old_text_the_quote_is_found_by_search() -> None:
    selector = selector_for(TEXT, "总投资近200亿元")
    new_text = "新增内容。" + TEXT
    anchor = reanchor(selector, new_text)
    assert anchor.method == "quote"
    assert new_text[anchor.start : anchor.end] == "总投资近200亿元"


def test_repeated_quote_is_told_apart_by_its_context() -> None:
    selector = selector_for(TEXT, "深化常深合作", occurrence=2)
    new_text = "开头。" + TEXT.replace("创新协同", "创新协同发展")
    anchor = reanchor(selector, new_text)
    expected = new_text.index("深化常深合作", new_text.index("创新协同发展"))
    assert (anchor.start, anchor.end) == (expected, expected + len("深化常深合作"))


def test_slightly_edited_quote_is_found_fuzzily() -> None:
    quote = "副市长潘冬铃发布了常州市新质生产力细分赛道投资机遇"
    selector = selector_for(TEXT, quote)
    new_text = TEXT.replace("发布了常州市", "发布常州市")
    anchor = reanchor(selector, new_text, TEXT)
    assert anchor.method == "fuzzy"
    found = new_text[anchor.start : anchor.end]
    assert "潘冬铃" in found and "细分赛道" in found


def test_removed_passage_becomes_an_orphan() -> None:
    selector = selector_for(TEXT, "低空经济")
    new_text = TEXT.replace("介绍了合成生物、低空经济等领域", "介绍了有关情况")
    anchor = reanchor(selector, new_text, TEXT)
    assert anchor.orphaned
    assert anchor.start is None and anchor.end is None


def test_lookalike_passage_elsewhere_is_not_taken() -> None:
    text = "甲地今年粮食产量再创新高，农民收入稳步增长。\n乙地的工业园区正在扩建。"
    selector = selector_for(text, "粮食产量再创新高")
    # The passage is gone; a similar sentence about somewhere else remains.
    new_text = "乙地的工业园区正在扩建。\n丙县蔬菜产量再创新高，全靠大棚。"
    anchor = reanchor(selector, new_text, text)
    assert anchor.orphaned


def test_short_quote_found_only_in_a_foreign_context_is_an_orphan() -> None:
    text = "他说：今天是个好日子，我们签了合同。"
    selector = selector_for(text, "好日子")
    new_text = "完全不同的一篇报道，标题叫好日子，讲的是别的事情。"
    assert reanchor(selector, new_text, text).orphaned


def test_astral_characters_before_the_highlight_keep_code_point_offsets() -> None:
    text = "𠮷野家𠮷𠮷的招牌菜是牛肉饭，很受欢迎。"
    selector = selector_for(text, "牛肉饭")
    assert selector.start == text.index("牛肉饭")
    new_text = "𠮷" + text
    anchor = reanchor(selector, new_text, text)
    assert new_text[anchor.start : anchor.end] == "牛肉饭"
    assert anchor.start == selector.start + 1


paragraph = st.text(alphabet="甲乙丙丁戊己庚辛壬癸子丑寅卯𠮷ab12，。", min_size=0, max_size=60)


@settings(max_examples=150, deadline=None)
@given(
    before=paragraph,
    quote=st.text(alphabet="天地玄黄宇宙洪荒", min_size=1, max_size=12),
    after=paragraph,
    inserted_before=paragraph,
    inserted_after=paragraph,
)
def test_insertions_around_an_unchanged_quote_never_lose_or_misplace_it(
    before: str, quote: str, after: str, inserted_before: str, inserted_after: str
) -> None:
    old_text = before + quote + after
    selector = make_selector(old_text, len(before), len(before) + len(quote))
    assert reanchor(selector, old_text, old_text).start == len(before)
    new_text = inserted_before + before + quote + after + inserted_after
    anchor = reanchor(selector, new_text, old_text)
    assert not anchor.orphaned
    assert new_text[anchor.start : anchor.end] == quote
    assert anchor.start == len(inserted_before) + len(before)


@settings(max_examples=200, deadline=None)
@given(
    old_text=st.text(alphabet="甲乙丙丁戊己庚辛𠮷ab，。\n", min_size=1, max_size=120),
    data=st.data(),
)
def test_a_placed_highlight_always_shows_its_quote_or_a_close_match(old_text, data) -> None:
    start = data.draw(st.integers(0, len(old_text) - 1))
    end = data.draw(st.integers(start + 1, len(old_text)))
    cut_start = data.draw(st.integers(0, len(old_text)))
    cut_end = data.draw(st.integers(cut_start, len(old_text)))
    replacement = data.draw(st.text(alphabet="甲乙丙子丑寅𠮷x。", max_size=20))
    new_text = old_text[:cut_start] + replacement + old_text[cut_end:]
    selector = make_selector(old_text, start, end)

    anchor = reanchor(selector, new_text, old_text)

    if anchor.orphaned:
        return
    assert 0 <= anchor.start < anchor.end <= len(new_text)
    found = new_text[anchor.start : anchor.end]
    if anchor.method == "fuzzy":
        from rapidfuzz import fuzz

        assert fuzz.ratio(found, selector.exact) >= 50
    else:
        assert found == selector.exact
