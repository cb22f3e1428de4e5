"""Operations on a tag everywhere: rename, merge into another, delete (and their
exact inverses: unmerge, restore). Each touches every highlight and article carrying
the tag, and its `Change` names them, since each shows the tag's name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.errors import ReaderError
from reader.store.change import Change
from reader.store.models import Article, Highlight, Tag
from reader.store.operations.base import Label, Operation, OpResult, unchanged
from reader.store.operations.rows import (
    ARTICLE_LINKS,
    HIGHLIGHT_LINKS,
    TagRow,
    articles_of_highlights,
    create_tag,
    existing,
    get_tag,
    normalize_tag,
    tag_in_use,
)
from reader.store.records import MergeResult, TagSnapshot


def _snapshot(tag: Tag) -> TagSnapshot:
    return TagSnapshot(
        name=tag.name,
        created_at=tag.created_at,
        highlight_ids=HIGHLIGHT_LINKS.owners(tag.id),
        article_ids=ARTICLE_LINKS.owners(tag.id),
        id=tag.id,
    )


def _restore_snapshot(snapshot: TagSnapshot) -> Tag:
    """Bring a tag back with its links to the highlights and articles still there."""
    if Tag.get_or_none(Tag.name == snapshot.name) is not None:
        raise ReaderError(f"a tag named {snapshot.name!r} exists already")
    tag = create_tag(snapshot.name, TagRow(snapshot.id, snapshot.name, snapshot.created_at))
    HIGHLIGHT_LINKS.add(existing(Highlight, snapshot.highlight_ids), tag.id)
    ARTICLE_LINKS.add(existing(Article, snapshot.article_ids), tag.id)
    return tag


def _tag_change(
    names: Iterable[str], highlight_ids: Iterable[int], article_ids: Iterable[int]
) -> Change:
    """A change to tags as such: every carrier shows different tag names now."""
    highlights = frozenset(highlight_ids)
    return Change(
        article_ids=frozenset(article_ids) | articles_of_highlights(tuple(highlights)),
        highlight_ids=highlights,
        tag_names=frozenset(names),
        tags_list_changed=True,
    )


@dataclass(frozen=True)
class RenameTag(Operation[None]):
    """Rename a tag everywhere. ReaderError if `new` exists (that is a merge); the
    same name again is nothing to do."""

    old: str
    new: str

    @property
    def label(self) -> Label:
        return Label("Rename tag %s → %s", (self.old, self.new))

    def apply(self) -> OpResult[None]:
        old, new = normalize_tag(self.old), normalize_tag(self.new)
        tag = get_tag(old)
        if new == old:
            return unchanged(None)
        if Tag.get_or_none(Tag.name == new) is not None:
            raise ReaderError(f"a tag named {new!r} exists already; merge the tags instead")
        Tag.update(name=new).where(Tag.id == tag.id).execute()
        change = _tag_change(
            (old, new), HIGHLIGHT_LINKS.owners(tag.id), ARTICLE_LINKS.owners(tag.id)
        )
        return OpResult(change, RenameTag(new, old), None)


@dataclass(frozen=True)
class MergeTags(Operation[MergeResult]):
    """Move every link of `source` to `target` (created if missing, with `target_row`'s
    id and time when a redo brings it back) and delete `source`. ReaderError for a tag
    merged into itself. The value says what moved, for `UnmergeTags`."""

    source: str
    target: str
    target_row: TagRow | None = None

    @property
    def label(self) -> Label:
        return Label("Merge tag %s into %s", (self.source, self.target))

    def apply(self) -> OpResult[MergeResult]:
        source, target = normalize_tag(self.source), normalize_tag(self.target)
        if source == target:
            raise ReaderError(f"cannot merge tag {source!r} into itself")
        source_tag = get_tag(source)
        snapshot = _snapshot(source_tag)
        existing = Tag.get_or_none(Tag.name == target)
        target_tag = existing or create_tag(target, self.target_row)
        had_highlights = set(HIGHLIGHT_LINKS.owners(target_tag.id))
        had_articles = set(ARTICLE_LINKS.owners(target_tag.id))
        added_highlights = tuple(i for i in snapshot.highlight_ids if i not in had_highlights)
        added_articles = tuple(i for i in snapshot.article_ids if i not in had_articles)
        HIGHLIGHT_LINKS.add(added_highlights, target_tag.id)
        ARTICLE_LINKS.add(added_articles, target_tag.id)
        Tag.delete().where(Tag.id == source_tag.id).execute()
        result = MergeResult(
            source=snapshot,
            target=target,
            added_highlight_ids=added_highlights,
            added_article_ids=added_articles,
            target_created=existing is None,
        )
        change = _tag_change((source, target), snapshot.highlight_ids, snapshot.article_ids)
        return OpResult(change, UnmergeTags(result), result)


@dataclass(frozen=True)
class UnmergeTags(Operation[None]):
    """Take a merge back: the target loses the links it gained (and goes if the merge
    created it and nothing else uses it), the source comes back with its links."""

    merge: MergeResult

    @property
    def label(self) -> Label:
        return Label("Unmerge tag %s from %s", (self.merge.source.name, self.merge.target))

    def apply(self) -> OpResult[None]:
        merge, source = self.merge, self.merge.source
        target = Tag.get_or_none(Tag.name == merge.target)
        dropped_target = None
        if target is not None:
            HIGHLIGHT_LINKS.remove(merge.added_highlight_ids, target.id)
            ARTICLE_LINKS.remove(merge.added_article_ids, target.id)
            if merge.target_created and not tag_in_use(target.id):
                dropped_target = TagRow.of(target)
                Tag.delete().where(Tag.id == target.id).execute()
        restored = _restore_snapshot(source)
        change = _tag_change(
            (source.name, merge.target),
            HIGHLIGHT_LINKS.owners(restored.id),
            ARTICLE_LINKS.owners(restored.id),
        )
        return OpResult(change, MergeTags(source.name, merge.target, dropped_target), None)


@dataclass(frozen=True)
class DeleteTag(Operation[TagSnapshot]):
    """Delete a tag and its links; the value (also kept by the inverse) is everything
    needed to bring it back."""

    name: str

    @property
    def label(self) -> Label:
        return Label("Delete tag %s", (self.name,))

    def apply(self) -> OpResult[TagSnapshot]:
        tag = get_tag(normalize_tag(self.name))
        snapshot = _snapshot(tag)
        change = _tag_change((tag.name,), snapshot.highlight_ids, snapshot.article_ids)
        Tag.delete().where(Tag.id == tag.id).execute()
        return OpResult(change, RestoreTag(snapshot), snapshot)


@dataclass(frozen=True)
class RestoreTag(Operation[None]):
    """Bring a deleted tag back with its id, time and links (to the highlights and
    articles still there). ReaderError if a tag of that name exists."""

    snapshot: TagSnapshot

    @property
    def label(self) -> Label:
        return Label("Restore tag %s", (self.snapshot.name,))

    def apply(self) -> OpResult[None]:
        tag = _restore_snapshot(self.snapshot)
        change = _tag_change(
            (tag.name,), HIGHLIGHT_LINKS.owners(tag.id), ARTICLE_LINKS.owners(tag.id)
        )
        return OpResult(change, DeleteTag(tag.name), None)
