"""Splitting and merging an article with 200 highlights (target: under 100 ms each),
beside a raw baseline in the same run: one plain UPDATE of the same 200 highlight rows
(what moving them to another article costs at the least).

    .venv/bin/python tests/perf/bench_corrections.py [--highlights N] [--rounds R]

Each round splits the article in the middle (half its highlights move to the new
article), merges it back, then undoes and redoes the merge; the median of the rounds is
printed. Not collected by pytest (the name does not start with test_).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script, too

from reader.store.history import History
from reader.store.library import Library
from reader.store.operations import MergeArticles, SplitArticle

SENTENCE = "第{0}段：城市更新让老街焕发新生，游客明显增多，商户们说生意比去年好了不少。"


def build(folder: Path, highlights: int) -> tuple[Library, int, int]:
    """A page of one long article with `highlights` highlights spread over it; returns
    the library, the article and where the split goes (its middle paragraph)."""
    paragraphs = [SENTENCE.format(i) for i in range(highlights)]
    page = folder / "page.txt"
    page.write_text("老街改造完成\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    library = Library.open(folder / "library.db")
    article = library.import_file(page).article_ids[0]
    text = library.get_article(article).text
    offset = 0
    for i, paragraph in enumerate(paragraphs):
        at = text.index(paragraph, offset)
        library.add_highlight(article, at + 3, at + 9, note=f"注{i}" if i % 4 == 0 else "")
        offset = at + len(paragraph)
    cut = text.index(paragraphs[highlights // 2])
    return library, article, cut


def ms(action) -> float:
    began = time.perf_counter()
    action()
    return (time.perf_counter() - began) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--highlights", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        library, article, cut = build(Path(folder), args.highlights)
        history = History(library)
        db = library.database
        ids = [h.id for h in library.highlights_for_article(article)]
        marks = ",".join("?" * len(ids))
        figures: dict[str, list[float]] = {"split": [], "merge": [], "undo": [], "redo": []}
        baseline = []
        for _ in range(args.rounds):

            def raw_update() -> None:
                with db.atomic("IMMEDIATE"):
                    db.execute_sql(
                        f'UPDATE "highlight" SET "start" = "start" + 0 WHERE "id" IN ({marks})',
                        ids,
                    )

            baseline.append(ms(raw_update))
            figures["split"].append(ms(lambda: history.apply(SplitArticle(article, cut))))
            figures["merge"].append(ms(lambda: history.apply(MergeArticles(article))))
            figures["undo"].append(ms(history.undo))
            figures["redo"].append(ms(history.redo))
        print(f"one article, {len(ids)} highlights, {args.rounds} rounds (median ms)")
        print(f"{'raw UPDATE of the highlight rows':<40} {statistics.median(baseline):8.1f}")
        for name, values in figures.items():
            print(f"{name + ' (article with its highlights)':<40} {statistics.median(values):8.1f}")
        assert len(library.highlights_for_article(article)) == len(ids)
        library.close()


if __name__ == "__main__":
    main()
