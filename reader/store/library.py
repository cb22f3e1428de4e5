"""The Library facade: the only way the UI, the CLI, search and export read or change data.

Each domain is one attribute, a small module under `reader.store.domains` (the shape of
Anki's `col.tags`, `col.decks`): `articles`, `highlights`, `tags`, `pages` (import and
re-parse), `search` and `archive` (restore, and what an archive reads). The methods below
the domains are the older flat names the UI and CLI are built against; each forwards to
its domain and holds no logic of its own.

Every write, even a single statement, runs in one transaction started with BEGIN
IMMEDIATE (`database.write_transaction`), so a crash at any instant leaves either the old
or the new state, and a write waits for another program's lock instead of failing. SQLite
errors that are the environment's fault reach callers as errors by kind
(`reader.errors.LibraryError` and its subclasses), never as raw SQLite errors. Every
user-visible change is an operation (`apply`, see `reader.store.operations`) that also
returns what it changed and its exact inverse. Methods return records
(`reader.store.records`), never peewee rows.

A Library may be used from several threads: peewee gives each thread its own
connection, with the same pragmas and SQL functions. The models are bound through one
proxy, so every method (re)binds it to its own database first; two libraries open in
one process (a restore into a fresh library) then take turns, which is all a test or an
import needs, but they must not be used from two threads at the same instant.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import peewee as pw

from reader.store.database import open_database
from reader.store.domains.articles import SORTS as SORTS
from reader.store.domains.articles import Articles
from reader.store.domains.base import Domain
from reader.store.domains.highlights import Highlights
from reader.store.domains.tags import Tags
from reader.store.operations import normalize_tag as normalize_tag  # export uses it
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

if TYPE_CHECKING:
    from reader.store.domains.archive import Archive
    from reader.store.domains.pages import Pages
    from reader.store.domains.search import Search


class Library(Domain):
    """One library file. `apply(operation)` and `snapshot()` come from `Domain`."""

    def __init__(self, path: Path, db: pw.SqliteDatabase) -> None:
        super().__init__(path, db)
        self.articles = Articles(path, db)
        self.highlights = Highlights(path, db)
        self.tags = Tags(path, db)
        #: Why upkeep after opening (the shrink of a library written before schema 9)
        #: is not done yet, for the window or the command line to show; "" when done.
        self.upkeep_note = ""

    # Import, search and restore load on first use: the app's window shows without them.
    @functools.cached_property
    def pages(self) -> Pages:
        from reader.store.domains.pages import Pages

        return Pages(self._path, self._db)

    @functools.cached_property
    def search(self) -> Search:
        from reader.store.domains.search import Search

        return Search(self._path, self._db)

    @functools.cached_property
    def archive(self) -> Archive:
        from reader.store.domains.archive import Archive

        return Archive(self._path, self._db)

    @classmethod
    def open(cls, path: Path | str, *, check: str = "auto", upkeep: bool = True) -> Library:
        """Open (creating and migrating as needed) the database at `path`. Another
        program's database is refused (NotALibraryError) and a damaged one reported
        (LibraryCorruptError); `check` as in `open_database`. `upkeep`: do the work a
        migration left at once (`upkeep`); a window passes False and runs it as a job
        with progress."""
        resolved = Path(path).expanduser().resolve()
        library = cls(resolved, open_database(resolved, check=check))
        if upkeep:
            library.upkeep()
        return library

    def upkeep_pending(self) -> bool:
        """Whether a migration left work to do (`upkeep`): the shrink of a library
        written before schema 9."""
        from reader.store.shrink import pending

        return pending(self._db) is not None

    def upkeep(self, progress: Callable[[int, int], bool] | None = None) -> str:
        """Do the work a migration left, in batches that survive a kill (the shrink of a
        library written before schema 9, `reader.store.shrink`): `progress(done, total)`
        after each batch, False stops (the rest is done later). Returns, and keeps in
        `upkeep_note`, why it is not all done ("" when it is)."""
        from reader.store.shrink import shrink_on_open

        self.upkeep_note = shrink_on_open(self._db, self._path, progress)
        return self.upkeep_note

    @property
    def path(self) -> Path:
        return self._path

    @property
    def database(self) -> pw.SqliteDatabase:
        """For tests, benchmarks and the health check, which run their own SQL."""
        return self._db

    def close(self) -> None:
        """Close this thread's connection (other threads close their own)."""
        if not self._db.is_closed():
            self._db.close()

    # --- the flat names: each forwards to its domain ---------------------------------
    def import_file(self, path: Path | str) -> ImportResult:
        return self.pages.import_file(path)

    def import_paths(
        self,
        paths: Sequence[Path | str],
        progress: Callable[[ImportProgress], bool] | None = None,
    ) -> ImportSummary:
        return self.pages.import_paths(paths, progress)

    def reparse_all(
        self,
        progress: Callable[[ImportProgress], bool] | None = None,
        *,
        outdated_only: bool = False,
    ) -> list[ImportResult]:
        return self.pages.reparse_all(progress, outdated_only=outdated_only)

    def count_outdated_pages(self) -> int:
        return self.pages.count_outdated()

    def list_sources(self) -> list[SourceSummary]:
        return self.articles.sources()

    def count_articles(self, *, text_filter: str = "", tag: str | None = None) -> int:
        return self.articles.count(text_filter=text_filter, tag=tag)

    def list_articles(
        self,
        *,
        text_filter: str = "",
        tag: str | None = None,
        sort: str = "newest",
        offset: int = 0,
        limit: int | None = None,
    ) -> list[ArticleSummary]:
        return self.articles.summaries(
            text_filter=text_filter, tag=tag, sort=sort, offset=offset, limit=limit
        )

    def article_summary(self, article_id: int) -> ArticleSummary:
        return self.articles.summary(article_id)

    def get_article(self, article_id: int) -> ArticleRecord:
        return self.articles.get(article_id)

    def get_articles(self, article_ids: Sequence[int]) -> list[ArticleRecord]:
        return self.articles.get_many(article_ids)

    def set_read(self, article_id: int, read: bool = True) -> None:
        self.articles.set_read(article_id, read)

    def find_quote(self, article_id: int, quote: str, occurrence: int = 1) -> tuple[int, int]:
        return self.articles.find_quote(article_id, quote, occurrence)

    def article_tags(self, article_id: int) -> tuple[str, ...]:
        return self.articles.tags_of(article_id)

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
        return self.highlights.add(article_id, start, end, color=color, note=note, tags=tags)

    def get_highlight(self, highlight_id: int) -> HighlightRecord:
        return self.highlights.get(highlight_id)

    def set_color(self, highlight_id: int, color: str) -> HighlightRecord:
        return self.highlights.set_color(highlight_id, color)

    def set_note(self, highlight_id: int, body: str) -> HighlightRecord:
        return self.highlights.set_note(highlight_id, body)

    def delete_highlight(self, highlight_id: int) -> HighlightRecord:
        return self.highlights.delete(highlight_id)

    def restore_highlight(self, record: HighlightRecord) -> HighlightRecord:
        return self.highlights.restore(record)

    def highlights_for_article(self, article_id: int) -> list[HighlightRecord]:
        return self.highlights.of_article(article_id)

    def tag_highlight(self, highlight_id: int, name: str) -> HighlightRecord:
        return self.tags.tag_highlight(highlight_id, name)

    def untag_highlight(self, highlight_id: int, name: str) -> HighlightRecord:
        return self.tags.untag_highlight(highlight_id, name)

    def tag_article(self, article_id: int, name: str) -> tuple[str, ...]:
        return self.tags.tag_article(article_id, name)

    def untag_article(self, article_id: int, name: str) -> tuple[str, ...]:
        return self.tags.untag_article(article_id, name)

    def tag_counts(self) -> list[TagCount]:
        return self.tags.counts()

    def rename_tag(self, old: str, new: str) -> None:
        self.tags.rename(old, new)

    def merge_tags(self, source: str, target: str) -> MergeResult:
        return self.tags.merge(source, target)

    def unmerge_tags(self, result: MergeResult) -> None:
        self.tags.unmerge(result)

    def delete_tag(self, name: str) -> TagSnapshot:
        return self.tags.delete(name)

    def restore_tag(self, snapshot: TagSnapshot) -> None:
        self.tags.restore(snapshot)
