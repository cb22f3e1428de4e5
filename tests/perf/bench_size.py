"""Database size per article: `python tests/perf/bench_size.py [--articles N] [--keep PATH]`.

Builds a library of N articles (default 10,000) of about 800 CJK characters each, four to
a page, through the store's own import path (`importer.insert_page`, so the raw page, the
article row and the search index are written as an import writes them), then 3.3
highlights and 1.7 notes per article with bulk inserts through the models (the triggers
index them). Prints the bytes per article of each table and its indexes (SQLite's
`dbstat`), the search index's part, the file size after a checkpoint and after VACUUM,
next to the raw baseline: the UTF-8 size of the articles' text alone.

Then the same library is put back the way schema 8 stored it (raw pages as plain text,
paragraphs as JSON, 4 KB pages) and opened again, which shrinks it in place
(`reader.store.shrink`): prints its size before and after and the time the shrink took.
Target (issue 15): <= 6 KB per article, search index included.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.parse.page import parse_text
from reader.store import anchoring, importer
from reader.store.database import bind
from reader.store.library import Library
from reader.store.models import HIGHLIGHT_COLORS, Article, Highlight, Note
from reader.store.packing import unpack_text
from tests.perf.synthetic import _name, make_article_text

ARTICLE_CHARS = 800
PER_PAGE = 4
HIGHLIGHTS_PER_ARTICLE = 3.3
NOTES_PER_ARTICLE = 1.7
BATCH = 2000


def make_page_text(rng: random.Random, number: int) -> str:
    """A page of `PER_PAGE` articles: a headline, a lead with the reporter, and about
    800 characters of prose in four to six paragraphs (blank lines between articles)."""
    blocks = [f"武进日报  2024年10月{number % 28 + 1}日  第{number % 8 + 1}版"]
    for _ in range(PER_PAGE):
        text = make_article_text(rng, ARTICLE_CHARS)
        cuts = sorted(rng.sample(range(60, len(text) - 60), rng.randint(3, 5)))
        paragraphs = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
        paragraphs[0] = f"本报讯 (记者 {_name(rng)}) " + paragraphs[0]
        headline = make_article_text(rng, 12)[:14].rstrip("。!?，")
        blocks.append("\n".join([headline, *("　　" + p for p in paragraphs)]))
    return "\n\n".join(blocks) + "\n"


def build(library: Library, n_articles: int, seed: int) -> dict[str, float]:
    """Fill the library; returns timings and the raw baseline (text bytes)."""
    rng = random.Random(seed)
    db = library.database
    bind(db)
    figures: dict[str, float] = {"text_bytes": 0}
    began = time.perf_counter()
    texts: dict[int, str] = {}
    pages = (n_articles + PER_PAGE - 1) // PER_PAGE
    with db.atomic():
        for number in range(pages):
            page = parse_text(make_page_text(rng, number), path=f"/bench/page-{number:06d}.txt")
            source_id = importer.insert_page(page.source.path, page)
            for article_id in importer.article_ids(source_id):
                texts[article_id] = ""
    for article_id, text in Article.select(Article.id, Article.text).tuples():
        texts[article_id] = text
        figures["text_bytes"] += len(text.encode("utf-8"))
    figures["articles"] = len(texts)
    figures["import_s"] = time.perf_counter() - began

    began = time.perf_counter()
    ids = list(texts)
    n_highlights = round(HIGHLIGHTS_PER_ARTICLE * len(ids))
    with db.atomic():
        rows = []
        for index in range(n_highlights):
            article_id = ids[index % len(ids)]
            text = texts[article_id]
            start = rng.randrange(max(1, len(text) - 60))
            selector = anchoring.make_selector(text, start, start + rng.randint(8, 40))
            rows.append(
                {"article": article_id, "color": rng.choice(HIGHLIGHT_COLORS)} | selector.columns()
            )
            if len(rows) >= BATCH:
                Highlight.insert_many(rows).execute()
                rows = []
        if rows:
            Highlight.insert_many(rows).execute()
        highlight_ids = [h for (h,) in Highlight.select(Highlight.id).tuples()]
        noted = rng.sample(highlight_ids, round(NOTES_PER_ARTICLE * len(ids)))
        for first in range(0, len(noted), BATCH):
            Note.insert_many(
                [
                    {"highlight": h, "body": make_article_text(rng, 40)}
                    for h in noted[first : first + BATCH]
                ]
            ).execute()
    figures["annotate_s"] = time.perf_counter() - began
    return figures


def table_bytes(library: Library) -> dict[str, int]:
    """Bytes in pages (dbstat) by table, its indexes counted with it; the FTS shadow
    tables of the search index under "search index"."""
    db = library.database
    owner = dict(db.execute_sql("SELECT name, tbl_name FROM sqlite_master").fetchall())
    sizes: dict[str, int] = defaultdict(int)
    for name, size in db.execute_sql("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
        table = owner.get(name, name)
        if "_fts" in table:
            table = "search index"
        sizes[table] += int(size)
    return dict(sizes)


def store_as_schema_8(path: Path) -> None:
    """Rows as schema 8 wrote them, in a file of 4 KB pages as it made them."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        for source_id, raw in connection.execute("SELECT id, raw_text FROM source").fetchall():
            connection.execute(
                "UPDATE source SET raw_text = ? WHERE id = ?", (unpack_text(raw), source_id)
            )
        for article_id, text in connection.execute("SELECT id, text FROM article").fetchall():
            paragraphs = json.dumps(text.split("\n"), ensure_ascii=False)
            connection.execute(
                "UPDATE article SET paragraphs = ? WHERE id = ?", (paragraphs, article_id)
            )
        connection.execute("DELETE FROM library_upkeep")
        connection.execute("PRAGMA user_version = 8")
        connection.execute("COMMIT")
        connection.execute("PRAGMA journal_mode = DELETE").fetchall()
        connection.execute("PRAGMA page_size = 4096")
        connection.execute("VACUUM")
        connection.execute("PRAGMA journal_mode = WAL").fetchall()
    finally:
        connection.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="build the library here and keep it")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "library.db"
        library = Library.open(path)
        try:
            figures = build(library, args.articles, args.seed)
            db = library.database
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            sizes = table_bytes(library)
            file_bytes = path.stat().st_size
            db.execute_sql("VACUUM")
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            vacuumed = path.stat().st_size
        finally:
            library.close()
        store_as_schema_8(path)
        old_bytes = path.stat().st_size
        began = time.perf_counter()
        Library.open(path).close()
        shrink_seconds = time.perf_counter() - began
        shrunk_bytes = path.stat().st_size

    n = figures["articles"]
    print(
        f"articles {n:.0f}, highlights {HIGHLIGHTS_PER_ARTICLE}/article, notes "
        f"{NOTES_PER_ARTICLE}/article; built in {figures['import_s']:.1f} s + "
        f"{figures['annotate_s']:.1f} s"
    )
    print(f"{'part':<22}{'KB/article':>12}")
    for name, size in sorted(sizes.items(), key=lambda item: -item[1]):
        print(f"{name:<22}{size / n / 1024:>12.2f}")
    print(f"{'file (checkpointed)':<22}{file_bytes / n / 1024:>12.2f}")
    print(f"{'file after VACUUM':<22}{vacuumed / n / 1024:>12.2f}   target <= 6")
    print(f"{'raw text (baseline)':<22}{figures['text_bytes'] / n / 1024:>12.2f}")
    print(
        f"shrinking the same library stored as schema 8: {old_bytes / n / 1024:.2f} -> "
        f"{shrunk_bytes / n / 1024:.2f} KB/article in {shrink_seconds:.1f} s "
        f"({n / shrink_seconds:.0f} articles/s, backup and VACUUM included)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
