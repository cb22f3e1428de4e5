"""The Library facade: the only way the UI, the CLI, search and export change data.

Every write, even a single statement, runs in one transaction started with BEGIN
IMMEDIATE (`database.write_transaction`), so a crash at any instant leaves either the old
or the new state, and a write waits for another program's lock instead of failing. SQLite
errors that are the environment's fault reach callers as errors by kind
(`reader.errors.LibraryError` and its subclasses), never as raw SQLite errors. Every
user-visible change is an operation (`apply`, see `reader.store.operations`) that also
returns what it changed and its exact inverse. Methods return records
(`reader.store.records`), never peewee rows.

The signatures and promises below are a contract the UI, CLI, search and export are
built against. A Library may be used from several threads: peewee gives each thread its
own connection, with the same pragmas and SQL functions. The models are bound through
one proxy, so every method (re)binds it to its own database first; two libraries open in
one process (a restore into a fresh library) then take turns, which is all a test or an
import needs, but they must not be used from two threads at the same instant.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import peewee as pw

from reader.errors import (
    InputFileError,
    LibraryError,
    LibraryLockedError,
    NotFoundError,
    QuoteNotFoundError,
    ReaderError,
)
from reader.parse.model import Author
from reader.store import importer, operations
from reader.store.database import bind, error_by_kind, open_database, write_transaction
from reader.store.models import (
    Article,
    ArticleTag,
    Highlight,
    HighlightTag,
    Note,
    Source,
    Tag,
)
from reader.store.operations import Operation, OpResult
from reader.store.operations import normalize_tag as normalize_tag  # export, restore use it
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

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

SORTS = ("newest", "oldest", "title", "highlights")
_OWN_FILE = (
    "is one of this library's own files (the database, its journal or a backup); not imported"
)
#: Articles read per round of queries by `get_articles` (well under SQLite's limit on
#: bound variables, which is 999 in old builds).
ARTICLE_BATCH = 500


def _bound(method: F) -> F:
    """Point the shared model proxy at this library's database before the call, and
    turn SQLite's errors that are the environment's fault (busy past the timeout,
    read-only, full disk, damaged file, I/O) into errors by kind a person can act on
    (`reader.store.database.error_by_kind`); any other error is a bug and stays as is."""

    @functools.wraps(method)
    def wrapper(self: Library, *args: Any, **kwargs: Any) -> Any:
        bind(self._db)
        try:
            return method(self, *args, **kwargs)
        except (pw.DatabaseError, sqlite3.Error) as error:
            kind = error_by_kind(error, self._path)
            if kind is not None:
                raise kind from error
            raise

    return wrapper  # type: ignore[return-value]


class Library:
    def __init__(self, path: Path, db: pw.SqliteDatabase) -> None:
        self._path = path
        self._db = db

    # --- opening -----------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, check: str = "auto") -> Library:
        """Open (creating and migrating as needed) the database at `path`. Another
        program's database is refused (NotALibraryError) and a damaged one reported
        (LibraryCorruptError); `check` as in `open_database`."""
        resolved = Path(path).expanduser().resolve()
        return cls(resolved, open_database(resolved, check=check))

    @property
    def path(self) -> Path:
        return self._path

    @functools.cached_property
    def _own_files(self) -> importer.LibraryFiles:
        """The library's own files, which an import refuses without opening them."""
        return importer.LibraryFiles(self._path)

    @property
    def database(self) -> pw.SqliteDatabase:
        """For core modules (search, export) that run their own read queries."""
        return self._db

    # --- changing -------------------------------------------------------------------
    @_bound
    def apply(self, operation: Operation[T]) -> OpResult[T]:
        """Apply one operation (`reader.store.operations`) in one write transaction:
        every change below goes through here; `reader.store.history` undoes them."""
        return operations.run(self._db, operation)

    def close(self) -> None:
        """Close this thread's connection (other threads close their own)."""
        if not self._db.is_closed():
            self._db.close()

    # --- importing ---------------------------------------------------------------
    @_bound
    def import_file(self, path: Path | str) -> ImportResult:
        """Import one page. Same content as an existing source: status "unchanged".
        Same path but changed content: the page is re-parsed, its articles updated in
        place (matched by position, then title) and their highlights re-anchored
        (status "reparsed", outcomes in `reanchored`). Never raises for bad input:
        a bad file is a "failed" result with a reason."""
        from reader.parse.page import parse_bytes, read_page_bytes

        shown = str(path)
        if self._own_files.owns(Path(path).expanduser()):
            return ImportResult(shown, "failed", reason=_OWN_FILE)
        try:
            resolved = Path(path).expanduser().resolve()
        except (OSError, RuntimeError):  # RuntimeError: pathlib's symlink loop
            return ImportResult(shown, "failed", reason="is a symlink loop; skipped")
        try:
            data = read_page_bytes(resolved)
            # Known content needs no parsing: re-importing a folder is mostly this.
            known = Source.get_or_none(Source.sha256 == hashlib.sha256(data).hexdigest())
            if known is not None:
                return ImportResult(shown, "unchanged", known.id, importer.article_ids(known.id))
            page = parse_bytes(data, str(resolved))
        except InputFileError as error:
            return ImportResult(shown, "failed", reason=str(error))

        with write_transaction(self._db):
            same_path = (
                Source.select()
                .where(Source.path == str(resolved))
                .order_by(Source.imported_at.desc())
                .first()
            )
            if same_path is not None:
                update = importer.update_page(same_path, page)
                ids = importer.article_ids(same_path.id)
                return ImportResult(
                    shown, "reparsed", same_path.id, ids, reanchored=update.reanchored
                )
            source_id = importer.insert_page(str(resolved), page)
            return ImportResult(shown, "imported", source_id, importer.article_ids(source_id))

    def import_paths(
        self,
        paths: Sequence[Path | str],
        progress: Callable[[ImportProgress], bool] | None = None,
    ) -> ImportSummary:
        """Import files and folders (recursively, *.txt and files without suffix),
        one transaction per file, going on past failures: a bad file, a symlink loop, an
        unreadable folder, one of the library's own files, a page still locked by
        another program after the busy timeout are each a "failed" result. A full disk,
        a read-only or damaged library stop the import (`summary.stopped`), since every
        further page would fail alike. `progress` is called before each file; returning
        False cancels (files already imported stay)."""
        entries = importer.collect_files(paths)
        summary = ImportSummary()
        for done, (file, problem) in enumerate(entries):
            if (
                progress is not None
                and progress(ImportProgress(done, len(entries), str(file))) is False
            ):
                summary.cancelled = True
                break
            if problem is not None:
                summary.results.append(ImportResult(str(file), "failed", reason=problem))
                continue
            try:
                summary.results.append(self.import_file(file))
            except LibraryLockedError as error:
                summary.results.append(ImportResult(str(file), "failed", reason=str(error)))
            except LibraryError as error:
                summary.stopped = str(error)
                summary.not_attempted = len(entries) - done
                break
        return summary

    @_bound
    def reparse_all(self) -> list[ImportResult]:
        """Parse every stored raw page again (after a parser fix) and re-anchor."""
        from reader.parse.model import ParsedPage, SourceInfo
        from reader.parse.page import parse_text

        results = []
        for source_id in [s.id for s in Source.select(Source.id).order_by(Source.id)]:
            with write_transaction(self._db):
                source = Source.get_by_id(source_id)
                info = SourceInfo(source.path, source.encoding, source.sha256)
                parsed = parse_text(source.raw_text, path=source.path)
                page = ParsedPage(info, source.raw_text, parsed.articles)
                update = importer.update_page(source, page, touch=False)
                ids = importer.article_ids(source.id)
                status = "reparsed" if update.changed else "unchanged"
                results.append(
                    ImportResult(source.path, status, source.id, ids, None, update.reanchored)
                )
        return results

    # --- reading -----------------------------------------------------------------
    @_bound
    def list_sources(self) -> list[SourceSummary]:
        count = pw.fn.COUNT(Article.id)
        query = (
            Source.select(Source.id, Source.path, Source.encoding, Source.imported_at, count)
            .join(Article, pw.JOIN.LEFT_OUTER)
            .group_by(Source.id)
            .order_by(Source.imported_at.desc(), Source.id.desc())
        )
        return [
            SourceSummary(sid, path, encoding, _as_datetime(imported_at), n)
            for sid, path, encoding, imported_at, n in query.tuples()
        ]

    @_bound
    def count_articles(self, *, text_filter: str = "", tag: str | None = None) -> int:
        return self._filtered(Article.select(), text_filter, tag).count()

    @_bound
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
        if sort not in SORTS:
            raise ReaderError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
        query = self._filtered(_summary_query(), text_filter, tag)
        grouping = (Source.imported_at.desc(), Source.id.desc(), Article.position)
        order = {
            "newest": grouping,
            "oldest": (Source.imported_at, Source.id, Article.position),
            "title": (Article.title, *grouping),
            "highlights": (pw.SQL("highlight_count").desc(), *grouping),
        }[sort]
        query = query.order_by(*order).offset(offset or None)
        if limit is not None:
            query = query.limit(limit)
        return _summaries(query)

    @_bound
    def article_summary(self, article_id: int) -> ArticleSummary:
        """One article's list row (read state, highlight count). NotFoundError."""
        found = _summaries(_summary_query().where(Article.id == article_id))
        if not found:
            raise NotFoundError(f"there is no article {article_id}")
        return found[0]

    def _filtered(self, query: pw.ModelSelect, text_filter: str, tag: str | None):
        needle = (text_filter or "").strip().lower()
        if needle:
            query = query.where(
                (pw.fn.instr(pw.fn.lower(Article.title), needle) > 0)
                | (pw.fn.instr(pw.fn.lower(Article.author_names), needle) > 0)
            )
        if tag is not None:
            tagged = ArticleTag.select(ArticleTag.article).join(Tag).where(Tag.name == tag.strip())
            query = query.where(Article.id.in_(tagged))
        return query

    @_bound
    def get_article(self, article_id: int) -> ArticleRecord:
        """The article with its tags and highlights (reading order). NotFoundError."""
        return self.get_articles([article_id])[0]

    @_bound
    def get_articles(self, article_ids: Sequence[int]) -> list[ArticleRecord]:
        """`get_article` for many ids, in the order given, in four queries per batch of
        ARTICLE_BATCH (an export of the whole library is one such call). NotFoundError
        for an unknown id."""
        found: dict[int, ArticleRecord] = {}
        for first in range(0, len(article_ids), ARTICLE_BATCH):
            found.update(self._article_records(article_ids[first : first + ARTICLE_BATCH]))
        for article_id in article_ids:
            if article_id not in found:
                raise NotFoundError(f"there is no article {article_id}")
        return [found[article_id] for article_id in article_ids]

    @_bound
    def set_read(self, article_id: int, read: bool = True) -> None:
        """An article already in that state keeps its time (see `SetRead`)."""
        self.apply(operations.SetRead(article_id, read))

    # --- highlights and notes -----------------------------------------------------
    @_bound
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
        add = operations.AddHighlight(article_id, start, end, color, note, tuple(tags))
        return self._highlight_record(self.apply(add).value)

    @_bound
    def find_quote(self, article_id: int, quote: str, occurrence: int = 1) -> tuple[int, int]:
        """Code-point span of the n-th occurrence of `quote` (QuoteNotFoundError)."""
        if not quote:
            raise ReaderError("the quote to find is empty")
        if occurrence < 1:
            raise ReaderError("occurrence counts from 1")
        text = self._article(article_id).text
        index = -1
        for seen in range(occurrence):
            index = text.find(quote, index + 1)
            if index == -1:
                if seen == 0:
                    raise QuoteNotFoundError(f"{quote!r} does not occur in article {article_id}")
                raise QuoteNotFoundError(
                    f"{quote!r} occurs {seen} time(s) in article {article_id}, not {occurrence}"
                )
        return index, index + len(quote)

    @_bound
    def get_highlight(self, highlight_id: int) -> HighlightRecord:
        return self._highlight_record(highlight_id)

    @_bound
    def set_color(self, highlight_id: int, color: str) -> HighlightRecord:
        self.apply(operations.SetColor(highlight_id, color))
        return self._highlight_record(highlight_id)

    @_bound
    def set_note(self, highlight_id: int, body: str) -> HighlightRecord:
        """Replace the note; an empty or blank body removes it."""
        self.apply(operations.SetNote(highlight_id, body))
        return self._highlight_record(highlight_id)

    @_bound
    def delete_highlight(self, highlight_id: int) -> HighlightRecord:
        """Delete and return the full record, which `restore_highlight` takes back."""
        return self.apply(operations.DeleteHighlight(highlight_id)).value

    @_bound
    def restore_highlight(self, record: HighlightRecord) -> HighlightRecord:
        """Re-create a deleted highlight with the same id, note, tags and times."""
        self.apply(operations.RestoreHighlight(operations.HighlightSnapshot.of_record(record)))
        return self._highlight_record(record.id)

    @_bound
    def highlights_for_article(self, article_id: int) -> list[HighlightRecord]:
        self._article(article_id)
        return self._highlight_records(Highlight.article == article_id)

    # --- tags --------------------------------------------------------------------
    @_bound
    def tag_highlight(self, highlight_id: int, name: str) -> HighlightRecord:
        self.apply(operations.TagHighlight(highlight_id, name))
        return self._highlight_record(highlight_id)

    @_bound
    def untag_highlight(self, highlight_id: int, name: str) -> HighlightRecord:
        self.apply(operations.UntagHighlight(highlight_id, name))
        return self._highlight_record(highlight_id)

    @_bound
    def tag_article(self, article_id: int, name: str) -> tuple[str, ...]:
        """Returns the article's tags afterwards."""
        self.apply(operations.TagArticle(article_id, name))
        return self._article_tags(article_id)

    @_bound
    def untag_article(self, article_id: int, name: str) -> tuple[str, ...]:
        self.apply(operations.UntagArticle(article_id, name))
        return self._article_tags(article_id)

    @_bound
    def article_tags(self, article_id: int) -> tuple[str, ...]:
        """The article's own tags by name (empty for an unknown article)."""
        return self._article_tags(article_id)

    @_bound
    def tag_counts(self) -> list[TagCount]:
        """All tags with how many highlights and articles carry them, by name."""
        highlights = HighlightTag.select(pw.fn.COUNT(pw.SQL("*"))).where(HighlightTag.tag == Tag.id)
        articles = ArticleTag.select(pw.fn.COUNT(pw.SQL("*"))).where(ArticleTag.tag == Tag.id)
        query = Tag.select(Tag.id, Tag.name, highlights, articles).order_by(Tag.name)
        return [TagCount(*row) for row in query.tuples()]

    @_bound
    def rename_tag(self, old: str, new: str) -> None:
        """ReaderError if `new` exists already (that is a merge)."""
        self.apply(operations.RenameTag(old, new))

    @_bound
    def merge_tags(self, source: str, target: str) -> MergeResult:
        """Move every link of `source` to `target` (created if missing), delete source."""
        return self.apply(operations.MergeTags(source, target)).value

    @_bound
    def unmerge_tags(self, result: MergeResult) -> None:
        """Undo `merge_tags` exactly."""
        self.apply(operations.UnmergeTags(result))

    @_bound
    def delete_tag(self, name: str) -> TagSnapshot:
        return self.apply(operations.DeleteTag(name)).value

    @_bound
    def restore_tag(self, snapshot: TagSnapshot) -> None:
        self.apply(operations.RestoreTag(snapshot))

    # --- private helpers ----------------------------------------------------------
    def _article(self, article_id: int) -> Article:
        article = Article.get_or_none(Article.id == article_id)
        if article is None:
            raise NotFoundError(f"there is no article {article_id}")
        return article

    def _article_tags(self, article_id: int) -> tuple[str, ...]:
        query = (
            Tag.select(Tag.name)
            .join(ArticleTag)
            .where(ArticleTag.article == article_id)
            .order_by(Tag.name)
        )
        return tuple(name for (name,) in query.tuples())

    def _highlight_record(self, highlight_id: int) -> HighlightRecord:
        records = self._highlight_records(Highlight.id == highlight_id)
        if not records:
            raise NotFoundError(f"there is no highlight {highlight_id}")
        return records[0]

    def _article_records(self, article_ids: Sequence[int]) -> dict[int, ArticleRecord]:
        articles = (
            Article.select(Article, Source.id, Source.path, Source.imported_at)
            .join(Source)
            .where(Article.id.in_(article_ids))
        )
        tags: dict[int, list[str]] = {}
        links = (
            ArticleTag.select(ArticleTag.article, Tag.name)
            .join(Tag)
            .where(ArticleTag.article.in_(article_ids))
            .order_by(Tag.name)
            .tuples()
        )
        for article_id, name in links:
            tags.setdefault(article_id, []).append(name)
        highlights: dict[int, list[HighlightRecord]] = {}
        for highlight in self._highlight_records(Highlight.article.in_(article_ids)):
            highlights.setdefault(highlight.article_id, []).append(highlight)
        return {
            article.id: ArticleRecord(
                id=article.id,
                source_id=article.source.id,
                source_path=article.source.path,
                position=article.position,
                section=article.section,
                headlines=tuple(json.loads(article.headlines)),
                title=article.title,
                byline=article.byline,
                authors=tuple(Author(a["name"], a["role"]) for a in json.loads(article.authors)),
                paragraphs=tuple(json.loads(article.paragraphs)),
                captions=tuple(json.loads(article.captions)),
                text=article.text,
                tags=tuple(tags.get(article.id, ())),
                is_read=article.read_at is not None,
                imported_at=article.source.imported_at,
                highlights=tuple(highlights.get(article.id, ())),
            )
            for article in articles
        }

    def _highlight_records(self, condition: pw.Expression) -> list[HighlightRecord]:
        """Highlights matching `condition` in reading order, with notes and tags, in
        three queries whatever their number."""
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


def _as_datetime(value):
    """Tuple queries skip field conversion for joined columns on some peewee versions."""
    if isinstance(value, str):
        return Source.imported_at.python_value(value)
    return value


def _summary_query() -> pw.ModelSelect:
    """The columns of an article list row, each with its highlight count."""
    highlight_count = Highlight.select(pw.fn.COUNT(Highlight.id)).where(
        Highlight.article == Article.id
    )
    return Article.select(
        Article.id,
        Article.source,
        Source.path,
        Article.position,
        Article.title,
        Article.author_names,
        highlight_count.alias("highlight_count"),
        Article.read_at,
        Source.imported_at,
    ).join(Source)


def _summaries(query: pw.ModelSelect) -> list[ArticleSummary]:
    return [
        ArticleSummary(
            id=row[0],
            source_id=row[1],
            source_path=row[2],
            position=row[3],
            title=row[4],
            author_names=row[5],
            highlight_count=row[6],
            is_read=row[7] is not None,
            imported_at=_as_datetime(row[8]),
        )
        for row in query.tuples()
    ]
