"""Real newspaper text in every layout: the 20 hand-labelled pages of ../shared/corpus scored
as `score.py` scores them, and pages built from days the parser was not tuned on.

Skipped where ../shared/corpus is absent; its texts are read from there, never copied.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter

import pytest

from reader.parse.page import read_page
from tests.parse.corpus_pages import CORPUS, HELD_OUT_FROM, LAYOUTS, Score, score_layouts

PAGES = CORPUS.parent / "pages"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


def _scorer():
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_corpus
def test_labelled_pages_score_as_the_issue_demands() -> None:
    """score.py's own judging, run in-process on `reader parse --json` output."""
    scorer = _scorer()
    expected = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))["files"]
    totals: Counter[str] = Counter()
    lost = spurious = 0
    for name, spec in expected.items():
        path = PAGES / name
        doc = read_page(path).to_json()
        text = path.read_text(encoding="utf-8")
        result = scorer.judge_file(name, spec, doc, "", False, scorer.norm(text))
        totals.update({k: result[k] for k in ("articles", "titles", "headlines", "paragraphs")})
        totals.update({k: result[k] for k in ("authors", "authors_n", "joins", "joins_n", "n")})
        spurious += result["fail_kinds"]["spurious authors"]
        lost += sum((Counter(scorer.norm(text)) - scorer.output_chars(doc)).values())
    assert totals["n"] == 129
    assert totals["articles"] >= 125
    assert totals["titles"] >= 122
    assert totals["headlines"] >= 120
    assert totals["authors"] >= 62 and totals["authors_n"] == 66
    assert spurious == 0
    assert totals["paragraphs"] >= 120
    assert totals["joins"] == totals["joins_n"] == 17
    assert lost == 0


@pytest.fixture(scope="module")
def held_out() -> dict[str, Score]:
    return score_layouts(HELD_OUT_FROM, "99999999")


@needs_corpus
@pytest.mark.parametrize("layout", LAYOUTS)
def test_held_out_days_in_every_layout(held_out: dict[str, Score], layout: str) -> None:
    """Pages of 20-31 October 2019 (not used while tuning) come out as a reader expects:
    the right articles, titles and headline blocks, column breaks joined, nothing lost."""
    score = held_out[layout]
    assert score.stories > 700
    # With one blank line between every block and no datelines, only the words tell one
    # story from the next: a harder page, with lower (but still useful) scores.
    floors = (0.55, 0.4, 0.4) if layout == "blank-single" else (0.97, 0.9, 0.9)
    assert score.share("articles") >= floors[0], score.line()
    assert score.share("titles") >= floors[1], score.line()
    assert score.share("headlines") >= floors[2], score.line()
    assert score.share("joins") >= 0.9, score.line()
    assert score.chars_lost == 0


@needs_corpus
def test_page_metadata_of_header_and_archive_layouts() -> None:
    header = read_page(PAGES / "p16-header-20191015-05.txt")
    assert header.page.to_json() == {
        "paper": None,
        "date": "2019-10-15",
        "number": "5",
        "name": "评论",
    }
    assert header.furniture == ["2019年10月15日 星期二", "第5版（评论）"]
    archive = read_page(PAGES / "p19-archive-20191024-13.txt")
    assert (archive.page.number, archive.page.name) == ("13", "社会")
    assert not any("专栏" in h or "第13版" in h for a in archive.articles for h in a.headlines)
