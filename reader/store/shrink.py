"""Shrinking a library written before schema 9, in place: each page's raw text and raw
bytes compressed, each article's paragraphs dropped where its text gives them back
(`reader.store.packing`), then the file rewritten (VACUUM) so it really gets smaller.

Migration 9 records the work as pending (`library_upkeep`, task "shrink", the last
source id done) and `shrink` does it after opening: first a backup copy beside the
rolling backups (SQLite's online backup), then pages in batches, each batch one write
transaction that also moves the mark on. Killed at any instant, the next open goes on
after the last batch that committed; the rows read right in either form meanwhile.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from reader.errors import DiskFullError
from reader.store.database import write_transaction
from reader.store.packing import (
    DERIVED_PARAGRAPHS,
    is_packed_bytes,
    pack_bytes,
    pack_text,
    paragraphs_column,
)

TASK = "shrink"
#: Pages per write transaction: short enough that the window's reads never wait long.
BATCH_PAGES = 200
#: Page size of a rewritten library: an article row (~2.5 KB for 800 characters) fits
#: three to a page instead of one to a 4 KB page with 1.5 KB left empty.
PAGE_SIZE = 8192
#: Free space asked for on top of the copies, so the disk is not left brim-full.
MARGIN_BYTES = 64 * 1024 * 1024

#: Called with (pages done, pages in all); returning False stops after that batch.
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class ShrinkOutcome:
    pages_done: int
    finished: bool  # every page packed and the file rewritten
    backup: Path | None  # the copy made before the first batch


def pending(db: pw.SqliteDatabase) -> int | None:
    """The last source id already shrunk, or None when nothing is left to do."""
    try:
        row = db.execute_sql(
            'SELECT "after_id" FROM "library_upkeep" WHERE "task" = ?', (TASK,)
        ).fetchone()
    except pw.OperationalError:  # no table: a library from before migration 9's runs
        return None
    return None if row is None else int(row[0])


def backup_path(path: Path) -> Path:
    from reader.export.backup import default_backup_dir

    return default_backup_dir(path) / f"{path.stem}-before-shrink{path.suffix}"


def space_needed(path: Path) -> int:
    """Free bytes the shrink needs on the library's disk: a backup copy, then VACUUM's
    rewrite (a new copy of the smaller file plus the journal of the old pages), each at
    most the file's size today, and a margin."""
    size = sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    return 3 * size + MARGIN_BYTES


def shrink(
    db: pw.SqliteDatabase,
    path: Path,
    *,
    progress: Progress | None = None,
    batch: int | None = None,
    free_bytes: Callable[[Path], int] | None = None,
) -> ShrinkOutcome:
    """Do the pending shrink (see the module). DiskFullError, before anything is written,
    when the disk has not the room `space_needed` says: the library stays as it is,
    fully usable, and the shrink is tried again at the next open."""
    batch = batch or BATCH_PAGES
    after = pending(db)
    if after is None:
        return ShrinkOutcome(0, True, None)
    backup = None
    if after == 0:
        # A write that changes nothing, first: a library that cannot be written (read-
        # only, locked) is refused before a copy of it is made, at every open.
        with write_transaction(db):
            db.execute_sql('UPDATE "library_upkeep" SET "after_id" = 0 WHERE "task" = ?', (TASK,))
        needed = space_needed(path)
        free = (free_bytes or _free_bytes)(path)
        if free < needed:
            raise DiskFullError(
                f"shrinking the library {path} needs {_size(needed)} free on its disk "
                f"(a backup copy first, then room to rewrite the file); {_size(free)} "
                "are free. The library works as it is meanwhile; free some space and "
                "open it again to shrink it"
            )
        backup = _make_backup(db, backup_path(path))
    total = int(db.execute_sql('SELECT count(*) FROM "source"').fetchone()[0])
    done = int(
        db.execute_sql('SELECT count(*) FROM "source" WHERE "id" <= ?', (after,)).fetchone()[0]
    )
    while True:
        with write_transaction(db):
            after, count = _shrink_batch(db, after, batch)
        done += count
        if count == 0:
            break
        if progress is not None and progress(done, total) is False:
            return ShrinkOutcome(done, False, backup)
    _rewrite_file(db)
    with write_transaction(db):
        db.execute_sql('DELETE FROM "library_upkeep" WHERE "task" = ?', (TASK,))
    return ShrinkOutcome(done, True, backup)


def shrink_on_open(db: pw.SqliteDatabase, path: Path, progress: Progress | None = None) -> str:
    """Run a pending shrink when a library opens; "" when done (or nothing to do), else
    why it is not done yet, for the window or the command line to show. The library
    opens either way: its rows read right in either form."""
    from reader.errors import LibraryError
    from reader.store.database import error_by_kind

    if pending(db) is None:
        return ""
    try:
        outcome = shrink(db, path, progress=progress)
    except LibraryError as error:
        return str(error)
    except (pw.DatabaseError, sqlite3.Error, OSError) as error:
        kind = error_by_kind(error, path)
        return str(kind or f"the library {path} was not shrunk yet: {error}")
    if not outcome.finished:
        return (
            f"the library {path} was shrunk in part ({outcome.pages_done} pages); the rest "
            "is done the next time it is opened"
        )
    return ""


def _shrink_batch(db: pw.SqliteDatabase, after: int, batch: int) -> tuple[int, int]:
    """Pack the next `batch` pages after source id `after` and their articles' paragraphs;
    returns the new mark and the number of pages done."""
    rows = db.execute_sql(
        'SELECT "id", "raw_text", "raw_bytes" FROM "source" WHERE "id" > ? ORDER BY "id" LIMIT ?',
        (after, batch),
    ).fetchall()
    if not rows:
        return after, 0
    for source_id, raw_text, raw_bytes in rows:
        if isinstance(raw_text, str):
            raw_text = pack_text(raw_text)
        if raw_bytes is not None and not is_packed_bytes(raw_bytes):
            raw_bytes = pack_bytes(bytes(raw_bytes))
        db.execute_sql(
            'UPDATE "source" SET "raw_text" = ?, "raw_bytes" = ? WHERE "id" = ?',
            (raw_text, raw_bytes, source_id),
        )
    last = int(rows[-1][0])
    articles = db.execute_sql(
        'SELECT "id", "paragraphs", "text" FROM "article" '
        'WHERE "source_id" > ? AND "source_id" <= ? AND "paragraphs" != ?',
        (after, last, DERIVED_PARAGRAPHS),
    ).fetchall()
    for article_id, paragraphs, text in articles:
        try:
            stored = paragraphs_column(json.loads(paragraphs), text)
        except (ValueError, TypeError):
            continue  # not a JSON list of paragraphs: left as it is, read as before
        if stored != paragraphs:
            db.execute_sql(
                'UPDATE "article" SET "paragraphs" = ? WHERE "id" = ?', (stored, article_id)
            )
    db.execute_sql('UPDATE "library_upkeep" SET "after_id" = ? WHERE "task" = ?', (last, TASK))
    return last, len(rows)


def _make_backup(db: pw.SqliteDatabase, target: Path) -> Path:
    """A consistent copy of the library (SQLite's online backup), written under a
    temporary name and renamed: a copy cut short is never taken for the backup."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    out = sqlite3.connect(partial)
    try:
        db.connection().backup(out)
        out.execute("PRAGMA journal_mode=DELETE")
    finally:
        out.close()
    os.replace(partial, target)
    return target


def _rewrite_file(db: pw.SqliteDatabase) -> None:
    """VACUUM, with the larger page size when no other connection is open (leaving WAL
    mode needs the file to itself), else at the page size it has; then the WAL emptied
    so the disk sees the smaller file. A VACUUM cut short leaves the file as it was."""
    connection = db.connection()
    try:
        mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError:  # another connection has the file open
        mode = "wal"
    try:
        if mode == "delete":
            connection.execute(f"PRAGMA page_size={PAGE_SIZE}")
        connection.execute("VACUUM")
    finally:
        connection.execute("PRAGMA journal_mode=WAL").fetchone()
    # With a statement of this connection still open it cannot: the WAL then empties
    # when the connection closes.
    with contextlib.suppress(sqlite3.OperationalError):
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()


def _free_bytes(path: Path) -> int:
    return shutil.disk_usage(path.parent).free


def _size(count: int) -> str:
    return f"{count / 2**20:.0f} MB" if count < 2**30 else f"{count / 2**30:.1f} GB"
