"""Parsing a folder import's pages in other processes while the library is written.

Parsing a page and making its search tokens (pure Python both) cost as much as SQLite's
own work of writing it, so one core cannot do all of it at 500 pages a second. A large
import hands each page's bytes (read, hashed and looked up in the library by the writer's
process, as before) to worker processes and takes back, in file order and a bounded
number ahead of the writer, the parsed document, its rows and its search tokens (which
the index triggers then look up: `Pages._tokens_made`). Workers are started with 'spawn'
(never fork: the app runs Qt threads); they get bytes and give back pages, and open no
file at all, least of all the library. As with any 'spawn', a program that imports a
large folder from a script must guard its top level with `if __name__ == "__main__":`
(each worker imports the main script); where workers cannot start, the pages are parsed
in the writer's process.

A small import (below `POOL_FROM` files) parses in the writer's process: starting workers
costs more than it saves.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, NamedTuple

from reader.errors import InputFileError
from reader.store.importer import PageRows, page_rows

if TYPE_CHECKING:
    from reader.sources.document import SourceDocument

#: Pages a folder import must hold before it parses in workers. Measured (A/B, 2 cores,
#: tests/perf/bench_import.py's pages): 200 pages 391-414 pages/s in workers against
#: 415 in-process, 300 pages 452-468 against 391-401, 500 pages 518-535 against 376-394.
POOL_FROM = 300
#: Files read ahead of the writer while workers parse: enough to keep them busy while a
#: batch is written, few enough that the parsed pages held (with their tokens, about
#: 40 KB a page of the benchmark's) stay near 10 MB.
AHEAD = 200
#: Bytes of files read ahead at most: a folder of PDFs of a few MB each would otherwise
#: hold hundreds of MB (the file's bytes, sent to a worker and back in its document).
AHEAD_BYTES = 32 * 1024 * 1024
#: While workers start, the writer parses a page itself only when it is at most this
#: large and not a PDF: what can kill a parsing process (a crash in the PDF library, a
#: page too large for memory) is left to a worker, so that page alone fails.
PARSE_HERE_BYTES = 1024 * 1024
#: Pages a worker is given at a time (`_Chunk`).
CHUNK = 20
#: How much lower workers run than the writer (see `_warm_up`).
WORKER_NICENESS = 10
#: More workers than this do not help: the writer is then the slower side.
MAX_WORKERS = 3

CRASHED = (
    "could not be read: reading it stopped the reader's helper process "
    "(the file is too large or damaged for this reader); skipped"
)
OUT_OF_MEMORY = "is too large to read: the reader ran out of memory reading it"


class ReadPage(NamedTuple):
    """A page file read: its document, the rows a new page of it writes, and (made by a
    worker) the search tokens of its articles, as (text, its tokens), for each text the
    index triggers tokenize when its articles are inserted."""

    document: SourceDocument
    rows: PageRows
    tokens: tuple[tuple[str, str], ...] = ()


#: The library's tokenizer (`reader.search.folding.search_tokens` as registered).
Tokenize = Callable[[str], str]


def parse_document(data: bytes, path: str) -> ReadPage | str:
    """A file's bytes read by the reader its content calls for (`read_source`), or the
    sentence saying why it cannot be read. Runs in a worker or in the writer's process."""
    from reader.sources.read import read_source

    try:
        document = read_source(data, path)
        return ReadPage(document, page_rows(document.page))
    except InputFileError as error:
        return str(error)
    except MemoryError:
        return OUT_OF_MEMORY


def parse_documents(
    pages: list[tuple[bytes, str]], tokenize: Tokenize | None = None
) -> list[ReadPage | str]:
    """`parse_document` of each (bytes, path): one worker's task. With `tokenize`, also
    each page's tokens: the tokenizer is as much work as the parser, and the writer then
    only looks them up (`Pages._tokens_made`)."""
    reads = [parse_document(data, path) for data, path in pages]
    if tokenize is None:
        return reads
    return [read if isinstance(read, str) else with_tokens(read, tokenize) for read in reads]


def with_tokens(read: ReadPage, tokenize: Tokenize) -> ReadPage:
    """`read` with the tokens of what the article index's insert trigger tokenizes: each
    article's head (title, headlines, byline, authors; `reader.search.index`) and text."""
    texts = []
    for row in read.rows.articles:
        texts.append(
            f"{row['title']} {row['headlines']} {row['byline'] or ''} {row['author_names']}"
        )
        texts.append(str(row["text"]))
    return read._replace(tokens=tuple((text, tokenize(text)) for text in texts))


def worker_count() -> int:
    """Workers for a large import: every core but the writer's, at least one."""
    return max(1, min((os.cpu_count() or 2) - 1, MAX_WORKERS))


def _warm_up() -> None:
    """Load the text-page reader in a new worker before its first page (the others load
    on first use, `read_source`), and let the writer (and the window) go first when they
    share a core with it."""
    import reader.sources.read  # noqa: F401

    with contextlib.suppress(OSError, AttributeError):  # AttributeError: no nice (Windows)
        os.nice(WORKER_NICENESS)


class InProcessParsing:
    """Parse each page in the writer's process, when its turn comes (a small import)."""

    ahead = 1

    def submit(self, data: bytes, path: str) -> Callable[[], ReadPage | str]:
        return lambda: parse_document(data, path)

    def close(self) -> None:
        """Nothing to stop."""


class _Chunk:
    """Pages sent to a worker as one task: a task costs the writer's process about
    0.2 ms of bookkeeping, as much as a third of parsing a page."""

    def __init__(self) -> None:
        self.pages: list[tuple[bytes, str]] = []
        self.future: Future[list[ReadPage | str]] | None = None


class WorkerParsing:
    """Parse pages in worker processes, each page's result asked for in file order. A
    worker that dies (killed for memory, a crash in a PDF library) breaks the pool: the
    pages it had in hand are parsed again one at a time in a process of their own, so the
    page that kills it again fails alone (`CRASHED`) and the import goes on. Where no
    worker can start at all (the pool breaks before any page came back, and so does a
    process asked for nothing), the pages are parsed in the writer's process instead."""

    ahead = AHEAD
    #: Parse a page here rather than wait while no worker has answered yet (starting
    #: takes a few tenths of a second), if it is `safe_here`; the worker's copy of the
    #: page is then unused.
    parse_here_while_starting = True

    def __init__(self, workers: int, tokenize: Tokenize | None = None) -> None:
        self._workers = workers
        self._tokenize = tokenize
        self._pool: ProcessPoolExecutor | None = self._start(workers)
        self._alone: ProcessPoolExecutor | None = None
        self._answered = False  # a worker gave a page back: workers do run here
        self._filling = _Chunk()
        self.pages_from_workers = 0

    @staticmethod
    def _start(workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"), initializer=_warm_up
        )

    def submit(self, data: bytes, path: str) -> Callable[[], ReadPage | str]:
        chunk = self._filling
        index = len(chunk.pages)
        chunk.pages.append((data, path))
        if len(chunk.pages) >= CHUNK:
            self._send(chunk)
        return lambda: self._result(chunk, index)

    def _send(self, chunk: _Chunk) -> None:
        """Hand a chunk to the workers (left unsent, so parsed here, when none can run)."""
        if chunk is self._filling:
            self._filling = _Chunk()
        for _attempt in range(2):
            if self._pool is None:
                return
            try:
                chunk.future = self._pool.submit(parse_documents, chunk.pages, self._tokenize)
                return
            except BrokenProcessPool:  # a worker died: the pages after it go to a new pool
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._start(self._workers)
            except OSError:  # no process can be started now (a limit): parse here
                self.close()
                self._pool = None

    def _result(self, chunk: _Chunk, index: int) -> ReadPage | str:
        if chunk.future is None:
            self._send(chunk)
        if chunk.future is None:  # workers cannot run here
            return parse_document(*chunk.pages[index])
        if (
            self.parse_here_while_starting
            and not self._answered
            and not chunk.future.done()
            and safe_here(chunk.pages[index][0])
        ):
            # (Not cancelled when all of it is parsed here: Python 3.11's pool fails on
            # a cancelled task when a worker dies.)
            return parse_document(*chunk.pages[index])
        try:
            read = chunk.future.result()[index]
        except BrokenProcessPool:
            return self._parse_alone(*chunk.pages[index])
        self._answered = True
        self.pages_from_workers += 1
        return read

    def _parse_alone(self, data: bytes, path: str) -> ReadPage | str:
        """Parse one page in a process that parses nothing else meanwhile."""
        if self._pool is None:
            return parse_document(data, path)
        try:
            if self._alone is None:
                self._alone = self._start(1)
            read = self._alone.submit(parse_document, data, path).result()
        except OSError:  # no process can be started now (a limit): parse here
            return parse_document(data, path)
        except BrokenProcessPool:
            if self._alone is not None:
                self._alone.shutdown(wait=False)
            self._alone = None
            if self._answered or _workers_start():
                return CRASHED
            self.close()
            self._pool = None
            return parse_document(data, path)
        self._answered = True
        self.pages_from_workers += 1
        return read

    def close(self) -> None:
        """Stop the workers without waiting for them: pages not yet parsed are dropped
        (a cancelled or stopped import returns at once; a finished one has what it needs)
        and a worker still parsing or starting ends on its own after that."""
        for pool in (self._pool, self._alone):
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)


def safe_here(data: bytes) -> bool:
    """Whether a page may be parsed in the writer's process while workers start
    (`PARSE_HERE_BYTES`)."""
    return len(data) <= PARSE_HERE_BYTES and not data[:64].lstrip().startswith(b"%PDF-")


def _workers_start() -> bool:
    """Whether a worker process can start here and answer (it cannot when, say, the
    program's main script starts an import without an `if __name__ == "__main__"`
    guard: each new process runs the script again and fails)."""
    pool = WorkerParsing._start(1)
    try:
        pool.submit(os.getpid).result()
    except (BrokenProcessPool, OSError):
        return False
    finally:
        pool.shutdown(wait=False)
    return True


def parsing_for(pages: int, tokenize: Tokenize | None = None) -> InProcessParsing | WorkerParsing:
    """How to parse an import of `pages` files: in workers from `POOL_FROM` on (in the
    writer's process when workers cannot be started here), which also make the pages'
    search tokens with `tokenize` when given."""
    if pages < POOL_FROM:
        return InProcessParsing()
    try:
        return WorkerParsing(worker_count(), tokenize)
    except (OSError, ValueError, NotImplementedError):
        return InProcessParsing()
