"""Import throughput: `python tests/perf/bench_import.py [--quick] [--pages N]`.

Generates synthetic pages, writes them to a temporary folder and prints, for the same
bytes: the time to merely read and decode them, the parser's throughput (MB/s), and the
import rate (pages/s) into a fresh library, search indexing (the triggers) included.
Targets (issue 2): parse >= 10 MB/s, import >= 300 pages/s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_pages

from reader.parse.decode import decode_bytes
from reader.parse.page import parse_text
from reader.store.library import Library


def write_pages(folder: Path, count: int, seed: int) -> list[Path]:
    paths = []
    for number, page in enumerate(make_pages(count, seed)):
        path = folder / f"page-{number:05d}.txt"
        path.write_bytes(page if isinstance(page, bytes) else page.encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small run (300 pages)")
    parser.add_argument("--pages", type=int, help="number of pages (default 3000)")
    parser.add_argument("--seed", type=int, default=2024)
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
        articles = sum(len(parse_text(text).articles) for text in texts)
        parsing = time.perf_counter() - began

        library = Library.open(Path(tmp) / "library.db")
        try:
            began = time.perf_counter()
            summary = library.import_paths([folder])
            importing = time.perf_counter() - began
            stored = library.count_articles()
        finally:
            library.close()
        db_bytes = sum(f.stat().st_size for f in Path(tmp).glob("library.db*"))

    failed = len(summary.failures)
    print(f"pages            {count} ({megabytes:.1f} MB, {articles} articles parsed)")
    print(f"read + decode    {read_decode:.2f} s ({megabytes / read_decode:.1f} MB/s)")
    print(f"parse            {parsing:.2f} s ({megabytes / parsing:.1f} MB/s; target >= 10)")
    print(
        f"import + index   {importing:.2f} s ({count / importing:.0f} pages/s; target >= 300)"
        f", {stored} articles stored, {failed} failed"
    )
    print(f"database         {db_bytes / 1e6:.1f} MB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
