"""Where the library lives: the user data directory unless `--db`/`READER_DB` says otherwise."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from reader.store.library import Library

DB_ENV_VAR = "READER_DB"
DB_FILE_NAME = "library.db"


def default_db_path() -> Path:
    """`$READER_DB` if set, else `library.db` in the platform's per-user data directory."""
    override = os.environ.get(DB_ENV_VAR)
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir("reader")) / DB_FILE_NAME


def library_path(path: str | Path | None) -> Path:
    """The library file named by `--db`, or the default location when None."""
    return Path(path).expanduser() if path else default_db_path()


def open_library(path: str | Path | None) -> Library:
    """Open the library at `path` (from `--db`), or at the default location when None."""
    return Library.open(library_path(path))
