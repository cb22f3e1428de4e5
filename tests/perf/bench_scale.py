"""The ten-year archive's figures (issue 15): `python tests/perf/bench_scale.py
[--sizes 10k,100k,300k] [--rebuild] [--migrate]`.

For each size it takes the cached synthetic library (`scale_library.py`: built through the
real import path, then 3.3 highlights, 1.7 notes per article and some tags in bulk; kept in
~/.cache/reader-bench/scale/ per schema version, so a second run of the same code skips
the build) and prints one column of the issue's table, each figure next to a raw baseline
measured in the same run:
- typing one character in the article-list filter of the real MainWindow (offscreen):
  from the keystroke until the list shows the filtered rows and count, however the filter
  runs (at once, debounced, off the GUI thread); the longest event-loop stall seen by a
  5 ms timer while typing, sorting and scrolling;
- search p95 (`library.search.find`, what the search panel runs) for 1-, 2-, 4-character
  and two-term queries; raw: a bare FTS5 MATCH of the same terms;
- the rolling backup the app takes at start, database size per article (and the search
  index's share), sort by title and by highlight count (the sortCombo), the list page at
  the end (raw: a bare SELECT of a list page), one scroll step of the list as the loaded
  rows grow, import rate of 500 fixed pages into a copy of the library, start to a usable
  window (from spawn until the window is drawn, the list's first page with it, and the
  event loop idle; raw: a bare QMainWindow measured the same way) and the app's peak
  memory with the window open;
- with --migrate, the migration of a copy of the cached library of the newest older
  schema (the one a change started from) by opening it with today's code.
A measure the code of the day cannot take (an API changed) prints "n/a (why)" with its
traceback, and the rest go on. Progress and each figure as it is taken are printed first
(lines starting with two spaces), the table at the end. The whole run at 300k, its build
included, is meant to stay under 20 minutes on two cores; `--sizes 10k` is a quick look.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale_library
from start_child import AFTER_FIRST_PAINT

FILTER_CHARS = "镇建发湖创新业安乡科"  # tried in order; those that change the list are typed
FILTER_TYPINGS = 5
SEARCH_TERMS = {
    "1-char": ("区", "市", "新", "业", "人"),
    "2-char": ("发展", "项目", "服务", "创新", "乡村"),
    "4-char": ("营商环境", "乡村振兴", "城市更新", "智能制造", "数字经济"),
    "two terms": ("项目 建设", "创新 人才", "城市 更新", "服务 保障", "产业 发展"),
}
SEARCH_REPEATS = 6
SCROLL_STEPS = 25
IMPORT_PAGES = 500
START_RUNS = 7
WAIT_TIMEOUT = 120.0  # seconds a GUI measure waits for the list to settle
QUIET = 0.3  # seconds a list must stay the same to count as settled, when its rows are unknown


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 0.1 else f"{seconds * 1000:,.0f} ms"


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def na(error: BaseException) -> str:
    reason = f"{type(error).__name__}: {error}".splitlines()[0]
    return f"n/a ({reason[:90]})"


class Column:
    """One size's figures: measure label -> text."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.cells: dict[str, str] = {}

    def take(self, label: str, measure: Callable[[], str]) -> None:
        """Run one measure; an exception becomes "n/a (why)" in its cell."""
        began = time.perf_counter()
        try:
            self.cells[label] = measure()
        except Exception as error:  # any API change: report and go on
            self.cells[label] = na(error)
            traceback.print_exc(file=sys.stdout)
        print(f"  [{time.perf_counter() - began:5.1f} s] {label}: {self.cells[label]}", flush=True)


# --- search ---------------------------------------------------------------------------------
def _timed(call: Callable[[], object], repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        began = time.perf_counter()
        call()
        samples.append(time.perf_counter() - began)
    return samples


def search_p95(library, terms: tuple[str, ...]) -> float:
    samples: list[float] = []
    for term in terms:
        library.search.find(term, limit=50)  # warm the page cache for this term
        samples += _timed(lambda term=term: library.search.find(term, limit=50), SEARCH_REPEATS)
    return p95(samples)


def fts_match(term: str) -> str:
    """The FTS5 expression of `term` for the index of the day, as the search builds it
    (`Query.fts`: one token per character before schema 10, character pairs since)."""
    from reader.search.query import parse

    return parse(term).fts() or '""'


def _rows(connection: sqlite3.Connection, sql: str, *params: object) -> list[tuple]:
    return connection.execute(sql, params).fetchall()


def bare_match_p95(db_path: Path, terms: tuple[str, ...]) -> str:
    """p95 of a bare MATCH on the article index: its first 50 rows, and all its rows
    counted (the walk over every posting list the term needs)."""
    connection = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        first: list[float] = []
        every: list[float] = []
        for term in terms:
            match = fts_match(term)
            head = "SELECT rowid FROM article_fts WHERE article_fts MATCH ? LIMIT 50"
            count = "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?"
            connection.execute(count, (match,)).fetchall()
            first += _timed(functools.partial(_rows, connection, head, match), SEARCH_REPEATS)
            every += _timed(functools.partial(_rows, connection, count, match), 2)
        return f"{ms(p95(first))} first 50; {ms(p95(every))} all matches"
    finally:
        connection.close()


# --- the list through the library -----------------------------------------------------------
def bare_list_page(db_path: Path, offset: int) -> float:
    connection = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        sql = "SELECT id, title FROM article ORDER BY id DESC LIMIT 200 OFFSET ?"
        connection.execute(sql, (offset,)).fetchall()
        return statistics.median(_timed(lambda: connection.execute(sql, (offset,)).fetchall(), 7))
    finally:
        connection.close()


def list_page(library, at_end: bool) -> float:
    """Median time of the window's read of a page of 200 list rows (keyset paging,
    `articles.page`): the first page, or the last 200 rows, after the key of the row
    before them, found by paging through the whole list first."""
    pages = library.articles
    after = None
    if at_end:
        total = pages.first_page(limit=1)[0]
        skip = max(0, total - 200)
        while skip:
            page = pages.page(after=after, limit=min(skip, 200) if skip % 200 == 0 else skip % 200)
            skip -= len(page.summaries)
            after = page.last_key
    assert len(pages.page(after=after, limit=200).summaries) == 200
    return statistics.median(_timed(lambda: pages.page(after=after, limit=200), 7))


# --- sizes ------------------------------------------------------------------------------------
def size_per_article(db_path: Path, articles: int) -> str:
    scale_library.checkpoint(db_path)
    size = db_path.stat().st_size
    text = f"{size / articles / 1024:.1f} KB ({size / 2**30:.2f} GB)"
    connection = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%fts%'"
            )
        ]
        # One table at a time: dbstat then reads that table's pages only.
        index_bytes = sum(
            connection.execute("SELECT sum(pgsize) FROM dbstat WHERE name = ?", (t,)).fetchone()[0]
            or 0
            for t in tables
        )
        text += f"; search index {index_bytes / articles / 1024:.1f} KB"
    except sqlite3.Error as error:
        text += f"; search index n/a ({error})"
    finally:
        connection.close()
    return text


# --- the window -------------------------------------------------------------------------------
class StallRecorder:
    """The longest gap between ticks of a 5 ms timer: how long the event loop was blocked."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self._last = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    @contextlib.contextmanager
    def recording(self) -> Iterator[None]:
        self._last = time.perf_counter()
        self.timer.start()
        try:
            yield
        finally:
            self.timer.stop()
            self._tick()


class ListDriver:
    """Drives the article list of a real MainWindow by its objectNames and tells when
    it has settled on an expected state, whether the list loads synchronously or not."""

    def __init__(self, window) -> None:
        from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit

        self.window = window
        self.filter_box = window.findChild(QLineEdit, "articleFilter")
        self.sort_combo = window.findChild(QComboBox, "sortCombo")
        self.view = window.findChild(QAbstractItemView, "articleList")
        if self.filter_box is None or self.view is None:
            raise LookupError("no articleFilter / articleList in the window")
        self.model = self.view.model()
        self.ids_known = True  # rows tell their article ids (see `row_id`)

    def row_id(self, row: int) -> object:
        """The article id of a row (its ArticleIdRole, else the model's summary), or,
        when the model offers neither, its display text (`ids_known` is then False)."""
        index = self.model.index(row, 0)
        try:
            from reader.ui.article_list_model import ArticleIdRole

            value = index.data(ArticleIdRole)
            if value is not None:
                return int(value)
        except ImportError:
            pass
        try:
            return int(self.model.summary(row).id)
        except (AttributeError, TypeError):
            self.ids_known = False
            return index.data()

    def first_ids(self, count: int = 20) -> list[int]:
        rows = min(count, self.model.rowCount())
        return [self.row_id(row) for row in range(rows)]

    def total(self) -> int | None:
        article_list = getattr(self.window, "article_list", None)
        if article_list is not None and hasattr(article_list, "total"):
            return int(article_list.total())
        return None

    @staticmethod
    def workers_idle() -> bool:
        from PySide6.QtCore import QThreadPool

        return QThreadPool.globalInstance().activeThreadCount() == 0

    def state(self) -> tuple[int, list[int | None], int | None]:
        return self.model.rowCount(), self.first_ids(), self.total()

    def settle(self, expected: Expected, before: tuple) -> float:
        """Pump the event loop until the list has settled; returns when it did.

        With `expected` (first ids and count, asked of the library) that is when the list
        shows them with no worker running. Without (the library's list API changed),
        it is the last change of the list's state after it left `before`, once the
        state has stayed the same for QUIET seconds with no worker running."""
        deadline = time.perf_counter() + WAIT_TIMEOUT
        last, changed_at = before, 0.0
        while True:
            now = time.perf_counter()
            if expected is not None and self.ids_known:
                ids, total = expected
                if (
                    self.first_ids(len(ids)) == ids
                    and (total is None or self.total() in (None, total))
                    and self.workers_idle()
                ):
                    return now
            else:
                current = self.state()
                if current != last:
                    last, changed_at = current, now
                elif changed_at and now - changed_at > QUIET and self.workers_idle():
                    return changed_at
            if now > deadline:
                raise TimeoutError(f"the list did not settle in {WAIT_TIMEOUT:.0f} s")
            wait_a_little()

    def type_filter(self, text: str, expected: Expected) -> float:
        """Type `text` into the filter box (or clear it); seconds until the list settled."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QInputMethodEvent
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        before = self.state()
        self.filter_box.setFocus()
        self.filter_box.selectAll()
        began = time.perf_counter()
        if text:
            # How Chinese is typed: the input method commits the character (QTest's key
            # clicks know ASCII only).
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(self.filter_box, event)
        else:
            QTest.keyClick(self.filter_box, Qt.Key.Key_Backspace)
        return self.settle(expected, before) - began

    def choose_sort(self, index: int, expected: Expected) -> float:
        before = self.state()
        began = time.perf_counter()
        self.sort_combo.setCurrentIndex(index)
        return self.settle(expected, before) - began


def wait_a_little() -> None:
    """Let the window run for about a millisecond, as its idle event loop would: Qt's
    events, then a sleep that lets go of the GIL. (PySide6's QTest.qWait keeps the GIL
    while it waits: the list's worker thread, which needs it between SQLite calls, then
    took twice as long as in the window a user types into.)"""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    time.sleep(0.001)


#: The first rows' ids and the count the list should show, or None when unknown.
Expected = tuple[list[int], int | None] | None


def expected(library, *, text_filter: str = "", sort: str = "newest") -> Expected:
    """What the list should show, asked of the library; None when its API changed."""
    try:
        rows = library.list_articles(text_filter=text_filter, sort=sort, limit=20)
        ids = [summary.id for summary in rows]
    except Exception as error:
        print(f"  (list expectations unknown, settling by quiet instead: {na(error)})")
        return None
    try:
        total = library.count_articles(text_filter=text_filter)
    except Exception:
        total = None
    return ids, total


def measure_filter(driver: ListDriver, library, stalls: StallRecorder) -> str:
    everything = expected(library)
    typings: list[float] = []
    longest = 0.0
    for char in FILTER_CHARS:
        filtered = expected(library, text_filter=char)
        if filtered is not None and everything is not None:
            ids = filtered[0]
            if not ids or ids == everything[0][: len(ids)]:
                continue  # would not change the list: its settling could not be seen
        if driver.filter_box.text():
            driver.type_filter("", everything)
        stalls.longest = 0.0
        with stalls.recording():
            typings.append(driver.type_filter(char, filtered))
        longest = max(longest, stalls.longest)
        if len(typings) == FILTER_TYPINGS:
            break
    driver.type_filter("", everything)
    if not typings:
        raise LookupError("no filter character changes the list")
    return (
        f"{ms(min(typings))}–{ms(max(typings))} (median {ms(statistics.median(typings))}, "
        f"{len(typings)} chars); longest stall {ms(longest)}"
    )


def measure_sort(driver: ListDriver, library, stalls: StallRecorder, key: str) -> str:
    combo = driver.sort_combo
    if combo is None:
        raise LookupError("no sortCombo in the window")
    target = combo.findData(key)
    newest = combo.findData("newest")
    if target < 0 or newest < 0:
        raise LookupError(f"the sortCombo has no {key!r}")
    if combo.currentIndex() != newest:
        driver.choose_sort(newest, expected(library))
    sorted_rows = expected(library, sort=key)
    everything = expected(library)
    times: list[float] = []
    longest = 0.0
    for _ in range(3):
        stalls.longest = 0.0
        with stalls.recording():
            times.append(driver.choose_sort(target, sorted_rows))
        longest = max(longest, stalls.longest)
        driver.choose_sort(newest, everything)
    return f"{ms(statistics.median(times))} (stall {ms(longest)})"


def measure_scroll(driver: ListDriver, library, stalls: StallRecorder) -> str:

    everything = expected(library)
    all_total = everything[1] if everything is not None else None
    if all_total is None:
        all_total = driver.total() or sys.maxsize
    view = driver.view
    bar = view.verticalScrollBar()
    steps: list[tuple[int, float]] = []
    stalls.longest = 0.0
    with stalls.recording():
        for _ in range(SCROLL_STEPS):
            rows, maximum = driver.model.rowCount(), bar.maximum()
            if rows >= all_total:
                break  # the whole list is loaded
            began = time.perf_counter()
            view.scrollToBottom()
            deadline = began + WAIT_TIMEOUT
            while not (driver.model.rowCount() > rows and bar.maximum() > maximum):
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"no more rows after {rows} in {WAIT_TIMEOUT:.0f} s")
                wait_a_little()
            steps.append((driver.model.rowCount(), time.perf_counter() - began))
    if not steps:
        raise LookupError("the whole list fits in the first page")
    first, last = steps[0], steps[-1]
    return (
        f"{ms(first[1])} → {ms(last[1])} (rows {first[0]:,} → {last[0]:,}; "
        f"median {ms(statistics.median(t for _, t in steps))}); stall {ms(stalls.longest)}"
    )


def window_measures(column: Column, db_path: Path, tmp: Path) -> None:
    """Filter, sort and scroll in a real MainWindow on the library (offscreen)."""
    library = window = app = None
    try:
        try:
            from PySide6.QtCore import QSettings
            from PySide6.QtWidgets import QApplication

            from reader.store.library import Library
            from reader.ui.main_window import MainWindow

            app = QApplication.instance() or QApplication(sys.argv[:1])
            library = Library.open(db_path)
            settings = QSettings(str(tmp / "window.ini"), QSettings.Format.IniFormat)
            window = MainWindow(library, settings)
            window.resize(1400, 900)
            window.show()
            app.processEvents()
            driver = ListDriver(window)
            stalls = StallRecorder()
        except Exception as error:
            for label in ("filter", "sort title", "sort highlights", "scroll"):
                column.cells[label] = na(error)
            traceback.print_exc(file=sys.stdout)
            return
        column.take("filter", lambda: measure_filter(driver, library, stalls))
        column.take("sort title", lambda: measure_sort(driver, library, stalls, "title"))
        column.take("sort highlights", lambda: measure_sort(driver, library, stalls, "highlights"))
        column.take("scroll", lambda: measure_scroll(driver, library, stalls))
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
            app.processEvents()
        if library is not None:
            library.close()


# --- backup and import --------------------------------------------------------------------
def measure_backup(db_path: Path, backups: Path) -> tuple[str, Path | None]:
    from reader.export.backup import rolling_backup

    began = time.perf_counter()
    copy = rolling_backup(db_path, backups)
    first = time.perf_counter() - began
    began = time.perf_counter()
    again = rolling_backup(db_path, backups)
    unchanged = time.perf_counter() - began
    made = sum(p.stat().st_size for p in backups.rglob("*") if p.is_file())
    text = (
        f"{first:.2f} s changed; {ms(unchanged)} unchanged "
        f"({'no copy' if again is None else 'copied again'}); {made / 2**20:,.0f} MB kept"
    )
    return text, Path(copy) if copy is not None else None


def library_copy(db_path: Path, backup: Path | None, dest: Path) -> Path:
    """A library to import into: the rolling backup when it is a plain library file,
    else a copy made with SQLite's backup API."""
    if backup is not None and backup.suffix == ".db" and backup.is_file():
        backup.rename(dest)
        return dest
    source = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(dest)
        try:
            source.backup(out)
        finally:
            out.close()
    finally:
        source.close()
    return dest


def measure_import(db_copy: Path, folder: Path) -> str:
    from reader.store.library import Library

    files = []
    for number, text in enumerate(scale_library.make_pages(IMPORT_PAGES, seed=424242)):
        file = folder / f"import-{number:03d}.txt"
        file.write_text(text, encoding="utf-8")
        files.append(file)
    library = Library.open(db_copy)
    try:
        began = time.perf_counter()
        summary = library.import_paths(files)
        elapsed = time.perf_counter() - began
    finally:
        library.close()
    imported = sum(1 for r in summary.results if r.status == "imported")
    if imported != len(files):
        statuses = {r.status for r in summary.results}
        raise RuntimeError(f"{imported} of {len(files)} pages imported ({statuses})")
    return f"{len(files) / elapsed:.0f} pages/s"


def bare_inserts(db_copy: Path, folder: Path) -> str:
    """The raw baseline of the import: the same pages' rows written into another copy of
    the library by the importer's own prepared INSERTs, 100 pages a transaction, with the
    pages parsed, their rows packed and their search tokens made beforehand (the index
    triggers look them up, as they do the tokens an import's workers made): only
    SQLite's work, no reading, hashing, lookups or parsing."""
    from reader.parse.page import parse_text
    from reader.search.folding import search_tokens
    from reader.store import importer
    from reader.store.database import bind, write_transaction
    from reader.store.library import Library

    files = sorted(folder.glob("import-*.txt"))
    pages = [parse_text(file.read_text(encoding="utf-8")) for file in files]
    rows = [importer.page_rows(page) for page in pages]
    made: dict[str, str] = {}
    for page_rows in rows:
        for row in page_rows.articles:
            head = f"{row['title']} {row['headlines']} {row['byline'] or ''} {row['author_names']}"
            for text in (head, str(row["text"])):
                made[text] = search_tokens(text)
    library = Library.open(db_copy)
    try:
        bind(library.database)
        library.database.connection().create_function(
            "search_tokens", 1, lambda text: made.get(text) or search_tokens(text)
        )
        began = time.perf_counter()
        for first in range(0, len(pages), 100):
            with write_transaction(library.database):
                for number in range(first, min(first + 100, len(pages))):
                    importer.add_page(f"/bare/{number}", pages[number], rows=rows[number])
        elapsed = time.perf_counter() - began
    finally:
        library.close()
    return f"{len(pages) / elapsed:.0f} pages/s"


# --- start in a process of its own --------------------------------------------------------
#: The process's own peak memory in kB. Not getrusage's ru_maxrss: on Linux a child
#: inherits its parent's peak through fork, and the benchmark process is big.
PEAK_KB = """
def peak_kb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
"""

#: Every start child begins so: an application whose `ready()` prints READY and the
#: peak memory once the shown window has been drawn and the loop is idle again.
CHILD_START = (
    PEAK_KB
    + """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
def ready():
    print("READY", peak_kb(), flush=True)
    app.quit()
"""
    + AFTER_FIRST_PAINT
)

CHILD_APP = (
    CHILD_START
    + """
from reader.ui.app import main
main(["--db", sys.argv[1]])
"""
)

CHILD_BARE = (
    CHILD_START
    + """
from PySide6.QtWidgets import QMainWindow
window = QMainWindow()
window.resize(1400, 900)
window.show()
app.exec()
"""
)

#: A second raw baseline: a window of the kinds of Qt widgets the app's first screen has
#: (menus of actions with shortcuts, a splitter of a filter, combo boxes and a table of
#: 40 CJK rows, a text browser holding a CJK article, a tag list), an app-wide
#: stylesheet and palette, and none of the app's code: what Qt itself costs for such a
#: window, beside the empty one.
CHILD_WIDGETS = (
    CHILD_START
    + """
from PySide6.QtCore import QAbstractTableModel, QStringListModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette, QColor
from PySide6.QtWidgets import (QComboBox, QLabel, QLineEdit, QListView,
    QMainWindow, QSplitter, QTableView, QTextBrowser, QVBoxLayout, QWidget)
"""
    + """
app.setStyleSheet("QLineEdit { padding: 3px; } QTableView { border: none; }"
                  " QSplitter::handle { background: #ddd; } QComboBox { padding: 2px; }")
palette = app.palette()
palette.setColor(QPalette.ColorRole.Window, QColor("#fafafa"))
app.setPalette(palette)
window = QMainWindow()
for number, menu_name in enumerate(("File", "Edit", "View", "Article", "Tags", "Help")):
    menu = window.menuBar().addMenu(menu_name)
    for item in range(10):
        action = QAction(f"{menu_name} {item}", window)
        action.setShortcut(QKeySequence(f"Ctrl+Shift+{chr(65 + number * 4 + item % 4)}"))
        menu.addAction(action)
class Rows(QAbstractTableModel):
    def rowCount(self, parent=None):
        return 40
    def columnCount(self, parent=None):
        return 3
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            day = "2024-05-0%d" % (index.row() % 9 + 1)
            return ("常州市推进城市更新行动", "新华日报", day)[index.column()]
        return None
left = QWidget()
column = QVBoxLayout(left)
column.addWidget(QLineEdit(placeholderText="Filter"))
for choices in (("Newest", "Title", "Highlights"), ("All tags", "政策", "乡村")):
    combo = QComboBox()
    combo.addItems(choices)
    column.addWidget(combo)
table = QTableView()
rows = Rows(table)
table.setModel(rows)
column.addWidget(table)
pane = QTextBrowser()
paragraph = "<p>%s</p>" % ("城市更新是推动城市高质量发展的重要举措。" * 12)
pane.setHtml("<h1>常州市推进城市更新行动</h1>" + paragraph * 8)
right = QWidget()
side = QVBoxLayout(right)
side.addWidget(QLabel("Tags"))
side.addWidget(QLineEdit(placeholderText="Add a tag"))
side.addWidget(QListView())
side.itemAt(2).widget().setModel(QStringListModel(["政策", "乡村振兴", "经济"] * 7))
splitter = QSplitter()
for part in (left, pane, right):
    splitter.addWidget(part)
window.setCentralWidget(splitter)
window.statusBar().showMessage("40 articles")
window.resize(1400, 900)
window.show()
app.exec()
"""
)


def timed_start(code: str, *args: str, env: dict[str, str]) -> tuple[float, int]:
    """Seconds from spawning the process to its window shown with an idle event loop,
    and its peak memory in kB."""
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        for line in process.stdout:
            if line.startswith("READY"):
                return time.perf_counter() - began, int(line.split()[1])
        raise RuntimeError(f"the app did not start (exit {process.wait()})")
    finally:
        try:
            process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def remove_rolling_backups(db_path: Path) -> None:
    """The app takes a rolling backup at each start: remove those of the benchmark's runs."""
    folder = db_path.parent / "backups"
    if folder.is_dir():
        for file in folder.glob(f"{db_path.stem}-*"):
            file.unlink(missing_ok=True)


def measure_start(column: Column, db_path: Path, tmp: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CONFIG_HOME"] = str(tmp / "config")
    settings = tmp / "config" / "reader" / "Reader.conf"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[app]\nfirstRunDone=true\n", encoding="utf-8")
    try:
        timed_start(CHILD_BARE, env=env)  # warm-up: bytecode caches, the OS file cache
        timed_start(CHILD_APP, str(db_path), env=env)
        bare: list[tuple[float, int]] = []
        widgets: list[tuple[float, int]] = []
        app: list[tuple[float, int]] = []
        for _ in range(START_RUNS):  # taken in turns, so a change of load hits all alike
            bare.append(timed_start(CHILD_BARE, env=env))
            widgets.append(timed_start(CHILD_WIDGETS, env=env))
            app.append(timed_start(CHILD_APP, str(db_path), env=env))
    except Exception as error:
        column.cells["start"] = column.cells["memory"] = na(error)
        traceback.print_exc(file=sys.stdout)
        return
    finally:
        remove_rolling_backups(db_path)
    bare_s = statistics.median(t for t, _ in bare)
    app_s = statistics.median(t for t, _ in app)
    column.cells["start"] = f"{ms(app_s)} ({app_s / bare_s:.2f}× bare)"
    column.cells["raw start"] = ms(bare_s)
    widgets_s = statistics.median(t for t, _ in widgets)
    column.cells["raw widgets"] = f"{ms(widgets_s)} ({widgets_s / bare_s:.2f}× bare)"
    column.cells["memory"] = f"{max(r for _, r in app) / 1024:.0f} MB"
    column.cells["raw memory"] = f"{max(r for _, r in bare) / 1024:.0f} MB"
    for label in ("start", "raw start", "raw widgets", "memory", "raw memory"):
        print(f"  {label}: {column.cells[label]}", flush=True)


# --- migrating a library of an older schema ----------------------------------------------
def measure_migration(size: int, tmp: Path) -> str:
    """Open a copy of the cached library of the newest older schema of this size (the
    library of the code a change started from) with today's code, which migrates it:
    how long that takes and the size per article before and after."""
    from reader.store.library import Library

    schema = scale_library.schema_version()
    older = sorted(
        (int(p.name.split("-")[0]), p)
        for p in scale_library.CACHE_DIR.glob(f"*-{size}.db")
        if p.name.split("-")[0].isdigit() and int(p.name.split("-")[0]) < schema
    )
    if not older:
        raise LookupError(f"no cached {size_label(size)} library of a schema before {schema}")
    old_schema, old_path = older[-1]
    copy = tmp / "migrate.db"
    source = sqlite3.connect(f"{old_path.as_uri()}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(copy)
        try:
            source.backup(out)
        finally:
            out.close()
        (articles,) = source.execute("SELECT count(*) FROM article").fetchone()
        counts = [source.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED]
    finally:
        source.close()
    before = copy.stat().st_size
    began = time.perf_counter()
    library = Library.open(copy)
    library.close()
    elapsed = time.perf_counter() - began
    scale_library.checkpoint(copy)
    after = copy.stat().st_size
    text = (
        f"{elapsed:.1f} s from schema {old_schema}: {before / articles / 1024:.1f} → "
        f"{after / articles / 1024:.1f} KB per article"
    )
    check = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
    try:
        kept = [check.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED]
        text += "; rows kept" if kept == counts else f"; ROWS {counts} → {kept}"
    except sqlite3.Error as error:
        text += f"; rows not counted ({error})"
    finally:
        check.close()
    return text


#: Tables whose rows a migration must keep, one by one.
COUNTED = ("article", "highlight", "note", "tag", "article_tag", "highlight_tag")


# --- one size --------------------------------------------------------------------------------
def measure_size(size: int, rebuild: bool, migrate: bool = False) -> Column:
    column = Column(size)
    began = time.perf_counter()
    print(f"\n== {size:,} articles (load average {os.getloadavg()[0]:.1f})", flush=True)
    try:
        db_path, info = scale_library.library_for(
            size, rebuild=rebuild, log=lambda line: print(line, flush=True)
        )
    except Exception as error:
        traceback.print_exc(file=sys.stdout)
        column.cells["library"] = na(error)
        return column
    built = time.perf_counter() - began
    column.cells["library"] = (
        f"{info.articles:,} art., {info.highlights:,} hl., {info.notes:,} notes "
        f"(schema {info.schema})"
    )
    column.cells["build"] = (
        f"{info.build_seconds:.0f} s ({info.pages:,} pages at {info.import_rate:.0f} pages/s)"
        + ("" if built >= info.build_seconds * 0.5 else ", cached")
        + "".join(f"; {warning}" for warning in info.warnings)
    )
    articles = info.articles
    from reader.store.library import Library

    try:
        library = Library.open(db_path)
    except Exception as error:  # every measure through the library is n/a, the rest go on
        traceback.print_exc(file=sys.stdout)
        library, not_opened = None, na(error)
    try:
        for kind, terms in SEARCH_TERMS.items():
            if library is None:
                column.cells[f"search {kind}"] = not_opened
            else:
                column.take(f"search {kind}", lambda terms=terms: ms(search_p95(library, terms)))
            column.take(f"raw search {kind}", lambda terms=terms: bare_match_p95(db_path, terms))
        if library is None:
            column.cells["list first"] = column.cells["list end"] = not_opened
        else:
            column.take("list first", lambda: ms(list_page(library, at_end=False)))
            column.take("list end", lambda: ms(list_page(library, at_end=True)))
    finally:
        if library is not None:
            library.close()
    column.take("raw list first", lambda: ms(bare_list_page(db_path, 0)))
    column.take("raw list end", lambda: ms(bare_list_page(db_path, articles - 200)))
    column.take("size", lambda: size_per_article(db_path, articles))
    with tempfile.TemporaryDirectory(dir=db_path.parent, prefix=".bench-") as tmp_name:
        tmp = Path(tmp_name)
        window_measures(column, db_path, tmp)
        measure_start(column, db_path, tmp)
        backup: list[Path | None] = [None]

        def backup_measure() -> str:
            text, backup[0] = measure_backup(db_path, tmp / "backups")
            return text

        column.take("backup", backup_measure)

        def import_measure() -> str:
            pages = tmp / "pages"
            pages.mkdir()
            copy = library_copy(db_path, backup[0], tmp / "import-copy.db")
            shutil.rmtree(tmp / "backups", ignore_errors=True)
            return measure_import(copy, pages)

        column.take("import", import_measure)

        def bare_import_measure() -> str:
            for used in tmp.glob("import-copy.db*"):
                used.unlink()  # the disk may hold one copy at a time
            copy = library_copy(db_path, None, tmp / "bare-copy.db")
            return bare_inserts(copy, tmp / "pages")

        column.take("raw import", bare_import_measure)
        if migrate:
            column.take("migration", lambda: measure_migration(size, tmp))
        else:
            column.cells["migration"] = "not run (--migrate)"
    column.cells["wall"] = (
        f"{time.perf_counter() - began:.0f} s (load average {os.getloadavg()[0]:.1f})"
    )
    print(f"  wall time for {size:,}: {column.cells['wall']}", flush=True)
    return column


ROWS = (
    ("library", "library"),
    ("build", "build (import path + bulk annotations)"),
    ("filter", "typing one character in the article-list filter"),
    ("search 1-char", "search p95: 1-char"),
    ("raw search 1-char", "  raw: bare FTS5 MATCH, 1-char"),
    ("search 2-char", "search p95: 2-char"),
    ("raw search 2-char", "  raw: bare FTS5 MATCH, 2-char"),
    ("search 4-char", "search p95: 4-char"),
    ("raw search 4-char", "  raw: bare FTS5 MATCH, 4-char"),
    ("search two terms", "search p95: two terms"),
    ("raw search two terms", "  raw: bare FTS5 MATCH, two terms"),
    ("backup", "rolling backup at start (rolling_backup)"),
    ("size", "database size per article"),
    ("sort title", "sort by title (sortCombo)"),
    ("sort highlights", "sort by highlight count (sortCombo)"),
    ("list first", "list page at the start (articles.page: keyset, 200 rows)"),
    ("list end", "list page at the end (keyset)"),
    ("raw list first", "  raw: bare SELECT id,title … LIMIT 200"),
    ("raw list end", "  raw: bare SELECT … LIMIT 200 OFFSET n-200"),
    ("scroll", "scroll step (one fetch more), as loaded rows grow"),
    ("import", "import rate into a copy of the library (500 pages)"),
    ("raw import", "  raw: bare INSERTs of the same rows into a copy (tokens made beforehand)"),
    ("start", "start to a usable window"),
    ("raw start", "  raw: bare QMainWindow start"),
    ("raw widgets", "  raw: the same kinds of Qt widgets, no app code"),
    ("memory", "peak memory (VmHWM) with the window open"),
    ("raw memory", "  raw: bare QMainWindow peak memory"),
    ("migration", "migration of the older schema's library (--migrate)"),
    ("wall", "wall time of this column (build + measures)"),
)


def size_label(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def print_table(columns: list[Column]) -> None:
    print("\n| measure | " + " | ".join(size_label(c.size) for c in columns) + " |")
    print("|---|" + "---|" * len(columns))
    for key, label in ROWS:
        cells = [c.cells.get(key, "n/a (not measured)") for c in columns]
        print(f"| {label} | " + " | ".join(cells) + " |")


def parse_sizes(text: str) -> list[int]:
    sizes = []
    for part in text.split(","):
        part = part.strip().lower()
        factor = 1_000 if part.endswith("k") else 1
        sizes.append(int(float(part.rstrip("k")) * factor))
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,300k", help="e.g. 10k,100k,300k")
    parser.add_argument("--rebuild", action="store_true", help="build the libraries again")
    parser.add_argument(
        "--migrate",
        action="store_true",
        help="also time the migration of a copy of the cached library of an older schema",
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    columns = []
    for size in parse_sizes(args.sizes):
        try:
            columns.append(measure_size(size, args.rebuild, args.migrate))
        except Exception as error:  # a bug of this script: still print the other sizes
            traceback.print_exc(file=sys.stdout)
            column = Column(size)
            column.cells["library"] = na(error)
            columns.append(column)
    print_table(columns)
    print(f"\nwhole run {time.perf_counter() - began:.0f} s; cache {scale_library.CACHE_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
