"""One way to run work off the GUI thread: search, import, export, backup, re-parse.

A job is a function of a `JobContext` run in a pool thread. It reports progress through
`context.progress(done, total, text)` (which returns False once the job is cancelled, the
same contract as `Library.import_paths`'s callback), and ends in exactly one of the
handle's signals: `succeeded(value)` or `failed(error)` (the error object, so the UI can
show it by kind), then `finished()`. Whatever happens, the thread's own database
connection is closed before the job ends: peewee gives each thread its own connection
and a pool thread outlives the job.

Jobs in one `lane` run one at a time (searches never overlap on the database); the
window's `JobRunner.shutdown()` cancels every job and waits for them, so closing the
window never leaves a thread writing to a library being closed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from reader.store.library import Library


class JobContext:
    """What a running job sees: its library, progress reporting and cancellation."""

    def __init__(self, library: Library, handle: JobHandle) -> None:
        self.library = library
        self._handle = handle

    @property
    def cancelled(self) -> bool:
        return self._handle.is_cancelled()

    def progress(self, done: int, total: int, text: str = "") -> bool:
        """Report progress; False when the job should stop (it was cancelled)."""
        self._handle._progressed.emit(done, total, text)
        return not self.cancelled


class JobHandle(QObject):
    """A job as the GUI sees it. Its public signals are emitted on the GUI thread (the
    worker emits private ones, queued to this object). Connect bound methods of
    QObjects, not lambdas: a handle is deleted once its job ended, and PySide can crash
    deleting a sender that has lambda receivers. `tag` carries what the owner needs to
    recognise the job (e.g. the search generation it answers)."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()
    _progressed = Signal(int, int, str)
    _ended = Signal(bool, object)

    def __init__(self, lane: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lane = lane
        self.tag: object = None
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._progressed.connect(self._report_progress, Qt.ConnectionType.QueuedConnection)
        self._ended.connect(self._report_end, Qt.ConnectionType.QueuedConnection)

    @Slot(int, int, str)
    def _report_progress(self, done: int, total: int, text: str) -> None:
        self.progress.emit(done, total, text)

    @Slot(bool, object)
    def _report_end(self, ok: bool, value: object) -> None:
        (self.succeeded if ok else self.failed).emit(value)
        self.finished.emit()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_done(self) -> bool:
        return self._done.is_set()


class _Runnable(QRunnable):
    def __init__(
        self, library: Library, handle: JobHandle, work: Callable[[JobContext], Any]
    ) -> None:
        super().__init__()
        self._library, self._handle, self._work = library, handle, work

    def run(self) -> None:
        handle = self._handle
        ok, value = False, None
        try:
            value, ok = self._work(JobContext(self._library, handle)), True
        except Exception as error:  # reported to the user, never lost in the thread
            value = error
        finally:
            self._library.close()  # this thread's connection only
            handle._done.set()
            handle._ended.emit(ok, value)


class JobRunner(QObject):
    """Runs the window's background jobs; `shutdown()` cancels and waits for them all."""

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._pools: dict[str, QThreadPool] = {}
        self._handles: list[JobHandle] = []

    def start(self, lane: str, work: Callable[[JobContext], Any]) -> JobHandle:
        """Run `work` off the GUI thread after the jobs already in its `lane`; connect
        to the handle's signals right away (they are queued to the GUI thread, so none
        is missed). A job cancelled before it started still runs and should look at
        `context.cancelled` (or its progress answer) first."""
        handle = JobHandle(lane, self)
        self._handles.append(handle)
        handle.finished.connect(self._forget_finished)
        self._pool(lane).start(_Runnable(self._library, handle, work))
        return handle

    def cancel_lane(self, lane: str) -> None:
        """Ask the lane's running job to stop and its waiting ones not to start."""
        for handle in self._handles:
            if handle.lane == lane:
                handle.cancel()

    def wait_for(self, handle: JobHandle) -> None:
        """Block until `handle`'s job has ended (its lane's pool is idle)."""
        self._pool(handle.lane).waitForDone()

    def running(self) -> list[JobHandle]:
        return [h for h in self._handles if not h.is_done()]

    def shutdown(self) -> None:
        """Cancel every job and wait until each has stopped (and closed its connection)."""
        for handle in self._handles:
            handle.cancel()
        for pool in self._pools.values():
            pool.waitForDone()

    def _pool(self, lane: str) -> QThreadPool:
        pool = self._pools.get(lane)
        if pool is None:
            pool = self._pools[lane] = QThreadPool(self)
            pool.setMaxThreadCount(1)
        return pool

    @Slot()
    def _forget_finished(self) -> None:
        handle = self.sender()
        if handle in self._handles:
            self._handles.remove(handle)
        handle.deleteLater()
