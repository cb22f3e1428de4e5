"""Opening the SQLite file: pragmas, the model binding, the search functions, migrations."""

from __future__ import annotations

from pathlib import Path

import peewee as pw

from reader.errors import LibraryLockedError, ReaderError
from reader.store.migrations import migrate_to_latest
from reader.store.models import database_proxy

#: Applied by peewee to every new connection, so a worker thread's own connection gets
#: them too. WAL lets the GUI read while an import writes; `busy_timeout` makes a second
#: writer wait instead of failing at once; `synchronous=normal` is safe under WAL.
PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("busy_timeout", 5000),
    ("synchronous", "normal"),
)


def open_database(path: Path) -> pw.SqliteDatabase:
    """Open (creating it and its folder if needed) and migrate the database at `path`.

    The SQL functions of the search index are registered on the database object, which
    peewee re-applies to each connection it opens, in whichever thread.
    """
    from reader.search.index import register_functions

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ReaderError(f"cannot create the folder for the library {path}: {error}") from error
    db = pw.SqliteDatabase(str(path), pragmas=PRAGMAS)
    register_functions(db)
    try:
        db.connect(reuse_if_open=True)
        bind(db)
        migrate_to_latest(db)
    except pw.OperationalError as error:
        db.close()
        message = str(error)
        if is_busy(error):
            raise LibraryLockedError(
                f"the library {path} is busy (another program is writing); try again"
            ) from error
        raise ReaderError(f"cannot open the library {path}: {message}") from error
    except pw.DatabaseError as error:
        db.close()
        raise ReaderError(f"{path} is not a readable library database: {error}") from error
    except ReaderError:
        db.close()
        raise
    return db


def is_busy(error: Exception) -> bool:
    """Whether SQLite gave up waiting for another connection's lock."""
    message = str(error)
    return "locked" in message or "busy" in message


def bind(db: pw.SqliteDatabase) -> None:
    """Point the models at `db` (a no-op when they already are)."""
    if database_proxy.obj is not db:
        database_proxy.initialize(db)
