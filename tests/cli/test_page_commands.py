"""`reader split | merge | retitle | authors | relabel` and `reader show … --page`,
driven through `main()`: the same corrections the core stores, kept on the page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.store.library import Library

PAGE = (
    "老街改造完成\n\n老街改造后，游客明显增多。商户们说生意比去年好了不少。\n\n"
    "另一篇报道说，村里修了新路，村民出行更方便了。\n\n合作社带动农户增收致富。\n"
)


@pytest.fixture
def db(tmp_path: Path, capsys) -> str:
    """A library with PAGE imported (one article, id 1) and a highlight on each half."""
    path = str(tmp_path / "cli.db")
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["--db", path, "import", str(page)]) == 0
    for quote in ("游客明显增多", "村民出行更方便"):
        assert main(["--db", path, "highlight", "1", "--quote", quote]) == 0
    capsys.readouterr()
    return path


def show_page(db: str, capsys, target: str) -> dict:
    assert main(["--db", db, "show", target, "--page", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_split_at_a_quote_makes_a_new_article_that_takes_its_highlights(db, capsys) -> None:
    assert main(["--db", db, "split", "1", "--at", "另一篇报道", "--title", "新路"]) == 0
    assert "new article 2 “新路”" in capsys.readouterr().out

    page = show_page(db, capsys, "1")
    assert [(a["id"], a["title"]) for a in page["articles"]] == [(1, "老街改造完成"), (2, "新路")]
    assert page["articles"][1]["paragraphs"][0].startswith("另一篇报道说")
    assert [c["kind"] for c in page["corrections"]] == ["split"]
    assert main(["--db", db, "show", "2", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [h["exact"] for h in shown["highlights"]] == ["村民出行更方便"]


def test_merge_joins_neighbours_back(db, capsys) -> None:
    main(["--db", db, "split", "1", "--at", "另一篇报道"])
    capsys.readouterr()

    assert main(["--db", db, "merge", "2", "1"]) == 0

    assert "into article 1" in capsys.readouterr().out
    page = show_page(db, capsys, "page:1")
    assert [a["id"] for a in page["articles"]] == [1]
    library = Library.open(db)
    assert [h.exact for h in library.highlights_for_article(1)] == [
        "游客明显增多",
        "村民出行更方便",
    ]
    library.close()


def test_merging_articles_that_are_not_neighbours_is_refused(db, capsys) -> None:
    main(["--db", db, "split", "1", "--at", "另一篇报道"])
    main(["--db", db, "split", "2", "--at", "合作社"])
    capsys.readouterr()

    assert main(["--db", db, "merge", "1", "3"]) == 2

    assert "not next to each other" in capsys.readouterr().err


def test_retitle_authors_and_relabel(db, capsys) -> None:
    assert main(["--db", db, "retitle", "1", "--title", "老街新生"]) == 0
    assert main(["--db", db, "authors", "1", "--set", "张三:摄影", "李四"]) == 0
    line = "合作社带动农户增收致富。"
    assert main(["--db", db, "relabel", "1", "--line", line, "--as", "caption"]) == 0
    capsys.readouterr()

    assert main(["--db", db, "show", "1", "--json"]) == 0

    article = json.loads(capsys.readouterr().out)
    assert article["title"] == "老街新生"
    assert article["authors"] == [
        {"name": "张三", "role": "摄影"},
        {"name": "李四", "role": "记者"},
    ]
    assert article["captions"] == [line]


def test_show_page_prints_the_articles_with_their_boundaries(db, capsys) -> None:
    main(["--db", db, "split", "1", "--at", "另一篇报道", "--title", "新路"])
    capsys.readouterr()

    assert main(["--db", db, "show", "2", "--page"]) == 0

    out = capsys.readouterr().out
    assert out.index("──── article 1") < out.index("老街改造后") < out.index("──── article 2")
    assert out.index("──── article 2") < out.index("[title] 新路") < out.index("| 另一篇报道说")
    assert "1. split at “另一篇报道说" in out


def test_a_quote_not_in_the_article_is_a_clear_error(db, capsys) -> None:
    assert main(["--db", db, "split", "1", "--at", "不存在的话"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: ") and "Traceback" not in err


def test_a_split_at_the_very_start_is_refused(db, capsys) -> None:
    assert main(["--db", db, "split", "1", "--at", "老街改造后"]) == 2
    assert "both sides of the cut" in capsys.readouterr().err


def test_show_without_page_still_prints_one_article(db, capsys) -> None:
    assert main(["--db", db, "show", "1"]) == 0
    assert "老街改造完成" in capsys.readouterr().out


def test_reimport_names_a_correction_that_no_longer_fits(db, tmp_path, capsys) -> None:
    main(["--db", db, "split", "1", "--at", "另一篇报道"])
    (tmp_path / "page.txt").write_text(PAGE.replace("另一篇报道说，", "据悉，"), encoding="utf-8")
    capsys.readouterr()

    assert main(["--db", db, "import", str(tmp_path / "page.txt")]) == 0

    err = capsys.readouterr().err
    assert "correction 1 (split at “另一篇报道说" in err and "not applied" in err
    assert main(["--db", db, "show", "1", "--page"]) == 0
    assert "NOT APPLIED" in capsys.readouterr().out
