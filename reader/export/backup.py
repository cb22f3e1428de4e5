"""Consistent copies of a live library with SQLite's online backup API.

A backup is an ordinary library file: open it with `reader --db BACKUP …` (or copy it
over the library while the app is closed) to restore. No separate restore step exists.

The copy is made from a separate connection, in one backup step, so it holds one
committed state of the database even while the app writes through its own connections
(WAL mode: the reader sees a snapshot, writers are not blocked). It is written to a
temporary file beside the destination and renamed, so a crash never leaves half a
backup under the final name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from pathlib import Path

from reader.errors import ReaderError
from reader.store.library import Library

#: Rolling backups are named `library-<UTC timestamp>.db`, which sorts by age.
ROLLING_PREFIX = "library-"
ROLLING_SUFFIX = ".db"
BUSY_TIMEOUT_SECONDS = 30.0


def backup_database(library_or_db_path: Library | Path | str, dest_path: Path | str) -> Path:
    """Copy the library to `dest_path` (replaced if it exists); returns the path."""
    source = (
        library_or_db_path.path
        if isinstance(library_or_db_path, Library)
        else Path(library_or_db_path).expanduser()
    )
    dest = Path(dest_path).expanduser()
    if not source.is_file():
        raise ReaderError(f"there is no library at {source}")
    if dest.resolve() == source.resolve():
        raise ReaderError("the backup must go to another file than the library itself")
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    try:
        src = sqlite3.connect(
            f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS
        )
        try:
            partial.unlink(missing_ok=True)
            out = sqlite3.connect(partial)
            try:
                src.backup(out)  # all pages in one step: one consistent snapshot
                # A backup is self-contained: no -wal file needs to travel with it.
                out.execute("PRAGMA journal_mode=DELETE")
            finally:
                out.close()
        finally:
            src.close()
        os.replace(partial, dest)
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise ReaderError(f"cannot back up {source} to {dest}: {error}") from error
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ReaderError(f"cannot write the backup {dest}: {error.strerror or error}") from error
    return dest


def default_backup_dir(db_path: Path | str) -> Path:
    """Where the app keeps its rolling backups unless configured otherwise: a
    `backups` folder beside the library file."""
    return Path(db_path).expanduser().parent / "backups"


def rolling_backups(backup_dir: Path | str) -> list[Path]:
    """The rolling backups in `backup_dir`, oldest first."""
    folder = Path(backup_dir)
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.name.startswith(ROLLING_PREFIX) and p.name.endswith(ROLLING_SUFFIX) and p.is_file()
    )


def rolling_backup(db_path: Path | str, backup_dir: Path | str, keep: int = 5) -> Path | None:
    """Back up `db_path` into `backup_dir` under a timestamped name and delete all but
    the newest `keep` backups. Returns the new backup, or None when the library has not
    changed since the newest backup (the copy would be identical; nothing is kept)."""
    if keep < 1:
        raise ReaderError("keep at least one backup")
    folder = Path(backup_dir).expanduser()
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    dest = folder / f"{ROLLING_PREFIX}{stamp}{ROLLING_SUFFIX}"
    previous = rolling_backups(folder)
    backup_database(db_path, dest)
    if previous and _content_digest(previous[-1]) == _content_digest(dest):
        dest.unlink()
        return None
    for old in rolling_backups(folder)[:-keep]:
        old.unlink()
    return dest


def _content_digest(path: Path) -> str:
    """A digest of the file's pages with the header's change counters left out, which
    SQLite bumps on every copy even when no data changed. Read in chunks: a library of
    hundreds of megabytes must not be held in memory at once."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        header = bytearray(file.read(100))
        for offset in (24, 92):  # file change counter, version-valid-for number
            header[offset : offset + 4] = b"\0\0\0\0"
        digest.update(header)
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
