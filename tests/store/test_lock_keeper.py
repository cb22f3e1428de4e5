"""The lock keeper (issue 12 item 1) holds the library's WAL-mode locks from its own
process, so no other process's close can delete the WAL while the app runs."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from reader.store import lock_keeper


def wal_library(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode=wal")
        connection.execute("CREATE TABLE note (body TEXT)")
    return path


def write_and_close(path: Path, body: str) -> None:
    """Another program's whole session: open, write, close."""
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("INSERT INTO note VALUES (?)", (body,))


def test_while_the_keeper_runs_a_closing_program_leaves_the_wal_in_place(tmp_path: Path):
    db = wal_library(tmp_path / "library.db")
    keeper = lock_keeper.start(db)
    try:
        write_and_close(db, "kept")
        assert Path(f"{db}-wal").exists()
        assert Path(f"{db}-shm").exists()
    finally:
        keeper.stop()
    assert not keeper.is_running()
    write_and_close(db, "after")  # the last connection now cleans up as usual
    assert not Path(f"{db}-wal").exists()
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT count(*) FROM note").fetchone() == (2,)


def test_the_keeper_never_creates_a_library(tmp_path: Path):
    missing = tmp_path / "missing.db"
    with pytest.raises(OSError, match="did not start"):
        lock_keeper.start(missing)
    assert not missing.exists()
