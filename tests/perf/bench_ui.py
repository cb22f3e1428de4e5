"""Desktop app figures on a large library: `python tests/perf/bench_ui.py [--quick]
[--articles N]`.

Builds a synthetic library (30,000 articles, 100,000 highlights; --quick: 3,000 and
10,000; --articles N: N articles and 10/3 highlights each) by bulk inserts through the
store's models in big transactions. Libraries of --articles are kept between runs in
~/.cache/reader-bench/ (built once; 100,000 articles take about a minute; one an older
version built is migrated and shrunk before anything is timed). Then prints:
- start to a usable window (`reader-app --db LIBRARY` in a subprocess, from spawn to
  the window's first paint plus an idle event loop, with the last-read article open;
  median of five after one warm-up) next to a bare QMainWindow start measured the same
  way in the same run; and "settled": until the work the app starts after its first paint
  (lock keeper check, re-parse check) has run too. The rolling backup is off in these
  runs (tests/perf/bench_backup.py measures it). QT_QPA_PLATFORM picks the platform
  (offscreen unless set: run it as `QT_QPA_PLATFORM=xcb xvfb-run …` for an X server);
- the time to open an article carrying 200 highlights;
- the time to apply one highlight (select, push the undo command, redraw);
- peak memory (maxrss) of the app process.
Targets (issue 3): start <= 2x bare and < 1.5 s; open < 80 ms; memory < 250 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from start_child import AFTER_FIRST_PAINT

HEAVY_HIGHLIGHTS = 200
CACHE = Path.home() / ".cache" / "reader-bench"


def build_library(db_path: Path, n_articles: int, n_highlights: int, seed: int = 7) -> int:
    """Fill a fresh library; returns the id of the article with 200 highlights."""
    from synthetic import make_pages

    from reader.parse import PARSER_VERSION
    from reader.parse.page import parse_text
    from reader.store.importer import article_row
    from reader.store.library import Library
    from reader.store.models import HIGHLIGHT_COLORS, Article, Highlight, Note, Source

    library = Library.open(db_path)
    db = library.database
    parsed = [parse_text(page) for page in make_pages(300, seed)]
    templates = [a for page in parsed for a in page.articles if len(a.text) > 400]
    rng = random.Random(seed)
    per_page = 4
    texts: list[str] = []
    with db.atomic():
        article_rows = []
        for page_number in range(n_articles // per_page):
            source_id = Source.insert(
                path=f"/synthetic/page-{page_number:05d}.txt",
                sha256=f"{page_number:064x}",
                encoding="utf-8",
                raw_text="",
                parser_version=PARSER_VERSION,  # current: the app has nothing to re-parse
            ).execute()
            for position in range(per_page):
                a = templates[(page_number * per_page + position) % len(templates)]
                texts.append(a.text)
                article_rows.append(article_row(source_id, position, a))
            if len(article_rows) >= 2000:
                Article.insert_many(article_rows).execute()
                article_rows = []
        if article_rows:
            Article.insert_many(article_rows).execute()
    ids = [row[0] for row in Article.select(Article.id).order_by(Article.id).tuples()]
    heavy = ids[len(ids) // 2]
    heavy_text = texts[len(ids) // 2]

    def highlight_row(article_id: int, text: str, start: int, length: int) -> dict:
        end = min(len(text), start + length)
        return {
            "article": article_id,
            "start": start,
            "end": end,
            "exact": text[start:end],
            "prefix": text[max(0, start - 32) : start],
            "suffix": text[end : end + 32],
            "color": rng.choice(HIGHLIGHT_COLORS),
        }

    with db.atomic():
        rows = [
            highlight_row(heavy, heavy_text, rng.randrange(len(heavy_text) - 2), rng.randint(2, 40))
            for _ in range(HEAVY_HIGHLIGHTS)
        ]
        for _ in range(n_highlights - HEAVY_HIGHLIGHTS):
            index = rng.randrange(len(ids))
            text = texts[index]
            rows.append(
                highlight_row(ids[index], text, rng.randrange(len(text) - 2), rng.randint(2, 40))
            )
            if len(rows) >= 5000:
                Highlight.insert_many(rows).execute()
                rows = []
        if rows:
            Highlight.insert_many(rows).execute()
        heavy_ids = [
            h for (h,) in Highlight.select(Highlight.id).where(Highlight.article == heavy).tuples()
        ]
        Note.insert_many(
            [
                {"highlight": h, "body": f"笔记 {i}：值得再读一遍。"}
                for i, h in enumerate(heavy_ids[::3])
            ]
        ).execute()
    library.close()
    return heavy


CHILD_APP = (
    """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
def ready():
    use = resource.getrusage(resource.RUSAGE_SELF)
    print("READY", use.ru_maxrss, use.ru_utime + use.ru_stime, flush=True)
    QTimer.singleShot(0, settled)  # after the work the app queued after its first paint
def settled():
    print("SETTLED", flush=True)
    app.quit()
"""
    + AFTER_FIRST_PAINT
    + """
from reader.ui.app import main
main(["--db", sys.argv[1]])
"""
)

CHILD_BARE = (
    """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
def ready():
    use = resource.getrusage(resource.RUSAGE_SELF)
    print("READY", use.ru_maxrss, use.ru_utime + use.ru_stime, flush=True)
    print("SETTLED", flush=True)
    app.quit()
"""
    + AFTER_FIRST_PAINT
    + """
window = QMainWindow()
window.resize(1400, 900)
window.show()
app.exec()
"""
)


def timed_start(code: str, *args: str, env: dict[str, str]) -> tuple[float, int, float, float]:
    """Seconds from spawning the process to its window being shown and idle, its peak
    memory in kB, seconds until the work queued after the first paint was done, and
    the CPU seconds the process used until shown (steadier than wall time on a busy
    machine)."""
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        text=True,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    elapsed = rss = settled = cpu = None
    for line in process.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - began
            rss, cpu = int(line.split()[1]), float(line.split()[2])
        elif line.startswith("SETTLED"):
            settled = time.perf_counter() - began
            break
    if elapsed is None or settled is None:
        raise RuntimeError("the app did not start")
    process.wait()
    return elapsed, rss, settled, cpu


def child_env(config_home: Path, last_article: int) -> dict[str, str]:
    """The children's environment: the app's QSettings in `config_home` (the heavy
    article was the last one read), and bytecode caching on, as on a user's machine
    after the first launch."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CONFIG_HOME"] = str(config_home)
    settings = config_home / "reader" / "Reader.conf"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(
        f"[app]\nfirstRunDone=true\n[backup]\nkeep=0\n[reading]\nlastArticle={last_article}\n",
        encoding="utf-8",
    )
    return env


def in_process_figures(db_path: Path, settings_path: Path, heavy: int) -> tuple[float, float]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.store.library import Library
    from reader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    library = Library.open(db_path)
    window = MainWindow(library, QSettings(str(settings_path), QSettings.Format.IniFormat))
    window.show()
    app.processEvents()
    other = library.list_articles(limit=1)[0].id
    opens = []
    for _ in range(7):
        window.open_article(other)
        app.processEvents()
        began = time.perf_counter()
        window.open_article(heavy)
        app.processEvents()
        opens.append(time.perf_counter() - began)
    assert window.sidebar.highlight_model.rowCount() >= HEAVY_HIGHLIGHTS
    applies = []
    text = window.current_article.text
    for i in range(7):
        start = (i * 37) % (len(text) - 10)
        window.reading_pane.select_span(start, start + 6)
        began = time.perf_counter()
        window.apply_highlight("green")
        app.processEvents()
        applies.append(time.perf_counter() - began)
    for _ in applies:  # a cached library stays as it was built
        window.writes.undo()
        app.processEvents()
    window.close()
    library.close()
    return statistics.median(opens), statistics.median(applies)


def cached_library(n_articles: int, n_highlights: int) -> tuple[Path, int]:
    """A library of this size in ~/.cache/reader-bench (built on first use, under a
    temporary name until complete) and the id of its article with 200 highlights."""
    CACHE.mkdir(parents=True, exist_ok=True)
    db_path = CACHE / f"ui-{n_articles}-{n_highlights}.db"
    info = db_path.with_suffix(".json")
    if db_path.exists() and info.exists():
        from reader.store.library import Library

        # Migrated and shrunk now when an older version built it: the app would do it
        # at its first start, which is not what these starts measure.
        Library.open(db_path).close()
        return db_path, int(json.loads(info.read_text())["heavy"])
    partial = db_path.with_suffix(".partial")
    for stale in CACHE.glob(partial.name + "*"):
        stale.unlink()
    began = time.perf_counter()
    heavy = build_library(partial, n_articles, n_highlights)
    print(f"(built the library in {time.perf_counter() - began:.0f} s; kept in {CACHE})")
    partial.rename(db_path)
    info.write_text(json.dumps({"heavy": heavy}))
    return db_path, heavy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3,000 articles, 10,000 highlights")
    parser.add_argument(
        "--articles", type=int, help="this many articles (cached in ~/.cache/reader-bench)"
    )
    parser.add_argument("--runs", type=int, default=5, help="starts of each kind (median)")
    args = parser.parse_args(argv)
    n_articles, n_highlights = (3_000, 10_000) if args.quick else (30_000, 100_000)
    if args.articles:
        n_articles, n_highlights = args.articles, args.articles * 10 // 3
    with tempfile.TemporaryDirectory() as tmp:
        if args.articles:
            db_path, heavy = cached_library(n_articles, n_highlights)
        else:
            db_path = Path(tmp) / "library.db"
            began = time.perf_counter()
            heavy = build_library(db_path, n_articles, n_highlights)
            print(f"(built the library in {time.perf_counter() - began:.1f} s)")
        print(
            f"library          {n_articles:,} articles, {n_highlights:,} highlights "
            f"({db_path.stat().st_size / 2**20:.0f} MB)"
        )
        settings_path = Path(tmp) / "settings.ini"
        settings_path.write_text(f"[reading]\nlastArticle={heavy}\n", encoding="utf-8")
        env = child_env(Path(tmp) / "config", heavy)
        timed_start(CHILD_BARE, env=env)  # warm-up: bytecode caches, the OS file cache
        timed_start(CHILD_APP, str(db_path), env=env)
        bare = [timed_start(CHILD_BARE, env=env) for _ in range(args.runs)]
        app = [timed_start(CHILD_APP, str(db_path), env=env) for _ in range(args.runs)]
        bare_s = statistics.median(t for t, _, _, _ in bare)
        app_s = statistics.median(t for t, _, _, _ in app)
        settled_s = statistics.median(s for _, _, s, _ in app)
        bare_cpu = statistics.median(c for _, _, _, c in bare)
        app_cpu = statistics.median(c for _, _, _, c in app)
        peak_mb = max(r for _, r, _, _ in app) / 1024
        opened, applied = in_process_figures(db_path, settings_path, heavy)
    print(
        f"start            {app_s * 1000:.0f} ms  (bare QMainWindow {bare_s * 1000:.0f} ms, "
        f"ratio {app_s / bare_s:.2f}; target <= 2x and < 1500 ms); "
        f"settled {settled_s * 1000:.0f} ms"
    )
    print(
        f"start CPU time   {app_cpu * 1000:.0f} ms  (bare QMainWindow {bare_cpu * 1000:.0f} ms, "
        f"ratio {app_cpu / bare_cpu:.2f})"
    )
    print(
        f"open article     {opened * 1000:.1f} ms with {HEAVY_HIGHLIGHTS} highlights "
        "(target < 80 ms)"
    )
    print(f"apply highlight  {applied * 1000:.1f} ms")
    print(
        f"peak memory      {peak_mb:.0f} MB (app process, article open; target < 250 MB); "
        f"benchmark process "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
