"""bm25 order of a window of matches, computed here without bm25's pass over every match.

FTS5's `bm25()` starts each query by counting, for every phrase, all the rows of the index
that hold it (the phrase's IDF): a pass over every match, which at 300,000 articles costs
20 ms for a common four-character phrase while reading the newest 500 matches costs 0.3 ms.
With one phrase in the query that IDF is one positive factor shared by every row, so it
cannot change the order. For such queries the window is ranked here by the rest of bm25's
formula, term for term as FTS5 computes it (`fts5Bm25Function`): the phrase's instances in
each column times the column's weight, the row's length in tokens and the index's average
length. The lengths are FTS5's own (its `_docsize` and averages records, read-only); the
instances are counted in the original text, which `search_tokens` made the index from.

Only a phrase of CJK characters is counted here (the benchmark's and a Chinese reader's
searches); Latin words, punctuation inside a term and queries of several terms (whose
phrases' IDFs differ and matter) keep FTS5's `bm25()`. The scores differ from bm25's by
that shared factor only: they order the same, but are not bm25's values.

Why counting in the original text gives FTS5's counts, for a phrase `c1…cn`: the index
pairs each run of CJK characters (whitespace does not end a run), so a phrase of n ≥ 2
characters is the n-1 pairs `c1c2 c2c3 …`, one instance wherever `c1…cn` stand in one run
with only whitespace between them; one character is the prefix query `c*`, whose tokens
(a pair it starts, or itself at the end of its run) are exactly its occurrences. Folding
changes neither, except where a text holds one of the few characters that fold into the
phrase's characters (`reader.search.unfolded`); such a text is folded before counting.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

import peewee as pw

from reader.search import index
from reader.search.query import Query
from reader.search.unfolded import disturbers, folded_if_needed, is_plain_cjk

#: bm25's constants in FTS5 (`fts5Bm25Function`).
K1 = 1.2
B = 0.75

#: The text the article index's `head` column is made from, for the alias `a`.
ARTICLE_HEAD = index.ARTICLE_HEAD.format(r="a")


@dataclass(frozen=True)
class Phrase:
    """A query's one phrase of CJK characters, counted where FTS5 would find it."""

    chars: str

    @cached_property
    def _in_text(self) -> Callable[[str], int]:
        if len(self.chars) == 1:
            return lambda text: text.count(self.chars)
        first, *rest = map(re.escape, self.chars)
        pattern = re.compile(first + "(?=" + "".join(r"\s*" + char for char in rest) + ")")
        return lambda text: len(pattern.findall(text))

    @cached_property
    def _in_tokens(self) -> re.Pattern[str]:
        if len(self.chars) == 1:  # a token starting with it: a pair or itself
            return re.compile("(?<![^ ])" + re.escape(self.chars))
        pairs = [re.escape(a + b) for a, b in zip(self.chars, self.chars[1:], strict=False)]
        return re.compile(pairs[0] + "(?=" + "".join(" +" + pair for pair in pairs[1:]) + ")")

    @cached_property
    def _disturbers(self) -> frozenset[str]:
        return disturbers(self.chars)

    def in_text(self, text: str) -> int:
        """Instances in an original text (a column's source, as the triggers index it),
        folded first only if folding could change them (`reader.search.unfolded`)."""
        return self._in_text(folded_if_needed(text, self._disturbers).text)

    def in_tokens(self, tokens: str) -> int:
        """Instances in one of the index's token strings (`folding.search_tokens`): each
        pair is a whole token there, and tokens are separated by spaces."""
        return len(self._in_tokens.findall(tokens))


def single_phrase(query: Query) -> Phrase | None:
    """The query's phrase when the window can be ranked here: one positive term, made of
    CJK characters only (each as folding leaves it). Excluded terms may follow: they
    have no instance in any row that matches."""
    if len(query.terms) != 1:
        return None
    tokens = query.terms[0].tokens
    if not all(is_plain_cjk(token) for token in tokens):
        return None
    return Phrase("".join(tokens))


@dataclass(frozen=True)
class IndexedColumns:
    """Where the texts of an index's columns come from, with the weights bm25 gives them.
    `sql` selects the rowid, then each column's text, for the rowids in `json_each(?)`;
    `tokenized` says those texts are the index's token strings, not original text."""

    table: str
    weights: tuple[float, ...]
    sql: str
    tokenized: bool

    @property
    def bm25(self) -> str:
        """The SQL call of FTS5's own bm25 with these weights."""
        return f"bm25({self.table}, {', '.join(map(str, self.weights))})"


def _varints(blob: bytes) -> list[int]:
    """The SQLite varints in `blob` (big-endian groups of 7 bits; a ninth byte counts 8)."""
    values: list[int] = []
    value = length = 0
    for byte in blob:
        length += 1
        if length == 9:
            values.append((value << 8) | byte)
            value = length = 0
        elif byte & 0x80:
            value = (value << 7) | (byte & 0x7F)
        else:
            values.append((value << 7) | byte)
            value = length = 0
    return values


def average_length(db: pw.SqliteDatabase, table: str) -> float | None:
    """Tokens per row over the whole index, as bm25 computes it: FTS5's averages record
    (rowid 1 of its `_data` table) holds the row count, then each column's total."""
    row = db.execute_sql(f"SELECT block FROM {table}_data WHERE id = 1").fetchone()
    counts = _varints(row[0]) if row and row[0] else []
    if not counts or counts[0] <= 0:
        return None
    return float(sum(counts[1:])) / float(counts[0])


def window_scores(
    db: pw.SqliteDatabase, columns: IndexedColumns, phrase: Phrase, rowids: Sequence[int]
) -> list[tuple[int, float]] | None:
    """`(rowid, score)` for each of `rowids` (matches of `phrase`), in their order, the
    score negated as bm25's is (lower is better) and without its IDF factor. None when
    the index lacks what this needs (FTS5's bm25 then ranks as before)."""
    if not rowids:
        return []
    avgdl = average_length(db, columns.table)
    if avgdl is None:
        return None
    bound = (json.dumps(list(rowids)),)
    lengths = {
        rowid: sum(_varints(sizes))
        for rowid, sizes in db.execute_sql(
            f"SELECT id, sz FROM {columns.table}_docsize"
            " WHERE id IN (SELECT value FROM json_each(?))",
            bound,
        ).fetchall()
    }
    count = phrase.in_tokens if columns.tokenized else phrase.in_text
    frequencies: dict[int, float] = {}
    for rowid, *texts in db.execute_sql(columns.sql, bound).fetchall():
        frequency = 0.0
        for weight, text in zip(columns.weights, texts, strict=True):
            if text:
                frequency += weight * count(text)
        frequencies[rowid] = frequency
    if len(lengths) != len(rowids) or len(frequencies) != len(rowids):
        return None
    scored = []
    for rowid in rowids:
        frequency = frequencies[rowid]
        norm = K1 * (1 - B + B * float(lengths[rowid]) / avgdl)
        scored.append((rowid, -1.0 * ((frequency * (K1 + 1.0)) / (frequency + norm))))
    return scored
