"""Search latency per query kind on an existing library, opened read-only.

    .venv/bin/python tests/perf/bench_search_terms.py LIBRARY [--code PATH] [--against PATH]
        [--repeats N] [--rounds N] [--terms]

Times `library.search.find(term, limit=50)` (what the search panel runs: all three kinds,
50 hits each, snippets included) for bench_scale's 1-, 2-, 4-character and two-term
queries on a library built by `bench_scale.py` (e.g.
~/.cache/reader-bench/scale/11-300000.db), next to the raw baseline in the same run: a
bare FTS5 MATCH of the same terms on the article index (its first 50 rows, and all its
rows counted). The file is opened read-only, so a cached library is never changed.
`--code PATH` runs another checkout's engine (e.g. /work/main) on the same file.
`--against PATH` compares two checkouts on a shared machine: each round runs this
checkout's engine and then PATH's in fresh processes (A/B alternated, `--rounds` times),
and the figures are pooled per engine; `--terms` adds each term's p95.

Measured 2026-12-01 on the 300k library (2-core machine, load ~4 from other jobs),
`--against /work/main --repeats 6 --rounds 4`, p50/p95 in ms:
  main:           1-char 19.9/32.6, 2-char 16.3/61.9, 4-char 47.8/71.0, two terms 23.4/46.5
  one-phrase CJK queries ranked without bm25's IDF pass:
                  1-char 12.8/21.4, 2-char 13.7/71.5, 4-char 11.2/26.2, two terms 20.6/42.2
  bare MATCH p95, first 50 / all rows (same run): 1-char 0.1/12.5, 2-char 0.1/15.1,
  4-char 0.2/47.2, two terms 0.1/21.1. The 2-char p95 is 乡村 alone (73 ms; the other
  2-char terms 19-27): it names ten tags, and the 10,068 articles tagged with them are
  read whole to order them by `created_at` (no index on it).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: The queries of bench_scale.py (kept equal so the figures compare).
TERMS = {
    "1-char": ("区", "市", "新", "业", "人"),
    "2-char": ("发展", "项目", "服务", "创新", "乡村"),
    "4-char": ("营商环境", "乡村振兴", "城市更新", "智能制造", "数字经济"),
    "two terms": ("项目 建设", "创新 人才", "城市 更新", "服务 保障", "产业 发展"),
}


HEAD = "SELECT rowid FROM article_fts WHERE article_fts MATCH ? LIMIT 50"
COUNT = "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?"


def rows(connection: sqlite3.Connection, sql: str, match: str) -> list[tuple]:
    return connection.execute(sql, (match,)).fetchall()


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def timed(call, repeats: int) -> list[float]:
    call()  # warm the page cache for this term
    samples = []
    for _ in range(repeats):
        began = time.perf_counter()
        call()
        samples.append(time.perf_counter() - began)
    return samples


def measure(library: Path, code: Path, repeats: int) -> dict[str, dict[str, list[float]]]:
    """Samples (seconds) per term: the search, the bare MATCH's first 50, all its rows."""
    sys.path.insert(0, str(code.resolve()))
    from reader.search.query import parse
    from reader.store.library import Library

    opened = Library.open(library, check="never")
    uri = f"{library.resolve().as_uri()}?mode=ro"
    bare = sqlite3.connect(uri, uri=True)
    samples: dict[str, dict[str, list[float]]] = {}
    try:
        for terms in TERMS.values():
            for term in terms:
                match = parse(term).fts()
                samples[term] = {
                    "search": timed(partial(opened.search.find, term, limit=50), repeats),
                    "first": timed(partial(rows, bare, HEAD, match), repeats),
                    "all": timed(partial(rows, bare, COUNT, match), 2),
                }
    finally:
        opened.close()
        bare.close()
    return samples


def report(title: str, samples: dict[str, dict[str, list[float]]], per_term: bool) -> None:
    print(title)
    for kind, terms in TERMS.items():
        found = [s for term in terms for s in samples[term]["search"]]
        first = [s for term in terms for s in samples[term]["first"]]
        every = [s for term in terms for s in samples[term]["all"]]
        print(
            f"{kind:>9}: search p50 {statistics.median(found) * 1000:6.1f} ms,"
            f" p95 {p95(found) * 1000:6.1f} ms | bare MATCH p95 first 50"
            f" {p95(first) * 1000:5.1f} ms, all rows {p95(every) * 1000:5.1f} ms"
        )
        if per_term:
            print(
                "           "
                + ", ".join(f"{term} {p95(samples[term]['search']) * 1000:.1f}" for term in terms)
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--code", type=Path, default=REPO, help="checkout whose engine runs")
    parser.add_argument("--against", type=Path, help="checkout to compare with, A/B alternated")
    parser.add_argument("--repeats", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--terms", action="store_true", help="print each term's p95 too")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # one worker
    args = parser.parse_args()
    if args.json:
        print(json.dumps(measure(args.library, args.code, args.repeats)))
        return
    if args.against is None:
        samples = measure(args.library, args.code, args.repeats)
        report(f"{args.library} with the engine of {args.code}", samples, args.terms)
        return
    pooled: dict[Path, dict[str, dict[str, list[float]]]] = {args.code: {}, args.against: {}}
    for _ in range(args.rounds):
        for code in pooled:
            worker = [sys.executable, __file__, str(args.library), "--code", str(code)]
            out = subprocess.run(
                [*worker, "--repeats", str(args.repeats), "--json"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            for term, measures in json.loads(out).items():
                for name, values in measures.items():
                    pooled[code].setdefault(term, {}).setdefault(name, []).extend(values)
    for code, samples in pooled.items():
        report(f"{args.library}, engine of {code} ({args.rounds} rounds)", samples, args.terms)


if __name__ == "__main__":
    main()
