"""Articles and their pages as the reader sees them: the list, one article with its
highlights, read state, and the queries an export needs (`library.articles`)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import peewee as pw

from reader.errors import NotFoundError, QuoteNotFoundError, ReaderError
from reader.parse.model import Author, Dateline, PageInfo
from reader.store import operations
from reader.store.domains.base import Domain, bound
from reader.store.models import Article, ArticleTag, Highlight, HighlightTag, Source, Tag
from reader.store.operations.rows import highlight_records
from reader.store.records import (
    ArticleRecord,
    ArticleSummary,
    ArticleTimes,
    HighlightRecord,
    SourceOrigin,
    SourceSummary,
)

SORTS = ("newest", "oldest", "title", "highlights", "source")
#: Articles read per round of queries by `get_many` (well under SQLite's limit on
#: bound variables, which is 999 in old builds).
ARTICLE_BATCH = 500


class Articles(Domain):
    @bound
    def sources(self) -> list[SourceSummary]:
        """Every imported page, newest first, with its number of articles."""
        count = pw.fn.COUNT(Article.id)
        query = (
            Source.select(
                Source.id,
                Source.path,
                Source.encoding,
                Source.imported_at,
                count,
                *PAGE_COLUMNS,
                *ORIGIN_COLUMNS,
            )
            .join(Article, pw.JOIN.LEFT_OUTER)
            .group_by(Source.id)
            .order_by(Source.imported_at.desc(), Source.id.desc())
        )
        return [
            SourceSummary(
                sid,
                path,
                encoding,
                _as_datetime(imported_at),
                n,
                PageInfo(*rest[:4]),
                SourceOrigin(*rest[4:]),
            )
            for sid, path, encoding, imported_at, n, *rest in query.tuples()
        ]

    @bound
    def count(self, *, text_filter: str = "", tag: str | None = None) -> int:
        """How many articles the list holds with these filters (`summaries`)."""
        query = Article.select(pw.fn.COUNT(pw.SQL("*")))
        condition = _filter_condition(text_filter, tag)
        if condition is not None:
            query = query.where(condition)
        return int(query.scalar())

    @bound
    def summaries(
        self,
        *,
        text_filter: str = "",
        tag: str | None = None,
        sort: str = "newest",  # "newest" | "oldest" | "title" | "highlights" | "source"
        offset: int = 0,
        limit: int | None = None,
    ) -> list[ArticleSummary]:
        """A window of the article list by position (the CLI's list); the window's list
        pages with `page` instead, which costs the same at the end as at the start."""
        query = _list_query(text_filter, tag, sort).offset(offset or None)
        if limit is not None:
            query = query.limit(limit)
        return [row.summary for row in _list_rows(query)]

    @bound
    def page(
        self,
        *,
        text_filter: str = "",
        tag: str | None = None,
        sort: str = "newest",
        after: ListKey | None = None,
        limit: int = 200,
        matching: int | None = None,
    ) -> ArticlePage:
        """The `limit` rows of the article list that follow the row whose sort key is
        `after` (from the start when None): keyset paging, so each page is one seek in
        an index of the sort order (schema v11), the last as fast as the first.

        `text_filter` matches title or author names (substring, ASCII letters in any
        case); `tag` keeps articles tagged as a whole or holding a highlight with the
        tag. Sorted, then grouped by page (source) and position; "source" groups by
        what a source was read as, then by its site, newest first within; "highlights"
        puts articles with as many highlights newest page first.

        `matching` is how many articles the filters match, when the caller knows
        (`count`): a few are looked up by id and sorted, many are read in the sort's
        index order until the page is full, each row checked against the filter when
        they are dense (a page reads a few thousand rows, milliseconds), else against
        the set of matching ids (one scan of the filter's index per page)."""
        few = matching is not None and matching <= FEW_MATCHES
        filtered = _filter_condition(text_filter, tag) is not None
        if not few and matching and filtered and _dense(matching, limit):
            page = _direct_page(text_filter, tag, sort, after, limit)
            if page is not None:
                return page
        query = _list_query(text_filter, tag, sort, few=few)
        if after is not None:
            query = query.where(_after(SORT_KEYS[sort], after))
        rows = _list_rows(query.limit(limit))
        return _page_of_rows(rows, sort)

    @bound
    def first_page(
        self,
        *,
        text_filter: str = "",
        tag: str | None = None,
        sort: str = "newest",
        limit: int = 200,
    ) -> tuple[int, ArticlePage]:
        """How many articles the filters match, and the first page of them: what the
        list asks when a filter or sort changes, for every keystroke in the filter.
        With a filter, one scan of the narrow index gives the count and the matching
        ids (a JSON array built by SQLite: no row comes to Python): as few as
        FEW_MATCHES, the page looks them up by id; dense matches, it is read in the
        sort's order checking each row (a few thousand rows); else in the sort's order
        checking each row against the ids (a seek per row, milliseconds even when
        the matches lie far apart), never scanning the filter a second time."""
        condition = _filter_condition(text_filter, tag)
        if condition is None:  # both are a seek in an index; one snapshot: they agree
            with self.snapshot():
                return self.count(), self.page(sort=sort, limit=limit)
        with self.snapshot():
            query = Article.select(pw.fn.COUNT(pw.SQL("*")), pw.fn.json_group_array(Article.id))
            total, ids = _raw_rows(query.where(condition))[0]
            if total <= FEW_MATCHES:
                return total, _page_of_ids(json.loads(ids), sort, limit)
            if _dense(total, limit):
                page = _direct_page(text_filter, tag, sort, None, limit)
                if page is not None:
                    return total, page
            return total, _page_among(ids, sort, limit)

    @bound
    def summaries_of(self, article_ids: Sequence[int]) -> list[ArticleSummary]:
        """The list rows of these articles in the order given (those that still exist):
        how the list reads again a page it dropped, by primary key, so it costs the
        same in any library and under any filter."""
        if not article_ids:
            return []
        ids = pw.SQL("(SELECT value FROM json_each(?))", [json.dumps(list(article_ids))])
        found = {s.id: s for s in _summaries(_summary_query().where(Article.id.in_(ids)))}
        return [found[article_id] for article_id in article_ids if article_id in found]

    @bound
    def summary(self, article_id: int) -> ArticleSummary:
        """One article's list row (read state, highlight count). NotFoundError."""
        found = _summaries(_summary_query().where(Article.id == article_id))
        if not found:
            raise NotFoundError(f"there is no article {article_id}")
        return found[0]

    @bound
    def get(self, article_id: int) -> ArticleRecord:
        """The article with its tags and highlights (reading order). NotFoundError."""
        return self.get_many([article_id])[0]

    @bound
    def get_many(self, article_ids: Sequence[int]) -> list[ArticleRecord]:
        """`get` for many ids, in the order given, in four queries per batch of
        ARTICLE_BATCH (an export of the whole library is one such call). NotFoundError
        for an unknown id."""
        found: dict[int, ArticleRecord] = {}
        for first in range(0, len(article_ids), ARTICLE_BATCH):
            found.update(_article_records(article_ids[first : first + ARTICLE_BATCH]))
        for article_id in article_ids:
            if article_id not in found:
                raise NotFoundError(f"there is no article {article_id}")
        return [found[article_id] for article_id in article_ids]

    @bound
    def set_read(self, article_id: int, read: bool = True) -> None:
        """An article already in that state keeps its time (see `SetRead`)."""
        self.apply(operations.SetRead(article_id, read))

    @bound
    def tags_of(self, article_id: int) -> tuple[str, ...]:
        """The article's own tags by name (empty for an unknown article)."""
        return article_tags(article_id)

    @bound
    def find_quote(self, article_id: int, quote: str, occurrence: int = 1) -> tuple[int, int]:
        """Code-point span of the n-th occurrence of `quote` (QuoteNotFoundError)."""
        if not quote:
            raise ReaderError("the quote to find is empty")
        if occurrence < 1:
            raise ReaderError("occurrence counts from 1")
        article = Article.get_or_none(Article.id == article_id)
        if article is None:
            raise NotFoundError(f"there is no article {article_id}")
        text: str = article.text
        index = -1
        for seen in range(occurrence):
            index = text.find(quote, index + 1)
            if index == -1:
                if seen == 0:
                    raise QuoteNotFoundError(f"{quote!r} does not occur in article {article_id}")
                raise QuoteNotFoundError(
                    f"{quote!r} occurs {seen} time(s) in article {article_id}, not {occurrence}"
                )
        return index, index + len(quote)

    @bound
    def page_order_ids(
        self, *, with_highlights: Iterable[int] | None = None, tagged: str | None = None
    ) -> list[int]:
        """Article ids oldest page first, then in page order: every article when no
        filter is given, else those holding one of `with_highlights` or tagged
        `tagged` as a whole (what an export of a tag or of search results covers)."""
        query = Article.select(Article.id).join(Source)
        if with_highlights is not None or tagged is not None:
            holding = Highlight.select(Highlight.article).where(
                Highlight.id.in_(list(with_highlights or ()))
            )
            condition = Article.id.in_(holding)
            if tagged is not None:
                condition |= Article.id.in_(
                    ArticleTag.select(ArticleTag.article).join(Tag).where(Tag.name == tagged)
                )
            query = query.where(condition)
        order = (Source.imported_at, Source.id, Article.position)
        return [article_id for (article_id,) in query.order_by(*order).tuples()]

    @bound
    def ids_on_page(self, source_id: int) -> list[int]:
        """The page's articles in page order: who has a neighbour to merge with, without
        reading the page's text (as `pages.layout` does)."""
        query = Article.select(Article.id).where(Article.source == source_id)
        return [article_id for (article_id,) in query.order_by(Article.position).tuples()]

    @bound
    def times(self, article_ids: Iterable[int]) -> dict[int, ArticleTimes]:
        """When each article was first stored and read (None: unread), by id."""
        query = Article.select(Article.id, Article.created_at, Article.read_at).where(
            Article.id.in_(list(article_ids))
        )
        return {row.id: ArticleTimes(row.created_at, row.read_at) for row in query}


def article_tags(article_id: int) -> tuple[str, ...]:
    """The article's own tags by name (models bound by the caller)."""
    query = (
        Tag.select(Tag.name)
        .join(ArticleTag)
        .where(ArticleTag.article == article_id)
        .order_by(Tag.name)
    )
    return tuple(name for (name,) in query.tuples())


def _page_of_ids(article_ids: list[int], sort: str, limit: int) -> ArticlePage:
    """The first page of a few articles known by id: looked up, then sorted."""
    if not article_ids:
        return ArticlePage((), None)
    ids = pw.SQL("(SELECT value FROM json_each(?))", [json.dumps(article_ids)])
    query = _list_query("", None, sort, few=True).where(Article.id.in_(ids)).limit(limit)
    rows = _list_rows(query)
    return _page_of_rows(rows, sort)


def _page_of_rows(rows: Sequence[_ListRow], sort: str) -> ArticlePage:
    return ArticlePage(tuple(row.summary for row in rows), rows[-1].key(sort) if rows else None)


def _dense(matching: int, limit: int) -> bool:
    """Whether `matching` articles lie dense enough in the list to fill a page of
    `limit` within about DIRECT_SCAN_ROWS rows read in order (twice over, for margin).
    The article count is the largest id (a seek, not a count of the table)."""
    articles = int(Article.select(pw.fn.MAX(Article.id)).scalar() or 0)
    return 2 * limit * articles <= DIRECT_SCAN_ROWS * matching


def _direct_page(
    text_filter: str, tag: str | None, sort: str, after: ListKey | None, limit: int
) -> ArticlePage | None:
    """The page read in the sort's index order, each row checked against the filter;
    None when that took longer than DIRECT_SCAN_SECONDS (the matches lie far apart
    or far down: the set of matching ids is quicker then)."""
    query = _list_query(text_filter, tag, sort, direct=True)
    if after is not None:
        query = query.where(_after(SORT_KEYS[sort], after))
    raw = _rows_within(query.limit(limit), DIRECT_SCAN_SECONDS)
    if raw is None:
        return None
    rows = _list_rows(raw)
    return _page_of_rows(rows, sort)


def _rows_within(query: pw.ModelSelect, seconds: float) -> list[tuple[Any, ...]] | None:
    """The query's rows, or None when it ran longer than `seconds` (stopped by
    SQLite's progress handler; a read leaves the transaction as it was)."""
    connection = Article._meta.database.connection()
    deadline = time.perf_counter() + seconds
    late = False

    def past_deadline() -> bool:
        nonlocal late
        late = time.perf_counter() > deadline
        return late

    connection.set_progress_handler(past_deadline, PROGRESS_STEPS)
    try:
        return _raw_rows(query)
    except (pw.OperationalError, sqlite3.OperationalError):
        if late:
            return None
        raise  # interrupted by the caller (a newer question), or failed
    finally:
        connection.set_progress_handler(None, 0)


def _page_among(ids: str, sort: str, limit: int) -> ArticlePage:
    """The first page of the articles whose ids are in the JSON array `ids` (many):
    read in the sort's index order, each row looked up in the ids (SQLite builds an
    index of them once), until the page is full."""
    article_id = pw.NodeList((pw.SQL("+"), Article.id), glue="")  # walk the sort's index
    among = pw.Expression(article_id, pw.OP.IN, pw.SQL("(SELECT value FROM json_each(?))", [ids]))
    rows = _list_rows(_list_query("", None, sort).where(among).limit(limit))
    return _page_of_rows(rows, sort)


def _filter_condition(text_filter: str, tag: str | None) -> pw.Expression | None:
    """The list's filters on `Article` columns only: the count scans the narrow index
    on title and author names (v11) with it, never the wide article rows."""
    condition: pw.Expression | None = None
    needle = (text_filter or "").strip()
    if needle and any("a" <= c <= "z" or "A" <= c <= "Z" for c in needle):
        # LIKE folds ASCII letters like lower() did, without copying every title.
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = "%" + escaped + "%"
        condition = _like(Article.title, pattern) | _like(Article.author_names, pattern)
    elif needle:  # nothing to fold: instr is a third faster than LIKE
        condition = (pw.fn.instr(Article.title, needle) > 0) | (
            pw.fn.instr(Article.author_names, needle) > 0
        )
    if tag is not None:
        tagged = Article.id.in_(_tagged_article_ids(tag.strip()))
        condition = tagged if condition is None else condition & tagged
    return condition


def _like(column: pw.Field, pattern: str) -> pw.Expression:
    return pw.Expression(column, pw.OP.ILIKE, pw.NodeList((pattern, pw.SQL("ESCAPE '\\'"))))


def _tagged_article_ids(name: str) -> pw.SelectQuery:
    """Articles carrying the tag `name` themselves or through one of their highlights."""
    tag_id = Tag.select(Tag.id).where(Tag.name == name)
    whole = ArticleTag.select(ArticleTag.article).where(ArticleTag.tag == tag_id)
    through_highlights = (
        Highlight.select(Highlight.article)
        .join(HighlightTag, on=HighlightTag.highlight == Highlight.id)
        .where(HighlightTag.tag == tag_id)
    )
    return whole | through_highlights


def _article_records(article_ids: Sequence[int]) -> dict[int, ArticleRecord]:
    articles = (
        Article.select(
            Article, Source.id, Source.path, Source.imported_at, *PAGE_COLUMNS, *ORIGIN_COLUMNS
        )
        .join(Source)
        .where(Article.id.in_(article_ids))
    )
    tags: dict[int, list[str]] = {}
    links = (
        ArticleTag.select(ArticleTag.article, Tag.name)
        .join(Tag)
        .where(ArticleTag.article.in_(article_ids))
        .order_by(Tag.name)
        .tuples()
    )
    for article_id, name in links:
        tags.setdefault(article_id, []).append(name)
    highlights: dict[int, list[HighlightRecord]] = {}
    for highlight in highlight_records(Highlight.article.in_(article_ids)):
        highlights.setdefault(highlight.article_id, []).append(highlight)
    return {
        article.id: ArticleRecord(
            id=article.id,
            source_id=article.source.id,
            source_path=article.source.path,
            position=article.position,
            section=article.section,
            headlines=tuple(json.loads(article.headlines)),
            title=article.title,
            byline=article.byline,
            authors=tuple(Author(a["name"], a["role"]) for a in json.loads(article.authors)),
            paragraphs=tuple(article.paragraph_list()),
            captions=tuple(json.loads(article.captions)),
            text=article.text,
            tags=tuple(tags.get(article.id, ())),
            is_read=article.read_at is not None,
            imported_at=article.source.imported_at,
            highlights=tuple(highlights.get(article.id, ())),
            kicker=article.kicker,
            subtitle=article.subtitle,
            dateline=Dateline(**json.loads(article.dateline)) if article.dateline else None,
            page=_page_info(article.source),
            origin=_origin(article.source),
        )
        for article in articles
    }


#: The Source columns that make a `PageInfo`, in its field order.
PAGE_COLUMNS = (Source.paper, Source.page_date, Source.page_number, Source.page_name)


#: The Source columns that make a `SourceOrigin`, in its field order.
ORIGIN_COLUMNS = (Source.kind, Source.site, Source.url, Source.title, Source.published)


def _page_info(source: Source) -> PageInfo:
    return PageInfo(source.paper, source.page_date, source.page_number, source.page_name)


def _origin(source: Source) -> SourceOrigin:
    return SourceOrigin(source.kind, source.site, source.url, source.title, source.published)


def _as_datetime(value: dt.datetime | str) -> dt.datetime:
    """Tuple queries skip field conversion for joined columns on some peewee versions."""
    if isinstance(value, str):
        converted: dt.datetime = Source.imported_at.python_value(value)
        return converted
    return value


#: The number of highlights each article row keeps, counted by migration v11's
#: triggers. Not a model field on purpose: an undo that writes a whole article row back
#: (`reader.store.operations.corrections`) must not write back a count gone stale.
HIGHLIGHT_COUNT = pw.IntegerField()
HIGHLIGHT_COUNT.bind(Article, "highlight_count", set_attribute=False)

#: A row's place in a sort order: the values of `SORT_KEYS[sort]` in the row.
ListKey = tuple[object, ...]


@dataclass(frozen=True)
class ArticlePage:
    """One page of the article list and the key to ask for the page after it."""

    summaries: tuple[ArticleSummary, ...]
    last_key: ListKey | None  # None: the page is empty


def _sort_keys() -> dict[str, tuple[tuple[pw.Node, bool], ...]]:
    """Each sort order as (expression, descending) pairs, ending in a unique key.
    Each is delivered by an index (schema v11), so a page is read in index order.
    "highlights" breaks ties by the page's id, newest first, which its index holds."""
    newest = ((Source.imported_at, True), (Source.id, True), (Article.position, False))
    return {
        "newest": newest,
        "oldest": ((Source.imported_at, False), (Source.id, False), (Article.position, False)),
        "title": ((Article.title, False), *newest),
        "highlights": ((HIGHLIGHT_COUNT, True), (Article.source, True), (Article.position, False)),
        "source": (
            (Source.kind, False),
            (pw.fn.coalesce(Source.site, pw.SQL("''")), False),
            *newest,
        ),
    }


SORT_KEYS = _sort_keys()
#: The sorts whose order starts on the page (source), read source first.
_SOURCE_FIRST = frozenset({"newest", "oldest", "source"})


#: Up to this many matches of a filter, a page looks them up by id and sorts them;
#: beyond, it reads the sort's index in order and stops once the page is full.
FEW_MATCHES = 2000
#: A page is read checking each row against the filter when the matches are dense
#: enough to fill it within this many rows (about 1.5 µs a row at 300,000 articles)...
DIRECT_SCAN_ROWS = 12_000
#: ...and for at most this long (matches may crowd at the far end of the order).
DIRECT_SCAN_SECONDS = 0.015
#: How many SQLite VM steps pass between two looks at the clock.
PROGRESS_STEPS = 2000


def _list_query(
    text_filter: str, tag: str | None, sort: str, *, few: bool = False, direct: bool = False
) -> pw.ModelSelect:
    """The list's rows with filters, in `sort` order. The plan is fixed: without
    statistics SQLite drives a filtered list by the matching ids and sorts them all,
    or picks an index that then needs a full sort; `few` says the ids are few;
    `direct` checks each row read in order against the filter itself."""
    if sort not in SORTS:
        raise ReaderError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
    columns = (
        Article.id,
        Article.source,
        Source.path,
        Article.position,
        Article.title,
        Article.author_names,
        HIGHLIGHT_COUNT,
        Article.read_at,
        Source.imported_at,
        *PAGE_COLUMNS,
        *ORIGIN_COLUMNS,
        Source.imported_at.cast("TEXT"),  # as stored: the key of the next page
    )
    if few:
        query = Article.select(*columns).join(Source)
    elif sort in _SOURCE_FIRST:  # CROSS JOIN: SQLite keeps this join order
        query = Source.select(*columns).join(Article, pw.JOIN.CROSS)
    else:
        query = Article.select(*columns).join(Source, pw.JOIN.CROSS)
    query = query.where(Article.source == Source.id)
    condition = _filter_condition(text_filter, tag)
    if condition is not None and direct:
        query = query.where(condition)
    elif condition is not None:
        # As a set of ids: the filter scans the narrow index once, and the rows in
        # order are only looked up in that set, never read for their text. A unary
        # plus keeps SQLite from driving the query by that set unless it is small.
        article_id = Article.id if few else pw.NodeList((pw.SQL("+"), Article.id), glue="")
        query = query.where(article_id.in_(Article.select(Article.id).where(condition)))
    order = [
        expression.desc() if descending else expression
        for expression, descending in SORT_KEYS[sort]
    ]
    return query.order_by(*order)


def _after(keys: tuple[tuple[pw.Node, bool], ...], values: ListKey) -> pw.Expression:
    """Rows after `values` in the order of `keys`: (k1 > v1) or (k1 = v1 and (k2 > v2
    or …)), with `>` as `<` for a descending key, and the first key's range stated
    on its own as well so SQLite seeks to it in the index."""
    (first, first_descending), first_value = keys[0], values[0]
    condition: pw.Expression | None = None
    for (expression, descending), stored in reversed(list(zip(keys, values, strict=True))):
        value = _as_stored(stored)
        beyond = expression < value if descending else expression > value
        condition = beyond if condition is None else beyond | ((expression == value) & condition)
    first_value = _as_stored(first_value)
    reach = first <= first_value if first_descending else first >= first_value
    return reach & condition


def _as_stored(value: object) -> pw.Value:
    """A key value compared as the database holds it: peewee would turn a date column's
    text into a datetime and back, which drops zero microseconds (`.000000`) and breaks
    the comparison with the stored text."""
    return pw.Value(value, converter=_unchanged)


def _unchanged(value: object) -> object:
    return value


@dataclass(frozen=True)
class _ListRow:
    summary: ArticleSummary
    imported_at_as_stored: str

    def key(self, sort: str) -> ListKey:
        s = self.summary
        recency = (self.imported_at_as_stored, s.source_id, s.position)
        return {
            "newest": recency,
            "oldest": recency,
            "title": (s.title, *recency),
            "highlights": (s.highlight_count, s.source_id, s.position),
            "source": (s.origin.kind, s.origin.site or "", *recency),
        }[sort]


def _summary_query() -> pw.ModelSelect:
    """The columns of one article list row."""
    return _list_query("", None, "newest", few=True).order_by()


def _summaries(query: pw.ModelSelect) -> list[ArticleSummary]:
    return [row.summary for row in _list_rows(query)]


def _raw_rows(query: pw.ModelSelect) -> list[tuple[Any, ...]]:
    """The cursor's rows as SQLite gives them: peewee's conversion of every value was
    most of the time of a page."""
    sql, params = query.sql()
    return list(Article._meta.database.execute_sql(sql, params))


def _list_rows(query: pw.ModelSelect | list[tuple[Any, ...]]) -> list[_ListRow]:
    rows = []
    shared: dict[int, tuple[Any, ...]] = {}  # what the rows of one page (source) have in common
    for row in _raw_rows(query) if isinstance(query, pw.ModelSelect) else query:
        source = shared.get(row[1])
        if source is None:
            source = shared[row[1]] = (
                row[2],
                _as_datetime(row[8]),
                PageInfo(*row[9:13]),
                SourceOrigin(*row[13:18]),
                row[18],
            )
        path, imported_at, page, origin, imported_at_as_stored = source
        summary = ArticleSummary(
            id=row[0],
            source_id=row[1],
            source_path=path,
            position=row[3],
            title=row[4],
            author_names=row[5],
            highlight_count=row[6],
            is_read=row[7] is not None,
            imported_at=imported_at,
            page=page,
            origin=origin,
        )
        rows.append(_ListRow(summary, imported_at_as_stored))
    return rows
