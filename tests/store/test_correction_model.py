"""The correction model on plain articles (no database): a split or a merge keeps every
character of the text and tells exactly where each stretch went, whatever the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.parse.model import ParsedArticle
from reader.store import corrections as model

PARAGRAPH = st.text(alphabet="老街改造后游客明显增多。村民出行更方便了，", min_size=1, max_size=30)
ARTICLES = st.lists(st.lists(PARAGRAPH, min_size=1, max_size=5), min_size=1, max_size=4).map(
    lambda pages: [ParsedArticle(title=f"标题{i}", paragraphs=p) for i, p in enumerate(pages)]
)


def moved_text_is_the_same(before, applied) -> None:
    """Every stretch a piece names reads the same before and after."""
    for piece in applied.pieces:
        old = before[piece.old].text[piece.old_start : piece.old_end]
        new_text = applied.articles[piece.new].text
        assert new_text[piece.new_start : piece.new_start + len(old)] == old


@given(ARTICLES, st.data())
def test_a_split_anywhere_keeps_the_text_and_maps_it(articles, data) -> None:
    index = data.draw(st.integers(0, len(articles) - 1))
    text = articles[index].text
    if len(text) < 2:
        return
    at = data.draw(st.integers(1, len(text) - 1))
    try:
        correction = model.split_at(articles, index, at)
    except model.NoFit:
        return  # a cut at the end of the text: nothing after it
    applied = model.apply(correction, articles, "")

    first, second = applied.articles[index], applied.articles[index + 1]
    assert len(applied.articles) == len(articles) + 1
    assert first.text + "\n" + second.text == text or first.text + second.text == text
    moved_text_is_the_same(articles, applied)
    covered = sum(p.old_end - p.old_start for p in applied.pieces if p.old == index)
    assert covered >= len(text) - 1  # all but at most the paragraph break at the cut


@given(ARTICLES, st.data())
def test_a_merge_keeps_both_texts_and_maps_them(articles, data) -> None:
    if len(articles) < 2:
        return
    index = data.draw(st.integers(1, len(articles) - 1))
    correction = model.merge_with_previous(articles, index)
    applied = model.apply(correction, articles, "")

    assert len(applied.articles) == len(articles) - 1
    merged = applied.articles[index - 1].text
    assert articles[index - 1].text in merged and articles[index].text in merged
    moved_text_is_the_same(articles, applied)
    assert {p.old for p in applied.pieces} == set(range(len(articles)))


def test_a_split_found_again_where_its_context_fits_among_repeats() -> None:
    articles = [
        ParsedArticle(title="甲", paragraphs=["重复的话。前文甲", "重复的话。前文乙", "重复的话。"])
    ]
    correction = model.split_at(articles, 0, articles[0].text.rindex("重复的话"))

    applied = model.apply(correction, articles, "")

    assert applied.articles[1].paragraphs == ["重复的话。"]


def test_a_quote_gone_from_the_page_does_not_fit() -> None:
    articles = [ParsedArticle(title="甲", paragraphs=["第一段。", "第二段。"])]
    correction = model.with_page_position(model.split_at(articles, 0, 5), "甲\n第一段。\n第二段。")
    changed = [ParsedArticle(title="甲", paragraphs=["第一段。", "改过的第二段。"])]

    try:
        model.apply(correction, changed, "甲\n第一段。\n改过的第二段。")
    except model.NoFit as error:
        assert "第二段" in str(error)
    else:
        raise AssertionError("applied to a page that no longer holds its text")
