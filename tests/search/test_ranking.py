"""A one-phrase CJK search ranks its window as FTS5's bm25 does, without bm25's IDF pass
(`reader.search.ranking`), and CJK snippets read the original text only when folding
cannot change the matches (`reader.search.unfolded`)."""

from __future__ import annotations

import heapq
import math
import sqlite3
from operator import itemgetter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.search import engine, index
from reader.search.engine import _ARTICLE_INDEX, _HIGHLIGHT, _NOTE, RANK_WINDOW, search
from reader.search.folding import Folded, fold, fold_char, is_cjk
from reader.search.query import parse
from reader.search.ranking import ARTICLE_HEAD, single_phrase, window_scores
from reader.search.unfolded import CHANGED_BY_FOLDING, changes_a_match, disturbers

#: Characters that repeat (so phrases overlap: 乡村乡村), whitespace that does not end a
#: run of CJK characters, punctuation that does, Latin, and characters folding into the
#: alphabet's own: ⼀ (Kangxi radical) and ㈠ (`(一)`) into 一, 豈 (U+F900) into 豈.
CJK = "一乡村区营商\u8c48"
ALPHABET = CJK + "  \n\u3000，a⼀㈠\uf900"
texts = st.text(alphabet=ALPHABET, min_size=1, max_size=60)
phrases = st.text(alphabet=CJK, min_size=1, max_size=4)
names = st.text(alphabet=CJK, min_size=1, max_size=3)


def _in_ranges(code: int) -> bool:
    return any(first <= code <= last for first, last in CHANGED_BY_FOLDING)


def test_the_listed_ranges_hold_every_character_whose_folding_changes_a_cjk_match() -> None:
    missed = [
        hex(code)
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF and changes_a_match(chr(code)) and not _in_ranges(code)
    ]
    assert not missed


def test_the_index_tokenizer_keeps_every_cjk_character_as_python_pairs_it() -> None:
    """Counting a phrase in the text relies on FTS5 seeing each CJK character folding
    leaves (the only ones the tokens hold) as a letter, not folded further (checked on
    this SQLite)."""
    chars = [
        chr(c)
        for c in range(0x110000)
        if not 0xD800 <= c <= 0xDFFF and is_cjk(chr(c)) and fold_char(chr(c)) == chr(c)
    ]
    connection = sqlite3.connect(":memory:")
    connection.execute(f"CREATE VIRTUAL TABLE f USING fts5(x, tokenize='{index.TOKENIZE}')")
    connection.execute("CREATE VIRTUAL TABLE v USING fts5vocab(f, row)")
    connection.executemany(
        "INSERT INTO f(x) VALUES (?)",
        [
            (" ".join(f"a{char}a" for char in chars[n : n + 2000]),)
            for n in range(0, len(chars), 2000)
        ],
    )
    terms = {term for (term,) in connection.execute("SELECT term FROM v")}
    assert [char for char in chars if f"a{char}a" not in terms] == []


def test_the_article_head_is_the_text_the_index_triggers_read() -> None:
    trigger = next(sql for sql in index.SCHEMA if "article_fts_ai" in sql)
    assert f"search_tokens({ARTICLE_HEAD.replace('a.', 'new.')})" in trigger


def test_disturbers_are_the_characters_folding_into_the_phrase() -> None:
    assert disturbers("一") >= {"⼀", "㈠"}
    assert all(char in fold(other).text for other in disturbers("一") for char in "一")
    assert disturbers("营商") == frozenset()


def _fts5_window(db, idx, match: str) -> list[tuple[int, float]]:
    return db.execute_sql(
        f"SELECT rowid, {idx.bm25} FROM {idx.table} WHERE {idx.table} MATCH ?"
        " ORDER BY rowid DESC LIMIT ?",
        (match, RANK_WINDOW),
    ).fetchall()


def _idf(db, table: str, phrase_match: str) -> float:
    (rows,) = db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()
    (hits,) = db.execute_sql(
        f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (phrase_match,)
    ).fetchone()
    idf = math.log((rows - hits + 0.5) / (hits + 0.5))
    return idf if idf > 0.0 else 1e-6


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    articles=st.lists(st.tuples(texts, texts), min_size=1, max_size=8),
    marks=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 59), texts, names), max_size=8),
    phrase=phrases,
    excluded=st.one_of(st.none(), phrases),
)
def test_window_scores_are_bm25_without_its_idf_factor_and_order_alike(
    library, add_article, articles, marks, phrase, excluded
) -> None:
    """For every index, each matching row's score times the phrase's IDF is FTS5's bm25
    to the last bit, and the best `limit` rows come out in the same order."""
    ids = [add_article(title, text) for title, text in articles]
    for which, start, note, tag in marks:
        aid = ids[which % len(ids)]
        text = library.get_article(aid).text
        begin = start % len(text)
        library.add_highlight(aid, begin, min(len(text), begin + 3), note=note, tags=[tag])
    query = parse(phrase + (f" -{excluded}" if excluded else ""))
    found = single_phrase(query)
    assert found is not None and found.chars == phrase
    db = library.database
    positive = query.terms[0].fts()
    for idx in (_ARTICLE_INDEX, _HIGHLIGHT.index, _NOTE.index):
        expected = _fts5_window(db, idx, query.fts())
        ours = window_scores(db, idx, found, [rowid for rowid, _ in expected])
        assert ours is not None
        idf = _idf(db, idx.table, positive)
        assert [rowid for rowid, _ in ours] == [rowid for rowid, _ in expected]
        assert [-1.0 * (idf * -score) for _, score in ours] == [bm25 for _, bm25 in expected]
        for limit in (1, 3, 50):
            best = heapq.nsmallest(limit, ours, key=itemgetter(1))
            assert [r for r, _ in best] == [
                r for r, _ in heapq.nsmallest(limit, expected, key=itemgetter(1))
            ]


def _hits(results) -> list[tuple[str, int, int | None, str, tuple]]:
    return [
        (h.kind, h.article_id, h.highlight_id, h.snippet, h.snippet_spans) for h in results.all()
    ]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(articles=st.lists(st.tuples(texts, texts), min_size=1, max_size=6), phrase=phrases)
def test_search_finds_and_orders_hits_as_with_fts5_ranking(
    library, add_article, articles, phrase, monkeypatch
) -> None:
    for title, text in articles:
        aid = add_article(title, text)
        library.add_highlight(aid, 0, min(3, len(text)), note=text[:5], tags=[phrase])
    ours = search(library, phrase, limit=4)
    with monkeypatch.context() as patched:
        patched.setattr(engine, "single_phrase", lambda query: None)
        theirs = search(library, phrase, limit=4)
    assert _hits(ours) == _hits(theirs)


def test_a_one_phrase_search_asks_fts5_for_no_bm25(library, add_article) -> None:
    """bm25 would first count every match of the phrase in each index."""
    add_article("乡村振兴", "乡村振兴，营商环境。")
    statements: list[str] = []
    connection = library.database.connection()
    connection.set_trace_callback(statements.append)
    try:
        found = search(library, "乡村振兴", limit=5)
        assert [hit.kind for hit in found.all()] == ["article"]
        assert not [sql for sql in statements if "bm25(" in sql]
        statements.clear()
        search(library, "乡村 振兴", limit=5)  # two phrases: their IDFs weigh them
        assert [sql for sql in statements if "bm25(" in sql]
    finally:
        connection.set_trace_callback(None)


@settings(max_examples=40, deadline=None)
@given(text=texts, terms=st.lists(phrases, min_size=1, max_size=2))
def test_cjk_snippet_spans_are_those_of_the_folded_text(text, terms) -> None:
    matcher = engine._matcher(parse(" ".join(terms)))
    assert matcher is not None and matcher.disturbers is not None
    folded = engine._match_spans(fold(text), matcher.pattern)
    assert matcher.spans(text) == folded
    assert engine._match_spans(Folded(text, range(len(text))), matcher.pattern) == folded or (
        not all(char not in text for char in matcher.disturbers)
    )


@pytest.mark.parametrize("text", ["乡村 振兴", "vitamin", "新冠-疫苗", "区 市"])
def test_only_one_cjk_phrase_is_ranked_here(text) -> None:
    assert single_phrase(parse(text)) is None
