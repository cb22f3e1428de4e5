"""The paired index (runs of CJK characters stored as overlapping pairs) finds and
ranks exactly what one token per character found and ranked: checked against a
brute-force scan and against an index of single characters, on small random corpora
whose few characters make every query common."""

from __future__ import annotations

import random
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.search.engine import search
from reader.search.folding import search_tokens, tokens
from reader.search.index import OPTIONS, TOKENIZE
from reader.search.query import parse

ALPHABET = "常州市经济发展"
NOISE = ("，", "AI", " ", "2024", "。")


def random_text(rng: random.Random, size: int) -> str:
    parts = []
    for _ in range(size):
        parts.append(rng.choice(NOISE) if rng.random() < 0.15 else rng.choice(ALPHABET))
    return "".join(parts)


cjk_strings = st.text(alphabet=ALPHABET, min_size=1, max_size=6)


@pytest.fixture
def corpus(library, add_article) -> dict[int, str]:
    rng = random.Random(15)
    texts = [random_text(rng, rng.randint(1, 40)) for _ in range(40)]
    return {add_article("t", text): text for text in texts}


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(first=cjk_strings, second=cjk_strings)
def test_any_cjk_string_finds_exactly_the_articles_holding_it(library, corpus, first, second):
    for query, wanted in (
        (f'"{first}"', [first]),
        (first, [first]),
        (f"{first} {second}", [first, second]),
    ):
        expected = {  # whitespace is no barrier: pages break lines anywhere
            aid for aid, text in corpus.items() if all(w in text.replace(" ", "") for w in wanted)
        }
        found = search(library, f"{query} in:articles", limit=100).articles
        assert {hit.article_id for hit in found} == expected, query


def single_character_index(texts: list[str]) -> sqlite3.Connection:
    """The index as it was before pairs: one token per CJK character."""
    connection = sqlite3.connect(":memory:")
    connection.execute(f"CREATE VIRTUAL TABLE f USING fts5(body, tokenize='{TOKENIZE}')")
    connection.executemany(
        "INSERT INTO f(rowid, body) VALUES (?, ?)",
        [(n, " ".join(tokens(text))) for n, text in enumerate(texts)],
    )
    return connection


def paired_index(texts: list[str]) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute(f"CREATE VIRTUAL TABLE f USING fts5(body, {OPTIONS})")
    connection.executemany(
        "INSERT INTO f(rowid, body) VALUES (?, ?)",
        [(n, search_tokens(text)) for n, text in enumerate(texts)],
    )
    return connection


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 10**6), words=st.lists(cjk_strings, min_size=1, max_size=2))
def test_pairs_rank_every_match_as_single_characters_did(seed, words):
    """bm25 gives each article the score it had: same matches, same term counts,
    same lengths."""
    rng = random.Random(seed)
    texts = [random_text(rng, rng.randint(1, 60)) for _ in range(30)]
    query = parse(" ".join(words))
    before = " AND ".join('"' + " ".join(term.tokens) + '"' for term in query.terms)
    sql = "SELECT rowid, bm25(f) FROM f WHERE f MATCH ? ORDER BY rowid"
    old = single_character_index(texts).execute(sql, (before,)).fetchall()
    new = paired_index(texts).execute(sql, (query.fts(),)).fetchall()
    assert [rowid for rowid, _ in new] == [rowid for rowid, _ in old]
    assert [score for _, score in new] == pytest.approx([score for _, score in old])
