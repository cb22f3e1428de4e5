"""Tags on highlights and articles, and the tags themselves: counts, rename, merge,
delete, each with its undo (`library.tags`)."""

from __future__ import annotations

import peewee as pw

from reader.errors import NotFoundError
from reader.store import operations
from reader.store.domains.articles import article_tags
from reader.store.domains.base import Domain, bound
from reader.store.domains.highlights import highlight_record
from reader.store.models import ArticleTag, HighlightTag, Tag
from reader.store.records import HighlightRecord, MergeResult, TagCount, TagSnapshot


class Tags(Domain):
    @bound
    def tag_highlight(self, highlight_id: int, name: str) -> HighlightRecord:
        self.apply(operations.TagHighlight(highlight_id, name))
        return highlight_record(highlight_id)

    @bound
    def untag_highlight(self, highlight_id: int, name: str) -> HighlightRecord:
        self.apply(operations.UntagHighlight(highlight_id, name))
        return highlight_record(highlight_id)

    @bound
    def tag_article(self, article_id: int, name: str) -> tuple[str, ...]:
        """Returns the article's tags afterwards."""
        self.apply(operations.TagArticle(article_id, name))
        return article_tags(article_id)

    @bound
    def untag_article(self, article_id: int, name: str) -> tuple[str, ...]:
        self.apply(operations.UntagArticle(article_id, name))
        return article_tags(article_id)

    @bound
    def counts(self) -> list[TagCount]:
        """All tags with how many highlights and articles carry them, by name."""
        highlights = HighlightTag.select(pw.fn.COUNT(pw.SQL("*"))).where(HighlightTag.tag == Tag.id)
        articles = ArticleTag.select(pw.fn.COUNT(pw.SQL("*"))).where(ArticleTag.tag == Tag.id)
        query = Tag.select(Tag.id, Tag.name, highlights, articles).order_by(Tag.name)
        return [TagCount(*row) for row in query.tuples()]

    @bound
    def highlight_ids(self, name: str) -> set[int]:
        """The highlights carrying the tag `name` (NotFoundError for an unknown tag)."""
        tag = Tag.get_or_none(Tag.name == name)
        if tag is None:
            raise NotFoundError(f"there is no tag {name!r}")
        tagged = HighlightTag.select(HighlightTag.highlight).where(HighlightTag.tag == tag.id)
        return {highlight_id for (highlight_id,) in tagged.tuples()}

    @bound
    def rename(self, old: str, new: str) -> None:
        """ReaderError if `new` exists already (that is a merge)."""
        self.apply(operations.RenameTag(old, new))

    @bound
    def merge(self, source: str, target: str) -> MergeResult:
        """Move every link of `source` to `target` (created if missing), delete source."""
        return self.apply(operations.MergeTags(source, target)).value

    @bound
    def unmerge(self, result: MergeResult) -> None:
        """Undo `merge` exactly."""
        self.apply(operations.UnmergeTags(result))

    @bound
    def delete(self, name: str) -> TagSnapshot:
        return self.apply(operations.DeleteTag(name)).value

    @bound
    def restore(self, snapshot: TagSnapshot) -> None:
        self.apply(operations.RestoreTag(snapshot))
