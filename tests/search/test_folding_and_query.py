"""The tokenizer and the query parser, without a database."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.search.folding import fold, fold_char, paired, search_tokens, tokens
from reader.search.query import parse


def test_every_cjk_character_is_a_token_and_latin_runs_are_words():
    assert tokens("常州Shenzhen2024年") == ["常", "州", "shenzhen2024", "年"]
    assert tokens("かなカナ한국𠀀") == ["か", "な", "カ", "ナ", "한", "국", "𠀀"]


def test_full_width_and_case_fold_to_the_same_tokens():
    assert search_tokens("ＡＩ，芯片") == search_tokens("ai,芯片")
    assert search_tokens("ai,芯片").split() == ["ai", "|", "芯片", "片"]


def test_punctuation_is_a_barrier_but_whitespace_is_not():
    assert tokens("务，家") == ["务", "|", "家"]
    assert tokens("新质 生产力") == tokens("新质生产力")
    assert tokens("，常州。") == ["常", "州"]


def test_fold_maps_every_folded_character_back_to_its_origin():
    text = "㈱ＡＢ常州"  # ㈱ folds to three code points
    folded = fold(text)
    assert folded.text == "(株)ab常州"
    start = folded.text.index("常")
    assert text[slice(*folded.original_span(start, start + 2))] == "常州"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_fold_of_any_text_is_its_characters_folded_one_by_one(text):
    folded = fold(text)
    assert folded.text == "".join(fold_char(char) for char in text)
    assert len(folded.origin) == len(folded.text)
    assert list(folded.origin) == sorted(folded.origin)  # never runs backwards
    for position, origin in enumerate(folded.origin):
        assert fold_char(text[origin]).count(folded.text[position]) >= 1


def test_query_language():
    query = parse('常州 "新质 生产力" -广告 tag:经济 color:Yellow in:notes author:朱梦琪')
    assert [t.tokens for t in query.terms] == [("常", "州"), ("新", "质", "生", "产", "力")]
    assert [t.tokens for t in query.excluded] == [("广", "告")]
    assert query.tags == ("经济",) and query.colors == ("yellow",)
    assert query.kinds == ("notes",) and query.authors == ("朱梦琪",)


def test_latin_terms_are_prefixes_and_every_token_is_quoted():
    assert parse("Shenz").fts() == '"shenz"*'
    assert parse("常 常州 常州市 州AI").fts() == '"常"* AND "常州" AND "常州 州市" AND "州 ai"*'
    assert parse('AND OR NEAR( "').fts() == '"and"* AND "or"* AND "near"*'


def test_dates_and_bad_filters():
    assert parse("before:2024-10-01").before.year == 2024
    # times are compared in UTC, as they are stored
    assert parse("before:2024-10-01T08:00+08:00").before == parse("before:2024-10-01").before
    assert parse("after:yesterday").invalid
    assert parse("in:bogus").invalid


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parser_never_raises(text):
    query = parse(text)
    expression = query.fts()
    assert expression is None or expression.startswith('"')


@given(st.text(max_size=200))
def test_the_index_token_string_is_the_tokens_paired(text: str) -> None:
    """The C-speed token string of the index triggers holds exactly the paired tokens
    a query is built from, so a query finds what was indexed."""
    assert search_tokens(text).split() == paired(tokens(text))


@given(st.text(alphabet="常州市新质 \n，、AIaé1\x00\x1e\U00020000ｱ", max_size=300))
def test_runs_of_cjk_between_words_spaces_and_punctuation_are_paired_alone(text: str) -> None:
    """Texts dense in short CJK runs, spaces inside runs and the separators the
    pairing uses internally: each run's pairs stay its own, in the text's order."""
    assert search_tokens(text).split() == paired(tokens(text))


def test_a_run_of_cjk_characters_is_indexed_as_its_pairs_and_its_last_character() -> None:
    assert paired(tokens("新质 生产力，常AI")) == [
        "新质",
        "质生",
        "生产",
        "产力",
        "力",
        "|",
        "常",
        "ai",
    ]


@given(st.text(max_size=200))
def test_pairing_keeps_one_token_per_character_for_the_same_ranking(text: str) -> None:
    """bm25 weighs a match by the document's length in tokens: pairing must not change
    it, so articles rank as they did with one token per character."""
    assert len(paired(tokens(text))) == len(tokens(text))


def test_the_token_string_marks_punctuation_once_between_tokens() -> None:
    assert search_tokens("，「常州」AI-生成 ﬁle…").split() == [
        "常州",
        "州",
        "|",
        "ai",
        "|",
        "生成",
        "成",
        "file",
    ]
