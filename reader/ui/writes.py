"""Every change the window makes to the library goes through here: made first, put on the
undo stack only once it succeeded, shown when it fails, kept and retried until it works.

A write can fail while another program holds the library (an import in the command line,
a backup), the disk is full, or the file is read-only for a moment. Nothing typed or
marked may be lost to that: the failed command is kept under a key (a newer edit of the
same note replaces the older one), retried by a timer that backs off, and the window
asks before it closes with changes still unsaved.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from reader.errors import InputFileError, NotFoundError, QuoteNotFoundError, ReaderError
from reader.ui.i18n import tr
from reader.ui.undo_commands import AnnotationEvents, LibraryCommand

FIRST_RETRY_MS = 500
MAX_RETRY_MS = 8000


def describe(error: BaseException) -> str:
    """A message a person can act on: the library's own, or the database's words."""
    if isinstance(error, ReaderError):
        return str(error)
    return tr("the library could not be changed: %s") % error


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
    `saved(key, command)`: a kept write finally succeeded on a retry.
    """

    failed = Signal(str)
    pendingChanged = Signal()
    saved = Signal(object, object)

    def __init__(
        self, stack: QUndoStack, events: AnnotationEvents, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.stack = stack
        self._pending: dict[Hashable, LibraryCommand] = {}
        self._delay_ms = FIRST_RETRY_MS
        self._step_error: BaseException | None = None
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self.retry_now)
        events.stepFailed.connect(self._step_failed)

    # --- making changes ----------------------------------------------------------------
    def run(self, command: LibraryCommand, key: Hashable | None = None) -> bool:
        """Make the change and push it; True when it is saved. On failure the user is
        told and, when waiting may help, the command is kept under `key` (or itself)
        and retried until it succeeds."""
        try:
            command.apply()
        except Exception as error:  # shown to the user, never raised into Qt
            self.failed.emit(describe(error))
            if worth_retrying(error):
                self._keep(command if key is None else key, command)
            return False
        self.stack.push(command)
        return True

    def _keep(self, key: Hashable, command: LibraryCommand) -> None:
        self._pending[key] = command
        if not self._retry_timer.isActive():
            self._retry_timer.start(self._delay_ms)
        self.pendingChanged.emit()

    # --- kept writes -------------------------------------------------------------------
    def has_pending(self) -> bool:
        return bool(self._pending)

    def pending_count(self) -> int:
        return len(self._pending)

    def pending(self, key: Hashable) -> LibraryCommand | None:
        return self._pending.get(key)

    def retry_now(self) -> bool:
        """Try every kept write once, oldest first; True when none is left."""
        self._retry_timer.stop()
        saved_any = False
        for key, command in list(self._pending.items()):
            try:
                command.apply()
            except Exception:  # still failing: keep it for the next round
                continue
            if self._pending.get(key) is command:
                del self._pending[key]
            self.stack.push(command)
            saved_any = True
            self.saved.emit(key, command)
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
        self.stack.setIndex(before)
        self.failed.emit(describe(self._step_error))
        return False

    def _step_failed(self, _command: object, error: BaseException) -> None:
        self._step_error = error
