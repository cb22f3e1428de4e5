"""Search benchmark: index size, indexing time, query latency next to a raw SQLite scan.

    .venv/bin/python tests/perf/bench_search.py [--quick]

Builds a library of 30,000 articles (~800 chars) and 100,000 highlights (half with a
note) with bulk inserts through the store's models (the triggers index every row), then
times `reader.search.engine.search` for 1-, 2-, 4-character and two-term queries drawn
from the corpus, each next to two raw SQLite queries in the same run: an `instr()` scan
that stops at 50 rows per kind (no ranking), and the bm25-ranked FTS5 query on the same
index (50 rowids per kind, no snippets).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.search.engine import search
from reader.search.folding import is_cjk
from reader.search.query import parse
from reader.store.database import bind
from reader.store.library import Library
from reader.store.models import Article, Highlight, Note, Source
from tests.perf.synthetic import make_article_text

BATCH = 500


def build(library: Library, n_articles: int, n_highlights: int, rng: random.Random) -> dict:
    db = library.database
    bind(db)
    timings = {}
    texts: list[str] = []
    started = time.perf_counter()
    with db.atomic():
        for first in range(0, n_articles, BATCH):
            count = min(BATCH, n_articles - first)
            sources = [
                {
                    "path": f"/bench/{first + i}.txt",
                    "sha256": hashlib.sha256(str(first + i).encode()).hexdigest(),
                    "encoding": "utf-8",
                    "raw_text": "",
                }
                for i in range(count)
            ]
            Source.insert_many(sources).execute()
            source_ids = [
                row[0]
                for row in db.execute_sql(
                    "SELECT id FROM source ORDER BY id DESC LIMIT ?", (count,)
                ).fetchall()
            ][::-1]
            rows = []
            for source_id in source_ids:
                text = make_article_text(rng, 800)
                texts.append(text)
                rows.append(
                    {
                        "source": source_id,
                        "position": 0,
                        "title": text[: rng.randint(8, 20)],
                        "paragraphs": json.dumps([text], ensure_ascii=False),
                        "text": text,
                        "author_names": "",
                    }
                )
            Article.insert_many(rows).execute()
    timings["articles"] = time.perf_counter() - started
    article_ids = [row[0] for row in db.execute_sql("SELECT id FROM article ORDER BY id")]
    started = time.perf_counter()
    with db.atomic():
        for first in range(0, n_highlights, BATCH):
            rows = []
            for _ in range(min(BATCH, n_highlights - first)):
                index = rng.randrange(len(article_ids))
                text = texts[index]
                start = rng.randrange(len(text) - 40)
                end = start + rng.randint(4, 40)
                rows.append(
                    {
                        "article": article_ids[index],
                        "start": start,
                        "end": end,
                        "exact": text[start:end],
                    }
                )
            Highlight.insert_many(rows).execute()
        highlight_ids = [row[0] for row in db.execute_sql("SELECT id FROM highlight")]
        noted = highlight_ids[::2]
        for first in range(0, len(noted), BATCH):
            Note.insert_many(
                [
                    {"highlight": hid, "body": make_article_text(rng, 60)}
                    for hid in noted[first : first + BATCH]
                ]
            ).execute()
    timings["highlights+notes"] = time.perf_counter() - started
    return {"timings": timings, "texts": texts}


def fts_bytes(db) -> int:
    try:
        rows = db.execute_sql("SELECT sum(pgsize) FROM dbstat WHERE name LIKE '%_fts%'").fetchone()
        return int(rows[0] or 0)
    except Exception:  # dbstat not compiled in
        return -1


def queries(texts: list[str], rng: random.Random, n: int) -> dict[str, list[str]]:
    def piece(size: int) -> str:
        while True:
            text = rng.choice(texts)
            start = rng.randrange(len(text) - size)
            candidate = text[start : start + size]
            if all(is_cjk(char) for char in candidate):
                return candidate

    return {
        "1-char": [piece(1) for _ in range(n)],  # drawn by frequency: common chars
        "2-char": [piece(2) for _ in range(n)],
        "4-char": [piece(4) for _ in range(n)],
        "two terms": [f"{piece(2)} {piece(2)}" for _ in range(n)],
    }


def timed_ms(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return (time.perf_counter() - started) * 1000


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def raw_query(db, query: str) -> None:
    """The same question as a plain scan: instr() over each kind, stopping at 50 rows."""
    terms = query.split()
    for table, column in (("note", "body"), ("highlight", "exact"), ("article", "text")):
        condition = " AND ".join(f"instr({column}, ?) > 0" for _ in terms)
        db.execute_sql(f"SELECT id FROM {table} WHERE {condition} LIMIT 50", terms).fetchall()


def raw_fts_query(db, query: str) -> None:
    """The same question straight to the FTS5 index: bm25-ranked, 50 rowids per kind,
    no filters, joins or snippets (what the engine adds is the difference)."""
    match = parse(query).fts()
    for table, weights in (
        ("note_fts", "1.0, 0.5"),
        ("highlight_fts", "1.0, 0.5"),
        ("article_fts", "10.0, 1.0"),
    ):
        db.execute_sql(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
            f" ORDER BY bm25({table}, {weights}) LIMIT 50",
            (match,),
        ).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="3,000 articles, 10,000 highlights")
    args = parser.parse_args()
    n_articles, n_highlights, n_queries = (3000, 10000, 40) if args.quick else (30000, 100000, 200)
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        library = Library.open(path)
        db = library.database
        built = build(library, n_articles, n_highlights, rng)
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        for name, seconds in built["timings"].items():
            print(f"build+index {name}: {seconds:.1f} s")
        size = path.stat().st_size
        index = fts_bytes(db)
        print(f"database file: {size / 1e6:.1f} MB; FTS tables: {index / 1e6:.1f} MB")
        print(
            f"{'query kind':<10} {'search p50':>11} {'p95':>8} {'scan p50':>9} {'p95':>8}"
            f" {'fts p50':>9} {'p95':>8}  hits/q"
        )
        for kind, items in queries(built["texts"], rng, n_queries).items():
            # Each series in a pass of its own, so one does not run on the other's caches.
            ours, hits = [], 0
            for query in items:
                started = time.perf_counter()
                hits += search(library, query, limit=50).total
                ours.append((time.perf_counter() - started) * 1000)
            scan = [timed_ms(raw_query, db, query) for query in items]
            fts = [timed_ms(raw_fts_query, db, query) for query in items]
            (p50, p95), (s50, s95), (f50, f95) = map(percentiles, (ours, scan, fts))
            print(
                f"{kind:<10} {p50:>9.1f}ms {p95:>6.1f}ms {s50:>7.1f}ms {s95:>6.1f}ms"
                f" {f50:>7.1f}ms {f95:>6.1f}ms  {hits / len(items):.0f}"
            )
        library.close()


if __name__ == "__main__":
    main()
