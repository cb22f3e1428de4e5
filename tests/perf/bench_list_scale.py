"""The article list at 300,000 articles: `python tests/perf/bench_list_scale.py [--articles N]`.

Builds (once, cached in ~/.cache/reader-bench/, one file per schema version; an older
version's file is copied and migrated, which is timed) a library of N articles (see
`list_library`), then prints, next to raw baselines measured in the same run:
- raw: a bare `SELECT` of a list page from the article table, at the start and at the
  end (OFFSET), a bare `count(*)`, and a bare count of the titles holding a word;
- per sort, and per filter word: the count plus the first page, as the list asks them;
- the first page against the last page;
- with the real window (offscreen): typing filter words key by key, 120 ms apart like
  a typist, the time from the last keystroke until the list shows the answer
  (count included), p50/p95; the longest event-loop stall while typing (a 5 ms
  QTimer records the gaps between its ticks);
- scrolling the whole list to the end (or until --scroll-seconds), the time per step
  (200 more rows) at the start and at the end, and the longest stall;
- the process's memory with the window open after scrolling, and how many rows the
  list holds in full (the others as ids);
- scrolling a filtered list (its pages are read by a worker): the time from a step
  until its rows are there, and the longest stall.
Targets (issue 15): answer p95 < 100 ms, stalls < 100 ms, sorts < 100 ms, last page as
fast as the first, constant scroll step, memory < 250 MB.

Runs with whichever `reader` is first on sys.path, so the same script measures `main`
(`PYTHONPATH=/work/main`) and a branch.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

CACHE = Path.home() / ".cache" / "reader-bench"
QUERIES = ("王", "项目", "武进调研", "会议", "湖塘镇推进", "zzz")
KEY_GAP_S = 0.12
#: Each filter word is typed this often: 24 answers, so p95 is not simply the slowest.
TYPING_ROUNDS = 4


def library_path(n_articles: int) -> Path:
    """The cached library for this code's schema, made from an older one or built."""
    from list_library import build

    from reader.store.migrations import LATEST_VERSION

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"list-{n_articles}-v{LATEST_VERSION}.sqlite"
    if path.exists():
        return path
    older = sorted(CACHE.glob(f"list-{n_articles}-v*.sqlite"))
    if older:
        from reader.store.library import Library

        shutil.copyfile(older[-1], path)
        began = time.perf_counter()
        Library.open(path).close()
        print(
            f"migrated {older[-1].name} -> v{LATEST_VERSION} in {time.perf_counter() - began:.1f} s"
        )
        return path
    build(path, n_articles)
    return path


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return min(times)


def raw_baselines(path: Path) -> None:
    connection = sqlite3.connect(path)
    total = connection.execute("SELECT count(*) FROM article").fetchone()[0]
    page = "SELECT id, title, author_names, read_at FROM article ORDER BY id LIMIT 200"
    last = page + f" OFFSET {total - 200}"
    for label, sql in (
        ("count(*)", "SELECT count(*) FROM article"),
        ("page at the start", page),
        ("page at the end (OFFSET)", last),
    ):
        spent = best_of(lambda sql=sql: connection.execute(sql).fetchall())
        print(f"raw  {label:33}{ms(spent)}")
    scan = "SELECT count(*) FROM article WHERE instr(title, ?) OR instr(author_names, ?)"
    for word in QUERIES[:2]:
        spent = best_of(lambda word=word: connection.execute(scan, (word, word)).fetchall(), 3)
        print(f"raw  count of titles with {word:8}        {ms(spent)}")
    connection.close()


def store_figures(library) -> None:
    from reader.store.domains import articles as articles_module

    keyset = hasattr(library.articles, "page")
    for sort in articles_module.SORTS:

        def ask(sort=sort):
            total = library.count_articles()
            if keyset:
                library.articles.page(sort=sort, limit=200, matching=total)
            else:
                library.list_articles(sort=sort, limit=200)

        print(f"sort {sort:11} count + first page   {ms(best_of(ask, 3))}")
    for word in QUERIES:

        def filtered(word=word):
            if keyset:
                library.articles.first_page(text_filter=word)
            else:
                library.count_articles(text_filter=word)
                library.list_articles(text_filter=word, limit=200)

        print(f"filter {word:10} count + first page   {ms(best_of(filtered, 3))}")
    total = library.count_articles()
    first = best_of(lambda: library.list_articles(limit=200), 3)
    if keyset:
        query = articles_module._list_query("", None, "newest").offset(total - 201).limit(1)
        key = articles_module._list_rows(query)[0].key("newest")
        last = best_of(lambda: library.articles.page(after=key, limit=200), 3)
        how = "keyset"
    else:
        last = best_of(lambda: library.list_articles(offset=total - 200, limit=200), 3)
        how = "OFFSET"
    print(f"list first page                       {ms(first)}")
    print(f"list last page ({how})               {ms(last)}")


class StallMeter:
    """A 5 ms timer on the GUI thread; the longest gap between its ticks is the longest
    time the event loop could not run (the window did not respond)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def reset(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()


def rss_mb() -> float:
    """The process's resident memory now, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_for(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def window_figures(library, scroll_seconds: float) -> None:
    from PySide6.QtCore import QEvent, QEventLoop, QSettings, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from reader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = Path(tempfile.mkdtemp()) / "settings.ini"
    window = MainWindow(library, QSettings(str(settings), QSettings.Format.IniFormat))
    window.resize(1400, 900)
    window.show()
    run_for(app, 0.5)
    panel = window.article_list
    settled = getattr(panel, "is_settled", lambda: True)
    meter = StallMeter()

    def key(char: str) -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                panel.filter_box,
                QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char),
            )

    answers = []
    meter.reset()
    for _ in range(TYPING_ROUNDS):
        for query in QUERIES:
            panel.filter_box.clear()
            while not settled():
                app.processEvents()
            run_for(app, 0.2)
            for char in query[:-1]:
                key(char)
                run_for(app, KEY_GAP_S)
            began = time.perf_counter()
            key(query[-1])
            app.processEvents()
            while not (settled() and panel.model.text_filter == query):
                # Sleep until the next event (the answer, or a stall-meter tick): a
                # busy loop here would take the CPU from the worker it waits for.
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            answers.append(time.perf_counter() - began)
            run_for(app, 0.05)
    answers.sort()
    p95 = answers[min(len(answers) - 1, int(len(answers) * 0.95))]
    print(
        f"typing: last keystroke -> list answered p50 {ms(statistics.median(answers))}, "
        f"p95 {ms(p95)} ({len(answers)} words)"
    )
    print(f"typing: longest event-loop stall       {ms(meter.longest)}")
    panel.filter_box.clear()
    while not settled():
        app.processEvents()
    run_for(app, 0.2)
    print(f"memory: now {rss_mb():.0f} MB (window open, after typing)")

    view = panel.view
    model = panel.model
    steps = []
    meter.reset()
    deadline = time.perf_counter() + scroll_seconds
    while model.canFetchMore() and time.perf_counter() < deadline:
        began = time.perf_counter()
        view.scrollToBottom()
        app.processEvents()
        steps.append(time.perf_counter() - began)
    done = "the whole list" if not model.canFetchMore() else "until the time was up"
    print(f"scroll: {len(steps)} steps to row {model.rowCount():,} of {model.total:,} ({done})")
    if steps:
        head, tail = steps[: min(20, len(steps))], steps[-min(20, len(steps)) :]
        print(
            f"scroll: step at the start {ms(statistics.median(head))}, "
            f"at the end {ms(statistics.median(tail))}, longest stall {ms(meter.longest)}"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"memory: now {rss_mb():.0f} MB, peak {peak:.0f} MB (all rows loaded by scrolling)")
    if hasattr(model, "kept_rows"):
        print(f"memory: rows held in full {model.kept_rows:,} of {model.rowCount():,} loaded")
    filtered_scroll(app, panel, meter, settled, scroll_seconds / 4)
    window.writes.discard_pending()
    window.close()


def filtered_scroll(app, panel, meter, settled, seconds: float) -> None:
    """Scroll a list filtered by a common word: each step waits for its rows."""
    from PySide6.QtCore import QEventLoop

    model = panel.model
    panel.filter_box.setText(QUERIES[1])
    while not (settled() and model.text_filter == QUERIES[1]):
        app.processEvents()
    steps = []
    meter.reset()
    deadline = time.perf_counter() + seconds
    while model.canFetchMore() and time.perf_counter() < deadline:
        rows = model.rowCount()
        began = time.perf_counter()
        panel.view.scrollToBottom()
        model.fetchMore()  # what the view asks when its end comes into view
        while model.rowCount() == rows and model.canFetchMore():
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        steps.append(time.perf_counter() - began)
        app.processEvents()  # the stall meter ticks: a step read on the GUI thread shows
    if steps:
        print(
            f"scroll with filter {QUERIES[1]}: {len(steps)} steps to row {model.rowCount():,} "
            f"of {model.total:,}, step median {ms(statistics.median(steps))}, "
            f"max {ms(max(steps))}, longest stall {ms(meter.longest)}"
        )
    print(f"memory: now {rss_mb():.0f} MB after the filtered scroll")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300_000)
    parser.add_argument("--scroll-seconds", type=float, default=240.0)
    args = parser.parse_args()
    import reader
    from reader.store.library import Library

    path = library_path(args.articles)
    size = path.stat().st_size / 1e9
    print(f"reader from {Path(reader.__file__).parent}; library {path} ({size:.2f} GB)")
    raw_baselines(path)
    library = Library.open(path, check="never")
    store_figures(library)
    window_figures(library, args.scroll_seconds)
    library.close()


if __name__ == "__main__":
    main()
