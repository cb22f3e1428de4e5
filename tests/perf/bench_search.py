"""Search benchmark: index size, indexing time, query latency next to a raw SQLite scan.

    .venv/bin/python tests/perf/bench_search.py [--quick]

Builds a library of 30,000 articles (~800 chars) and 100,000 highlights (half with a
note) with bulk inserts through the store's models (the triggers index every row), then
times `reader.search.engine.search` for 1-, 2-, 4-character and two-term queries drawn
from the corpus, each next to `instr()` scans of the same kind in the same run.
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


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def raw_query(db, query: str) -> None:
    """The same kind of question in plain SQL: instr() scans, 50 rows per kind."""
    terms = query.split()
    for table, column in (("note", "body"), ("highlight", "exact"), ("article", "text")):
        condition = " AND ".join(f"instr({column}, ?) > 0" for _ in terms)
        db.execute_sql(f"SELECT id FROM {table} WHERE {condition} LIMIT 50", terms).fetchall()


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
        print(f"{'query kind':<10} {'search p50':>11} {'p95':>8} {'raw p50':>9} {'p95':>8}  hits/q")
        for kind, items in queries(built["texts"], rng, n_queries).items():
            ours, raw, hits = [], [], 0
            for query in items:
                started = time.perf_counter()
                results = search(library, query, limit=50)
                ours.append((time.perf_counter() - started) * 1000)
                hits += results.total
                started = time.perf_counter()
                raw_query(db, query)
                raw.append((time.perf_counter() - started) * 1000)
            (p50, p95), (r50, r95) = percentiles(ours), percentiles(raw)
            print(
                f"{kind:<10} {p50:>9.1f}ms {p95:>6.1f}ms {r50:>7.1f}ms {r95:>6.1f}ms"
                f"  {hits / len(items):.0f}"
            )
        library.close()


if __name__ == "__main__":
    main()
