"""Importing pages: idempotent, atomic per file, re-anchoring on changed content, and a
folder import that reports every bad file and goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import importer
from reader.store.models import Article, Source

PARA_1 = "常州将进一步以产业对接深化常深合作，以创新协同深化常深合作。"
PARA_2 = "副市长潘冬铃发布了常州市新质生产力细分赛道投资机遇，介绍了合成生物、低空经济等领域。"
PARA_3 = "交流会上共有三十个签约项目，涉及新能源、智能装备、新材料等领域。"


def test_same_content_twice_is_one_copy_even_under_another_path(library, write_page) -> None:
    first = library.import_file(write_page("a.txt", "常深合作交流会举行", PARA_1, PARA_2))
    again = library.import_file(write_page("a.txt", "常深合作交流会举行", PARA_1, PARA_2))
    copy = library.import_file(write_page("copy.txt", "常深合作交流会举行", PARA_1, PARA_2))

    assert first.status == "imported" and first.article_ids
    assert again.status == "unchanged" and copy.status == "unchanged"
    assert again.article_ids == first.article_ids == copy.article_ids
    assert len(library.list_sources()) == 1
    assert library.count_articles() == len(first.article_ids)


def test_imported_article_keeps_its_text_and_raw_page(library, write_page) -> None:
    path = write_page("a.txt", "常深合作交流会举行", PARA_1, PARA_2)
    result = library.import_file(path)
    article = library.get_article(result.article_ids[0])
    assert article.title == "常深合作交流会举行"
    assert PARA_1 in article.text and PARA_2 in article.text
    assert article.source_path == str(path.resolve())
    raw = Source.get_by_id(result.source_id).raw_text
    assert PARA_2 in raw


def test_changed_page_is_reparsed_in_place_and_highlights_reanchored(library, write_page) -> None:
    result = library.import_file(write_page("a.txt", "常深合作交流会举行", PARA_1, PARA_2, PARA_3))
    article_id = result.article_ids[0]
    start, end = library.find_quote(article_id, "合成生物")
    kept = library.add_highlight(article_id, start, end, note="记下来", tags=["产业"])
    start, end = library.find_quote(article_id, "三十个签约项目")
    gone = library.add_highlight(article_id, start, end, color="blue")

    corrected = "新增导语一句，说明会议背景。"
    reparsed = library.import_file(
        write_page("a.txt", "常深合作交流会举行", corrected, PARA_1, PARA_2)
    )

    assert reparsed.status == "reparsed"
    assert reparsed.source_id == result.source_id
    assert reparsed.article_ids[0] == article_id
    assert len(library.list_sources()) == 1
    outcomes = {o.highlight_id: o for o in reparsed.reanchored}
    assert outcomes[kept.id].method in {"diff", "quote"}
    assert outcomes[gone.id].method == "orphaned"

    article = library.get_article(article_id)
    assert corrected in article.text
    moved = library.get_highlight(kept.id)
    assert article.text[moved.start : moved.end] == "合成生物"
    assert (moved.note, moved.tags, moved.orphaned) == ("记下来", ("产业",), False)
    orphan = library.get_highlight(gone.id)
    assert orphan.orphaned
    assert (orphan.exact, orphan.start, orphan.end) == ("三十个签约项目", gone.start, gone.end)


def test_reparse_all_with_the_same_parser_changes_nothing(library, write_page) -> None:
    result = library.import_file(write_page("a.txt", "常深合作交流会举行", PARA_1, PARA_2))
    article_id = result.article_ids[0]
    start, end = library.find_quote(article_id, "新质生产力")
    highlight = library.add_highlight(article_id, start, end)

    results = library.reparse_all()

    assert [r.status for r in results] == ["unchanged"]
    assert library.get_highlight(highlight.id) == highlight
    assert library.get_article(article_id).text == library.get_article(article_id).text


def test_reparse_all_after_a_parser_fix_reports_the_changed_pages(
    library, write_page, monkeypatch
) -> None:
    import reader.parse.page

    fixed = library.import_file(write_page("a.txt", "常深合作交流会举行", PARA_1))
    same = library.import_file(write_page("b.txt", "另一篇报道的标题", PARA_2))
    parse = reader.parse.page.parse_text

    def fixed_parser(text, **kwargs):
        page = parse(text, **kwargs)
        for article in page.articles:
            if article.title == "常深合作交流会举行":
                article.title = "2024常深合作交流会举行"
        return page

    monkeypatch.setattr(reader.parse.page, "parse_text", fixed_parser)
    results = {r.source_id: r for r in library.reparse_all()}

    assert results[fixed.source_id].status == "reparsed"
    assert results[same.source_id].status == "unchanged"
    assert results[fixed.source_id].article_ids == fixed.article_ids
    assert library.get_article(fixed.article_ids[0]).title == "2024常深合作交流会举行"


def test_a_crash_mid_import_leaves_no_half_page(library, write_page, monkeypatch) -> None:
    good = library.import_file(write_page("good.txt", "先导入的一篇", PARA_3))
    path = write_page("crash.txt", "常深合作交流会举行", PARA_1, PARA_2)
    original_add_page = importer.add_page
    original_insert_article = importer.insert_article_row
    written = []

    def add_page_of_two_articles(path, page, *columns):
        # Whatever the parser made of the page, store it as two articles, so the
        # insert has a second row to crash on.
        page.articles = [page.articles[0], page.articles[0]]
        return original_add_page(path, page, *columns)

    def insert_first_row_then_crash(row):
        if written:
            raise OSError("simulated crash after the first article")
        original_insert_article(row)
        written.append(Article.select().where(Article.source == row["source"]).count())

    monkeypatch.setattr(importer, "add_page", add_page_of_two_articles)
    monkeypatch.setattr(importer, "insert_article_row", insert_first_row_then_crash)

    with pytest.raises(OSError, match="simulated crash"):
        library.import_file(path)

    assert written == [1]  # the source and one article really were written …
    # … and rolled back with the rest of the file.
    assert [s.id for s in library.list_sources()] == [good.source_id]
    assert library.count_articles() == len(good.article_ids)
    assert not Source.select().where(Source.path == str(path.resolve())).exists()


def test_a_crash_while_reparsing_keeps_the_old_page(library, write_page, monkeypatch) -> None:
    result = library.import_file(write_page("a.txt", "常深合作交流会举行", PARA_1, PARA_2))
    article_id = result.article_ids[0]
    start, end = library.find_quote(article_id, "合成生物")
    highlight = library.add_highlight(article_id, start, end)
    before = library.get_article(article_id)

    def crash(*args, **kwargs):
        raise OSError("simulated crash while re-anchoring")

    monkeypatch.setattr(importer, "reanchor_article", crash)
    with pytest.raises(OSError):
        library.import_file(write_page("a.txt", "常深合作交流会举行", "新的导语。", PARA_1, PARA_2))

    assert library.get_article(article_id) == before
    assert library.get_highlight(highlight.id) == highlight


def test_folder_import_goes_on_past_bad_files(library, write_page, tmp_path, monkeypatch) -> None:
    from reader.parse import decode

    monkeypatch.setattr(decode, "MAX_PAGE_BYTES", 4096)  # so "too large" needs no big file
    good = write_page("good.txt", "常深合作交流会举行", PARA_1)
    write_page("sub/also-good.txt", "另一篇报道的标题", PARA_3)
    folder = good.parent
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20)
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8\x00\xd8")  # UTF-16, lone surrogates
    (folder / "huge.txt").write_text(PARA_2 * 100, encoding="utf-8")
    (folder / "ignored.png").write_bytes(b"\x00\x01")
    missing = tmp_path / "no-such-file.txt"

    summary = library.import_paths([folder, missing])

    by_name = {Path(r.path).name: r for r in summary.results}
    bad = {"empty.txt", "picture.txt", "broken.txt", "huge.txt", missing.name}
    assert set(by_name) == {"good.txt", "also-good.txt", "ignored.png", *bad}
    assert by_name["ignored.png"].status == "skipped"  # listed with why, not a failure
    assert "pictures" in by_name["ignored.png"].reason
    assert by_name["good.txt"].status == "imported"
    assert by_name["also-good.txt"].status == "imported"
    assert {r.path for r in summary.failures} == {by_name[n].path for n in bad}
    assert "empty" in by_name["empty.txt"].reason.lower()
    assert "binary" in by_name["picture.txt"].reason.lower()
    assert "undecodable" in by_name["broken.txt"].reason.lower()
    assert "too large" in by_name["huge.txt"].reason.lower()
    assert "no such file" in by_name[missing.name].reason
    assert not summary.ok
    assert library.count_articles() == 2


def test_progress_is_reported_before_each_file_and_can_cancel(library, write_page) -> None:
    paths = [write_page(f"{n}.txt", f"第{n}篇报道的标题", PARA_1 + str(n)) for n in range(3)]
    seen = []

    def progress(p):
        seen.append((p.done, p.total))
        return p.done < 2

    summary = library.import_paths(paths, progress=progress)

    assert seen == [(0, 3), (1, 3), (2, 3)]
    assert summary.cancelled and not summary.ok
    assert [r.status for r in summary.results] == ["imported", "imported"]
    assert library.count_articles() == 2


def test_real_page_corrected_and_reimported_keeps_its_highlights(
    library, shared_sample_page, tmp_path
) -> None:
    page = tmp_path / "page.txt"
    original = shared_sample_page.read_text(encoding="utf-8")
    page.write_text(original, encoding="utf-8")
    result = library.import_file(page)
    assert result.status == "imported" and len(result.article_ids) > 1
    article_id = next(i for i in result.article_ids if "母机为代表" in library.get_article(i).text)
    quote = "工业母机为代表的9个新质生产力细分赛道"
    highlight = library.add_highlight(article_id, *library.find_quote(article_id, quote))
    titles = [library.get_article(i).title for i in result.article_ids]

    # A corrected edition: one more sentence early in the same article.
    corrected = original.replace(
        "共叙友情、共谋合作、共促发展。", "共叙友情、共谋合作、共促发展。会议由副市长主持。", 1
    )
    assert corrected != original
    page.write_text(corrected, encoding="utf-8")
    reparsed = library.import_file(page)

    assert reparsed.status == "reparsed"
    assert [library.get_article(i).title for i in reparsed.article_ids] == titles
    assert article_id in reparsed.article_ids
    [outcome] = [o for o in reparsed.reanchored if o.highlight_id == highlight.id]
    assert outcome.method in {"diff", "quote"}
    moved = library.get_highlight(highlight.id)
    text = library.get_article(article_id).text
    assert "会议由副市长主持" in text
    assert text[moved.start : moved.end] == quote
    assert moved.start > highlight.start
