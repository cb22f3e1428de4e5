"""What every operation is, and the one place a write transaction is opened.

An operation is a small frozen value that says what the user asked for (tag this
article, delete that highlight). `run` applies it inside one write transaction; the
operation reads the real state first and returns an `OpResult`: the `Change` it made and
its exact inverse, itself an operation, built from the values it found. An operation
that would change nothing writes nothing and returns an empty change and no inverse,
so it has nothing to undo.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import peewee as pw

from reader.store.change import NO_CHANGE, Change
from reader.store.database import bind
from reader.store.database import write_transaction as write_transaction  # for operations

T = TypeVar("T")


@dataclass(frozen=True)
class Label:
    """How an operation is named in Undo/Redo menus: an English template and the
    values it is filled with, so the UI can translate the template before filling it."""

    template: str
    args: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.template % self.args if self.args else self.template


class Operation(ABC, Generic[T]):
    """One user-visible change to the library (subclasses are frozen dataclasses)."""

    @property
    @abstractmethod
    def label(self) -> Label:
        """The name of this change for the Undo/Redo menus."""

    @property
    def merge_key(self) -> Hashable | None:
        """Operations with the same key, applied one after another, make one undo step
        (keystroke-level note saves); None: never merged."""
        return None

    @abstractmethod
    def apply(self) -> OpResult[T]:
        """Make the change. Runs inside `run`'s transaction with the models bound; raises
        a ReaderError (which rolls everything back) for a request that cannot be done."""


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """What applying an operation did: `change`, the operation that takes it back
    (`inverse`, None exactly when the change is empty) and the operation's own answer
    (`value`, e.g. the id of a new highlight)."""

    change: Change
    inverse: Operation[Any] | None
    value: T

    def __post_init__(self) -> None:
        if (self.inverse is None) != self.change.is_empty:
            raise ValueError("an operation has an inverse exactly when it changed something")


def unchanged(value: T) -> OpResult[T]:
    """The result of an operation that found nothing to do."""
    return OpResult(NO_CHANGE, None, value)


def run(db: pw.SqliteDatabase, operation: Operation[T]) -> OpResult[T]:
    """Apply `operation` to `db` in one write transaction: all of it or none of it."""
    bind(db)
    with write_transaction(db):
        return operation.apply()
