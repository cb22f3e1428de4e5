"""Every change the window makes to the library goes through here: made first, put on the
undo stack only once it succeeded, shown when it fails, kept and retried until it works.

A change is a core operation (`reader.store.operations`): `run(op)` calls
`library.apply(op)`, records `UndoStep.of(op, result)` as one generic `OperationCommand`
on the QUndoStack (nothing when the operation changed nothing) and announces the result's
`Change` through `LibraryEvents.changed`. Undo and redo go the same way.

A write can fail while another program holds the library (an import in the command line,
a backup), the disk is full, or the file is read-only for a moment. Nothing typed or
marked may be lost to that: the failed operation is kept under a key (a newer edit of the
same note replaces the older one), retried by a timer that backs off, and the window
asks before it closes with changes still unsaved.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from reader.errors import InputFileError, NotFoundError, QuoteNotFoundError, ReaderError
from reader.store.change import Change
from reader.store.history import Applies, UndoStep
from reader.store.operations import Operation, OpResult
from reader.ui.error_text import describe
from reader.ui.library_events import LibraryEvents
from reader.ui.undo_commands import OperationCommand

FIRST_RETRY_MS = 500
MAX_RETRY_MS = 8000


def worth_retrying(error: BaseException) -> bool:
    """Whether the same write may succeed later: the library was busy, full or not
    writable for a moment. A refusal of the input itself (an empty tag, a highlight
    that no longer exists) will not change by waiting."""
    if isinstance(error, NotFoundError | InputFileError | QuoteNotFoundError):
        return False
    return type(error) is not ReaderError


class UndoableWrites(QObject):
    """The window's one way to change the library, over its QUndoStack.

    `failed(message)`: a write, undo or redo did not happen (the message says why).
    `pendingChanged()`: the set of kept, not yet saved writes changed.
    `saved(key, operation, result)`: a kept write finally succeeded on a retry.
    """

    failed = Signal(str)
    pendingChanged = Signal()
    saved = Signal(object, object, object)

    def __init__(
        self,
        library: Applies,
        stack: QUndoStack,
        events: LibraryEvents,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self.stack = stack
        self.events = events
        self._pending: dict[Hashable, Operation[Any]] = {}
        self._delay_ms = FIRST_RETRY_MS
        self._step_error: BaseException | None = None
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self.retry_now)

    @property
    def library(self) -> Applies:
        return self._library

    # --- making changes ----------------------------------------------------------------
    def run(self, operation: Operation[Any], key: Hashable | None = None) -> OpResult[Any] | None:
        """Apply `operation` and record it for undo; its result when it is saved. On
        failure the user is told and, when waiting may help, the operation is kept under
        `key` (or itself) and retried until it succeeds; None then."""
        try:
            result = self._library.apply(operation)
        except Exception as error:  # shown to the user, never raised into Qt
            self.failed.emit(describe(error))
            if worth_retrying(error):
                self._keep(operation if key is None else key, operation)
            return None
        self._record(operation, result)
        return result

    def _record(self, operation: Operation[Any], result: OpResult[Any]) -> None:
        step = UndoStep.of(operation, result)
        if step is not None:
            self.stack.push(OperationCommand(step, self))  # its first redo does nothing
        self.events.emit_change(result.change)

    def _keep(self, key: Hashable, operation: Operation[Any]) -> None:
        self._pending[key] = operation
        if not self._retry_timer.isActive():
            self._retry_timer.start(self._delay_ms)
        self.pendingChanged.emit()

    # --- kept writes -------------------------------------------------------------------
    def has_pending(self) -> bool:
        return bool(self._pending)

    def pending_count(self) -> int:
        return len(self._pending)

    def pending(self, key: Hashable) -> Operation[Any] | None:
        return self._pending.get(key)

    def retry_now(self) -> bool:
        """Try every kept write once, oldest first; True when none is left."""
        self._retry_timer.stop()
        saved_any = False
        for key, operation in list(self._pending.items()):
            try:
                result = self._library.apply(operation)
            except Exception:  # still failing: keep it for the next round
                continue
            if self._pending.get(key) is operation:
                del self._pending[key]
            self._record(operation, result)
            saved_any = True
            self.saved.emit(key, operation, result)
        if self._pending:
            self._delay_ms = FIRST_RETRY_MS if saved_any else min(MAX_RETRY_MS, self._delay_ms * 2)
            self._retry_timer.start(self._delay_ms)
        else:
            self._delay_ms = FIRST_RETRY_MS
        if saved_any:
            self.pendingChanged.emit()
        return not self._pending

    def discard_pending(self) -> None:
        """Give up the kept writes (the user chose so when closing)."""
        self._retry_timer.stop()
        self._pending.clear()
        self.pendingChanged.emit()

    # --- undo and redo -----------------------------------------------------------------
    def undo(self) -> bool:
        return self._replay(self.stack.index() - 1)

    def redo(self) -> bool:
        return self._replay(self.stack.index() + 1)

    def clear_history(self) -> None:
        """Forget undo and redo (the library's rows were replaced, e.g. by a re-parse
        whose articles the old steps could not find again)."""
        self.stack.clear()

    def _replay(self, index: int) -> bool:
        """Move the stack one step; when the command could not change the library, put
        the stack back where it was (the command is a no-op then), so the history
        always matches the library."""
        if not 0 <= index <= self.stack.count():
            return False
        before = self.stack.index()
        self._step_error = None
        self.stack.setIndex(index)
        if self._step_error is None:
            return True
        error, self._step_error = self._step_error, None
        self.stack.setIndex(before)
        self.failed.emit(describe(error))
        return False

    # --- what the commands report (StepOwner) -----------------------------------------
    def step_done(self, change: Change) -> None:
        self.events.emit_change(change)

    def step_failed(self, error: BaseException) -> None:
        self._step_error = error
