"""Operations on highlights: add, delete (and bring back), colour, note, tags.

A deleted highlight is kept whole in a `HighlightSnapshot` (its row, its note's row,
its tag names), so undoing the delete, or redoing an undone add, brings back the same
highlight: same id, quote, times, note and tags.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from dataclasses import dataclass

from reader.errors import NotFoundError, ReaderError
from reader.store import anchoring
from reader.store.change import Change
from reader.store.colors import check_color
from reader.store.models import Highlight, Note, Tag
from reader.store.operations.base import Label, Operation, OpResult, unchanged
from reader.store.operations.rows import (
    HIGHLIGHT_LINKS,
    TagRow,
    drop_if_unused,
    get_article,
    get_highlight,
    highlight_records,
    link_new_highlight,
    link_tag,
    normalize_tag,
    unlink_tag,
)
from reader.store.records import HighlightRecord
from reader.times import utcnow


@dataclass(frozen=True)
class NoteRow:
    """A note as stored; `id` None: any free id will do (an older snapshot without it)."""

    id: int | None
    body: str
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class HighlightSnapshot:
    """Everything needed to re-create a deleted highlight exactly. `tag_rows`: tags
    deleted along with it, re-created with their old id and time if missing."""

    record: HighlightRecord
    note: NoteRow | None
    tag_rows: tuple[TagRow, ...] = ()

    @classmethod
    def of_record(cls, record: HighlightRecord) -> HighlightSnapshot:
        """A snapshot from a record alone: the note gets the highlight's edit time."""
        note = None
        if record.note.strip():
            note = NoteRow(None, record.note, record.updated_at, record.updated_at)
        return cls(record, note)


def read_highlight(highlight_id: int) -> tuple[HighlightRecord, NoteRow | None]:
    """The highlight as the Library hands it out (tags by name) and its note's row.
    NotFoundError."""
    found = highlight_records(Highlight.id == highlight_id)
    if not found:
        raise NotFoundError(f"there is no highlight {highlight_id}")
    record = found[0]
    note = _note_row(highlight_id)
    return record, note


def _note_row(highlight_id: int) -> NoteRow | None:
    note = Note.get_or_none(Note.highlight == highlight_id)
    if note is None:
        return None
    return NoteRow(note.id, note.body, note.created_at, note.updated_at)


def _insert_note(highlight_id: int, note: NoteRow) -> None:
    """Insert `note` with its own id when that is free, else with a fresh one."""
    columns = {
        "highlight": highlight_id,
        "body": note.body,
        "created_at": note.created_at,
        "updated_at": note.updated_at,
    }
    if note.id is not None and Note.get_or_none(Note.id == note.id) is None:
        columns["id"] = note.id
    Note.insert(**columns).execute()


def _highlight_change(
    highlight: Highlight | HighlightRecord,
    tags: frozenset[str] = frozenset(),
    tags_list_changed: bool = False,
) -> Change:
    """One highlight (and so its article's page) changed, and maybe tags with it."""
    return Change(
        article_ids=frozenset({highlight.article_id}),
        highlight_ids=frozenset({highlight.id}),
        tag_names=tags,
        tags_list_changed=tags_list_changed,
    )


@dataclass(frozen=True)
class AddHighlight(Operation[int]):
    """Highlight code points [start, end) of an article; the value is the new id."""

    article_id: int
    start: int
    end: int
    color: str = "yellow"
    note: str = ""
    tags: tuple[str, ...] = ()

    @property
    def label(self) -> Label:
        return Label("Add highlight")

    def apply(self) -> OpResult[int]:
        check_color(self.color)
        names = tuple(dict.fromkeys(normalize_tag(name) for name in self.tags))
        article = get_article(self.article_id)
        if not 0 <= self.start < self.end <= len(article.text):
            raise ReaderError(
                f"cannot highlight [{self.start}, {self.end}): article {self.article_id} has "
                f"{len(article.text)} characters and a highlight needs at least one"
            )
        selector = anchoring.make_selector(article.text, self.start, self.end)
        highlight = Highlight.create(
            article=self.article_id, **selector.columns(), color=self.color
        )
        if self.note.strip():
            Note.create(highlight=highlight.id, body=self.note)
        created = link_new_highlight(highlight.id, names, {})
        change = _highlight_change(highlight, frozenset(names), tags_list_changed=bool(created))
        return OpResult(change, DeleteHighlight(highlight.id, drop_tags=created), highlight.id)


@dataclass(frozen=True)
class DeleteHighlight(Operation[HighlightRecord]):
    """Delete a highlight with its note and tag links; the value is the record it had.
    `drop_tags`: tags to delete too if nothing else carries them (undoing an add that
    created them)."""

    highlight_id: int
    drop_tags: tuple[str, ...] = ()

    @property
    def label(self) -> Label:
        return Label("Delete highlight")

    def apply(self) -> OpResult[HighlightRecord]:
        record, note = read_highlight(self.highlight_id)
        Highlight.delete().where(Highlight.id == self.highlight_id).execute()
        dropped = []
        for name in self.drop_tags:
            tag = Tag.get_or_none(Tag.name == name)
            row = drop_if_unused(tag) if tag is not None else None
            if row is not None:
                dropped.append(row)
        change = _highlight_change(record, frozenset(record.tags), tags_list_changed=bool(dropped))
        inverse = RestoreHighlight(HighlightSnapshot(record, note, tuple(dropped)))
        return OpResult(change, inverse, record)


@dataclass(frozen=True)
class RestoreHighlight(Operation[int]):
    """Re-create a deleted highlight with its id, note, tags and times (tags deleted
    meanwhile come back). ReaderError if the id is taken; the value is the id."""

    snapshot: HighlightSnapshot

    @property
    def label(self) -> Label:
        return Label("Restore highlight")

    def apply(self) -> OpResult[int]:
        record = self.snapshot.record
        get_article(record.article_id)
        if Highlight.get_or_none(Highlight.id == record.id) is not None:
            raise ReaderError(f"highlight {record.id} exists already")
        Highlight.insert(
            id=record.id,
            article=record.article_id,
            start=record.start,
            end=record.end,
            exact=record.exact,
            prefix=record.prefix,
            suffix=record.suffix,
            color=record.color,
            orphaned=record.orphaned,
            created_at=record.created_at,
            updated_at=record.updated_at,
        ).execute()
        if self.snapshot.note is not None:
            _insert_note(record.id, self.snapshot.note)
        remembered = {row.name: row for row in self.snapshot.tag_rows}
        created = link_new_highlight(record.id, record.tags, remembered)
        change = _highlight_change(record, frozenset(record.tags), tags_list_changed=bool(created))
        return OpResult(change, DeleteHighlight(record.id, drop_tags=created), record.id)


@dataclass(frozen=True)
class SetColor(Operation[None]):
    """Recolour a highlight. `updated_at`: the edit time to store (an undo puts the
    old one back); None: now."""

    highlight_id: int
    color: str
    updated_at: dt.datetime | None = None

    @property
    def label(self) -> Label:
        return Label("Change colour")

    def apply(self) -> OpResult[None]:
        check_color(self.color)
        highlight = get_highlight(self.highlight_id)
        if highlight.color == self.color:
            return unchanged(None)
        Highlight.update(color=self.color, updated_at=self.updated_at or utcnow()).where(
            Highlight.id == self.highlight_id
        ).execute()
        inverse = SetColor(self.highlight_id, highlight.color, highlight.updated_at)
        return OpResult(_highlight_change(highlight), inverse, None)


@dataclass(frozen=True)
class SetNote(Operation[None]):
    """Replace a highlight's note; a blank body removes it. Saves of one note in a
    row make one undo step."""

    highlight_id: int
    body: str

    @property
    def label(self) -> Label:
        return Label("Edit note")

    @property
    def merge_key(self) -> Hashable:
        return ("note", self.highlight_id)

    def apply(self) -> OpResult[None]:
        highlight = get_highlight(self.highlight_id)
        old = _note_row(self.highlight_id)
        blank = not self.body.strip()
        if (old is None and blank) or (old is not None and old.body == self.body):
            return unchanged(None)
        now = utcnow()
        if blank:
            Note.delete().where(Note.highlight == self.highlight_id).execute()
        elif old is not None:
            Note.update(body=self.body, updated_at=now).where(
                Note.highlight == self.highlight_id
            ).execute()
        else:
            Note.create(highlight=self.highlight_id, body=self.body, created_at=now, updated_at=now)
        Highlight.update(updated_at=now).where(Highlight.id == self.highlight_id).execute()
        inverse = RestoreNote(self.highlight_id, old, highlight.updated_at)
        return OpResult(_highlight_change(highlight), inverse, None)


@dataclass(frozen=True)
class RestoreNote(Operation[None]):
    """Put a highlight's note (or its absence) and edit time back as they were: the
    inverse of `SetNote`, and of itself."""

    highlight_id: int
    note: NoteRow | None
    highlight_updated_at: dt.datetime

    @property
    def label(self) -> Label:
        return Label("Edit note")

    def apply(self) -> OpResult[None]:
        highlight = get_highlight(self.highlight_id)
        current = _note_row(self.highlight_id)
        if current == self.note and highlight.updated_at == self.highlight_updated_at:
            return unchanged(None)
        if self.note is not None and current is not None and current.id == self.note.id:
            Note.update(
                body=self.note.body,
                created_at=self.note.created_at,
                updated_at=self.note.updated_at,
            ).where(Note.id == current.id).execute()
        else:
            Note.delete().where(Note.highlight == self.highlight_id).execute()
            if self.note is not None:
                _insert_note(self.highlight_id, self.note)
        Highlight.update(updated_at=self.highlight_updated_at).where(
            Highlight.id == self.highlight_id
        ).execute()
        inverse = RestoreNote(self.highlight_id, current, highlight.updated_at)
        return OpResult(_highlight_change(highlight), inverse, None)


@dataclass(frozen=True)
class TagHighlight(Operation[None]):
    """Give a highlight a tag (created if missing; with `tag_row`'s id and time when
    an undo brings a deleted tag back). Nothing to do if it has the tag already."""

    highlight_id: int
    name: str
    tag_row: TagRow | None = None

    @property
    def label(self) -> Label:
        return Label("Add tag %s", (self.name,))

    def apply(self) -> OpResult[None]:
        name = normalize_tag(self.name)
        highlight = get_highlight(self.highlight_id)
        created = link_tag(HIGHLIGHT_LINKS, highlight.id, name, self.tag_row)
        if created is None:
            return unchanged(None)
        change = _highlight_change(highlight, frozenset({name}), tags_list_changed=created)
        return OpResult(change, UntagHighlight(highlight.id, name, drop_tag=created), None)


@dataclass(frozen=True)
class UntagHighlight(Operation[None]):
    """Take a tag off a highlight (the tag stays, unless `drop_tag` and nothing else
    carries it). Nothing to do if the highlight does not have it."""

    highlight_id: int
    name: str
    drop_tag: bool = False

    @property
    def label(self) -> Label:
        return Label("Remove tag %s", (self.name,))

    def apply(self) -> OpResult[None]:
        name = normalize_tag(self.name)
        highlight = get_highlight(self.highlight_id)
        unlinked = unlink_tag(HIGHLIGHT_LINKS, highlight.id, name, self.drop_tag)
        if unlinked is None:
            return unchanged(None)
        dropped = unlinked.dropped
        change = _highlight_change(highlight, frozenset({name}), tags_list_changed=bool(dropped))
        return OpResult(change, TagHighlight(highlight.id, name, tag_row=dropped), None)
