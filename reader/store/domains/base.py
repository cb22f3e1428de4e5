"""What every domain shares: the library's file and database, and the `bound` wrapper
every public method goes through."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

import peewee as pw

from reader.store import operations
from reader.store.database import bind, error_by_kind
from reader.store.operations import Operation, OpResult

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
D = TypeVar("D", bound="Domain")


def bound(method: Callable[Concatenate[D, P], R]) -> Callable[Concatenate[D, P], R]:
    """Point the shared model proxy at this library's database before the call, and
    turn SQLite's errors that are the environment's fault (busy past the timeout,
    read-only, full disk, damaged file, I/O) into errors by kind a person can act on
    (`reader.store.database.error_by_kind`); any other error is a bug and stays as is."""

    @functools.wraps(method)
    def wrapper(self: D, /, *args: P.args, **kwargs: P.kwargs) -> R:
        bind(self._db)
        try:
            return method(self, *args, **kwargs)
        except (pw.DatabaseError, sqlite3.Error) as error:
            kind = error_by_kind(error, self._path)
            if kind is not None:
                raise kind from error
            raise

    return wrapper


class Domain:
    """One part of the library (articles, tags …): its file and database."""

    def __init__(self, path: Path, db: pw.SqliteDatabase) -> None:
        self._path = path
        self._db = db

    @bound
    def apply(self, operation: Operation[T]) -> OpResult[T]:
        """Apply one operation (`reader.store.operations`) in one write transaction:
        every user-visible change goes through here; `reader.store.history` undoes them."""
        return operations.run(self._db, operation)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction: every read inside sees the same state of the library,
        even while another thread or program writes (an export's parts agree)."""
        bind(self._db)
        with self._db.atomic():
            yield
