"""The JSON archive carries each page's corrections: a restore keeps them, a library
holding the uncorrected page gets it cut again, and archives without them still import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.export.formats import render
from reader.export.restore import restore_archive
from reader.export.scope import ExportScope
from reader.store.library import Library
from reader.store.operations import SetTitle, SplitArticle

PAGE = (
    "老街改造完成\n\n老街改造后，游客明显增多。商户们说生意比去年好了不少。\n\n"
    "另一篇报道说，村里修了新路，村民出行更方便了。\n\n合作社带动农户增收致富。\n"
)


def import_page(library: Library, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return library.import_file(path).article_ids[0]


def archive_of(library: Library) -> dict:
    return json.loads(render(library, ExportScope.everything(), "json"))


def corrected(library: Library, folder: Path) -> dict:
    """PAGE split at “另一篇报道” and the new half retitled, a highlight on each half."""
    article = import_page(library, folder)
    for quote in ("游客明显增多", "村民出行更方便"):
        start, end = library.find_quote(article, quote)
        library.add_highlight(article, start, end, note=quote[:2])
    at, _end = library.find_quote(article, "另一篇报道")
    new = library.apply(SplitArticle(article, at)).value
    library.apply(SetTitle(new, "村里修了新路"))
    return archive_of(library)


def placed(library: Library) -> list[tuple[str, list[str]]]:
    return [
        (s.title, [h.exact for h in library.highlights_for_article(s.id)])
        for s in library.list_articles(sort="oldest")
    ]


EXPECTED = [("老街改造完成", ["游客明显增多"]), ("村里修了新路", ["村民出行更方便"])]


def test_the_archive_lists_a_pages_corrections_in_order(library, tmp_path) -> None:
    archive = corrected(library, tmp_path / "pages")

    kinds = [c["kind"] for c in archive["sources"][0]["corrections"]]

    assert kinds == ["split", "set_title"]
    assert archive["sources"][0]["corrections"][1]["value"] == "村里修了新路"


def test_round_trip_into_an_empty_library_keeps_corrections_and_highlights(
    library, open_library, tmp_path
) -> None:
    archive = corrected(library, tmp_path / "pages")
    fresh = open_library("fresh.db")

    result = restore_archive(fresh, archive)

    assert result.corrections_created == 2
    assert placed(fresh) == EXPECTED
    assert [c.kind for c in fresh.pages.corrections()] == ["split", "set_title"]
    # A re-parse there (the restored page waits for one) makes the corrections again.
    fresh.reparse_all(outdated_only=True)
    assert placed(fresh) == EXPECTED
    assert archive_of(fresh)["sources"] == archive["sources"]


def test_restoring_into_a_library_with_the_uncorrected_page_cuts_it_again(
    library, open_library, tmp_path
) -> None:
    archive = corrected(library, tmp_path / "pages")
    other = open_library("other.db")
    import_page(other, tmp_path / "pages")
    assert len(other.list_articles()) == 1

    result = restore_archive(other, archive)

    assert result.corrections_created == 2 and result.corrections_not_applied == ()
    assert placed(other) == EXPECTED


def test_restoring_the_same_archive_twice_adds_nothing(library, open_library, tmp_path) -> None:
    archive = corrected(library, tmp_path / "pages")
    fresh = open_library("fresh.db")
    restore_archive(fresh, archive)

    again = restore_archive(fresh, archive)

    assert again.corrections_created == 0
    assert len(fresh.pages.corrections()) == 2 and placed(fresh) == EXPECTED


def test_an_archive_without_corrections_still_imports(library, open_library, tmp_path) -> None:
    import_page(library, tmp_path / "pages")
    archive = archive_of(library)
    assert "corrections" not in archive["sources"][0]  # as archives were before them
    fresh = open_library("fresh.db")

    result = restore_archive(fresh, archive)

    assert result.articles_created == 1 and fresh.pages.corrections() == []


def test_an_unknown_kind_of_correction_is_refused_before_anything_is_written(
    library, open_library, tmp_path
) -> None:
    archive = corrected(library, tmp_path / "pages")
    archive["sources"][0]["corrections"][0]["kind"] = "explode"
    fresh = open_library("fresh.db")

    with pytest.raises(ReaderError, match="corrections"):
        restore_archive(fresh, archive)

    assert fresh.list_articles() == []
