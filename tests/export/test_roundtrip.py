"""The JSON archive rebuilds a library with nothing lost, and importing is idempotent."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.export.formats import render
from reader.export.restore import load_archive, restore_archive
from reader.export.scope import ExportScope
from reader.store.library import Library

from .annotated import PAGE_A, write_page

ID_FIELDS = {"id", "source_id", "article_id"}


def comparable(library: Library) -> list[dict]:
    """Every article with its highlights, minus the row ids a new library renumbers."""
    out = []
    for summary in library.list_articles(sort="oldest"):
        record = dataclasses.asdict(library.get_article(summary.id))
        for key in ID_FIELDS:
            record.pop(key, None)
        for highlight in record["highlights"]:
            for key in ID_FIELDS:
                highlight.pop(key, None)
        out.append(record)
    return out


def export_json(library: Library, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_text(render(library, ExportScope.everything(), "json"), encoding="utf-8")
    return path


def test_round_trip_into_an_empty_library_keeps_every_field(
    annotated, open_library, tmp_path
) -> None:
    archive = export_json(annotated, tmp_path, "a.json")
    fresh = open_library("fresh.db")

    result = restore_archive(fresh, archive)

    assert (result.articles_created, result.highlights_created) == (2, 4)
    original = comparable(annotated)
    restored = comparable(fresh)
    assert restored == original
    # The fixture really has what the round trip must carry.
    highlights = [h for a in original for h in a["highlights"]]
    assert any("𠮷" in h["exact"] for h in highlights)
    assert any("🎉" in h["note"] for h in highlights)
    assert any(" " in t for h in highlights for t in h["tags"])
    assert original[0]["is_read"] and not original[1]["is_read"]
    # Fields records do not show (read time, note times, raw page) survive too: the
    # restored library exports to the very same archive.
    assert render(fresh, ExportScope.everything(), "json") == archive.read_text("utf-8")


def test_importing_twice_creates_no_duplicates(annotated, open_library, tmp_path) -> None:
    archive = export_json(annotated, tmp_path, "a.json")
    fresh = open_library("fresh.db")
    restore_archive(fresh, archive)
    before = comparable(fresh)

    again = restore_archive(fresh, archive)

    assert (again.articles_created, again.highlights_created) == (0, 0)
    assert (again.articles_matched, again.highlights_present) == (2, 4)
    assert comparable(fresh) == before
    assert [t.name for t in fresh.tag_counts()] == [t.name for t in annotated.tag_counts()]


def test_importing_into_the_same_library_changes_nothing(annotated, tmp_path) -> None:
    archive = export_json(annotated, tmp_path, "a.json")
    before = comparable(annotated)

    result = restore_archive(annotated, archive)

    assert result.highlights_created == 0
    assert comparable(annotated) == before


def test_merges_into_a_library_that_has_other_work(annotated, open_library, tmp_path) -> None:
    archive = export_json(annotated, tmp_path, "a.json")
    other = open_library("other.db")
    page = write_page(tmp_path / "elsewhere", "a.txt", *PAGE_A)
    (article_id,) = other.import_file(page).article_ids
    mine = other.add_highlight(article_id, 0, 2, color="purple", note="我的")

    restore_archive(other, archive)

    article = other.get_article(article_id)  # same page content: the same article
    assert len(other.list_articles()) == 2
    assert mine in article.highlights
    assert len(article.highlights) == 4


def test_changed_article_text_is_reanchored(library, open_library, tmp_path) -> None:
    page = write_page(tmp_path / "pages", "a.txt", *PAGE_A)
    article_id = library.import_file(page).article_ids[0]
    kept = library.find_quote(article_id, "三十个签约项目")
    library.add_highlight(article_id, *kept, note="签约")
    gone = library.find_quote(article_id, "以创新协同𠮷")
    library.add_highlight(article_id, *gone, color="green")
    archive = export_json(library, tmp_path, "a.json")
    # The other machine has a corrected version of the same page file.
    title, first, second = PAGE_A
    write_page(
        tmp_path / "pages", "a.txt", title, "据介绍，" + first.replace("以创新协同𠮷", ""), second
    )
    target = open_library("target.db")
    target_id = target.import_file(page).article_ids[0]

    result = restore_archive(target, archive)

    assert result.articles_created == 0
    methods = sorted(o.method for o in result.reanchored)
    assert len(methods) == 2 and "orphaned" in methods
    text = target.get_article(target_id).text
    by_note = {h.note: h for h in target.get_article(target_id).highlights}
    moved = by_note["签约"]
    assert not moved.orphaned
    assert text[moved.start : moved.end] == "三十个签约项目"
    assert moved.start == kept[0] + len("据介绍，") - len("以创新协同𠮷")
    orphan = by_note[""]
    assert orphan.orphaned and orphan.exact == "以创新协同𠮷"
    # Importing the same archive again finds the re-anchored highlights already there.
    assert restore_archive(target, archive).highlights_created == 0


def test_an_article_gone_from_the_target_page_is_restored_not_merged(
    library, open_library, tmp_path
) -> None:
    first = "标题甲\n\n本报讯 (记者 张三) 第一篇文章的正文内容在这里。\n\n"
    second = "标题乙\n\n本报讯 (记者 李四) 第二篇文章讲的是另一件事情。\n"
    page = tmp_path / "page.txt"
    page.write_text(first + second, encoding="utf-8")
    [gone_id, _kept] = library.import_file(page).article_ids
    library.add_highlight(gone_id, 0, 5, note="在甲")
    archive = export_json(library, tmp_path, "a.json")
    page.write_text(second, encoding="utf-8")  # the other machine's page lost 甲
    target = open_library("target.db")
    [target_kept] = target.import_file(page).article_ids

    result = restore_archive(target, archive)

    assert (result.articles_matched, result.articles_created) == (1, 1)
    assert target.get_article(target_kept).highlights == ()
    [restored] = [s for s in target.list_articles() if s.title == "标题甲"]
    [highlight] = target.get_article(restored.id).highlights
    assert highlight.note == "在甲" and not highlight.orphaned
    assert restore_archive(target, archive).articles_created == 0  # still idempotent


def test_a_file_that_is_not_an_archive_is_a_clear_error(library, tmp_path) -> None:
    not_json = tmp_path / "notes.txt"
    not_json.write_text("常深合作", encoding="utf-8")
    other_json = tmp_path / "other.json"
    other_json.write_text(json.dumps({"hello": 1}), encoding="utf-8")
    with pytest.raises(ReaderError, match="not a reader archive"):
        load_archive(not_json)
    with pytest.raises(ReaderError, match="not a reader archive"):
        restore_archive(library, other_json)
    with pytest.raises(ReaderError, match="cannot read"):
        load_archive(tmp_path / "missing.json")


def test_a_newer_archive_version_is_refused(annotated, open_library, tmp_path) -> None:
    data = json.loads(render(annotated, ExportScope.everything(), "json"))
    data["version"] = 99
    with pytest.raises(ReaderError, match="version 99"):
        restore_archive(open_library("fresh.db"), data)


def test_a_damaged_archive_changes_nothing(annotated, open_library) -> None:
    data = json.loads(render(annotated, ExportScope.everything(), "json"))
    del data["annotations"][-1]["target"]
    fresh = open_library("fresh.db")
    with pytest.raises(
        ReaderError,
        match=r"not a valid reader archive[^$]*\$\.annotations\[3\]\.target: Field required",
    ):
        restore_archive(fresh, data)
    assert fresh.list_articles() == []


def test_annotations_follow_the_web_annotation_model(annotated) -> None:
    archive = json.loads(render(annotated, ExportScope.everything(), "json"))
    texts = {a["id"]: a["text"] for a in archive["articles"]}
    assert len({a["id"] for a in archive["annotations"]}) == 4
    for annotation in archive["annotations"]:
        assert annotation["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert annotation["type"] == "Annotation"
        quote, position = annotation["target"]["selector"]
        assert (quote["type"], position["type"]) == ("TextQuoteSelector", "TextPositionSelector")
        text = texts[annotation["target"]["source"]]
        # Positions are code points: slicing the archived text gives the quote back.
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote["prefix"])
        assert text[position["end"] :].startswith(quote["suffix"])
    astral = next(a for a in archive["annotations"] if a["reader:color"] == "pink")
    position = astral["target"]["selector"][1]
    assert position["end"] - position["start"] == 1  # 𠮷 is one position, not two
    assert {b["purpose"]: b["value"] for b in astral["body"]} == {"tagging": "常州"}
    noted = next(a for a in archive["annotations"] if a["reader:color"] == "green")
    assert [b["purpose"] for b in noted["body"]] == ["commenting", "tagging"]
    assert noted["body"][0]["value"] == "第一行\n第二行 🎉"


def test_orphaned_highlights_survive_the_round_trip(library, open_library, tmp_path) -> None:
    title, first, second = PAGE_A
    page = write_page(tmp_path / "pages", "a.txt", title, first, second)
    article_id = library.import_file(page).article_ids[0]
    library.add_highlight(article_id, *library.find_quote(article_id, "三十个签约"), note="留")
    write_page(tmp_path / "pages", "a.txt", title, first, "交流会圆满结束。")
    library.import_file(page)
    (orphan,) = library.get_article(article_id).highlights
    assert orphan.orphaned
    archive = export_json(library, tmp_path, "a.json")
    fresh = open_library("fresh.db")

    restore_archive(fresh, archive)

    assert comparable(fresh) == comparable(library)
