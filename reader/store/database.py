"""Opening the SQLite file: inspection, pragmas, the model binding, the search functions,
migrations, a health check; and the one way to write (`write_transaction`) with SQLite's
errors turned into errors by kind."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee as pw

from reader.errors import (
    DiskFullError,
    LibraryCorruptError,
    LibraryError,
    LibraryIOError,
    LibraryLockedError,
    LibraryReadOnlyError,
    NotALibraryError,
    ReaderError,
)
from reader.store.migrations import LATEST_VERSION, migrate_to_latest, schema_version
from reader.store.models import database_proxy

#: How long a statement waits for another connection's lock before giving up.
BUSY_TIMEOUT_MS = 5000


def pragmas() -> tuple[tuple[str, object], ...]:
    """Applied by peewee to every new connection, so a worker thread's own connection
    gets them too. `busy_timeout` comes first so that even switching to WAL waits for a
    lock; `page_size` only counts for a new file (three 800-character articles to a
    page, not one to a 4 KB page); WAL lets the GUI read while an import writes;
    `synchronous=normal` is safe under WAL."""
    return (
        ("busy_timeout", BUSY_TIMEOUT_MS),
        ("page_size", 8192),
        ("journal_mode", "wal"),
        ("foreign_keys", 1),
        ("synchronous", "normal"),
    )


#: Tables every reader library has (schema v1 onwards); a file with a user_version but
#: without them is another program's database.
LIBRARY_TABLES = frozenset(
    {"source", "article", "highlight", "note", "tag", "highlight_tag", "article_tag"}
)


class LibraryDatabase(pw.SqliteDatabase):
    """peewee's SQLite database, except that a rollback after SQLite has already rolled
    the transaction back itself (it does so on SQLITE_FULL, IOERR, BUSY and NOMEM) is
    skipped: a second ROLLBACK would fail with "cannot rollback - no transaction is
    active" and hide the real cause (a full disk) behind it."""

    def rollback(self) -> None:
        if not self.is_closed() and not self.connection().in_transaction:
            return
        super().rollback()


@contextmanager
def write_transaction(db: pw.SqliteDatabase) -> Iterator[None]:
    """One write, all or nothing. At the top level it starts with BEGIN IMMEDIATE, which
    takes the write lock first (waiting up to the busy timeout for another writer);
    a deferred BEGIN that reads before it writes cannot wait and fails at once when
    another connection wrote in between. Inside a transaction it is a savepoint."""
    if db.transaction_depth() == 0:
        with db.atomic("IMMEDIATE"):
            yield
    else:
        with db.atomic():
            yield


# --- errors by kind --------------------------------------------------------------------
#: SQLite's primary result codes (https://sqlite.org/rescode.html) we turn into kinds.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def sqlite_error_of(error: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error behind `error`: itself, or the one peewee wrapped (its first
    argument and its cause), or one that was being handled when it was raised."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    fallback: sqlite3.Error | None = None
    while pending:
        current = pending.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, sqlite3.Error):
            if ((getattr(current, "sqlite_errorcode", None) or 0) & 0xFF) in _KINDS:
                return current
            fallback = fallback or current
        wrapped = current.args[0] if current.args else None  # peewee keeps it here
        if isinstance(wrapped, BaseException):
            pending.append(wrapped)
        pending.extend([current.__cause__, current.__context__])
    return fallback


def error_by_kind(error: BaseException, path: Path | str) -> LibraryError | None:
    """The LibraryError a person can act on for a SQLite error, or None for one that is
    not the environment's fault (a bug: it must surface as is). Classified by SQLite's
    result code, never by the wording of its message."""
    original = sqlite_error_of(error)
    if original is None:
        return None
    code = getattr(original, "sqlite_errorcode", None)
    make = _KINDS.get(code & 0xFF) if code is not None else None
    if make is None and _is_broken_virtual_table(original):
        make = _corrupt
    return make(str(path), original) if make is not None else None


def _is_broken_virtual_table(error: sqlite3.Error) -> bool:
    """FTS5 reports a damaged shadow table with the generic SQLITE_ERROR code and this
    message only; there is no more specific code to go by."""
    return "vtable constructor failed" in str(error)


def _locked(path: str, error: sqlite3.Error) -> LibraryError:
    return LibraryLockedError(
        f"the library {path} is busy: another program has been writing to it for more "
        f"than {BUSY_TIMEOUT_MS / 1000:g} seconds; nothing was changed — try again in a moment"
    )


def _read_only(path: str, error: sqlite3.Error) -> LibraryError:
    return LibraryReadOnlyError(
        f"the library {path} cannot be written (the file, its folder or the disk is "
        "read-only); nothing was changed — check its permissions or copy it somewhere "
        "writable"
    )


def _full(path: str, error: sqlite3.Error) -> LibraryError:
    return DiskFullError(
        f"the disk is full; nothing was lost — free some space and try again ({path})"
    )


def _corrupt(path: str, error: sqlite3.Error) -> LibraryError:
    return LibraryCorruptError(
        f"the library {path} is damaged ({error}); `reader check` tells more, and "
        "`reader recover --from-backup` or `reader recover --salvage NEW.db` rescue your work"
    )


def _io(path: str, error: sqlite3.Error) -> LibraryError:
    return LibraryIOError(
        f"the library {path} could not be read or written ({error}); nothing was changed — "
        "check the disk (unplugged drive, network share gone) and try again"
    )


_KINDS = {
    SQLITE_BUSY: _locked,
    SQLITE_LOCKED: _locked,
    SQLITE_READONLY: _read_only,
    SQLITE_PERM: _read_only,
    SQLITE_FULL: _full,
    SQLITE_CORRUPT: _corrupt,
    SQLITE_NOTADB: _corrupt,
    SQLITE_IOERR: _io,
    SQLITE_CANTOPEN: _io,
}


def sqlite_code(error: BaseException) -> int | None:
    """SQLite's primary result code behind `error` (None when there is none)."""
    original = sqlite_error_of(error)
    code = getattr(original, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


# --- opening ---------------------------------------------------------------------------
def open_database(path: Path, *, check: str = "auto") -> pw.SqliteDatabase:
    """Open (creating it if needed) and migrate the database at `path`.

    An existing file is inspected first through a read-only connection without pragmas:
    another program's database is refused before anything is written to it. The health
    check (`reader.store.health.check_on_open`) runs before migrating, so a damaged file
    is reported rather than used; `check` is "auto", "always", "never" or "unsampled"
    ("auto" without the check on a sample of opens, which the app takes later).

    The SQL functions of the search index are registered on the database object, which
    peewee re-applies to each connection it opens, in whichever thread.
    """
    from reader.search.index import register_functions
    from reader.store import health

    if path.exists():
        inspect_existing(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ReaderError(f"cannot create the folder for the library {path}: {error}") from error
    unclean = health.left_unclean(path)
    read_only = path.exists() and not _writable(path)
    if read_only:
        # Readable but not writable (permissions, a read-only disk): open it read-only
        # without the WAL switch, so reading works and each write says why it cannot.
        db = LibraryDatabase(
            read_only_uri(path),
            uri=True,
            pragmas=tuple(p for p in pragmas() if p[0] != "journal_mode"),
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    else:
        db = LibraryDatabase(str(path), pragmas=pragmas(), timeout=BUSY_TIMEOUT_MS / 1000)
    register_functions(db)
    try:
        db.connect(reuse_if_open=True)
        if check != "never":
            health.check_on_open(
                db, path, unclean=unclean, always=check == "always", sample=check == "auto"
            )
        bind(db)
        if read_only and schema_version(db) < LATEST_VERSION:
            raise _read_only(str(path), sqlite3.OperationalError("needs an upgrade"))
        migrate_to_latest(db)
    except (pw.DatabaseError, sqlite3.Error) as error:
        db.close()
        kind = error_by_kind(error, path)
        if kind is not None:
            raise kind from error
        raise ReaderError(f"cannot open the library {path}: {error}") from error
    except ReaderError:
        db.close()
        raise
    return db


def read_only_uri(path: Path) -> str:
    """A URI that opens `path` without writing to it. Where SQLite could not create the
    -shm file a WAL reader needs (a read-only folder or disk) and no -wal is there to be
    read, the file is opened as immutable: nothing else can be changing it then."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not _writable(path) and not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


def _writable(path: Path) -> bool:
    """Whether SQLite could write the library and create its -wal/-shm beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def inspect_existing(path: Path) -> None:
    """Refuse a file that is not a reader library nor empty, before writing anything to
    it (no WAL switch, no tables). Read-only connection, no pragmas, one snapshot."""
    if path.is_dir():
        raise NotALibraryError(f"{path} is a folder; give the library's file")
    try:
        connection = sqlite3.connect(
            read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
        try:
            connection.execute("BEGIN")  # user_version and tables from one snapshot
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
            connection.execute("COMMIT")
        finally:
            connection.close()
    except sqlite3.Error as error:
        if sqlite_code(error) == SQLITE_NOTADB:
            raise NotALibraryError(
                f"{path} is not a reader library (not an SQLite database, or its first "
                "page is damaged); it was left untouched. If it was your library, "
                "`reader recover` can help"
            ) from error
        kind = error_by_kind(error, path)
        if kind is not None:
            raise kind from error
        raise ReaderError(f"cannot read {path}: {error}") from error
    if version == 0 and not tables:
        return  # an empty database: becomes a library
    if version > LATEST_VERSION:
        raise ReaderError(
            f"this library was written by a newer version of reader (schema {version}, "
            f"this program knows {LATEST_VERSION}); update reader to open it"
        )
    if version == 0 or not tables >= LIBRARY_TABLES:
        raise NotALibraryError(
            f"{path} is another program's database (tables: "
            f"{', '.join(sorted(tables)[:5]) or 'none'}); reader leaves it untouched — "
            "give a reader library or a new file name"
        )


def bind(db: pw.SqliteDatabase) -> None:
    """Point the models at `db` (a no-op when they already are)."""
    if database_proxy.obj is not db:
        database_proxy.initialize(db)
