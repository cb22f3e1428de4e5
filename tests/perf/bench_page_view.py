"""Opening the page view (Article → Show Page…) on a page of many articles.

    .venv/bin/python tests/perf/bench_page_view.py [--quick]

Builds a synthetic page (N articles of a headline, a byline and 12 paragraphs), imports
it, and times opening the page view scrolled to the middle article, beside the raw
baseline of showing the same page text in a plain QTextBrowser laid out to its end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTextBrowser

from reader.store.library import Library
from reader.ui.main_window import MainWindow


def page_text(articles: int) -> str:
    parts = []
    for i in range(articles):
        body = "\n\n".join(
            f"这是第{i}篇第{j}段正文, 内容关于城市更新和乡村振兴的若干做法。" for j in range(12)
        )
        parts.append(
            f"第{i}篇报道的标题在这里\n\n本报讯 (记者 张明) 今天上午, 我区召开会议。\n\n{body}\n\n"
        )
    return "".join(parts)


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    sizes = (50, 200) if args.quick else (50, 200, 800)
    runs = 3 if args.quick else 5
    print(f"{'articles':>8} {'lines':>7} {'page view ms':>13} {'plain browser ms':>17}")
    for articles in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            text = page_text(articles)
            page = folder / "page.txt"
            page.write_text(text, encoding="utf-8")
            library = Library.open(folder / "library.db")
            ids = library.import_file(page).article_ids
            window = MainWindow(
                library, QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
            )
            window.show()
            middle = ids[len(ids) // 2]
            window.open_article(middle)
            view_ms = median_ms(lambda w=window, m=middle: w.corrections.show_page(m), runs)

            browser = QTextBrowser()
            browser.resize(760, 820)
            browser.show()

            def plain(b: QTextBrowser = browser, t: str = text) -> None:
                b.setPlainText(t)
                document = b.document()
                document.documentLayout().blockBoundingRect(document.lastBlock())

            plain_ms = median_ms(plain, runs)
            print(f"{len(ids):>8} {text.count(chr(10)):>7} {view_ms:>13.0f} {plain_ms:>17.0f}")
            browser.close()
            window.writes.discard_pending()
            window.close()
            library.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
