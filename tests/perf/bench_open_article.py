"""Opening a huge article (issue 12 item 13): `python tests/perf/bench_open_article.py`.

Builds an article like a 20 MB text file imported as one article (125,000 paragraphs of
about 53 Chinese characters; `--paragraphs N` to change) and prints, for the reading
pane, the time to the first painted screen and the time until the whole article is in
the document, next to a raw baseline measured in the same run: a bare QTextEdit given
the same text with `QTextDocument.setPlainText` and painted once.
Target: first screen within 200 ms whatever the length; the window answers meanwhile
(the longest pause between two events while the rest loads is printed too).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

SAMPLE = "本报讯记者从市政府获悉今年全市经济运行总体平稳稳中有进新兴产业增长较快，"


def make_record(paragraphs: int, seed: int = 3):
    from reader.store.records import ArticleRecord

    rng = random.Random(seed)
    body = tuple(
        "".join(rng.choice(SAMPLE) for _ in range(rng.randint(40, 66))) + "。"
        for _ in range(paragraphs)
    )
    return ArticleRecord(
        id=1,
        source_id=1,
        source_path="huge.txt",
        position=0,
        section="要闻",
        headlines=("一篇很长很长的文章",),
        title="一篇很长很长的文章",
        byline=None,
        authors=(),
        paragraphs=body,
        captions=(),
        text="\n".join(body),
        tags=(),
        is_read=False,
        imported_at=dt.datetime(2026, 1, 1),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--paragraphs", type=int, default=125_000)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication, QTextEdit

    from reader.ui.reading_pane import ReadingPane

    app = QApplication.instance() or QApplication([])
    record = make_record(args.paragraphs)
    size_mb = len(record.text.encode("utf-8")) / 1e6
    print(
        f"article: {args.paragraphs:,} paragraphs, {len(record.text):,} characters, "
        f"{size_mb:.1f} MB UTF-8"
    )

    raw = QTextEdit()
    raw.resize(900, 800)
    raw.show()
    app.processEvents()
    began = time.perf_counter()
    raw.document().setPlainText(record.text)
    raw.viewport().repaint()
    raw_s = time.perf_counter() - began
    raw.close()

    pane = ReadingPane()
    pane.resize(900, 800)
    pane.show()
    app.processEvents()
    began = time.perf_counter()
    pane.show_article(record)
    pane.viewport().repaint()
    first_s = time.perf_counter() - began
    longest_pause = 0.0
    last = time.perf_counter()
    while pane.is_loading:
        app.processEvents()
        now = time.perf_counter()
        longest_pause = max(longest_pause, now - last)
        last = now
    total_s = time.perf_counter() - began
    assert pane.document().characterCount() - 1 >= len(record.text)

    print(f"raw baseline (QTextDocument.setPlainText + one paint): {raw_s * 1000:9.0f} ms")
    print(f"reading pane, first screen painted:                    {first_s * 1000:9.0f} ms")
    print(f"reading pane, whole article in the document:           {total_s * 1000:9.0f} ms")
    print(f"longest pause of the event loop while loading:         {longest_pause * 1000:9.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
