"""Issue 11: the library split by domain behind one facade (`library.articles`,
`.highlights`, `.tags`, `.pages`, `.search`, `.archive`), the old flat names still
working, and restore's database half in the store as one write transaction."""

from __future__ import annotations

import copy

import pytest

from reader.export.web_annotation import build_archive
from reader.store.library import Library
from tests.export.annotated import annotate
from tests.store.library_state import library_content


@pytest.fixture
def annotated(library: Library, tmp_path) -> tuple[Library, int, int]:
    a, b = annotate(library, tmp_path / "pages")
    return library, a, b


def test_the_flat_names_and_the_domains_read_the_same(annotated) -> None:
    library, a, b = annotated
    assert library.list_articles(sort="oldest") == library.articles.summaries(sort="oldest")
    assert library.get_articles([b, a]) == library.articles.get_many([b, a])
    assert library.highlights_for_article(a) == library.highlights.of_article(a)
    assert library.tag_counts() == library.tags.counts()
    assert library.article_tags(b) == library.articles.tags_of(b) == ("字 形",)
    assert library.list_sources() == library.articles.sources()


def test_a_change_through_a_domain_is_seen_through_the_flat_names(annotated) -> None:
    library, a, _ = annotated
    highlight = library.highlights.add(a, 0, 2, color="green", note="新笔记")
    library.tags.tag_highlight(highlight.id, "新标签")
    library.tags.rename("新标签", "改名")
    assert library.get_highlight(highlight.id).tags == ("改名",)
    assert library.article_summary(a).highlight_count == 4


def test_the_export_queries_cover_what_a_scope_needs(annotated) -> None:
    library, a, b = annotated
    assert library.articles.page_order_ids() == [a, b]
    tagged = library.tags.highlight_ids("常州")
    assert len(tagged) == 2
    assert library.articles.page_order_ids(with_highlights=tagged, tagged="常州") == [a, b]
    assert library.articles.page_order_ids(tagged="字 形") == [b]
    assert library.highlights.existing_ids([*tagged, 9999]) == tagged
    assert set(library.articles.times([a, b])) == {a, b}
    assert library.articles.times([a])[a].read_at is not None  # annotate marks a read


def test_restore_in_the_store_is_one_transaction(annotated, tmp_path) -> None:
    """An archive that fails at its very last annotation (past every check the file
    reader makes) leaves the library as it was: no page, article or highlight of it."""
    library, _, _ = annotated
    archive = build_archive(library, library.get_articles(library.articles.page_order_ids()))
    target = Library.open(tmp_path / "target.db")
    try:
        before = library_content(target)
        broken = copy.deepcopy(archive)
        broken["annotations"][-1]["target"]["source"] = "urn:reader:article:nowhere:0"
        with pytest.raises(KeyError):
            target.archive.restore(broken)
        assert library_content(target) == before
        result = target.archive.restore(archive)
        assert (result.articles_created, result.highlights_created) == (2, 4)
    finally:
        target.close()
