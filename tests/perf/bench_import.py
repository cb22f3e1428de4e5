"""Import throughput: `python tests/perf/bench_import.py [--quick] [--pages N] [--prefill N]`.

Generates synthetic pages, writes them to a temporary folder and prints, for the same
bytes: the time to merely read and decode them, the parser's throughput (MB/s), and the
import rate (pages/s, search indexing by the triggers included) of a folder import into
an empty library and into one already holding `--prefill` pages, next to the raw
baseline: the same source and article rows written by bare `executemany` in one
transaction into an empty library (triggers on), with no reading or parsing.
A large import parses in worker processes while the writer writes (parse and write
overlap; the workers also make the search tokens the index triggers would make:
`reader.store.page_reading`): each import is timed both ways, parsing in workers and
parsing in the writer's process (as below `POOL_FROM` pages), alternated `--rounds`
times, since the machine's load moves between runs.
Targets: parse >= 10 MB/s (issue 2); import >= 500 pages/s into an empty library and
>= 400 pages/s into a large one (issue 15).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from synthetic import make_pages

from reader.parse.decode import decode_bytes
from reader.parse.model import ParsedPage
from reader.parse.page import parse_text
from reader.store import importer, page_reading
from reader.store.database import bind, write_transaction
from reader.store.library import Library
from reader.store.models import Article, Source


def write_pages(folder: Path, count: int, seed: int) -> list[Path]:
    paths = []
    for number, page in enumerate(make_pages(count, seed)):
        path = folder / f"page-{number:05d}.txt"
        path.write_bytes(page if isinstance(page, bytes) else page.encode("utf-8"))
        paths.append(path)
    return paths


def prefill(library: Library, pages: int, seed: int) -> None:
    """`pages` other pages (400 parsed ones, each stored under many names), written in
    big transactions through the importer's own inserts."""
    parsed = [parse_text(text) for text in make_pages(min(pages, 400), seed + 1)]
    bind(library.database)
    for first in range(0, pages, 500):
        with write_transaction(library.database):
            for number in range(first, min(first + 500, pages)):
                page = parsed[number % len(parsed)]
                sha = f"{number:064x}"
                page = replace(page, source=replace(page.source, sha256=sha))
                importer.add_page(f"/prefill/{number:06d}.txt", page)


def bare_baseline(folder: Path, pages: list[ParsedPage]) -> float:
    """Seconds to write the pages' rows by bare executemany into an empty library."""
    library = Library.open(folder / "baseline.db")
    try:
        db = library.database
        bind(db)
        sources = [
            {
                "path": f"/{n}",
                "sha256": p.source.sha256,
                "encoding": "utf-8",
                "raw_text": p.raw_text,
            }
            for n, p in enumerate(pages)
        ]
        source_fields = ("path", "sha256", "encoding", "raw_text", "imported_at")
        article_fields = [f.name for f in Article._meta.sorted_fields if f.name != "id"]
        defaults = importer.article_row(0, 0, pages[0].articles[0])
        began = time.perf_counter()
        connection = db.connection()
        with write_transaction(db):
            connection.executemany(
                "INSERT INTO source (path, sha256, encoding, raw_text, imported_at) "
                "VALUES (?, ?, ?, ?, datetime('now'))",
                [tuple(s[f] for f in source_fields[:4]) for s in sources],
            )
            ids = [row[0] for row in connection.execute("SELECT id FROM source ORDER BY id")]
            rows = []
            for source_id, page in zip(ids, pages, strict=True):
                for position, article in enumerate(page.articles):
                    row = {**defaults, **importer.article_row(source_id, position, article)}
                    rows.append(
                        tuple(
                            Article._meta.fields[f].db_value(row.get(f, "")) for f in article_fields
                        )
                    )
            columns = ", ".join(Article._meta.fields[f].column_name for f in article_fields)
            marks = ", ".join("?" for _ in article_fields)
            connection.executemany(f"INSERT INTO article ({columns}) VALUES ({marks})", rows)
        return time.perf_counter() - began
    finally:
        library.close()


def timed_import(
    db_path: Path, folder: Path, prefill_pages: int, seed: int, *, workers: bool
) -> tuple:
    library = Library.open(db_path)
    pool_from = page_reading.POOL_FROM
    try:
        if prefill_pages:
            prefill(library, prefill_pages, seed)
        if not workers:
            page_reading.POOL_FROM = sys.maxsize
        began = time.perf_counter()
        summary = library.import_paths([folder])
        seconds = time.perf_counter() - began
        stored = int(Source.select().where(Source.path.startswith(str(folder))).count())
    finally:
        page_reading.POOL_FROM = pool_from
        library.close()
    return seconds, summary, stored


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small run (300 pages)")
    parser.add_argument("--pages", type=int, help="number of pages (default 3000)")
    parser.add_argument(
        "--prefill", type=int, default=5000, help="pages already in the large library"
    )
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--rounds", type=int, default=1, help="A/B rounds of the imports")
    args = parser.parse_args(argv)
    count = args.pages or (300 if args.quick else 3000)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        paths = write_pages(folder, count, args.seed)
        total_bytes = sum(p.stat().st_size for p in paths)
        megabytes = total_bytes / 1e6

        began = time.perf_counter()
        texts = [decode_bytes(p.read_bytes()) for p in paths]
        read_decode = time.perf_counter() - began
        texts = [t[0] if isinstance(t, tuple) else t for t in texts]

        began = time.perf_counter()
        parsed = [parse_text(text) for text in texts]
        parsing = time.perf_counter() - began
        articles = sum(len(page.articles) for page in parsed)

        baseline = bare_baseline(Path(tmp), parsed)
        # {(prefilled, workers): [seconds of each round]}
        timings: dict[tuple[bool, bool], list[float]] = {}
        failed = stored_min = 0
        db_bytes = 0
        for round_ in range(args.rounds):
            for filled in (False, True):
                for workers in (True, False) if round_ % 2 == 0 else (False, True):
                    name = f"r{round_}-{int(filled)}-{int(workers)}.db"
                    seconds, summary, stored = timed_import(
                        Path(tmp) / name,
                        folder,
                        args.prefill if filled else 0,
                        args.seed,
                        workers=workers,
                    )
                    timings.setdefault((filled, workers), []).append(seconds)
                    failed += len(summary.failures)
                    stored_min = min(stored_min or stored, stored)
                    if not filled:
                        db_bytes = sum(f.stat().st_size for f in Path(tmp).glob(name + "*"))
                    for file in Path(tmp).glob(name + "*"):
                        file.unlink()

    def rates(key: tuple[bool, bool]) -> str:
        return " / ".join(f"{count / s:.0f}" for s in timings[key]) + " pages/s"

    print(f"pages            {count} ({megabytes:.1f} MB, {articles} articles parsed)")
    print(f"read + decode    {read_decode:.2f} s ({megabytes / read_decode:.1f} MB/s)")
    print(f"parse            {parsing:.2f} s ({megabytes / parsing:.1f} MB/s; target >= 10)")
    print(
        f"bare executemany {baseline:.2f} s ({count / baseline:.0f} pages/s: raw baseline, "
        "rows only, no reading or parsing)"
    )
    workers = page_reading.worker_count()
    print(f"import, empty, {workers} parsing worker(s)   {rates((False, True))} (target >= 500)")
    print(f"import, empty, parsing in-process   {rates((False, False))}")
    print(
        f"import, +{args.prefill} pages, {workers} worker(s)  {rates((True, True))} (target >= 400)"
    )
    print(f"import, +{args.prefill} pages, in-process {rates((True, False))}")
    print(f"pages stored     {stored_min} of {count} in each import, {failed} failed")
    print(f"database         {db_bytes / 1e6:.1f} MB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
