"""What an export covers, and the records it is made of.

Every exporter (Markdown, CSV, the JSON archive) works on the same `collect` result, read
in one transaction so the file is a consistent snapshot even while the app writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.errors import NotFoundError, ReaderError
from reader.store.database import bind
from reader.store.library import Library, normalize_tag
from reader.store.models import Article, ArticleTag, Highlight, HighlightTag, Source, Tag
from reader.store.records import ArticleRecord

EVERYTHING, ARTICLE, TAG, HIGHLIGHTS = "everything", "article", "tag", "highlights"


@dataclass(frozen=True)
class ExportScope:
    """One of: the whole library, one article, one tag, or the highlights of a search
    result. Build it with the class methods rather than by hand."""

    kind: str = EVERYTHING
    article_id: int | None = None
    tag: str | None = None
    highlight_ids: tuple[int, ...] = ()

    @classmethod
    def everything(cls) -> ExportScope:
        return cls(EVERYTHING)

    @classmethod
    def article(cls, article_id: int) -> ExportScope:
        return cls(ARTICLE, article_id=article_id)

    @classmethod
    def for_tag(cls, name: str) -> ExportScope:
        return cls(TAG, tag=normalize_tag(name))

    @classmethod
    def highlights(cls, highlight_ids: Sequence[int]) -> ExportScope:
        return cls(HIGHLIGHTS, highlight_ids=tuple(dict.fromkeys(highlight_ids)))


def collect(library: Library, scope: ExportScope) -> list[ArticleRecord]:
    """The articles in `scope`, oldest page first then page order, each carrying only
    the highlights in scope (reading order).

    - everything: every article, with all its highlights;
    - article: that article with all its highlights (NotFoundError if absent);
    - tag: the passages carrying the tag, plus articles tagged with it; an article
      tagged as a whole keeps only its passages that carry the tag too, so a per-tag
      export lists exactly the passages with that tag (NotFoundError for an unknown tag);
    - highlights: those highlights, grouped by article (unknown ids are skipped: a
      search result may name a highlight deleted since).
    """
    with library.database.atomic():
        bind(library.database)
        article_ids, wanted = _select(scope)
        records = library.get_articles(article_ids)
    if wanted is None:
        return records
    return [
        replace(record, highlights=tuple(h for h in record.highlights if h.id in wanted))
        for record in records
    ]


def _select(scope: ExportScope) -> tuple[list[int], set[int] | None]:
    """Article ids in export order, and the highlight ids kept (None: all)."""
    order = (Source.imported_at, Source.id, Article.position)
    articles = Article.select(Article.id).join(Source)
    if scope.kind == EVERYTHING:
        return [i for (i,) in articles.order_by(*order).tuples()], None
    if scope.kind == ARTICLE:
        if scope.article_id is None or not Article.get_or_none(Article.id == scope.article_id):
            raise NotFoundError(f"there is no article {scope.article_id}")
        return [scope.article_id], None
    if scope.kind == TAG:
        tag = Tag.get_or_none(Tag.name == scope.tag)
        if tag is None:
            raise NotFoundError(f"there is no tag {scope.tag!r}")
        tagged = HighlightTag.select(HighlightTag.highlight).where(HighlightTag.tag == tag.id)
        wanted = {i for (i,) in tagged.tuples()}
        return _articles_of(articles, order, wanted, tag.id), wanted
    if scope.kind == HIGHLIGHTS:
        existing = Highlight.select(Highlight.id).where(Highlight.id.in_(list(scope.highlight_ids)))
        wanted = {i for (i,) in existing.tuples()}
        return _articles_of(articles, order, wanted, None), wanted
    raise ReaderError(f"unknown export scope {scope.kind!r}")


def _articles_of(articles, order, highlight_ids: set[int], tag_id: int | None) -> list[int]:
    with_highlights = Highlight.select(Highlight.article).where(
        Highlight.id.in_(list(highlight_ids))
    )
    condition = Article.id.in_(with_highlights)
    if tag_id is not None:
        condition |= Article.id.in_(
            ArticleTag.select(ArticleTag.article).where(ArticleTag.tag == tag_id)
        )
    return [i for (i,) in articles.where(condition).order_by(*order).tuples()]
