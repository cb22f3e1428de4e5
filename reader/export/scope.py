"""What an export covers, and the records it is made of.

Every exporter (Markdown, CSV, the JSON archive) works on the same `collect` result, read
in one transaction so the file is a consistent snapshot even while the app writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.errors import NotFoundError, ReaderError
from reader.store.library import Library, normalize_tag
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
    with library.snapshot():
        article_ids, wanted = _select(library, scope)
        records = library.get_articles(article_ids)
    if wanted is None:
        return records
    return [
        replace(record, highlights=tuple(h for h in record.highlights if h.id in wanted))
        for record in records
    ]


def _select(library: Library, scope: ExportScope) -> tuple[list[int], set[int] | None]:
    """Article ids in export order, and the highlight ids kept (None: all)."""
    if scope.kind == EVERYTHING:
        return library.articles.page_order_ids(), None
    if scope.kind == ARTICLE:
        if scope.article_id is None:
            raise NotFoundError("there is no article None")
        return [scope.article_id], None  # get_articles: NotFoundError if absent
    if scope.kind == TAG:
        tag = scope.tag or ""
        wanted = library.tags.highlight_ids(tag)  # NotFoundError for an unknown tag
        return library.articles.page_order_ids(with_highlights=wanted, tagged=tag), wanted
    if scope.kind == HIGHLIGHTS:
        wanted = library.highlights.existing_ids(scope.highlight_ids)
        return library.articles.page_order_ids(with_highlights=wanted), wanted
    raise ReaderError(f"unknown export scope {scope.kind!r}")
