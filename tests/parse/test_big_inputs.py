"""Big and odd inputs (issue 12, item 12): parsing stays linear in the input, memory stays a
small multiple of the text, and a text that fits no newspaper pattern still gives
articles of a sensible size. Sizes are modest so the suite stays fast; the full-size
figures come from tests/perf/bench_parse_lines.py."""

from __future__ import annotations

import random
import time
import tracemalloc

from reader.parse.page import parse_text


def _best_time(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        parse_text(text)
        best = min(best, time.perf_counter() - began)
    return best


def test_time_grows_linearly_with_the_number_of_lines() -> None:
    """Four times the lines takes about four times as long (joining column pieces by
    string concatenation made it seven times at this size, and worse beyond)."""
    small = "\n".join("字" for _ in range(50_000))
    large = "\n".join("字" for _ in range(200_000))
    # The lowest of three ratios: a busy machine slows one timing, never all three
    # pairs in the same direction, while the quadratic join is slow every time.
    ratios = []
    for _ in range(3):
        ratios.append(_best_time(large) / _best_time(small))
        if ratios[-1] < 6.0:
            break
    assert min(ratios) < 6.0, f"4x the lines took {min(ratios):.1f}x the time"


def test_one_huge_line_needs_memory_a_small_multiple_of_its_size() -> None:
    line = "这是一段很长的文字，没有换行。" * 70_000  # about 3 MB of UTF-8
    tracemalloc.start()
    try:
        page = parse_text(line)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * len(line.encode("utf-8"))
    assert "".join(page.articles[0].paragraphs) == line


def test_unpunctuated_lines_are_not_glued_into_one_endless_paragraph() -> None:
    """100,000 one-character lines: a few articles of short paragraphs, every character
    kept (before, one article held one 100,000-character paragraph)."""
    page = parse_text("\n".join("字" for _ in range(100_000)))
    assert 2 <= len(page.articles) <= 10
    assert max(len(p) for a in page.articles for p in a.paragraphs) <= 64
    assert sum(len("".join(a.paragraphs)) for a in page.articles) == 100_000


def test_text_that_fits_no_pattern_gives_articles_of_sensible_size() -> None:
    """Random lines (no headlines, no datelines, random punctuation): neither one giant
    article nor one article per line."""
    rng = random.Random(7)
    han = [chr(code) for code in range(0x4E00, 0x4E00 + 3000)]
    lines = []
    for _ in range(30_000):
        words = "".join(rng.choice(han) for _ in range(rng.choice([3, 8, 20, 80])))
        lines.append(words + rng.choice(["", "。", "，", "！"]))
    page = parse_text("\n".join(lines))
    assert 5 <= len(page.articles) <= len(lines) // 100
    assert max(len(a.paragraphs) for a in page.articles) <= 500
