"""The Library facade: the only way the UI, the CLI, search and export change data.

Every multi-row write runs in one transaction (`db.atomic()`), so a crash at any instant
leaves either the old or the new state. Methods return records (`reader.store.records`),
never peewee rows.

CONTRACT (written first so the UI, CLI, search and export can be built in parallel):
the signatures and promises below are fixed; bodies are implemented in this module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from reader.store.records import (
    ArticleRecord,
    ArticleSummary,
    HighlightRecord,
    ImportProgress,
    ImportResult,
    ImportSummary,
    MergeResult,
    SourceSummary,
    TagCount,
    TagSnapshot,
)


class Library:
    # --- opening -----------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str) -> Library:
        """Open (creating and migrating as needed) the database at `path`."""
        raise NotImplementedError

    @property
    def path(self) -> Path:
        raise NotImplementedError

    @property
    def database(self):  # -> peewee.SqliteDatabase
        """For core modules (search, export) that run their own read queries."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # --- importing ---------------------------------------------------------------
    def import_file(self, path: Path | str) -> ImportResult:
        """Import one page. Same content as an existing source: status "unchanged".
        Same path but changed content: the page is re-parsed, its articles updated in
        place (matched by position, then title) and their highlights re-anchored
        (status "reparsed", outcomes in `reanchored`). Never raises for bad input:
        a bad file is a "failed" result with a reason."""
        raise NotImplementedError

    def import_paths(
        self,
        paths: Sequence[Path | str],
        progress: Callable[[ImportProgress], bool] | None = None,
    ) -> ImportSummary:
        """Import files and folders (recursively, *.txt and files without suffix),
        one transaction per file, going on past failures. `progress` is called before
        each file; returning False cancels (files already imported stay)."""
        raise NotImplementedError

    def reparse_all(self) -> list[ImportResult]:
        """Parse every stored raw page again (after a parser fix) and re-anchor."""
        raise NotImplementedError

    # --- reading -----------------------------------------------------------------
    def list_sources(self) -> list[SourceSummary]:
        raise NotImplementedError

    def count_articles(self, *, text_filter: str = "", tag: str | None = None) -> int:
        raise NotImplementedError

    def list_articles(
        self,
        *,
        text_filter: str = "",
        tag: str | None = None,
        sort: str = "newest",  # "newest" | "oldest" | "title" | "highlights"
        offset: int = 0,
        limit: int | None = None,
    ) -> list[ArticleSummary]:
        """A window of the article list. `text_filter` matches title or author names
        (case-insensitive substring); sorted, then grouped by source and position."""
        raise NotImplementedError

    def get_article(self, article_id: int) -> ArticleRecord:
        """The article with its tags and highlights (reading order). NotFoundError."""
        raise NotImplementedError

    def set_read(self, article_id: int, read: bool = True) -> None:
        raise NotImplementedError

    # --- highlights and notes -----------------------------------------------------
    def add_highlight(
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
        raise NotImplementedError

    def find_quote(self, article_id: int, quote: str, occurrence: int = 1) -> tuple[int, int]:
        """Code-point span of the n-th occurrence of `quote` (QuoteNotFoundError)."""
        raise NotImplementedError

    def get_highlight(self, highlight_id: int) -> HighlightRecord:
        raise NotImplementedError

    def set_color(self, highlight_id: int, color: str) -> HighlightRecord:
        raise NotImplementedError

    def set_note(self, highlight_id: int, body: str) -> HighlightRecord:
        """Replace the note; an empty or blank body removes it."""
        raise NotImplementedError

    def delete_highlight(self, highlight_id: int) -> HighlightRecord:
        """Delete and return the full record, which `restore_highlight` takes back."""
        raise NotImplementedError

    def restore_highlight(self, record: HighlightRecord) -> HighlightRecord:
        """Re-create a deleted highlight with the same id, note, tags and times."""
        raise NotImplementedError

    def highlights_for_article(self, article_id: int) -> list[HighlightRecord]:
        raise NotImplementedError

    # --- tags --------------------------------------------------------------------
    def tag_highlight(self, highlight_id: int, name: str) -> HighlightRecord:
        raise NotImplementedError

    def untag_highlight(self, highlight_id: int, name: str) -> HighlightRecord:
        raise NotImplementedError

    def tag_article(self, article_id: int, name: str) -> tuple[str, ...]:
        """Returns the article's tags afterwards."""
        raise NotImplementedError

    def untag_article(self, article_id: int, name: str) -> tuple[str, ...]:
        raise NotImplementedError

    def tag_counts(self) -> list[TagCount]:
        """All tags with how many highlights and articles carry them, by name."""
        raise NotImplementedError

    def rename_tag(self, old: str, new: str) -> None:
        """ReaderError if `new` exists already (that is a merge)."""
        raise NotImplementedError

    def merge_tags(self, source: str, target: str) -> MergeResult:
        """Move every link of `source` to `target` (created if missing), delete source."""
        raise NotImplementedError

    def unmerge_tags(self, result: MergeResult) -> None:
        """Undo `merge_tags` exactly."""
        raise NotImplementedError

    def delete_tag(self, name: str) -> TagSnapshot:
        raise NotImplementedError

    def restore_tag(self, snapshot: TagSnapshot) -> None:
        raise NotImplementedError
