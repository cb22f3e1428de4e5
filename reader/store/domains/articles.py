"""Articles and their pages as the reader sees them: the list, one article with its
highlights, read state, and the queries an export needs (`library.articles`)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence

import peewee as pw

from reader.errors import NotFoundError, QuoteNotFoundError, ReaderError
from reader.parse.model import Author, Dateline, PageInfo
from reader.store import operations
from reader.store.domains.base import Domain, bound
from reader.store.models import Article, ArticleTag, Highlight, Source, Tag
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
        return int(_filtered(Article.select(), text_filter, tag).count())

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
        """A window of the article list. `text_filter` matches title or author names
        (case-insensitive substring); sorted, then grouped by source and position.
        "source" groups by what a source was read as, then by its site (web pages of one
        site together), newest first within."""
        if sort not in SORTS:
            raise ReaderError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
        query = _filtered(_summary_query(), text_filter, tag)
        grouping = (Source.imported_at.desc(), Source.id.desc(), Article.position)
        order = {
            "newest": grouping,
            "oldest": (Source.imported_at, Source.id, Article.position),
            "title": (Article.title, *grouping),
            "highlights": (pw.SQL("highlight_count").desc(), *grouping),
            "source": (Source.kind, pw.fn.coalesce(Source.site, ""), *grouping),
        }[sort]
        query = query.order_by(*order).offset(offset or None)
        if limit is not None:
            query = query.limit(limit)
        return _summaries(query)

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


def _filtered(query: pw.ModelSelect, text_filter: str, tag: str | None) -> pw.ModelSelect:
    needle = (text_filter or "").strip().lower()
    if needle:
        query = query.where(
            (pw.fn.instr(pw.fn.lower(Article.title), needle) > 0)
            | (pw.fn.instr(pw.fn.lower(Article.author_names), needle) > 0)
        )
    if tag is not None:
        tagged = ArticleTag.select(ArticleTag.article).join(Tag).where(Tag.name == tag.strip())
        query = query.where(Article.id.in_(tagged))
    return query


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


def _summary_query() -> pw.ModelSelect:
    """The columns of an article list row, each with its highlight count."""
    highlight_count = Highlight.select(pw.fn.COUNT(Highlight.id)).where(
        Highlight.article == Article.id
    )
    return Article.select(
        Article.id,
        Article.source,
        Source.path,
        Article.position,
        Article.title,
        Article.author_names,
        highlight_count.alias("highlight_count"),
        Article.read_at,
        Source.imported_at,
        *PAGE_COLUMNS,
        *ORIGIN_COLUMNS,
    ).join(Source)


def _summaries(query: pw.ModelSelect) -> list[ArticleSummary]:
    return [
        ArticleSummary(
            id=row[0],
            source_id=row[1],
            source_path=row[2],
            position=row[3],
            title=row[4],
            author_names=row[5],
            highlight_count=row[6],
            is_read=row[7] is not None,
            imported_at=_as_datetime(row[8]),
            page=PageInfo(*row[9:13]),
            origin=SourceOrigin(*row[13:18]),
        )
        for row in query.tuples()
    ]
