"""Highlights and their notes: adding, recolouring, noting, deleting, and reading them
back as records (`library.highlights`)."""

from __future__ import annotations

from collections.abc import Iterable

from reader.errors import NotFoundError
from reader.store import operations
from reader.store.domains.base import Domain, bound
from reader.store.models import Article, Highlight, Note
from reader.store.operations.rows import highlight_records
from reader.store.records import HighlightRecord, NoteRecord


class Highlights(Domain):
    @bound
    def add(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        color: str = "yellow",
        note: str = "",
        tags: Iterable[str] = (),
    ) -> HighlightRecord:
        """Highlight code points [start, end) of the article text; stores the quote
        with ~32 code points of prefix/suffix. ReaderError for an empty or
        out-of-range span or an unknown colour."""
        add = operations.AddHighlight(article_id, start, end, color, note, tuple(tags))
        return highlight_record(self.apply(add).value)

    @bound
    def get(self, highlight_id: int) -> HighlightRecord:
        return highlight_record(highlight_id)

    @bound
    def set_color(self, highlight_id: int, color: str) -> HighlightRecord:
        self.apply(operations.SetColor(highlight_id, color))
        return highlight_record(highlight_id)

    @bound
    def set_note(self, highlight_id: int, body: str) -> HighlightRecord:
        """Replace the note; an empty or blank body removes it."""
        self.apply(operations.SetNote(highlight_id, body))
        return highlight_record(highlight_id)

    @bound
    def delete(self, highlight_id: int) -> HighlightRecord:
        """Delete and return the full record, which `restore` takes back."""
        return self.apply(operations.DeleteHighlight(highlight_id)).value

    @bound
    def restore(self, record: HighlightRecord) -> HighlightRecord:
        """Re-create a deleted highlight with the same id, note, tags and times."""
        self.apply(operations.RestoreHighlight(operations.HighlightSnapshot.of_record(record)))
        return highlight_record(record.id)

    @bound
    def of_article(self, article_id: int) -> list[HighlightRecord]:
        if not Article.select().where(Article.id == article_id).exists():
            raise NotFoundError(f"there is no article {article_id}")
        return highlight_records(Highlight.article == article_id)

    @bound
    def existing_ids(self, highlight_ids: Iterable[int]) -> set[int]:
        """Those of `highlight_ids` that are in the library (a search result may name a
        highlight deleted since)."""
        query = Highlight.select(Highlight.id).where(Highlight.id.in_(list(highlight_ids)))
        return {highlight_id for (highlight_id,) in query.tuples()}

    @bound
    def notes(self, highlight_ids: Iterable[int]) -> dict[int, NoteRecord]:
        """The notes of these highlights with their own times, by highlight id."""
        query = Note.select().where(Note.highlight.in_(list(highlight_ids)))
        return {
            note.highlight_id: NoteRecord(
                note.highlight_id, note.body, note.created_at, note.updated_at
            )
            for note in query
        }


def highlight_record(highlight_id: int) -> HighlightRecord:
    """One highlight as a record (models bound by the caller). NotFoundError."""
    records = highlight_records(Highlight.id == highlight_id)
    if not records:
        raise NotFoundError(f"there is no highlight {highlight_id}")
    return records[0]
