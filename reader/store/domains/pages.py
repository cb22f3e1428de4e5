"""Pages in and out of the library: import of files and folders, re-parsing every
stored page after a parser fix (`library.pages`). Each page is one write transaction."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.errors import InputFileError, LibraryError, LibraryLockedError, NotFoundError
from reader.store import importer
from reader.store.database import write_transaction
from reader.store.domains.base import Domain, bound
from reader.store.models import Correction, Source
from reader.store.operations.corrections import page_articles, reapply, recut
from reader.store.page_layout import PageLayout, correction_record, page_layout
from reader.store.records import CorrectionRecord, ImportProgress, ImportResult, ImportSummary

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
                page, misfits = reapply(same_path.id, page)
                update = importer.update_page(same_path, page)
                ids = importer.article_ids(same_path.id)
                return ImportResult(
                    shown,
                    "reparsed",
                    same_path.id,
                    ids,
                    reanchored=update.reanchored,
                    corrections_not_applied=tuple(correction_record(m) for m in misfits),
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
        with write_transaction(self._db):
            source = Source.get_by_id(source_id)
            update, misfits = recut(source)
            ids = importer.article_ids(source.id)
        status = "reparsed" if update.changed else "unchanged"
        return ImportResult(
            source.path,
            status,
            source.id,
            ids,
            None,
            update.reanchored,
            tuple(correction_record(m) for m in misfits),
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
