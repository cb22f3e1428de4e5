"""What the health check costs when a library opens.

    python -m tests.faults.bench_open_check [--sizes 2,8,16,32]

Builds libraries of about the given sizes (MB) from synthetic pages and prints, per
size, the time to open the library without the check (the raw baseline, measured in
the same run), with `PRAGMA quick_check`, and the full `integrity_check` of `reader
check`. `reader.store.health` checks every open up to ALWAYS_CHECK_BYTES and a sample
above it; these figures are what that threshold is chosen from.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from reader.store.library import Library  # noqa: E402
from tests.perf.synthetic import make_pages  # noqa: E402


def build(path: Path, megabytes: int, folder: Path) -> None:
    library = Library.open(path, check="never")
    batch = 0
    while path.stat().st_size < megabytes * 1024 * 1024:
        for number, text in enumerate(make_pages(50, seed=batch)):
            page = folder / f"{batch:04d}-{number:03d}.txt"
            page.write_text(text, encoding="utf-8")
        library.import_paths([folder])
        for page in folder.iterdir():
            page.unlink()
        batch += 1
    library.close()


def best_of(times: int, action) -> float:
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def measure(path: Path) -> tuple[float, float, float]:
    """Milliseconds: open without a check, open with quick_check, integrity_check."""

    def full() -> None:
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA integrity_check").fetchall()
        connection.close()

    raw = best_of(5, lambda: Library.open(path, check="never").close())
    checked = best_of(5, lambda: Library.open(path, check="always").close())
    return raw * 1000, checked * 1000, best_of(3, full) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2,8,16,32")
    args = parser.parse_args()
    print(f"{'size':>8}{'open, no check':>16}{'open + quick_check':>20}{'integrity_check':>17}")
    for megabytes in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "library.db"
            pages = Path(folder) / "pages"
            pages.mkdir()
            build(path, megabytes, pages)
            raw, checked, integrity = measure(path)
            size = path.stat().st_size / 1024 / 1024
            print(f"{size:>6.1f}MB{raw:>14.1f}ms{checked:>18.1f}ms{integrity:>15.1f}ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
