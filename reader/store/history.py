"""Undo and redo, kept in the core so the CLI and tests use them without Qt.

An `UndoStep` holds the one operation that moves the library to the other side of a
change: at first the inverse the change returned; after an undo, the inverse that the
undo returned, read from the real state then. So an undo restores exactly what was there,
and a redo restores exactly what the undo took away (same ids, texts and times). The UI's
`QUndoStack` can wrap the same steps, one generic command each.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, Protocol, TypeVar

from reader.errors import ReaderError
from reader.store.change import NO_CHANGE, Change
from reader.store.operations.base import Label, Operation, OpResult

T = TypeVar("T")


class Applies(Protocol):
    """What runs operations: a `Library` (each in its own write transaction)."""

    def apply(self, operation: Operation[T]) -> OpResult[T]: ...


class UndoStep:
    """One user action in a history: its label and the operation to switch sides."""

    def __init__(self, label: Label, undo: Operation[Any], merge_key: Hashable | None) -> None:
        self.label = label
        self.merge_key = merge_key
        self._switch: Operation[Any] | None = undo
        self._done = True

    @classmethod
    def of(cls, operation: Operation[Any], result: OpResult[Any]) -> UndoStep | None:
        """The step recording `operation`'s `result`; None when it changed nothing."""
        if result.inverse is None:
            return None
        return cls(operation.label, result.inverse, operation.merge_key)

    @property
    def done(self) -> bool:
        """True while the change is in the library (after apply or redo)."""
        return self._done

    def undo(self, library: Applies) -> Change:
        """Take the change back; if that fails, the step is as before and can be retried."""
        if not self._done:
            raise ReaderError(f"“{self.label}” is undone already")
        return self._switch_sides(library)

    def redo(self, library: Applies) -> Change:
        """Make the change again as it was; if that fails, the step is as before."""
        if self._done:
            raise ReaderError(f"“{self.label}” is done already")
        return self._switch_sides(library)

    def absorb(self, later: UndoStep) -> bool:
        """Fold a later step of the same kind into this one (saves of one note): this
        step's undo then goes back to before both. False if they do not merge."""
        if self.merge_key is None or later.merge_key != self.merge_key:
            return False
        return self._done and later.done

    def _switch_sides(self, library: Applies) -> Change:
        change = NO_CHANGE
        if self._switch is not None:
            result = library.apply(self._switch)
            self._switch, change = result.inverse, result.change
        self._done = not self._done
        return change


class History:
    """A linear undo/redo history of operations applied to one library."""

    def __init__(self, library: Applies, limit: int = 200) -> None:
        self._library = library
        self._limit = limit
        self._done: list[UndoStep] = []
        self._undone: list[UndoStep] = []

    def apply(self, operation: Operation[T]) -> OpResult[T]:
        """Apply `operation` and record it, if it changed anything. A failing operation
        raises, changes nothing and leaves the history as it was."""
        result = self._library.apply(operation)
        step = UndoStep.of(operation, result)
        if step is not None:
            self.push(step)
        return result

    def push(self, step: UndoStep) -> None:
        """Record a step whose change is already made: clears the redo side."""
        self._undone.clear()
        if self._done and self._done[-1].absorb(step):
            return
        self._done.append(step)
        del self._done[: -self._limit]

    def undo(self) -> Change:
        """Take the last change back. On failure (a busy library) it stays undoable."""
        if not self._done:
            raise ReaderError("there is nothing to undo")
        change = self._done[-1].undo(self._library)
        self._undone.append(self._done.pop())
        return change

    def redo(self) -> Change:
        """Make the last undone change again. On failure it stays redoable."""
        if not self._undone:
            raise ReaderError("there is nothing to redo")
        change = self._undone[-1].redo(self._library)
        self._done.append(self._undone.pop())
        return change

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_label(self) -> Label | None:
        """What Undo would take back, for its menu entry; None when nothing."""
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> Label | None:
        return self._undone[-1].label if self._undone else None

    def clear(self) -> None:
        """Forget every step (the library was replaced, e.g. by a restore)."""
        self._done.clear()
        self._undone.clear()
