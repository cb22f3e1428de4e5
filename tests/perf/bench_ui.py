"""Desktop app figures on a large library: `python tests/perf/bench_ui.py [--quick]`.

Builds a synthetic library (30,000 articles, 100,000 highlights; --quick: 3,000 and
10,000) by bulk inserts through the store's models in big transactions, then prints:
- start to a usable window (`reader-app --db LIBRARY` in a subprocess, from spawn to
  the first show plus an idle event loop, with the last-read article open; median of
  five after one warm-up) next to a bare QMainWindow start measured the same way in
  the same run. QT_QPA_PLATFORM picks the platform (offscreen unless set: run it as
  `QT_QPA_PLATFORM=xcb xvfb-run …` for an X server);
- the time to open an article carrying 200 highlights;
- the time to apply one highlight (select, push the undo command, redraw);
- peak memory (maxrss) of the app process.
Targets (issue 3): start <= 2x bare and < 1.5 s; open < 80 ms; memory < 250 MB.
"""

from __future__ import annotations

import argparse
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

HEAVY_HIGHLIGHTS = 200


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


CHILD_APP = """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
def ready():
    print("READY", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    app.quit()
QTimer.singleShot(0, ready)  # runs once the app's event loop is idle after show()
from reader.ui.app import main
main(["--db", sys.argv[1]])
"""

CHILD_BARE = """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1400, 900)
window.show()
def ready():
    print("READY", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""


def timed_start(code: str, *args: str, env: dict[str, str]) -> tuple[float, int]:
    """Seconds from spawning the process to its window being shown and idle, and its
    peak memory in kB."""
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        text=True,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    for line in process.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - began
            rss = int(line.split()[1])
            break
    else:
        raise RuntimeError("the app did not start")
    process.wait()
    return elapsed, rss


def child_env(config_home: Path, last_article: int) -> dict[str, str]:
    """The children's environment: the app's QSettings in `config_home` (the heavy
    article was the last one read), and bytecode caching on, as on a user's machine
    after the first launch."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CONFIG_HOME"] = str(config_home)
    settings = config_home / "reader" / "Reader.conf"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(
        f"[app]\nfirstRunDone=true\n[reading]\nlastArticle={last_article}\n", encoding="utf-8"
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
    window.close()
    library.close()
    return statistics.median(opens), statistics.median(applies)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3,000 articles, 10,000 highlights")
    args = parser.parse_args(argv)
    n_articles, n_highlights = (3_000, 10_000) if args.quick else (30_000, 100_000)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "library.db"
        began = time.perf_counter()
        heavy = build_library(db_path, n_articles, n_highlights)
        print(
            f"library          {n_articles:,} articles, {n_highlights:,} highlights "
            f"(built in {time.perf_counter() - began:.1f} s, "
            f"{db_path.stat().st_size / 2**20:.0f} MB)"
        )
        settings_path = Path(tmp) / "settings.ini"
        settings_path.write_text(f"[reading]\nlastArticle={heavy}\n", encoding="utf-8")
        env = child_env(Path(tmp) / "config", heavy)
        timed_start(CHILD_BARE, env=env)  # warm-up: bytecode caches, the OS file cache
        timed_start(CHILD_APP, str(db_path), env=env)
        runs = 5
        bare = [timed_start(CHILD_BARE, env=env) for _ in range(runs)]
        app = [timed_start(CHILD_APP, str(db_path), env=env) for _ in range(runs)]
        bare_s = statistics.median(t for t, _ in bare)
        app_s = statistics.median(t for t, _ in app)
        peak_mb = max(r for _, r in app) / 1024
        opened, applied = in_process_figures(db_path, settings_path, heavy)
    print(
        f"start            {app_s * 1000:.0f} ms  (bare QMainWindow {bare_s * 1000:.0f} ms, "
        f"ratio {app_s / bare_s:.2f}; target <= 2x and < 1500 ms)"
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
