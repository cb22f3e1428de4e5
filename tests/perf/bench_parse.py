"""Parser throughput: `python tests/perf/bench_parse.py [--quick] [--pages N] [--seed S]`.

Generates synthetic pages, writes them to a temporary folder, then prints for the same
bytes: the time to merely read and decode them, and the parse rate (MB/s of UTF-8 input,
pages/s). Target (issue 2): parse >= 10 MB/s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.parse.decode import decode_bytes
from reader.parse.page import parse_text
from tests.perf.synthetic import make_pages


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="a small run (300 pages)")
    options.add_argument("--pages", type=int, default=3000)
    options.add_argument("--seed", type=int, default=0)
    args = options.parse_args()
    count = 300 if args.quick else args.pages

    began = time.perf_counter()
    pages = make_pages(count, args.seed)
    generating = time.perf_counter() - began
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, page in enumerate(pages):
            path = Path(folder) / f"page-{number:05d}.txt"
            path.write_bytes(page.encode("utf-8"))
            paths.append(path)

        began = time.perf_counter()
        texts = [decode_bytes(path.read_bytes())[0] for path in paths]
        reading = time.perf_counter() - began

    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    began = time.perf_counter()
    articles = sum(len(parse_text(text).articles) for text in texts)
    parsing = time.perf_counter() - began

    print(f"pages            {count} ({megabytes:.1f} MB UTF-8, {articles} articles)")
    print(f"generate         {generating:.2f} s ({count / generating:.0f} pages/s)")
    print(f"read + decode    {reading:.2f} s ({megabytes / reading:.1f} MB/s)")
    print(
        f"parse            {parsing:.2f} s ({megabytes / parsing:.1f} MB/s, "
        f"{count / parsing:.0f} pages/s; target >= 10 MB/s)"
    )


if __name__ == "__main__":
    main()
