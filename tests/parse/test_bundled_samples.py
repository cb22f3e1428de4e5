"""The sample pages the app opens on first run parse completely and losslessly."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from reader.parse.page import read_page
from reader.parse.punctuation import fold_punctuation

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "resources" / "samples").glob("*.txt"))


def test_there_are_sample_pages() -> None:
    assert len(SAMPLES) >= 4


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_page_parses_into_complete_articles(path: Path) -> None:
    page = read_page(path)
    assert page.source.encoding == "utf-8"
    assert len(page.articles) >= 2
    for article in page.articles:
        assert article.title
        assert article.paragraphs
        assert article.byline or article.section
        assert article.authors
        assert not any(mark in article.text for mark in ",;()")
    printed = "".join(t for a in page.articles for t in a.printed_texts())
    folded = Counter(c for c in fold_punctuation(printed) if not c.isspace())
    assert folded == Counter(c for c in fold_punctuation(page.raw_text) if not c.isspace())
