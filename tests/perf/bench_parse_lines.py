"""Parse time per line count: `python tests/perf/bench_parse_lines.py [--quick]`.

Builds pages of 62.5k, 125k, 250k and 1M one-character lines (the shape that made parsing
quadratic, issue 12 item 12) and prints, for each, the seconds per 100k lines next to the
raw baseline measured in the same run: splitting the same text into lines and stripping
them. Linear parsing keeps the per-100k figure flat (within ±30 %); the 1M-line page must
parse in under 5 s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.parse.page import parse_text

COUNTS = (62_500, 125_000, 250_000, 1_000_000)


def _best(action, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - began)
    return best


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="one run per size, not three")
    args = options.parse_args()
    runs = 1 if args.quick else 3
    per_100k = []
    print(f"{'lines':>9} {'parse s':>8} {'s/100k':>7} {'articles':>8} {'raw split s/100k':>17}")
    for count in COUNTS:
        text = "\n".join("字" for _ in range(count))
        articles = len(parse_text(text).articles)
        parsing = _best(lambda text=text: parse_text(text), runs)
        splitting = _best(lambda text=text: [line.strip() for line in text.split("\n")], runs)
        per_100k.append(parsing / count * 100_000)
        print(
            f"{count:>9} {parsing:>8.2f} {per_100k[-1]:>7.3f} {articles:>8} "
            f"{splitting / count * 100_000:>17.4f}"
        )
    spread = max(per_100k) / min(per_100k) - 1
    print(f"s/100k spread {spread:.0%} (target: within ±30 %); 1M lines in {parsing:.2f} s (< 5 s)")


if __name__ == "__main__":
    main()
