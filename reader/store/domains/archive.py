"""The library as an archive sees it: writing a checked archive's rows (restore) and
the page texts an archive carries (`library.archive`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from reader.store.database import write_transaction
from reader.store.domains.base import Domain, bound
from reader.store.models import Correction, Source
from reader.store.page_layout import correction_record
from reader.store.records import CorrectionRecord, SourceOrigin, SourceRecord

if TYPE_CHECKING:
    from reader.store.restore import RestoreResult


class Archive(Domain):
    @bound
    def restore(self, archive: Mapping[str, Any]) -> RestoreResult:
        """Bring a checked archive (`reader.export.restore.check_archive`) into the
        library in one write transaction: all of it or, on any error, nothing."""
        from reader.store import restore

        with write_transaction(self._db):
            return restore.write_archive(archive)

    @bound
    def sources(self, source_ids: Iterable[int]) -> list[SourceRecord]:
        """These pages with their raw text, oldest import first."""
        query = (
            Source.select()
            .where(Source.id.in_(list(source_ids)))
            .order_by(Source.imported_at, Source.id)
        )
        return [
            SourceRecord(
                s.id,
                s.path,
                s.sha256,
                s.encoding,
                s.imported_at,
                s.raw_text,
                SourceOrigin(s.kind, s.site, s.url, s.title, s.published),
                None if s.raw_bytes is None else bytes(s.raw_bytes),
            )
            for s in query
        ]

    @bound
    def corrections(self, source_ids: Iterable[int]) -> dict[int, list[CorrectionRecord]]:
        """Page id → its corrections in the order they apply (pages without any are
        left out)."""
        query = (
            Correction.select()
            .where(Correction.source.in_(list(source_ids)))
            .order_by(Correction.source, Correction.seq)
        )
        found: dict[int, list[CorrectionRecord]] = {}
        for row in query:
            found.setdefault(int(row.source_id), []).append(correction_record(row))
        return found
