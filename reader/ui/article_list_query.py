"""The article list's filter and sort queries, run off the GUI thread.

At 300,000 articles a filtered count and first page take tens of milliseconds, and
typing runs one per keystroke: run on the GUI thread they froze the window. Here each
question (`ListQuery`) runs as a job in its own lane (`reader.ui.jobs`); a newer
question interrupts the running one (SQLite's `interrupt` on the worker's connection)
and only the newest waiting one is asked next; an answer to a question no longer
current is dropped, so the list never shows a stale filter. The pages that follow
as the list scrolls (`PageQuestion`) run in the same lane: with a filter each one
reads the filter's matches again, tens of milliseconds at 300,000 articles.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from reader.store.domains.articles import ArticlePage, ListKey
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


@dataclass(frozen=True)
class PageQuestion:
    """The page of `query`'s rows after the row whose sort key is `after`."""

    query: ListQuery
    after: ListKey
    matching: int  # how many rows the query has (the store picks its plan by it)


@dataclass(frozen=True)
class PageAnswer:
    question: PageQuestion
    page: ArticlePage


def next_page(library: Library, question: PageQuestion, limit: int) -> ArticlePage:
    """The page that follows `question.after`, by key."""
    query = question.query
    return library.articles.page(
        text_filter=query.text_filter,
        tag=query.tag,
        sort=query.sort,
        after=question.after,
        limit=limit,
        matching=question.matching,
    )


def answer(library: Library, query: ListQuery, limit: int) -> ListAnswer:
    """The count and the first page (one scan of the filter for both)."""
    total, first_page = library.articles.first_page(
        text_filter=query.text_filter, tag=query.tag, sort=query.sort, limit=limit
    )
    return ListAnswer(query, total, first_page)


class ListQueryRunner(QObject):
    """Asks the library the list's questions in a worker thread, newest first.

    `answered(ListAnswer)` comes on the GUI thread for the newest question only,
    `paged(PageAnswer)` for a further page of it (`page_failed(PageQuestion)` when
    it could not be read: asked again at the next scroll); `failed(error)` when the
    library could not answer the newest question."""

    answered = Signal(object)
    paged = Signal(object)
    page_failed = Signal(object)
    failed = Signal(object)

    def __init__(self, library: Library, page_size: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs = JobRunner(library, self)
        self._page_size = page_size
        self._running: JobHandle | None = None
        self._waiting: ListQuery | None = None
        self._waiting_page: PageQuestion | None = None
        self._newest: ListQuery | None = None
        self._connection: sqlite3.Connection | None = None  # the running question's

    def ask(self, query: ListQuery) -> None:
        """Answer `query` as soon as the question running now (if any) is done."""
        self._newest = query
        self._waiting_page = None
        if self._running is None:
            self._start(query)
            return
        self._waiting = query
        connection = self._connection
        if connection is not None:
            # Its answer would be dropped: stop the scan now. Closed meanwhile: it ended.
            with contextlib.suppress(sqlite3.ProgrammingError):
                connection.interrupt()

    def ask_page(self, question: PageQuestion) -> None:
        """Read a further page of the newest question's rows, after what runs now."""
        if question.query != self._newest:
            return
        if self._running is None:
            self._start_page(question)
        else:
            self._waiting_page = question

    def busy(self) -> bool:
        """Whether a question is being answered or waits (the list may change)."""
        return self._running is not None

    def answering(self) -> bool:
        """Whether a new first page is on its way (not only a further page)."""
        running = self._running.tag if self._running is not None else None
        return self._waiting is not None or isinstance(running, ListQuery)

    def shutdown(self) -> None:
        """Wait for the running question (the window closes the library next)."""
        self._waiting = None
        self._waiting_page = None
        self._jobs.shutdown()

    def _start(self, query: ListQuery) -> None:
        size = self._page_size
        self._run(query, lambda library: answer(library, query, size))

    def _start_page(self, question: PageQuestion) -> None:
        size = self._page_size
        self._run(
            question, lambda library: PageAnswer(question, next_page(library, question, size))
        )

    def _run(self, tag: object, ask: Callable[[Library], object]) -> None:
        def work(context: JobContext) -> object:
            self._connection = context.library.database.connection()
            try:
                return ask(context.library)
            finally:
                self._connection = None

        handle = self._jobs.start(LIST_LANE, work)
        handle.tag = tag
        handle.succeeded.connect(self._succeeded)
        handle.failed.connect(self._failed)
        handle.finished.connect(self._finished)
        self._running = handle

    @Slot(object)
    def _succeeded(self, result: ListAnswer | PageAnswer) -> None:
        if isinstance(result, PageAnswer):
            if result.question.query == self._newest:
                self.paged.emit(result)
        elif result.query == self._newest and self._waiting is None:
            # With a question waiting (the same one asked again after a change), this
            # answer may be out of date: the waiting one answers.
            self.answered.emit(result)

    @Slot(object)
    def _failed(self, error: Exception) -> None:
        tag = self._running.tag if self._running is not None else None
        if isinstance(tag, PageQuestion):
            self.page_failed.emit(tag)
        elif tag == self._newest and self._waiting is None:  # not interrupted by a newer one
            self.failed.emit(error)

    @Slot()
    def _finished(self) -> None:
        self._running = None
        waiting, self._waiting = self._waiting, None
        page, self._waiting_page = self._waiting_page, None
        if waiting is not None:
            self._start(waiting)
        elif page is not None and page.query == self._newest:
            self._start_page(page)
