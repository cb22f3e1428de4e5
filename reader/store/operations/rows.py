"""Row-level reads and writes the operations share: finding rows or failing with a
message, tag links of highlights and articles, and putting a deleted tag back with the
id and creation time it had, so an undo leaves the tables as they were."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import peewee as pw

from reader.errors import NotFoundError, ReaderError
from reader.store.models import (
    Article,
    ArticleTag,
    BaseModel,
    Highlight,
    HighlightTag,
    Note,
    Tag,
)
from reader.store.records import HighlightRecord

#: Ids bound in one query: SQLite allows 999 variables in old builds (32,766 since 3.32),
#: and a tag can be on tens of thousands of highlights.
BATCH = 900


def batches(ids: Sequence[int], size: int = BATCH) -> list[list[int]]:
    """`ids` in lists of at most `size`, each bound in one query."""
    return [list(ids[first : first + size]) for first in range(0, len(ids), size)]


def normalize_tag(name: str) -> str:
    """Tags are stored trimmed (full-width spaces too); an empty name is a mistake."""
    cleaned = (name or "").strip()
    if not cleaned:
        raise ReaderError("a tag name cannot be empty")
    return cleaned


def get_article(article_id: int) -> Article:
    article: Article | None = Article.get_or_none(Article.id == article_id)
    if article is None:
        raise NotFoundError(f"there is no article {article_id}")
    return article


def get_highlight(highlight_id: int) -> Highlight:
    highlight: Highlight | None = Highlight.get_or_none(Highlight.id == highlight_id)
    if highlight is None:
        raise NotFoundError(f"there is no highlight {highlight_id}")
    return highlight


def get_tag(name: str) -> Tag:
    tag: Tag | None = Tag.get_or_none(Tag.name == name)
    if tag is None:
        raise NotFoundError(f"there is no tag {name!r}")
    return tag


@dataclass(frozen=True)
class TagRow:
    """A tag row as it was, to bring a deleted tag back exactly (`id` None: any)."""

    id: int | None
    name: str
    created_at: dt.datetime

    @classmethod
    def of(cls, tag: Tag) -> TagRow:
        return cls(tag.id, tag.name, tag.created_at)


def create_tag(name: str, remembered: TagRow | None = None) -> Tag:
    """A new tag `name`. With `remembered` (the row an undo or redo brings back) of the
    same name it gets that row's time, and its id when the id is free; otherwise a
    fresh id and the time now."""
    if remembered is None or remembered.name != name:
        created: Tag = Tag.create(name=name)
        return created
    columns: dict[str, object] = {"name": name, "created_at": remembered.created_at}
    if remembered.id is not None and Tag.get_or_none(Tag.id == remembered.id) is None:
        columns["id"] = remembered.id
    brought_back: Tag = Tag.get_by_id(Tag.insert(**columns).execute())
    return brought_back


def tag_in_use(tag_id: int) -> bool:
    return bool(
        HighlightTag.select().where(HighlightTag.tag == tag_id).exists()
        or ArticleTag.select().where(ArticleTag.tag == tag_id).exists()
    )


def drop_if_unused(tag: Tag) -> TagRow | None:
    """Delete `tag` when nothing carries it any more; the row it had, if deleted."""
    if tag_in_use(tag.id):
        return None
    row = TagRow.of(tag)
    Tag.delete().where(Tag.id == tag.id).execute()
    return row


@dataclass(frozen=True)
class Links:
    """One of the two link tables: tags on highlights, tags on articles."""

    model: type[BaseModel]
    owner: pw.ForeignKeyField
    tag: pw.ForeignKeyField

    def has(self, owner_id: int, tag_id: int) -> bool:
        query = self.model.select().where((self.owner == owner_id) & (self.tag == tag_id))
        return bool(query.exists())

    def owners(self, tag_id: int) -> tuple[int, ...]:
        """Ids of everything carrying the tag, ascending."""
        query = self.model.select(self.owner).where(self.tag == tag_id).order_by(self.owner)
        return tuple(owner_id for (owner_id,) in query.tuples())

    def add(self, owner_ids: Sequence[int], tag_id: int) -> None:
        for batch in batches(owner_ids, BATCH // 2):  # two variables a row
            self.model.insert_many(
                [(owner_id, tag_id) for owner_id in batch], fields=[self.owner, self.tag]
            ).execute()

    def remove(self, owner_ids: Sequence[int], tag_id: int) -> None:
        for batch in batches(owner_ids):
            self.model.delete().where((self.tag == tag_id) & self.owner.in_(batch)).execute()


HIGHLIGHT_LINKS = Links(HighlightTag, HighlightTag.highlight, HighlightTag.tag)
ARTICLE_LINKS = Links(ArticleTag, ArticleTag.article, ArticleTag.tag)


def tag_for(name: str, remembered: TagRow | None = None) -> tuple[Tag, bool]:
    """The tag `name`, created (see `create_tag`) if missing; and whether it was."""
    tag = Tag.get_or_none(Tag.name == name)
    if tag is not None:
        return tag, False
    return create_tag(name, remembered), True


def link_tag(links: Links, owner_id: int, name: str, remembered: TagRow | None) -> bool | None:
    """Give one highlight or article the tag `name` (created if missing). None when it
    had it already (nothing done); else whether the tag had to be created."""
    tag, created = tag_for(name, remembered)
    if not created and links.has(owner_id, tag.id):
        return None
    links.add([owner_id], tag.id)
    return created


def link_new_highlight(
    highlight_id: int, names: Iterable[str], remembered: dict[str, TagRow]
) -> tuple[str, ...]:
    """Tag a highlight just inserted (it has no links yet); the names of tags created."""
    created = []
    for name in names:
        tag, was_created = tag_for(name, remembered.get(name))
        HIGHLIGHT_LINKS.add([highlight_id], tag.id)
        if was_created:
            created.append(name)
    return tuple(created)


@dataclass(frozen=True)
class Unlinked:
    """A tag taken off a highlight or article; `dropped`: the tag's row when the tag
    itself was deleted because nothing carries it any more."""

    dropped: TagRow | None


def unlink_tag(links: Links, owner_id: int, name: str, drop_tag: bool) -> Unlinked | None:
    """Take the tag `name` off one highlight or article; None when it did not carry it
    (nothing done). With `drop_tag` the tag goes too if nothing else carries it."""
    tag = Tag.get_or_none(Tag.name == name)
    if tag is None or not links.has(owner_id, tag.id):
        return None
    links.remove([owner_id], tag.id)
    return Unlinked(drop_if_unused(tag) if drop_tag else None)


def existing(model: type[BaseModel], ids: Sequence[int]) -> list[int]:
    """Those of `ids` that are still rows of `model` (say, after a delete meanwhile)."""
    found: list[int] = []
    for batch in batches(ids):
        query = model.select(model.id).where(model.id.in_(batch))
        found.extend(row_id for (row_id,) in query.tuples())
    return found


def articles_of_highlights(highlight_ids: Sequence[int]) -> frozenset[int]:
    articles: set[int] = set()
    for batch in batches(highlight_ids):
        query = Highlight.select(Highlight.article).where(Highlight.id.in_(batch))
        articles.update(article_id for (article_id,) in query.tuples())
    return frozenset(articles)


def highlight_records(condition: pw.Expression) -> list[HighlightRecord]:
    """Highlights matching `condition` in reading order, with notes and tags, in
    three queries whatever their number (models bound by the caller). The one place a
    record is built from rows: the domains read through it, and so do the operations."""
    rows = list(
        Highlight.select(Highlight, Note.body)
        .join(Note, pw.JOIN.LEFT_OUTER, on=(Note.highlight == Highlight.id))
        .where(condition)
        .order_by(Highlight.start, Highlight.end, Highlight.id)
        .objects()
    )
    if not rows:
        return []
    tags: dict[int, list[str]] = {row.id: [] for row in rows}
    links = (
        HighlightTag.select(HighlightTag.highlight, Tag.name)
        .join(Tag)
        .where(HighlightTag.highlight.in_(Highlight.select(Highlight.id).where(condition)))
        .order_by(Tag.name)
        .tuples()
    )
    for highlight_id, name in links:
        tags[highlight_id].append(name)
    return [
        HighlightRecord(
            id=row.id,
            article_id=row.article_id,
            start=row.start,
            end=row.end,
            exact=row.exact,
            prefix=row.prefix,
            suffix=row.suffix,
            color=row.color,
            orphaned=bool(row.orphaned),
            note=row.body or "",
            tags=tuple(tags[row.id]),
            created_at=row.created_at,
            updated_at=row.updated_at,
        )
        for row in rows
    ]
