"""Is the library healthy, and how to get the work back when it is not.

- `check_on_open`: a cheap `PRAGMA quick_check` when the library is opened after an
  unclean shutdown (a write-ahead log left behind), when it is small, and on a sample of
  other opens, so damage is reported before it is used.
- `integrity_report`: the full check behind `reader check`.
- `recover_from_backup`: put the newest healthy rolling backup in the library's place,
  keeping the damaged file (renamed) beside it.
- `salvage`: copy every readable row into a new library, like the sqlite3 shell's
  `.recover`, never writing into the damaged file.

Everything here reads the library only through SQLite (a read-only connection for a
damaged file): no ordinary file I/O on library files, which would drop the process's
SQLite locks (see STYLE.md). The UI can offer the same as the CLI through these
functions.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee as pw

from reader.errors import LibraryCorruptError, ReaderError
from reader.store.database import read_only_uri
from reader.store.migrations import KEPT_BY_TRIGGERS

#: A library up to this size is checked on every open (a quick_check of 16 MB takes a
#: few tens of milliseconds); a larger one on one open in SAMPLE_EVERY, and after an
#: unclean shutdown.
ALWAYS_CHECK_BYTES = 16 * 1024 * 1024
SAMPLE_EVERY = 20
#: Problems listed by `integrity_report` at most.
MAX_PROBLEMS = 20
#: Tables salvaged, parents before children so that foreign keys hold.
SALVAGE_ORDER = (
    "source",
    "article",
    "highlight",
    "note",
    "tag",
    "highlight_tag",
    "article_tag",
    "correction",
)
#: Tables a later migration added, by the schema version that added them: a library
#: older than that never had the table, so salvaging it loses nothing there.
SALVAGE_SINCE = {"correction": 7}
#: Rows read per query while salvaging; a window that fails is split in halves down to
#: single rows, so one damaged page costs only the rows on it.
SALVAGE_WINDOW = 512
#: Rowids looked for past the last one a damaged table lets a scan reach.
SALVAGE_MARGIN = 100_000


def companion_files(path: Path) -> tuple[Path, ...]:
    """The files SQLite keeps beside the database while it is in use."""
    return tuple(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))


def left_unclean(path: Path) -> bool:
    """Whether the last program using the library may have stopped without closing it:
    SQLite deletes the write-ahead log when the last connection closes cleanly, so a
    non-empty `-wal` (or a hot `-journal`) means a crash, or another program using it
    right now. Only stat() is used: opening these files would drop SQLite's locks."""
    wal, _shm, journal = companion_files(path)
    return _size(wal) > 0 or _size(journal) > 0


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def check_on_open(
    db: pw.SqliteDatabase, path: Path, *, unclean: bool, always: bool, sample: bool = True
) -> None:
    """LibraryCorruptError when a quick check finds damage; run when `always`, after an
    unclean shutdown, for a small library, or (with `sample`) on a sample of opens. The
    app leaves the sample out and takes it after its window shows (`sampled_check_due`,
    `quick_check_problem`): on a large library it takes seconds."""
    if not (
        always or unclean or _size(path) <= ALWAYS_CHECK_BYTES or (sample and sampled_check_due())
    ):
        return
    rows = [row[0] for row in db.execute_sql("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        raise _damaged(path, rows[0])


def _damaged(path: Path, problem: str) -> LibraryCorruptError:
    return LibraryCorruptError(
        f"the library {path} is damaged ({problem}); nothing was changed. "
        "`reader check` tells more, and `reader recover --from-backup` or "
        "`reader recover --salvage NEW.db` rescue your work"
    )


def sampled_check_due() -> bool:
    """Whether this open is one of the sample whose library gets a quick check."""
    return random.randrange(SAMPLE_EVERY) == 0


def quick_check_problem(path: Path) -> LibraryCorruptError | None:
    """A quick check of the open library through a read-only connection of its own (the
    app's writes go on meanwhile); the damage found, or None."""
    connection = read_only_connection(path)
    try:
        rows = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.OperationalError:
        raise  # busy or unreadable: no verdict
    except sqlite3.DatabaseError as error:  # too damaged for the check to finish
        return _damaged(path, str(error))
    finally:
        connection.close()
    return None if rows == ["ok"] else _damaged(path, rows[0])


# --- the full check ------------------------------------------------------------------------
@dataclass
class HealthReport:
    path: Path
    problems: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to `path` (and sets no pragmas)."""
    if not path.is_file():
        raise ReaderError(f"there is no library at {path}")
    return sqlite3.connect(read_only_uri(path), uri=True, timeout=5.0)


def integrity_report(path: Path) -> HealthReport:
    """Everything SQLite can check without writing: `integrity_check`, foreign keys,
    whether each table and search index can be read, and row counts."""
    report = HealthReport(path)
    connection = read_only_connection(path)
    try:
        try:
            results = [r[0] for r in connection.execute("PRAGMA integrity_check").fetchall()]
        except sqlite3.Error as error:
            report.problems.append(f"the file cannot be checked: {error}")
            return report
        if results != ["ok"]:
            report.problems.extend(results[:MAX_PROBLEMS])
        try:
            orphans = connection.execute("PRAGMA foreign_key_check").fetchall()
            if orphans:
                report.problems.append(f"{len(orphans)} row(s) point to rows that are gone")
        except sqlite3.Error as error:
            report.problems.append(f"links between rows cannot be checked: {error}")
        for table in (*SALVAGE_ORDER, "article_fts", "highlight_fts", "note_fts"):
            try:
                (count,) = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()
                report.rows[table] = count
            except sqlite3.Error as error:
                report.problems.append(f"table {table} cannot be read: {error}")
    finally:
        connection.close()
    return report


# --- recovery from a backup ------------------------------------------------------------
@dataclass(frozen=True)
class Recovery:
    restored_from: Path
    damaged_kept_as: Path | None


def recover_from_backup(path: Path) -> Recovery:
    """Put the newest healthy rolling backup (compressed or not) in the library's place.
    The damaged file and its -wal/-shm are renamed (never written), so nothing more is
    lost. Close every program using the library first."""
    staged = path.with_name(path.name + ".recovering")
    backup = _stage_newest_healthy_backup(path, staged)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    kept: Path | None = None
    if path.exists():
        kept = path.with_name(f"{path.name}.damaged-{stamp}")
        for original, moved in zip(
            (path, *companion_files(path)), (kept, *companion_files(kept)), strict=True
        ):
            if original.exists():
                os.replace(original, moved)
    os.replace(staged, path)
    return Recovery(backup, kept)


def _stage_newest_healthy_backup(path: Path, staged: Path) -> Path:
    """Write the newest rolling backup beside the library that passes a quick check to
    `staged`; returns which backup it was."""
    # Naming, place and format of rolling backups belong to the backup module (export).
    from reader.export.backup import default_backup_dir, restore_rolling_backup, rolling_backups

    folder = default_backup_dir(path)
    for candidate in reversed(rolling_backups(folder, path.stem)):
        try:
            restore_rolling_backup(candidate, staged)
            connection = read_only_connection(staged)
            try:
                # An empty file passes the check too: a library has a schema version.
                if connection.execute("PRAGMA quick_check").fetchall() == [("ok",)] and (
                    connection.execute("PRAGMA user_version").fetchone()[0] > 0
                ):
                    return candidate
            finally:
                connection.close()
        except (sqlite3.Error, ReaderError):
            pass
        staged.unlink(missing_ok=True)
    raise ReaderError(f"there is no healthy rolling backup in {folder}")


# --- salvage ---------------------------------------------------------------------------
@dataclass
class Salvage:
    new_path: Path
    copied: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)  # windows/rows that failed
    dropped: dict[str, int] = field(default_factory=dict)  # rows whose parent was lost
    lost_tables: list[str] = field(default_factory=list)  # not readable at all


def salvage(path: Path, new_path: Path) -> Salvage:
    """Copy every readable row of the (damaged) library at `path` into a new library at
    `new_path`, which must not exist. The damaged file is only read, through a read-only
    connection; rows are read by rowid windows, so a damaged page loses only its rows.
    Rows whose parent row was lost (a note of a lost highlight) are dropped and counted.
    The new library's search index is built as the rows go in."""
    from reader.store.database import open_database

    if new_path.exists():
        raise ReaderError(f"{new_path} exists already; salvage into a new file")
    if new_path.resolve() == path.resolve():
        raise ReaderError("salvage into another file than the damaged library")
    damaged = read_only_connection(path)
    result = Salvage(new_path)
    try:
        target = open_database(new_path, check="never")
        try:
            connection = target.connection()
            version = _schema_version(damaged)
            for table in SALVAGE_ORDER:
                if version is not None and version < SALVAGE_SINCE.get(table, 0):
                    continue
                _salvage_table(damaged, connection, table, result)
        finally:
            target.close()
    finally:
        damaged.close()
    return result


def _schema_version(damaged: sqlite3.Connection) -> int | None:
    """The damaged library's schema version (from the file header); None if unreadable."""
    try:
        return int(damaged.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error:
        return None


def _salvage_table(
    damaged: sqlite3.Connection, target: sqlite3.Connection, table: str, result: Salvage
) -> None:
    wanted = [row[1] for row in target.execute(f'PRAGMA table_info("{table}")')]
    try:
        have = {row[1] for row in damaged.execute(f'PRAGMA table_info("{table}")')}
    except sqlite3.Error:
        have = set()
    # Columns kept by triggers (a highlight count) are counted anew as rows go in.
    columns = [c for c in wanted if c in have and c not in KEPT_BY_TRIGGERS]
    result.copied[table] = result.unreadable[table] = result.dropped[table] = 0
    if not columns:
        result.lost_tables.append(table)
        return
    names = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    target.execute("BEGIN IMMEDIATE")
    try:
        for row in _readable_rows(damaged, table, names, result):
            try:
                if target.execute(insert, row).rowcount:
                    result.copied[table] += 1
            except sqlite3.IntegrityError:
                result.dropped[table] += 1
        target.execute("COMMIT")
    except BaseException:
        target.execute("ROLLBACK")
        raise


def _readable_rows(
    damaged: sqlite3.Connection, table: str, names: str, result: Salvage
) -> Iterator[tuple[Any, ...]]:
    query = f'SELECT {names} FROM "{table}" NOT INDEXED WHERE rowid BETWEEN ? AND ? ORDER BY rowid'
    highest = _highest_rowid(damaged, table)
    if highest is None:
        result.lost_tables.append(table)
        return
    pending = [
        (first, min(first + SALVAGE_WINDOW - 1, highest))
        for first in range(1, highest + 1, SALVAGE_WINDOW)
    ]
    pending.reverse()
    while pending:
        low, high = pending.pop()
        try:
            rows = damaged.execute(query, (low, high)).fetchall()
        except sqlite3.Error:
            if low == high:
                result.unreadable[table] += 1
                continue
            middle = (low + high) // 2
            pending.extend([(middle + 1, high), (low, middle)])
            continue
        yield from rows


def _highest_rowid(damaged: sqlite3.Connection, table: str) -> int | None:
    """The largest rowid to look for: max(rowid) when the table's right edge can be read;
    else the largest a scan reaches before the damage, plus a margin for rows beyond.
    None when neither edge can be reached: the table's root is gone, and every lookup
    would go through it."""
    try:
        (highest,) = damaged.execute(f'SELECT max(rowid) FROM "{table}" NOT INDEXED').fetchone()
        return highest or 0
    except sqlite3.Error:
        pass
    seen: int | None = None
    try:
        for (rowid,) in damaged.execute(f'SELECT rowid FROM "{table}" NOT INDEXED'):
            seen = max(seen or 0, rowid)
    except sqlite3.Error:
        pass
    return None if seen is None else seen + SALVAGE_MARGIN
