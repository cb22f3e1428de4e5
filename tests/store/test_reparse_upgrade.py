"""A library filled by an older parser gets the new one without losing anything.

The older parser's typical mistake on real pages is simulated: neighbouring articles
merged into one, the second's headline glued into the first's text. The real pages of
../shared/corpus are imported that way, highlighted all over, and then parsed again as
an upgrade does; every highlight must still sit on its quote (or be an orphan that keeps
it), and the pages must now be cut into their real articles."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import reader.parse.page
from reader.parse.model import ParsedArticle, ParsedPage
from reader.store.models import Source

PAGES = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pages"


def merged_in_pairs(page: ParsedPage) -> ParsedPage:
    """What an older parser made of the page: articles 1+2, 3+4, … run together."""
    articles = []
    for first, second in zip(page.articles[::2], page.articles[1::2], strict=False):
        glued = [*first.paragraphs, *second.headlines, *second.paragraphs]
        articles.append(dataclasses.replace(first, paragraphs=glued))
    if len(page.articles) % 2:
        articles.append(page.articles[-1])
    return dataclasses.replace(page, articles=articles)


def quotes_across(article: ParsedArticle) -> list[str]:
    """A quote of 8 characters from the middle of every paragraph long enough."""
    return [p[len(p) // 2 - 4 : len(p) // 2 + 4] for p in article.paragraphs if len(p) >= 24]


@pytest.fixture
def old_library(library, monkeypatch):
    if not PAGES.is_dir():
        pytest.skip("../shared/corpus is not present")
    real_parse = reader.parse.page.parse_bytes
    files = sorted(PAGES.glob("p0[1-9]*.txt"))
    with monkeypatch.context() as patch:
        patch.setattr(
            reader.parse.page,
            "parse_bytes",
            lambda data, path="": merged_in_pairs(real_parse(data, path)),
        )
        summary = library.import_paths(files)
    assert summary.ok
    library.database.execute_sql('UPDATE "source" SET "parser_version" = 0')
    highlights = []
    for result in summary.results:
        for article_id in result.article_ids:
            record = library.get_article(article_id)
            for quote in quotes_across(record):
                start = record.text.index(quote)
                highlights.append(library.add_highlight(article_id, start, start + len(quote)))
    return library, files, highlights


def test_an_upgrade_reparses_old_pages_and_keeps_every_highlight_on_its_quote(
    old_library,
) -> None:
    library, files, highlights = old_library
    assert library.count_outdated_pages() == len(files)
    articles_before = len(library.list_articles())

    results = library.reparse_all(outdated_only=True)

    assert library.count_outdated_pages() == 0
    assert {r.status for r in results} == {"reparsed"}
    assert len(library.list_articles()) > articles_before  # merged articles cut apart
    articles = library.get_articles([a.id for a in library.list_articles()])
    headlines = "\n".join(line for a in articles for line in a.headlines)
    for saved in highlights:
        now = library.get_highlight(saved.id)
        assert now.exact == saved.exact
        if now.orphaned:
            # Only a quote taken from a glued-in headline has no article text left to
            # sit on: it is now a headline, and the orphan still shows it.
            assert saved.exact in headlines
            assert all(saved.exact not in a.text for a in articles)
            continue
        assert library.get_article(now.article_id).text[now.start : now.end] == saved.exact
    moved = sum(o.method == "moved" for r in results for o in r.reanchored)
    assert moved > 0  # the second halves' highlights went with their text
    assert library.reparse_all(outdated_only=True) == []  # nothing left to do


def test_an_interrupted_upgrade_goes_on_where_it_stopped(old_library) -> None:
    library, files, _highlights = old_library
    seen = []

    def stop_after_two(progress) -> bool:
        seen.append(progress.current_path)
        return len(seen) <= 2

    assert len(library.reparse_all(stop_after_two, outdated_only=True)) == 2
    assert library.count_outdated_pages() == len(files) - 2
    rest = library.reparse_all(outdated_only=True)
    assert len(rest) == len(files) - 2
    assert Source.select().where(Source.parser_version == 0).count() == 0
