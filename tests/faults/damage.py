"""Damaging a closed library file the way a failing disk does: one page overwritten."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

PAGE_FILLER = b"\xa5" * 4096


def page_size(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()


def root_page(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]
    finally:
        connection.close()


def leaf_pages(path: Path, table: str) -> list[int]:
    """The leaf pages of `table` (SQLite's dbstat table; skipped where not built in)."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        ).fetchall()
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table")
    finally:
        connection.close()
    return [page for (page,) in rows]


def overwrite_page(path: Path, page: int) -> None:
    size = page_size(path)
    with path.open("r+b") as file:  # the library is closed: no SQLite lock to lose
        file.seek((page - 1) * size)
        file.write(PAGE_FILLER[:size] * (size // len(PAGE_FILLER[:size])))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
