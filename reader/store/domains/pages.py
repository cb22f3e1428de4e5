"""Pages in and out of the library: import of files and folders, re-parsing every
stored page after a parser fix (`library.pages`). Each page is one write transaction."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import pickle
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, cast

from reader.errors import (
    InputFileError,
    LibraryError,
    LibraryLockedError,
    NotFoundError,
    ReaderError,
)
from reader.store import importer, page_reading, source_rows
from reader.store.database import write_transaction
from reader.store.domains.base import Domain, bound
from reader.store.models import Correction, Source
from reader.store.operations.corrections import page_articles, reapply, recut
from reader.store.page_layout import PageLayout, correction_record, page_layout
from reader.store.records import CorrectionRecord, ImportProgress, ImportResult, ImportSummary

if TYPE_CHECKING:
    from reader.sources.document import SourceDocument

#: Pages a folder import writes per transaction: FTS5 writes its index at each commit,
#: so a page a commit costs about twice the time of a hundred.
IMPORT_BATCH = 100


class _Pending(NamedTuple):
    """A page of a folder import read and parsed, waiting for its batch to be written."""

    entry_index: int
    result_index: int
    shown: str
    path: str
    document: SourceDocument
    rows: importer.PageRows
    tokens: tuple[tuple[str, str], ...]  # made ahead (`page_reading.ReadPage`)

    @property
    def sha256(self) -> str:
        return self.document.page.source.sha256


class _Parsing(NamedTuple):
    """A page of a folder import read and unknown to the library, being parsed."""

    shown: str
    path: str
    sha256: str
    read: Callable[[], page_reading.ReadPage | str]  # waits for it: the page, or why not
    size: int  # bytes of the file, held until its turn


class _Again(NamedTuple):
    """A page with the content of one read before it in the same import: "unchanged"
    once that one is written (parsed only if that one could not be stored)."""

    shown: str
    path: str
    sha256: str
    data: bytes


class _Unreadable(NamedTuple):
    """A page that could not be looked up in the library (another program's lock, a
    damaged file): the error, raised when its turn comes."""

    error: LibraryError


_Tokens = tuple[tuple[str, str], ...]

#: A folder import's entry read ahead of its turn (`Pages._stage`).
_Staged = ImportResult | _Parsing | _Again | _Unreadable


def _held(staged: Iterable[_Staged]) -> int:
    """Bytes of the files read ahead and not yet written."""
    return sum(
        item.size if isinstance(item, _Parsing) else len(item.data)
        for item in staged
        if isinstance(item, _Parsing | _Again)
    )


_OWN_FILE = (
    "is one of this library's own files (the database, its journal or a backup); not imported"
)


class Pages(Domain):
    @functools.cached_property
    def _own_files(self) -> importer.LibraryFiles:
        """The library's own files, which an import refuses without opening them."""
        return importer.LibraryFiles(self._path)

    @bound
    def import_file(self, path: Path | str) -> ImportResult:
        """Import one file of any kind a reader takes (text page, web page, MHTML, PDF,
        Markdown; recognised by its content, `ImportResult.kind`). Same content as an
        existing source: status "unchanged". Same path but changed content: the page is
        read again, its articles updated in place (matched by position, then title) and
        their highlights re-anchored (status "reparsed", outcomes in `reanchored`).
        Never raises for bad input: a bad file is a "failed" result with a reason (a
        reader archive's names `reader import-archive`, which restores it)."""
        read = self._read(path)
        if isinstance(read, ImportResult):
            return read
        return self._store(*read)

    def _read(self, path: Path | str) -> ImportResult | tuple[str, str, SourceDocument]:
        """A file read and parsed, as (shown path, resolved path, document); or its
        result when there is nothing to write: it failed, or its content is known."""
        from reader.sources.read import read_source

        shown = str(path)
        read = self._read_bytes(path)
        if isinstance(read, ImportResult):
            return read
        resolved, data = read
        # Known content needs no parsing: re-importing a folder is mostly this.
        known = self._known(hashlib.sha256(data).hexdigest(), shown)
        if known is not None:
            return known
        try:
            document = read_source(data, resolved)
        except InputFileError as error:
            return ImportResult(shown, "failed", reason=str(error))
        return shown, resolved, document

    def _read_bytes(self, path: Path | str) -> ImportResult | tuple[str, bytes]:
        """A file's resolved path and bytes, or why it cannot be read: it is one of the
        library's own files (refused unopened), a symlink loop, missing, unreadable."""
        from reader.parse.page import read_page_bytes

        shown = str(path)
        named = Path(path).expanduser()
        try:
            resolved = named.resolve()
        except (OSError, RuntimeError):  # RuntimeError: pathlib's symlink loop
            return ImportResult(shown, "failed", reason="is a symlink loop; skipped")
        if self._own_files.owns(named, resolved):
            return ImportResult(shown, "failed", reason=_OWN_FILE)
        try:
            return str(resolved), read_page_bytes(resolved)
        except InputFileError as error:
            return ImportResult(shown, "failed", reason=str(error))

    @bound
    def import_url(self, url: str) -> ImportResult:
        """Fetch a web page (or a PDF) and import it; the download is kept as the raw
        source. Importing the same address again updates its articles and re-anchors
        their highlights, like a changed file. Never raises for a bad or unreachable
        address: a "failed" result says why (offline, refused, not found, too large)."""
        from reader.sources.url import read_url

        address = url.strip()
        try:
            document = read_url(address)
            known = self._known(document.page.source.sha256, address)
        except InputFileError as error:
            return ImportResult(address, "failed", reason=str(error))
        return known or self._store(address, address, document)

    @bound
    def import_pasted(self, text: str = "", html: str = "") -> ImportResult:
        """A paste (HTML preferred when it holds text) as a new source of its own, dated
        today, its path "pasted": pastes are never taken for a new version of another.
        Pasting the same text again is "unchanged"; nothing in it: "failed"."""
        from reader.sources.paste import PASTED_PATH, read_pasted

        try:
            document = read_pasted(text, html)
            known = self._known(document.page.source.sha256, PASTED_PATH)
        except InputFileError as error:
            return ImportResult(PASTED_PATH, "failed", reason=str(error))
        return known or self._store(PASTED_PATH, PASTED_PATH, document, same_path=False)

    def _known(self, sha256: str, shown: str) -> ImportResult | None:
        row = self._db.execute_sql(
            'SELECT "id", "kind" FROM "source" WHERE "sha256" = ?', (sha256,)
        ).fetchone()
        if row is None:
            return None
        ids = importer.article_ids(row[0])
        return ImportResult(shown, "unchanged", int(row[0]), ids, kind=row[1])

    def _store(
        self,
        shown: str,
        path: str,
        document: SourceDocument,
        *,
        same_path: bool = True,
        savepoint: bool = True,
        rows: importer.PageRows | None = None,
    ) -> ImportResult:
        """Write a read document: a new source, or (`same_path`) the newest source of
        the same path brought in line with it. Inside a transaction, in a savepoint of
        its own unless not `savepoint` (the caller then rolls back on any error)."""
        columns = source_rows.document_columns(document)
        kind = document.kind.value
        with write_transaction(self._db) if savepoint else contextlib.nullcontext():
            previous = None
            if same_path:
                newest = self._db.execute_sql(
                    'SELECT "id" FROM "source" WHERE "path" = ? '
                    'ORDER BY "imported_at" DESC LIMIT 1',
                    (path,),
                ).fetchone()
                previous = None if newest is None else Source.get_by_id(newest[0])
            if previous is not None:
                page, misfits = reapply(previous.id, document.page)
                update = importer.update_page(previous, page, source_columns=columns)
                ids = importer.article_ids(previous.id)
                return ImportResult(
                    shown,
                    "reparsed",
                    previous.id,
                    ids,
                    reanchored=update.reanchored,
                    kind=kind,
                    corrections_not_applied=tuple(correction_record(m) for m in misfits),
                )
            source_id, ids = importer.add_page(path, document.page, columns, rows)
            return ImportResult(shown, "imported", source_id, ids, kind=kind)

    def import_paths(
        self,
        paths: Sequence[Path | str],
        progress: Callable[[ImportProgress], bool] | None = None,
    ) -> ImportSummary:
        """Import files and folders (recursively: text pages, web pages, PDFs and
        Markdown by their suffixes; any other file in a folder is "skipped" with why),
        going on past failures: a bad file, a symlink loop, an unreadable folder, one of
        the library's own files are each a "failed" result. Pages are written
        `IMPORT_BATCH` to a transaction (the search index takes a batch far faster than
        single pages), each page in a savepoint of its own: a page that fails to be
        written fails alone. Pages of a batch still locked by another program after the
        busy timeout are "failed" (try again), and the import goes on. A full disk, a
        read-only or damaged library stop the import (`summary.stopped`; the batch in
        hand is not written), since every further page would fail alike. `progress` is
        called before each file; returning False cancels (files already read are
        written first and stay). A large import parses its pages in worker processes
        while the writer writes (`reader.store.page_reading`); results are the same."""
        entries = importer.collect_files(paths)
        summary = ImportSummary()
        results: list[ImportResult | None] = []
        batch: list[_Pending] = []
        files = sum(1 for entry in entries if entry.problem is None and entry.skipped is None)
        parsing = page_reading.parsing_for(files, self._tokenizer())
        staged: deque[_Staged] = deque()
        claimed: set[str] = set()  # the content of every page this import sent to be parsed

        def write_batch() -> bool:
            """Write the batch in hand; False when the import has to stop."""
            if not batch:
                return True
            try:
                for item, result in zip(batch, self._write_batch(batch), strict=True):
                    results[item.result_index] = result
            except LibraryLockedError as error:
                for item in batch:
                    results[item.result_index] = ImportResult(
                        item.shown, "failed", reason=str(error)
                    )
            except LibraryError as error:
                summary.stopped = str(error)
                summary.not_attempted = len(entries) - batch[0].entry_index
                del results[batch[0].result_index :]
                return False
            batch.clear()
            return True

        finished = False
        try:
            for done, (file, *_) in enumerate(entries):
                while (
                    len(staged) < parsing.ahead
                    and (len(staged) < 2 or _held(staged) < page_reading.AHEAD_BYTES)
                    and done + len(staged) < len(entries)
                ):
                    staged.append(self._stage(entries[done + len(staged)], parsing, claimed))
                if (
                    progress is not None
                    and progress(ImportProgress(done, len(entries), str(file))) is False
                ):
                    summary.cancelled = True
                    break
                try:
                    read = self._take(staged.popleft(), batch, write_batch, parsing)
                except LibraryLockedError as error:  # another program's exclusive lock
                    results.append(ImportResult(str(file), "failed", reason=str(error)))
                    continue
                except LibraryError as error:
                    if write_batch():
                        summary.stopped = str(error)
                        summary.not_attempted = len(entries) - done
                    break
                if read is None:
                    break
                if isinstance(read, ImportResult):
                    results.append(read)
                    continue
                batch.append(_Pending(done, len(results), *read))
                results.append(None)
                if len(batch) >= IMPORT_BATCH and not write_batch():
                    break
            else:
                finished = True
        finally:
            parsing.close()
        if finished or summary.cancelled:
            write_batch()
        summary.results = [r for r in results if r is not None]
        return summary

    def _stage(
        self,
        entry: importer.Entry,
        parsing: page_reading.InProcessParsing | page_reading.WorkerParsing,
        claimed: set[str],
    ) -> _Staged:
        """An entry read ahead of its turn: its result when there is nothing to parse
        (a path that cannot be imported, a failed read, known content), the error that
        kept it from being looked up, or the page handed to `parsing`. A page with the
        content of one this import already sent is left to be decided when its turn
        comes, after the first is written (it is then "unchanged")."""
        file, problem, skipped = entry
        shown = str(file)
        if problem is not None:
            return ImportResult(shown, "failed", reason=problem)
        if skipped is not None:
            return ImportResult(shown, "skipped", reason=skipped)
        read = self._read_bytes(file)
        if isinstance(read, ImportResult):
            return read
        path, data = read
        sha256 = hashlib.sha256(data).hexdigest()
        if sha256 in claimed:
            return _Again(shown, path, sha256, data)
        try:
            known = self._lookup(sha256, shown)
        except LibraryError as error:
            return _Unreadable(error)
        if known is not None:
            return known
        claimed.add(sha256)
        return _Parsing(shown, path, sha256, parsing.submit(data, path), len(data))

    @bound
    def _lookup(self, sha256: str, shown: str) -> ImportResult | None:
        return self._known(sha256, shown)

    @bound
    def _take(
        self,
        staged: _Staged,
        batch: list[_Pending],
        write_batch: Callable[[], bool],
        parsing: page_reading.InProcessParsing | page_reading.WorkerParsing,
    ) -> ImportResult | tuple[str, str, SourceDocument, importer.PageRows, _Tokens] | None:
        """A staged entry when its turn comes: its result, or the read page to add to
        the batch. The batch in hand is written first when this page's content or path
        is in it, so the second is "unchanged" or updates the first, as one by one; None
        when that write stopped the import."""
        if isinstance(staged, ImportResult):
            return staged
        if isinstance(staged, _Unreadable):
            raise staged.error
        in_batch = any(i.path == staged.path or i.sha256 == staged.sha256 for i in batch)
        if in_batch and not write_batch():
            return None
        if isinstance(staged, _Again) or in_batch:
            known = self._known(staged.sha256, staged.shown)
            if known is not None:
                return known
        if isinstance(staged, _Again):  # the first copy was not stored: parse this one
            # where the first was parsed (a worker, for a large import): a page that
            # crashes its parser must not do so in the writer's process
            read = parsing.submit(staged.data, staged.path)()
        else:
            read = staged.read()
        if isinstance(read, str):
            return ImportResult(staged.shown, "failed", reason=read)
        return staged.shown, staged.path, read.document, read.rows, read.tokens

    @bound
    def _write_batch(self, batch: Sequence[_Pending]) -> list[ImportResult]:
        """Write read pages in one transaction. First all at once; when a page fails, that
        is rolled back and the batch written again with each page in a savepoint of its
        own, so the page fails alone. (A savepoint makes the search index write out what
        it holds: one per page doubled the index's cost, so none unless needed.)"""
        with self._tokens_made(batch):
            return self._write_pages(batch)

    def _write_pages(self, batch: Sequence[_Pending]) -> list[ImportResult]:
        try:
            with write_transaction(self._db):
                stored = self._stored_paths(batch)
                return [
                    self._store(
                        item.shown,
                        item.path,
                        item.document,
                        same_path=item.path in stored,
                        savepoint=False,
                        rows=item.rows,
                    )
                    for item in batch
                ]
        except LibraryError:
            raise
        except ReaderError:
            pass
        results = []
        with write_transaction(self._db):
            stored = self._stored_paths(batch)
            for item in batch:
                try:
                    results.append(
                        self._store(
                            item.shown,
                            item.path,
                            item.document,
                            same_path=item.path in stored,
                            rows=item.rows,
                        )
                    )
                except LibraryError:
                    raise
                except ReaderError as error:  # this page only: rolled back to its savepoint
                    results.append(ImportResult(item.shown, "failed", reason=str(error)))
        return results

    def _stored_paths(self, batch: Sequence[_Pending]) -> set[str]:
        """Which of the batch's paths the library has a page of, in one query (one per
        page cost 0.1 ms each in a library of 300,000 articles): only those pages are
        looked for as new versions. No two pages of a batch share a path."""
        paths = [item.path for item in batch]
        marks = ", ".join("?" for _ in paths)
        rows = self._db.execute_sql(
            f'SELECT DISTINCT "path" FROM "source" WHERE "path" IN ({marks})', paths
        )
        return {path for (path,) in rows}

    def _tokenizer(self) -> page_reading.Tokenize | None:
        """The function the search index's triggers call on this library's connection
        (`reader.search.index.register_functions`), for workers to make tokens with;
        None when it cannot be sent to them (only a function known by name can)."""
        registered = self._db._functions.get("search_tokens")
        if registered is None:
            return None
        try:
            pickle.dumps(registered[0])
        except (pickle.PicklingError, AttributeError, TypeError):
            return None
        return cast(page_reading.Tokenize, registered[0])

    @contextlib.contextmanager
    def _tokens_made(self, batch: Sequence[_Pending]) -> Iterator[None]:
        """While a batch is written, the index triggers take the tokens its workers made
        (`page_reading.with_tokens`) instead of making them again; any other text is
        tokenized as always."""
        made = {text: tokens for item in batch for text, tokens in item.tokens}
        tokenize = self._tokenizer()
        if not made or tokenize is None:
            yield
            return

        def tokens_of(text: str) -> str:
            found = made.get(text)
            return tokenize(text) if found is None else found

        # Either function gives the same tokens for any text: should SQLite refuse to
        # swap them (a statement still open), the batch is written with the one in place.
        connection = self._db.connection()
        with contextlib.suppress(sqlite3.OperationalError):
            connection.create_function("search_tokens", 1, tokens_of, deterministic=True)
        try:
            yield
        finally:
            with contextlib.suppress(sqlite3.OperationalError):
                connection.create_function("search_tokens", 1, tokenize, deterministic=True)

    @bound
    def reparse_all(
        self,
        progress: Callable[[ImportProgress], bool] | None = None,
        *,
        outdated_only: bool = False,
    ) -> list[ImportResult]:
        """Parse stored raw pages again (after a parser change) and re-anchor their
        highlights, one transaction per page. `outdated_only`: just the pages an older
        parser cut (`Source.parser_version`), which is what an upgrade needs; an
        interrupted run goes on where it stopped. `progress` as in `import_paths`."""
        from reader.parse import PARSER_VERSION

        query = Source.select(Source.id, Source.path).order_by(Source.id)
        if outdated_only:
            query = query.where(Source.parser_version < PARSER_VERSION)
        pages = [(int(source_id), str(path)) for source_id, path in query.tuples()]
        results = []
        for done, (source_id, path) in enumerate(pages):
            if progress is not None and progress(ImportProgress(done, len(pages), path)) is False:
                break
            results.append(self._reparse(source_id))
        return results

    @bound
    def count_outdated(self) -> int:
        """Pages cut by an older parser than this program's: `reparse_all` them."""
        from reader.parse import PARSER_VERSION

        return int(Source.select().where(Source.parser_version < PARSER_VERSION).count())

    def _reparse(self, source_id: int) -> ImportResult:
        """Parse a stored source again (a text page from its raw text, any other kind
        from its raw bytes by today's readers) with its corrections on top; a source
        today's reader refuses is "failed" and left as it was."""
        with write_transaction(self._db):
            source = Source.get_by_id(source_id)
            try:
                update, misfits = recut(source)
            except InputFileError as error:
                return ImportResult(source.path, "failed", source.id, reason=str(error))
            ids = importer.article_ids(source.id)
        status = "reparsed" if update.changed else "unchanged"
        return ImportResult(
            source.path,
            status,
            source.id,
            ids,
            None,
            update.reanchored,
            kind=source.kind,
            corrections_not_applied=tuple(correction_record(m) for m in misfits),
        )

    @bound
    def corrections(self, source_id: int | None = None) -> list[CorrectionRecord]:
        """The corrections of one page (or of every page), in the order they apply."""
        query = Correction.select().order_by(Correction.source, Correction.seq)
        if source_id is not None:
            query = query.where(Correction.source == source_id)
        return [correction_record(row) for row in query]

    @bound
    def misfit_corrections(self) -> list[CorrectionRecord]:
        """Corrections that did not fit their page when it was last parsed (its text
        changed where they were made): not applied, kept for the user to look at."""
        query = Correction.select().where(Correction.misfit.is_null(False))
        return [correction_record(row) for row in query.order_by(Correction.source, Correction.seq)]

    @bound
    def of_article(self, article_id: int) -> int:
        """The id of the page an article is on."""
        from reader.store.operations.rows import get_article

        return int(get_article(article_id).source_id)

    @bound
    def layout(self, source_id: int) -> PageLayout:
        """The page's raw text and the articles it was cut into, each with where its
        text starts in the raw page (-1 when the parser joined lines so it is not
        verbatim there): what a page view draws its boundaries from."""
        source = Source.get_or_none(Source.id == source_id)
        if source is None:
            raise NotFoundError(f"there is no page {source_id}")
        return page_layout(source, page_articles(source_id))
