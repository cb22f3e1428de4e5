"""The article list's filter and sort queries, run off the GUI thread.

At 300,000 articles a filtered count and first page take tens of milliseconds, and
typing runs one per keystroke: run on the GUI thread they froze the window. Here each
question (`ListQuery`) runs as a job in its own lane (`reader.ui.jobs`); a newer
question interrupts the running one (SQLite's `interrupt` on the worker's connection)
and only the newest waiting one is asked next; an answer to a question no longer
current is dropped, so the list never shows a stale filter.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from reader.store.domains.articles import ArticlePage
from reader.store.library import Library
from reader.ui.jobs import JobContext, JobHandle, JobRunner

LIST_LANE = "article-list"


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: its filters and its order."""

    text_filter: str = ""
    tag: str | None = None
    sort: str = "newest"


@dataclass(frozen=True)
class ListAnswer:
    """How many articles a query matches and its first page."""

    query: ListQuery
    total: int
    first_page: ArticlePage


def answer(library: Library, query: ListQuery, limit: int) -> ListAnswer:
    """The count and the first page (one scan of the filter for both)."""
    total, first_page = library.articles.first_page(
        text_filter=query.text_filter, tag=query.tag, sort=query.sort, limit=limit
    )
    return ListAnswer(query, total, first_page)


class ListQueryRunner(QObject):
    """Asks the library the list's questions in a worker thread, newest first.

    `answered(ListAnswer)` comes on the GUI thread for the newest question only;
    `failed(error)` when the library could not answer it."""

    answered = Signal(object)
    failed = Signal(object)

    def __init__(self, library: Library, page_size: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs = JobRunner(library, self)
        self._page_size = page_size
        self._running: JobHandle | None = None
        self._waiting: ListQuery | None = None
        self._newest: ListQuery | None = None
        self._connection: sqlite3.Connection | None = None  # the running question's

    def ask(self, query: ListQuery) -> None:
        """Answer `query` as soon as the question running now (if any) is done."""
        self._newest = query
        if self._running is None:
            self._start(query)
            return
        self._waiting = query
        connection = self._connection
        if connection is not None:
            connection.interrupt()  # its answer would be dropped: stop the scan now

    def busy(self) -> bool:
        """Whether a question is being answered or waits (the list may change)."""
        return self._running is not None

    def shutdown(self) -> None:
        """Wait for the running question (the window closes the library next)."""
        self._waiting = None
        self._jobs.shutdown()

    def _start(self, query: ListQuery) -> None:
        size = self._page_size

        def work(context: JobContext) -> ListAnswer:
            self._connection = context.library.database.connection()
            try:
                return answer(context.library, query, size)
            finally:
                self._connection = None

        handle = self._jobs.start(LIST_LANE, work)
        handle.tag = query
        handle.succeeded.connect(self._succeeded)
        handle.failed.connect(self._failed)
        handle.finished.connect(self._finished)
        self._running = handle

    @Slot(object)
    def _succeeded(self, result: ListAnswer) -> None:
        if result.query == self._newest:
            self.answered.emit(result)

    @Slot(object)
    def _failed(self, error: Exception) -> None:
        if self._running is not None and self._running.tag == self._newest:
            self.failed.emit(error)

    @Slot()
    def _finished(self) -> None:
        self._running = None
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._start(waiting)
