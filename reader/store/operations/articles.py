"""Operations on articles: their own tags and their read state.

(Import, re-parse, restore and page corrections will join here as operations whose
`Change` sets `article_list_changed`; today they still run through `Library`.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reader.store.change import Change
from reader.store.models import Article
from reader.store.operations.base import Label, Operation, OpResult, unchanged
from reader.store.operations.rows import (
    ARTICLE_LINKS,
    TagRow,
    get_article,
    link_tag,
    normalize_tag,
    unlink_tag,
)
from reader.times import utcnow


def _article_change(
    article_id: int, tags: frozenset[str] = frozenset(), tags_list_changed: bool = False
) -> Change:
    return Change(
        article_ids=frozenset({article_id}), tag_names=tags, tags_list_changed=tags_list_changed
    )


@dataclass(frozen=True)
class TagArticle(Operation[None]):
    """Give an article a tag (created if missing; with `tag_row`'s id and time when an
    undo brings a deleted tag back). Nothing to do if it has the tag already."""

    article_id: int
    name: str
    tag_row: TagRow | None = None

    @property
    def label(self) -> Label:
        return Label("Tag article %s", (self.name,))

    def apply(self) -> OpResult[None]:
        name = normalize_tag(self.name)
        get_article(self.article_id)
        created = link_tag(ARTICLE_LINKS, self.article_id, name, self.tag_row)
        if created is None:
            return unchanged(None)
        change = _article_change(self.article_id, frozenset({name}), tags_list_changed=created)
        return OpResult(change, UntagArticle(self.article_id, name, drop_tag=created), None)


@dataclass(frozen=True)
class UntagArticle(Operation[None]):
    """Take a tag off an article (the tag stays, unless `drop_tag` and nothing else
    carries it). Nothing to do if the article does not have it."""

    article_id: int
    name: str
    drop_tag: bool = False

    @property
    def label(self) -> Label:
        return Label("Untag article %s", (self.name,))

    def apply(self) -> OpResult[None]:
        name = normalize_tag(self.name)
        get_article(self.article_id)
        unlinked = unlink_tag(ARTICLE_LINKS, self.article_id, name, self.drop_tag)
        if unlinked is None:
            return unchanged(None)
        dropped = unlinked.dropped
        change = _article_change(
            self.article_id, frozenset({name}), tags_list_changed=bool(dropped)
        )
        return OpResult(change, TagArticle(self.article_id, name, tag_row=dropped), None)


@dataclass(frozen=True)
class SetRead(Operation[None]):
    """Mark an article read or unread. `read_at`: the time to store when marking read
    (an undo puts the old one back); None: now. An article already in that state keeps
    its time: opening it again does not make it newly read."""

    article_id: int
    read: bool = True
    read_at: dt.datetime | None = None

    @property
    def label(self) -> Label:
        return Label("Mark as read" if self.read else "Mark as unread")

    def apply(self) -> OpResult[None]:
        article = get_article(self.article_id)
        if (article.read_at is not None) == self.read:
            return unchanged(None)
        new_time = (self.read_at or utcnow()) if self.read else None
        Article.update(read_at=new_time).where(Article.id == self.article_id).execute()
        inverse = SetRead(self.article_id, not self.read, article.read_at)
        return OpResult(_article_change(self.article_id), inverse, None)
