"""Search at archive scale: query latency and index size at N articles (default 300,000).

    .venv/bin/python tests/perf/bench_search_scale.py [--articles N] [--code PATH]

Builds (once; cached in ~/.cache/reader-bench/, keyed by N and by the index code) a
library of N synthetic articles of ~800 characters with 10/3 highlights and 5/3 notes
per article, inserted with plain SQL in big transactions (the library's own triggers
index every row), then times the real search (`reader.search.engine.search`, all three
kinds, 50 hits each) for 1-, 2-, 4-character and two-term queries drawn from the corpus,
next to a raw baseline in the same run: the same terms as a bare FTS5 MATCH on the same
index tables (first 50 rowids per kind, no ranking, joins or snippets). It prints the
index size per article and the database size per article.

`--code PATH` runs another checkout's code (e.g. `--code /work/main`, the index before
character pairs) on its own cached library, so old and new are measured alike.

Measured 2026-12-01 at 300,000 articles, 1M highlights, 500k notes on the shared 2-core
machine (load ~1.3), search p50/p95 for 1-, 2-, 4-char and two terms:
  main (one token per character): 11.4/18.6, 36.6/84.5, 67.1/137.1, 83.1/163.8 ms;
    index 3.91 KB/article, file 7.99 KB/article, built in 227 s
  character pairs (schema 10):    11.5/20.1, 9.1/15.9, 13.2/79.7, 14.7/22.2 ms;
    index 7.81 KB/article, file 11.88 KB/article, built in 420 s
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sqlite3
import statistics
import sys
import time
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CACHE = Path.home() / ".cache" / "reader-bench"
BATCH = 20_000
ARTICLES_PER_SOURCE = 8


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300_000)
    parser.add_argument("--queries", type=int, default=100, help="queries per kind")
    parser.add_argument("--code", type=Path, default=REPO, help="checkout whose reader to run")
    parser.add_argument(
        "--library", type=Path, help="time this library (built by this bench) instead of the cache"
    )
    return parser.parse_args()


def index_version(code: Path) -> str:
    """Whatever changes the stored index changes this key (and so the cached library)."""
    digest = hashlib.sha256()
    for name in ("index.py", "folding.py"):
        digest.update((code / "reader" / "search" / name).read_bytes())
    digest.update((code / "reader" / "store" / "migrations.py").read_bytes())
    return digest.hexdigest()[:12]


def article_rows(rng, make_text, first: int, count: int, stamp: str):
    for n in range(first, first + count):
        text = make_text(rng, 800)
        yield (
            n + 1,
            n // ARTICLES_PER_SOURCE + 1,
            n % ARTICLES_PER_SOURCE,
            text[: rng.randint(8, 20)],
            "",
            "[]",
            "[]",
            text,
            stamp,
            "",
        )


def build(path: Path, n_articles: int) -> None:
    """A library of `n_articles` articles, 10/3 highlights and 5/3 notes each."""
    from reader.search.folding import search_tokens
    from reader.store.library import Library
    from tests.perf.synthetic import make_article_text

    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    Library.open(partial).close()  # the schema, as this code makes it
    connection = sqlite3.connect(partial)
    connection.create_function("search_tokens", 1, search_tokens, deterministic=True)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = OFF")
    rng = random.Random(300)
    stamp = "2024-10-01 08:00:00"
    started = time.perf_counter()
    n_sources = (n_articles + ARTICLES_PER_SOURCE - 1) // ARTICLES_PER_SOURCE
    empty = zlib.compress(b"")  # no page text: a compressed empty page, as the store keeps it
    with connection:
        connection.executemany(
            "INSERT INTO source (id, path, sha256, encoding, raw_text, imported_at)"
            " VALUES (?, ?, ?, 'utf-8', ?, ?)",
            (
                (
                    n + 1,
                    f"/bench/{n}.txt",
                    hashlib.sha256(str(n).encode()).hexdigest(),
                    empty,
                    stamp,
                )
                for n in range(n_sources)
            ),
        )
    for first in range(0, n_articles, BATCH):
        with connection:
            connection.executemany(
                "INSERT INTO article (id, source_id, position, title, paragraphs, authors,"
                " headlines, text, created_at, author_names, captions)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]')",
                article_rows(rng, make_article_text, first, min(BATCH, n_articles - first), stamp),
            )
        print(
            f"  {min(first + BATCH, n_articles):,} articles, {time.perf_counter() - started:.0f} s",
            flush=True,
        )
    n_highlights = n_articles * 10 // 3
    texts = connection.execute("SELECT text FROM article WHERE id <= 2000").fetchall()
    for first in range(0, n_highlights, BATCH * 5):
        rows = []
        for n in range(first, min(first + BATCH * 5, n_highlights)):
            (text,) = texts[n % len(texts)]
            start = rng.randrange(len(text) - 40)
            end = start + rng.randint(4, 40)
            rows.append((rng.randint(1, n_articles), start, end, text[start:end], stamp))
        with connection:
            connection.executemany(
                'INSERT INTO highlight (article_id, start, "end", exact, prefix, suffix,'
                " color, orphaned, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, '', '', 'yellow', 0, ?5, ?5)",
                rows,
            )
            connection.executemany(
                "INSERT INTO note (highlight_id, body, created_at, updated_at)"
                " VALUES (?, ?, ?3, ?3)",
                (
                    (hid, make_article_text(rng, 60), stamp)
                    for hid in range(first + 1, first + len(rows) + 1, 2)
                ),
            )
    print(f"  highlights and notes, {time.perf_counter() - started:.0f} s", flush=True)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    partial.rename(path)


def sizes(connection: sqlite3.Connection, path: Path, n_articles: int) -> str:
    by_table = dict(
        connection.execute(
            "SELECT t, sum(pgsize) FROM (SELECT CASE WHEN name LIKE 'article_fts%' THEN"
            " 'article_fts' WHEN name LIKE 'highlight_fts%' THEN 'highlight_fts'"
            " WHEN name LIKE 'note_fts%' THEN 'note_fts' ELSE 'rest' END AS t, pgsize"
            " FROM dbstat) GROUP BY t"
        ).fetchall()
    )
    index = sum(v for k, v in by_table.items() if k != "rest")
    parts = ", ".join(
        f"{k} {by_table.get(k, 0) / n_articles / 1000:.2f}"
        for k in ("article_fts", "highlight_fts", "note_fts")
    )
    return (
        f"index {index / n_articles / 1000:.2f} KB/article ({parts}); "
        f"whole file {path.stat().st_size / n_articles / 1000:.2f} KB/article "
        f"({path.stat().st_size / 1e9:.2f} GB; this bench stores no page text)"
    )


def draw_queries(connection: sqlite3.Connection, n: int) -> dict[str, list[str]]:
    from reader.search.folding import is_cjk

    rng = random.Random(15)
    total = connection.execute("SELECT max(id) FROM article").fetchone()[0]

    def piece(size: int) -> str:
        while True:
            (text,) = connection.execute(
                "SELECT text FROM article WHERE id = ?", (rng.randint(1, total),)
            ).fetchone()
            start = rng.randrange(len(text) - size)
            candidate = text[start : start + size]
            if all(is_cjk(char) for char in candidate):
                return candidate

    return {
        "1-char": [piece(1) for _ in range(n)],  # drawn by frequency: common characters
        "2-char": [piece(2) for _ in range(n)],
        "4-char": [piece(4) for _ in range(n)],
        "two terms": [f"{piece(2)} {piece(2)}" for _ in range(n)],
    }


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def main() -> None:
    args = parse_args()
    code = args.code.resolve()
    sys.path.insert(0, str(code))
    if str(REPO) not in sys.path:
        sys.path.append(str(REPO))  # tests.perf.synthetic, whichever code runs

    from reader.search.engine import search
    from reader.search.query import parse
    from reader.store.library import Library

    CACHE.mkdir(parents=True, exist_ok=True)
    path = args.library or CACHE / f"search-{args.articles}-{index_version(code)}.db"
    print(f"code: {code}; library: {path}")
    if not path.exists():
        started = time.perf_counter()
        build(path, args.articles)
        print(f"built in {time.perf_counter() - started:.0f} s")
    library = Library.open(path, check="never")
    raw = sqlite3.connect(path)
    print(sizes(raw, path, args.articles))
    print(
        f"{'query kind':<10} {'search p50':>11} {'p95':>8} {'bare MATCH p50':>15} {'p95':>8}"
        "  hits/query"
    )
    for kind, items in draw_queries(raw, args.queries).items():
        ours, bare, hits = [], [], 0
        for query in items:  # warm: every query once through both, untimed
            search(library, query, limit=50)
        for query in items:
            started = time.perf_counter()
            hits += search(library, query, limit=50).total
            ours.append((time.perf_counter() - started) * 1000)
        for query in items:
            match = parse(query).fts()
            started = time.perf_counter()
            for table in ("note_fts", "highlight_fts", "article_fts"):
                raw.execute(
                    f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT 50", (match,)
                ).fetchall()
            bare.append((time.perf_counter() - started) * 1000)
        (p50, p95), (b50, b95) = percentiles(ours), percentiles(bare)
        print(
            f"{kind:<10} {p50:>9.1f}ms {p95:>6.1f}ms {b50:>13.1f}ms {b95:>6.1f}ms"
            f"  {hits / len(items):.0f}"
        )
    raw.close()
    library.close()


if __name__ == "__main__":
    main()
