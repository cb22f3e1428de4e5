"""Consistent copies of a live library with SQLite's online backup API.

`backup_database` (File → Back Up Library…, `reader backup PATH`) writes an ordinary
library file: open it with `reader --db BACKUP …` (or copy it over the library while the
app is closed) to restore. Rolling backups (`rolling_backup`, taken by the app after it
starts) are the same copy compressed (`compressed_backup`, `<library>-<UTC time>.db.gz`,
a plain gzip file) and kept within a number and a space budget; `reader recover
--from-backup` and the app's damaged-library dialog restore the newest healthy one
(`restore_rolling_backup`), and `gunzip -k` gives the library file by hand.

The copy is made from a separate connection holding one read transaction, so it is one
committed state of the database even while the app writes through its own connections
(WAL mode: the reader sees a snapshot, writers are not blocked). It is written to a
temporary file beside the destination and renamed, so a crash never leaves half a
backup under the final name; a rolling backup's temporary files left by a killed app are
removed when the next one starts.

Nothing here opens the library file except SQLite: in the app's process, closing any
other descriptor on it would drop the app's SQLite locks. Only the copy SQLite wrote is
read for compressing. Whether the library changed since the newest rolling backup is
asked of SQLite (`library_state`) and compared with the state the backup's header
records, never read from the files. This module imports no store code, so the app can
start its backup thread without loading the store first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from reader.errors import ReaderError

from .compressed_backup import (
    COMPRESSED_SUFFIX,
    BackupStopped,
    LibraryState,
    compress_copy,
    expand,
    stored_state,
)
from .output_path import PARTIAL_SUFFIX, checked_output, partial_beside, replace_atomically

#: Rolling backups are named `<library name>-<UTC timestamp>.db`, which sorts by age;
#: the library's name keeps two libraries of one folder apart (`library.db` and
#: `sample-library.db` share the user data folder).
ROLLING_SUFFIX = ".db"
_STAMP_PATTERN = r"\d{8}T\d{12}Z"
BUSY_TIMEOUT_SECONDS = 30.0
#: Pages per step of a rolling backup's copy (1 MB at 4 KB pages): how often it asks
#: whether the app is quitting.
COPY_STEP_PAGES = 256


class HasPath(Protocol):
    """An open library (`reader.store.library.Library`), known here only by its file."""

    @property
    def path(self) -> Path: ...


def backup_database(
    library_or_db_path: HasPath | Path | str, dest_path: Path | str, *, overwrite: bool = True
) -> Path:
    """Copy the library to `dest_path`; returns that path.

    `dest_path` is checked before anything is opened (`output_path.checked_output`):
    never the library, its side files, one of its rolling backups, a database in use, a
    folder or a device; an existing file only with `overwrite` (a save dialog has asked;
    the command line needs `--force`). A symlink's target is replaced, not the link."""
    if isinstance(library_or_db_path, str | os.PathLike):
        source = Path(library_or_db_path).expanduser()
    else:
        source = library_or_db_path.path
    if not source.is_file():
        raise ReaderError(f"there is no library at {source}")
    dest = Path(dest_path).expanduser()
    target = checked_output(dest, source, overwrite=overwrite, protected=rolling_backups_of(source))
    try:
        replace_atomically(target, lambda partial: _sqlite_copy(source, partial, _never))
    except sqlite3.Error as error:
        raise ReaderError(f"cannot back up {source} to {dest}: {error}") from error
    except OSError as error:
        raise ReaderError(f"cannot write the backup {dest}: {error.strerror or error}") from error
    return dest


def default_backup_dir(db_path: Path | str) -> Path:
    """Where the app keeps its rolling backups unless configured otherwise: a
    `backups` folder beside the library file."""
    return Path(db_path).expanduser().parent / "backups"


def _rolling_name(library_name: str) -> re.Pattern[str]:
    """Names of the library's rolling backups: compressed (`.db.gz`, since issue 15) or
    plain (`.db`, older versions of the app)."""
    return re.compile(
        re.escape(library_name)
        + "-"
        + _STAMP_PATTERN
        + re.escape(ROLLING_SUFFIX)
        + "(?:"
        + re.escape(COMPRESSED_SUFFIX)
        + ")?"
    )


def rolling_backups(backup_dir: Path | str, library_name: str = "library") -> list[Path]:
    """The rolling backups of the library called `library_name` (its file name without
    `.db`) in `backup_dir`, oldest first."""
    folder = Path(backup_dir)
    if not folder.is_dir():
        return []
    named = _rolling_name(library_name)
    found = [p for p in folder.iterdir() if named.fullmatch(p.name) and p.is_file()]
    return sorted(found, key=lambda p: p.name.removesuffix(COMPRESSED_SUFFIX))


def rolling_backups_of(db_path: Path | str) -> list[Path]:
    """The rolling backups the app keeps of the library at `db_path`, oldest first."""
    return rolling_backups(default_backup_dir(db_path), Path(db_path).stem)


def rolling_usage(db_path: Path | str) -> int:
    """Bytes the library's rolling backups take now (shown beside the budget)."""
    total = 0
    for path in rolling_backups_of(db_path):
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return total


def rolling_backup(
    db_path: Path | str,
    backup_dir: Path | str,
    keep: int = 5,
    *,
    budget: int | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> Path | None:
    """Back up `db_path` into `backup_dir` as a compressed copy under a timestamped name,
    then keep only the newest backups that fit both `keep` (a count) and `budget` (total
    bytes; None: no limit), always at least the newest one. Returns the new backup, or
    None when the library has not changed since the newest backup (no copy is made).
    Temporary files left in the folder by an interrupted copy are removed first.
    BackupStopped when `stop()` turns true (the app quits): nothing half-made is kept."""
    if keep < 1:
        raise ReaderError("keep at least one backup")
    db = Path(db_path).expanduser()
    folder = Path(backup_dir).expanduser()
    remove_stale_partials(folder, db.stem)
    previous = rolling_backups(folder, db.stem)
    made = None
    state = library_state(db)
    if not previous or state is None or state != backup_state(previous[-1]):
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        name = f"{db.stem}-{stamp}{ROLLING_SUFFIX}{COMPRESSED_SUFFIX}"
        made = _compressed_backup(db, folder / name, stop)
    prune_rolling_backups(folder, db.stem, keep=keep, budget=budget)
    return made


def _compressed_backup(db: Path, dest: Path, stop: Callable[[], bool]) -> Path:
    """An SQLite copy of the library in a temporary file beside `dest`, compressed into
    `dest` (through another temporary file, renamed when complete)."""
    target = checked_output(dest, db, overwrite=False, protected=rolling_backups_of(db))
    copy = partial_beside(target)
    try:
        _sqlite_copy(db, copy, stop)
        state = library_state(copy)
        replace_atomically(target, lambda partial: compress_copy(copy, partial, state, stop))
    except sqlite3.Error as error:
        if stop():
            raise BackupStopped("the backup was stopped") from error
        raise ReaderError(f"cannot back up {db} to {dest}: {error}") from error
    except OSError as error:
        raise ReaderError(f"cannot write the backup {dest}: {error.strerror or error}") from error
    finally:
        copy.unlink(missing_ok=True)
        copy.with_name(copy.name + "-journal").unlink(missing_ok=True)
    return target


def _sqlite_copy(source: Path, dest: Path, stop: Callable[[], bool]) -> None:
    """Copy the library with SQLite's online backup API in steps, asking `stop()`
    between them. One read transaction on the library spans every step, so the copy is
    one committed state even while the app writes (WAL: writers are not blocked, and the
    copy never restarts)."""

    def progress(_status: int, _remaining: int, _total: int) -> None:
        if stop():
            raise BackupStopped("the backup was stopped")

    src = sqlite3.connect(
        f"{source.resolve().as_uri()}?mode=ro",
        uri=True,
        timeout=BUSY_TIMEOUT_SECONDS,
        isolation_level=None,
    )
    try:
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # the snapshot starts
        out = sqlite3.connect(dest)
        try:
            src.backup(out, pages=COPY_STEP_PAGES, progress=progress)
            out.execute("PRAGMA journal_mode=DELETE")  # self-contained: no -wal travels
        finally:
            out.close()
        src.execute("COMMIT")
    finally:
        src.close()


def _never() -> bool:
    """A copy nobody stops (the command line's backup, a restore)."""
    return False


def prune_rolling_backups(
    backup_dir: Path, library_name: str, *, keep: int, budget: int | None
) -> list[Path]:
    """Keep the newest rolling backups while they number at most `keep` and take at
    most `budget` bytes together; delete the older ones. The newest is always kept,
    however large. Returns the deleted ones."""
    kept_bytes = 0
    kept = 0
    removed: list[Path] = []
    for path in reversed(rolling_backups(backup_dir, library_name)):
        try:
            size = path.stat().st_size
        except OSError:
            continue
        fits = kept < keep and (budget is None or kept_bytes + size <= budget)
        if kept == 0 or (fits and len(removed) == 0):
            kept_bytes += size
            kept += 1
            continue
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def backup_state(path: Path) -> LibraryState | None:
    """The library state a rolling backup holds: from a compressed backup's header, or
    asked of SQLite for a plain one."""
    if path.name.endswith(COMPRESSED_SUFFIX):
        return stored_state(path)
    return library_state(path)


def restore_rolling_backup(backup: Path, dest: Path) -> None:
    """Write the library a rolling backup holds to `dest` (a new file): decompressed, or
    copied through SQLite for a plain backup."""
    dest.unlink(missing_ok=True)
    if backup.name.endswith(COMPRESSED_SUFFIX):
        expand(backup, dest)
        return
    _sqlite_copy(backup, dest, _never)


def remove_stale_partials(backup_dir: Path, library_name: str) -> list[Path]:
    """Delete the temporary files of rolling backups that never finished (the app was
    killed or quit mid-copy). Only one app runs per library (its instance lock), so any
    such file of this library is stale when a new rolling backup starts."""
    if not backup_dir.is_dir():
        return []
    stale = re.compile(
        _rolling_name(library_name).pattern + r"\..+" + re.escape(PARTIAL_SUFFIX) + "(-journal)?"
    )
    removed = [p for p in backup_dir.iterdir() if stale.fullmatch(p.name)]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def library_state(db_path: Path) -> LibraryState | None:
    """What identifies the library's content, asked of SQLite: its schema version and
    the random token every row change replaces (`library_change`, schema 5). Equal
    states mean equal content; None when the file cannot tell (an older schema, not a
    library, unreadable)."""
    try:
        connection = sqlite3.connect(
            f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS
        )
    except sqlite3.Error:
        return None
    try:
        connection.execute("BEGIN")  # one read transaction: both values from one snapshot
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        row = connection.execute('SELECT "state" FROM "library_change"').fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return None if row is None else (int(version), bytes(row[0]))
