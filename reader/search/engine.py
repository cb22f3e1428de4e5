"""Search the library: ranked hits grouped by kind (notes, highlights, articles).

`search` never raises for any text typed: the parser drops what it cannot use and every
term reaches FTS5 quoted, and an expression FTS5 still refuses is no match. A busy or
damaged library, or a damaged index, is raised as its LibraryError
(`reader.store.domains.search`), so it is shown as an error, never as "no results".
Table names come from `reader.search.schema`. Snippets are cut from the original text;
the match positions found in the folded text are mapped back through `Folded.origin`
(a CJK query is matched in the original text itself when folding cannot change its
matches, `reader.search.unfolded`).
"""

from __future__ import annotations

import heapq
import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import peewee as pw

from reader.search.folding import BARRIER, Folded, fold, is_cjk
from reader.search.query import Query, Term, parse
from reader.search.ranking import ARTICLE_HEAD, IndexedColumns, single_phrase, window_scores
from reader.search.unfolded import disturbers, folded_if_needed, is_plain_cjk

if TYPE_CHECKING:
    from reader.store.library import Library

from reader.search.schema import (
    ARTICLE,
    ARTICLE_DATE,
    ARTICLE_FTS,
    ARTICLE_TAG,
    HIGHLIGHT,
    HIGHLIGHT_FTS,
    HIGHLIGHT_TAG,
    INDEX_TABLES,
    NOTE,
    NOTE_FTS,
    TAG,
)

SNIPPET_CHARS = 80
_LEAD = 30  # code points of context kept before the first match
#: Ranking costs a score per matching row. A term in more rows than this (a common
#: character) is ranked among its most recent RANK_WINDOW matches only, which keeps a
#: one-character search fast on a big library; filtered searches rank every match. A
#: query of one CJK phrase scores its window in `reader.search.ranking` (bm25's order
#: without bm25's count of every match); any other query through FTS5's bm25.
RANK_WINDOW = 500
ELLIPSIS = "…"


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "note" | "highlight" | "article"
    article_id: int
    highlight_id: int | None
    title: str  # the article's title
    text: str  # note body / highlight quote / the article paragraph that matched
    snippet: str  # plain text around the first match, ~80 chars, with … at cut ends
    snippet_spans: tuple[tuple[int, int], ...]  # code-point spans of matches in snippet
    #: Higher is better: negated bm25, for a one-phrase CJK query without bm25's IDF
    #: factor (one factor for every hit of the kind: same order, cheaper; see ranking).
    score: float
    start: int | None  # code-point span in the article text to select when jumping
    end: int | None
    color: str | None  # highlight colour for highlight/note hits


@dataclass(frozen=True)
class SearchResults:
    query: str
    notes: tuple[SearchHit, ...]
    highlights: tuple[SearchHit, ...]
    articles: tuple[SearchHit, ...]

    @property
    def total(self) -> int:
        return len(self.notes) + len(self.highlights) + len(self.articles)

    def all(self) -> tuple[SearchHit, ...]:
        """Every hit in display order: notes, then highlights, then articles."""
        return self.notes + self.highlights + self.articles


def marked_snippet(hit: SearchHit, open: str = "[", close: str = "]") -> str:
    """The snippet with `open`/`close` around each match."""
    parts: list[str] = []
    cursor = 0
    for start, end in hit.snippet_spans:
        parts.append(hit.snippet[cursor:start])
        parts.append(open + hit.snippet[start:end] + close)
        cursor = end
    parts.append(hit.snippet[cursor:])
    return "".join(parts)


# --- matching back in Python ---------------------------------------------------------
#: Wide scripts (ideographs, kana, hangul, compatibility forms): tokens of their own,
#: so a Latin word neither starts nor continues into them.
_WIDE = "\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff"
_LATIN = rf"(?:(?![{_WIDE}])[^\W_])"


def _term_pattern(term: Term) -> str:
    """A regex over folded text matching what FTS5 matches for `term`: CJK characters
    adjacent or split by whitespace, a barrier as punctuation, Latin words whole."""
    pattern = ""
    joiner = ""
    for token in term.tokens:
        if token == BARRIER:
            joiner = r"\s*(?:[^\w\s]|_)[\W_]*"
            continue
        piece = re.escape(token)
        if not pattern and not is_cjk(token[0]):
            piece = rf"(?<!{_LATIN})" + piece
        pattern += joiner + piece
        joiner = r"\s*"
    if not is_cjk(term.tokens[-1][-1]):
        pattern += rf"{_LATIN}*" if term.prefix else rf"(?!{_LATIN})"
    return pattern


@dataclass(frozen=True)
class Matcher:
    """Finds the query's terms in a text for its snippet. A query of CJK characters only
    is matched in the original text when folding cannot change its matches
    (`reader.search.unfolded`), sparing the fold of every article shown."""

    pattern: re.Pattern[str]
    disturbers: frozenset[str] | None  # None: the terms need the folded text

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Original-text spans of the matches a snippet can show: the first and those
        close enough after it."""
        if self.disturbers is None:
            return _match_spans(fold(text), self.pattern)
        return _match_spans(folded_if_needed(text, self.disturbers), self.pattern)


def _matcher(query: Query) -> Matcher | None:
    if not query.terms:
        return None
    pattern = re.compile("|".join(f"(?:{_term_pattern(term)})" for term in query.terms))
    chars = [token for term in query.terms for token in term.tokens]
    cjk_only = all(is_plain_cjk(char) for char in chars)
    return Matcher(pattern, disturbers("".join(chars)) if cjk_only else None)


def _spans(text: str, matcher: Matcher | None) -> list[tuple[int, int]]:
    return matcher.spans(text) if matcher is not None and text else []


def _match_spans(folded: Folded, matcher: re.Pattern[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    first = 0
    for match in matcher.finditer(folded.text):
        if spans and match.start() > first + 2 * SNIPPET_CHARS:
            break  # beyond any snippet window
        if match.end() > match.start():
            if not spans:
                first = match.start()
            spans.append(folded.original_span(match.start(), match.end()))
    return spans


def _snippet(
    text: str, spans: Sequence[tuple[int, int]]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    flat = " ".join(text.split())  # snippets are one line
    if flat != text:  # recompute on the flattened text: whitespace runs changed length
        return _snippet_of(flat, _shift_spans(text, flat, spans))
    return _snippet_of(text, spans)


def _shift_spans(text: str, flat: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    mapping: list[int] = []
    position = 0
    previous_space = True
    for char in text:
        if char.isspace():
            mapping.append(position)
            if not previous_space:
                position += 1
            previous_space = True
        else:
            mapping.append(position)
            position += 1
            previous_space = False
    mapping.append(position)
    return [(mapping[s], min(mapping[e], len(flat))) for s, e in spans if mapping[s] < len(flat)]


def _snippet_of(
    text: str, spans: Sequence[tuple[int, int]]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    first = spans[0][0] if spans else 0
    begin = max(0, first - _LEAD)
    end = min(len(text), begin + SNIPPET_CHARS)
    begin = max(0, min(begin, end - SNIPPET_CHARS))
    lead = ELLIPSIS if begin > 0 else ""
    tail = ELLIPSIS if end < len(text) else ""
    shown = []
    for start, stop in spans:
        if start >= begin and stop <= end:
            shown.append((start - begin + len(lead), stop - begin + len(lead)))
    return lead + text[begin:end] + tail, tuple(shown)


# --- SQL -----------------------------------------------------------------------------
def _common_filters(query: Query, created: str, where: list[str], params: list[Any]) -> None:
    for author in query.authors:
        where.append("instr(lower(a.author_names), lower(?)) > 0")
        params.append(author)
    if query.before is not None:
        where.append(f"{created} < ?")
        params.append(str(query.before))
    if query.after is not None:
        where.append(f"{created} >= ?")
        params.append(str(query.after))


def _highlight_filters(query: Query, created: str, where: list[str], params: list[Any]) -> None:
    for tag in query.tags:
        where.append(
            f"EXISTS (SELECT 1 FROM {HIGHLIGHT_TAG} ht JOIN {TAG} t ON t.id = ht.tag_id"
            " WHERE ht.highlight_id = h.id AND lower(t.name) = lower(?))"
        )
        params.append(tag)
    if query.colors:
        where.append(f"h.color IN ({', '.join('?' * len(query.colors))})")
        params.extend(query.colors)
    _common_filters(query, created, where, params)


def _run(
    db: pw.SqliteDatabase,
    index: IndexedColumns,
    select: str,
    joins: str,
    where: list[str],
    params: list[Any],
    query: Query,
    order_fallback: str,
    limit: int,
) -> list[tuple[Any, ...]]:
    match = query.fts()
    table = index.table
    if match is None:
        sql = f"SELECT {select}, 0.0 FROM {joins}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order_fallback} LIMIT ?"
        unranked: list[tuple[Any, ...]] = db.execute_sql(sql, (*params, limit)).fetchall()
        return unranked
    if not where:
        # Score the newest RANK_WINDOW matches, then fetch the rows of the winners only
        # (aliased as the index table the joins name).
        best = heapq.nsmallest(limit, _window(db, index, query, match, limit), key=itemgetter(1))
        if not best:
            return []
        # The winners' rowids as one JSON array, however long (SQLite caps bound
        # variables); `key` is a rowid's place in it, i.e. its rank.
        sql = (
            "WITH ranked(rank, rowid) AS (SELECT key, value FROM json_each(?))"
            f" SELECT {table}.rank, {select} FROM ranked AS {table} {joins}"
            f" ORDER BY {table}.rank"
        )
        found = db.execute_sql(sql, (json.dumps([rowid for rowid, _ in best]),)).fetchall()
        return [(*row[1:], -best[row[0]][1]) for row in found]
    sql = f"SELECT {select}, -{index.bm25} FROM {table} {joins} WHERE {table} MATCH ?"
    for condition in where:
        sql += f" AND {condition}"
    sql += f" ORDER BY {index.bm25} LIMIT ?"
    ranked: list[tuple[Any, ...]] = db.execute_sql(sql, (match, *params, limit)).fetchall()
    return ranked


def _window(
    db: pw.SqliteDatabase, index: IndexedColumns, query: Query, match: str, limit: int
) -> list[tuple[int, float]]:
    """`(rowid, bm25 score)` of the newest RANK_WINDOW matches, newest first. A query of
    one CJK phrase is scored by `reader.search.ranking` (the same order without bm25's
    pass over every match), any other by FTS5's bm25."""
    table = index.table
    size = max(RANK_WINDOW, limit)
    phrase = single_phrase(query)
    if phrase is not None:
        rowids = [
            rowid
            for (rowid,) in db.execute_sql(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?",
                (match, size),
            ).fetchall()
        ]
        scored = window_scores(db, index, phrase, rowids)
        if scored is not None:
            return scored
    window: list[tuple[int, float]] = db.execute_sql(
        f"SELECT rowid, {index.bm25} FROM {table} WHERE {table} MATCH ?"
        " ORDER BY rowid DESC LIMIT ?",
        (match, size),
    ).fetchall()
    return window


#: The highlight's tag names as a JSON array (any character may stand in a name).
_TAG_NAMES = (
    f"(SELECT json_group_array(t.name) FROM {HIGHLIGHT_TAG} ht JOIN {TAG} t"
    " ON t.id = ht.tag_id WHERE ht.highlight_id = h.id)"
)
TAG_MARK = "#"


@dataclass(frozen=True)
class _AnnotationKind:
    """How notes and highlights differ in the SQL: the rest of their search is shared."""

    kind: str
    index: IndexedColumns
    text: str  # the column shown and snippeted
    created: str
    recent_first: str
    rows_matched: str  # FROM clause when the index matches
    rows_unmatched: str  # FROM clause for a filter-only search


def _annotation_index(table: str, columns: str) -> IndexedColumns:
    """An annotation index: its own columns hold the token strings it matches."""
    return IndexedColumns(
        table,
        (1.0, 0.5),
        f"SELECT rowid, {columns} FROM {table} WHERE rowid IN (SELECT value FROM json_each(?))",
        tokenized=True,
    )


_NOTE = _AnnotationKind(
    "note",
    _annotation_index(NOTE_FTS, "body, tags"),
    "n.body",
    "n.created_at",
    "n.updated_at DESC",
    f"JOIN {NOTE} n ON n.id = {NOTE_FTS}.rowid JOIN {HIGHLIGHT} h ON h.id = n.highlight_id",
    f"{NOTE} n JOIN {HIGHLIGHT} h ON h.id = n.highlight_id",
)
_HIGHLIGHT = _AnnotationKind(
    "highlight",
    _annotation_index(HIGHLIGHT_FTS, "quote, tags"),
    "h.exact",
    "h.created_at",
    "h.created_at DESC",
    f"JOIN {HIGHLIGHT} h ON h.id = {HIGHLIGHT_FTS}.rowid",
    f"{HIGHLIGHT} h",
)


def _annotation_hits(
    db: pw.SqliteDatabase,
    kind: _AnnotationKind,
    query: Query,
    matcher: Matcher | None,
    limit: int,
) -> list[SearchHit]:
    where: list[str] = []
    params: list[Any] = []
    _highlight_filters(query, kind.created, where, params)
    match = query.fts()
    joins = (kind.rows_matched if match else kind.rows_unmatched) + (
        f" JOIN {ARTICLE} a ON a.id = h.article_id"
    )
    rows = _run(
        db,
        kind.index,
        f"{kind.text}, h.id, h.article_id, h.color, h.start, h.end, a.title, {_TAG_NAMES}",
        joins,
        where,
        params,
        query,
        kind.recent_first,
        limit,
    )
    hits = []
    for text, hid, aid, color, start, end, title, tag_names, score in rows:
        tags = sorted(json.loads(tag_names))
        snippet, spans = _annotation_snippet(text, tags, matcher)
        hits.append(
            SearchHit(kind.kind, aid, hid, title, text, snippet, spans, score, start, end, color)
        )
    return hits


def _annotation_snippet(
    text: str, tags: Sequence[str], matcher: Matcher | None
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet of a note or quote; when only a tag matched, the tags are shown
    after the text so the hit says why it is there."""
    spans = _spans(text, matcher)
    if spans or not tags:
        return _snippet(text, spans)
    return _labelled_snippet(text, tags, matcher)


def _labelled_snippet(
    text: str, tags: Sequence[str], matcher: Matcher | None
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """`text #tag #tag`, with the matches in the tags marked (the window shows them)."""
    label = " ".join(TAG_MARK + tag for tag in tags)
    offset = len(text) + 1
    spans = [(s + offset, e + offset) for s, e in _spans(label, matcher)]
    return _snippet(f"{text} {label}", spans)


def _notes(
    db: pw.SqliteDatabase, query: Query, matcher: Matcher | None, limit: int
) -> list[SearchHit]:
    return _annotation_hits(db, _NOTE, query, matcher, limit)


def _highlights(
    db: pw.SqliteDatabase, query: Query, matcher: Matcher | None, limit: int
) -> list[SearchHit]:
    return _annotation_hits(db, _HIGHLIGHT, query, matcher, limit)


#: The article index: its columns are made from the article's own text (contentless).
_ARTICLE_INDEX = IndexedColumns(
    ARTICLE_FTS,
    (10.0, 1.0),
    f"SELECT a.id, {ARTICLE_HEAD}, a.text FROM {ARTICLE} a"
    " WHERE a.id IN (SELECT value FROM json_each(?))",
    tokenized=False,
)


def _articles(
    db: pw.SqliteDatabase, query: Query, matcher: Matcher | None, limit: int
) -> list[SearchHit]:
    if query.colors:
        return []  # articles have no colour
    where: list[str] = []
    params: list[Any] = []
    for tag in query.tags:
        where.append(
            f"EXISTS (SELECT 1 FROM {ARTICLE_TAG} at JOIN {TAG} t ON t.id = at.tag_id"
            " WHERE at.article_id = a.id AND lower(t.name) = lower(?))"
        )
        params.append(tag)
    _common_filters(query, ARTICLE_DATE, where, params)
    match = query.fts()
    tagged, shunned = _matching_tags(db, query) if match else ({}, [])
    if shunned:  # `-word` also rules out the articles tagged with it
        where.append(
            f"NOT EXISTS (SELECT 1 FROM {ARTICLE_TAG} at WHERE at.article_id = a.id"
            " AND at.tag_id IN (SELECT value FROM json_each(?)))"
        )
        params.append(json.dumps(shunned))
    joins = f"JOIN {ARTICLE} a ON a.id = {ARTICLE_FTS}.rowid" if match else f"{ARTICLE} a"
    rows = _run(
        db,
        _ARTICLE_INDEX,
        "a.id, a.title, a.text",
        joins,
        where,
        params,
        query,
        "a.created_at DESC, a.id",
        limit,
    )
    hits = [_article_hit(aid, title, text, score, matcher) for aid, title, text, score in rows]
    if not tagged:
        return hits
    return _with_tagged_articles(db, query, tagged, matcher, where, params, hits, limit)


def _matching_tags(db: pw.SqliteDatabase, query: Query) -> tuple[dict[int, str], list[int]]:
    """Tags whose names hold every term (by id), and tags holding an excluded term.
    Tag names are few (hundreds), so they are matched here rather than indexed."""
    wanted = [re.compile(_term_pattern(term)) for term in query.terms]
    unwanted = [re.compile(_term_pattern(term)) for term in query.excluded]
    found: dict[int, str] = {}
    shunned: list[int] = []
    for tag_id, name in db.execute_sql(f"SELECT id, name FROM {TAG}").fetchall():
        folded = fold(name).text
        if any(p.search(folded) for p in unwanted):
            shunned.append(tag_id)
        elif all(p.search(folded) for p in wanted):
            found[tag_id] = name
    return found, shunned


def _newest_tagged(db: pw.SqliteDatabase, tag_ids: str, limit: int, *, filtered: bool) -> str:
    """The SQL choosing tagged articles (tags `?1`, a JSON array) newest first. A few
    are read through the tag index and sorted; thousands (a common tag) are found by
    walking the articles newest first (index `article_newest`) and keeping the tagged
    ones, which stops after about limit × articles / tagged steps instead of reading
    them all. Walk when that is the fewer rows, and no filter (a date, an author, an
    excluded word) may turn most of the walked rows away."""
    in_tags = "IN (SELECT value FROM json_each(?1))"
    tagged, articles = db.execute_sql(
        f"SELECT (SELECT count(*) FROM {ARTICLE_TAG} WHERE tag_id {in_tags}),"
        f" (SELECT max(id) FROM {ARTICLE})",
        (tag_ids,),
    ).fetchone()
    if not filtered and tagged * tagged > limit * (articles or 0):
        return (
            f"SELECT a.id, a.created_at FROM {ARTICLE} a INDEXED BY article_newest"
            f" WHERE EXISTS (SELECT 1 FROM {ARTICLE_TAG} at1 WHERE at1.article_id = a.id"
            f" AND at1.tag_id {in_tags})"
        )
    return (
        f"SELECT a.id, a.created_at FROM {ARTICLE} a WHERE a.id IN (SELECT at1.article_id"
        f" FROM {ARTICLE_TAG} at1 WHERE at1.tag_id {in_tags})"
    )


def _with_tagged_articles(
    db: pw.SqliteDatabase,
    query: Query,
    tags: dict[int, str],
    matcher: Matcher | None,
    where: list[str],
    params: list[Any],
    text_hits: list[SearchHit],
    limit: int,
) -> list[SearchHit]:
    """Articles the person tagged with a matching tag come first (a tag is a deliberate
    label), newest first, then the text matches; `-word` still rules out an article
    whose text holds it. A tagged article whose text matches too keeps its text
    snippet; one found by its tag alone shows its matching tags as `#tag`."""
    # Only the newest `limit` tagged articles are read whole, with their tag names.
    bound: list[Any] = [json.dumps(list(tags))]
    newest = _newest_tagged(db, bound[0], limit, filtered=bool(where or query.excluded))
    if query.excluded:
        newest += f" AND a.id NOT IN (SELECT rowid FROM {ARTICLE_FTS} WHERE {ARTICLE_FTS} MATCH ?)"
        bound.append(" OR ".join(term.fts() for term in query.excluded))
    for condition in where:
        newest += f" AND {condition}"
    newest += " ORDER BY a.created_at DESC, a.id LIMIT ?"
    sql = (
        f"SELECT a.id, a.title, a.text, (SELECT json_group_array(t.name) FROM {ARTICLE_TAG}"
        f" at2 JOIN {TAG} t ON t.id = at2.tag_id WHERE at2.article_id = a.id AND t.id IN"
        f" (SELECT value FROM json_each(?1))) FROM ({newest}) AS newest"
        f" JOIN {ARTICLE} a ON a.id = newest.id ORDER BY newest.created_at DESC, newest.id"
    )
    rows = db.execute_sql(sql, (*bound, *params, limit)).fetchall()
    by_text = {hit.article_id: hit for hit in text_hits}
    top = max((hit.score for hit in text_hits), default=0.0) + 1.0
    found = []
    for aid, title, text, names in rows:
        hit = by_text.pop(aid, None)
        if hit is None:
            paragraph = text.split("\n", 1)[0]
            snippet, spans = _labelled_snippet(paragraph, sorted(json.loads(names)), matcher)
            hit = SearchHit(
                "article", aid, None, title, paragraph, snippet, spans, top, None, None, None
            )
        found.append(replace(hit, score=top))
    rest = [hit for hit in text_hits if hit.article_id in by_text]
    return (found + rest)[:limit]


def _article_hit(
    aid: int, title: str, text: str, score: float, matcher: Matcher | None
) -> SearchHit:
    """The hit shows the paragraph of the first match (the text is folded only once)."""
    spans = _spans(text, matcher)
    if not spans:  # matched in the title/byline only, or a filter-only search
        paragraph = text.split("\n", 1)[0]
        title_spans = _spans(title, matcher)
        if title_spans:
            snippet, shown = _snippet(title, title_spans)
        else:
            snippet, shown = _snippet(paragraph, [])
        return SearchHit(
            "article", aid, None, title, paragraph, snippet, shown, score, None, None, None
        )
    start, end = spans[0]
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", start)
    para_end = len(text) if para_end < 0 else para_end
    paragraph = text[para_start:para_end]
    in_paragraph = [(s - para_start, e - para_start) for s, e in spans if e <= para_end]
    snippet, shown = _snippet(paragraph, in_paragraph)
    return SearchHit(
        "article", aid, None, title, paragraph, snippet, shown, score, start, end, None
    )


def search(library: Library, text: str, *, limit: int = 50) -> SearchResults:
    """Search notes, highlights and articles; at most `limit` hits per kind, best first.
    Any `text` is fine (an unusable query gives empty results); a busy, damaged or
    unreadable library, or a damaged search index, raises its LibraryError
    (`library.search.find`)."""
    return library.search.find(text, limit=limit)


def search_database(db: pw.SqliteDatabase, text: str, *, limit: int = 50) -> SearchResults:
    """`search` on the database itself (models need not be bound). Only a query FTS5
    refuses as syntax counts as "no match"; every other SQLite error is raised as is,
    for the caller to classify (`reader.store.domains.search`)."""
    query = parse(text if isinstance(text, str) else "")
    empty = SearchResults(text, (), (), ())
    if query.invalid or limit <= 0 or (not query.terms and not query.has_filters):
        return empty
    matcher = _matcher(query)
    found: dict[str, list[SearchHit]] = {}
    runners = {"notes": _notes, "highlights": _highlights, "articles": _articles}
    try:
        for kind in query.kinds:
            found[kind] = runners[kind](db, query, matcher, limit)
    except (pw.OperationalError, sqlite3.OperationalError) as error:
        if is_query_syntax_error(error):
            return empty  # FTS5 refused the expression typed: no match, never a crash
        raise
    return SearchResults(
        text,
        tuple(found.get("notes", ())),
        tuple(found.get("highlights", ())),
        tuple(found.get("articles", ())),
    )


#: How FTS5 words its refusal of a MATCH expression. It reports it with the generic
#: SQLITE_ERROR code, which a missing table shares, so the wording is all there is.
_FTS5_SYNTAX = ("fts5: syntax error", "unterminated string")


def is_query_syntax_error(error: BaseException) -> bool:
    """Whether FTS5 refused the search expression itself (the user's input), rather
    than the index or the library failing."""
    message = str(error)
    return any(message.startswith(prefix) for prefix in _FTS5_SYNTAX)


def missing_index_table(error: BaseException) -> str | None:
    """The search index table `error` says is missing, if any (a damaged library:
    every library has them from its first migration)."""
    message = str(error)
    for table in INDEX_TABLES:
        if message == f"no such table: {table}":
            return table
    return None
