"""`reader import` on web pages, PDFs, Markdown and web addresses: the summary says per
file what it was read as; an address is fetched (here from 127.0.0.1) and kept."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from tests.local_site import serving
from tests.sources.make_html import news_article_html

MARKDOWN = "# 读书笔记\n\n第一段，写下读到的想法。\n"


@pytest.fixture
def site() -> Iterator[str]:
    with serving({"/a.html": news_article_html().encode()}) as address:
        yield address


def test_import_says_per_file_what_it_was_read_as(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "news.html").write_text(news_article_html(), encoding="utf-8")
    (folder / "notes.md").write_text(MARKDOWN, encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    db = str(tmp_path / "cli.db")

    assert main(["--db", db, "import", str(folder)]) == 0

    out = capsys.readouterr().out
    assert "imported 2, unchanged 0, reparsed 0, failed 0, skipped 1" in out
    assert f"{folder / 'news.html'}: html, 1 article(s), imported" in out
    assert f"{folder / 'notes.md'}: markdown, 1 article(s), imported" in out
    assert f"{folder / 'photo.png'}: skipped, not read: pictures" in out


def test_import_of_a_web_address_fetches_and_keeps_it(tmp_path: Path, site: str, capsys) -> None:
    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "import", f"{site}/a.html"]) == 0
    assert f"{site}/a.html: url, 1 article(s), imported" in capsys.readouterr().out
    assert main(["--db", db, "list", "--json"]) == 0
    [article] = json.loads(capsys.readouterr().out)
    assert article["title"] == "我国科学家取得量子通信新突破"
    assert (article["source"], article["kind"]) == (f"{site}/a.html", "url")


def test_an_address_that_cannot_be_had_is_one_clear_line(tmp_path: Path, site: str, capsys):
    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "import", f"{site}/gone", "http://127.0.0.1:9/x"]) == 1
    err = capsys.readouterr().err
    assert f"{site}/gone: the server answered 404" in err
    assert "http://127.0.0.1:9/x: 127.0.0.1 refused the connection" in err
    assert "Traceback" not in err


def test_import_of_a_reader_archive_points_to_import_archive(tmp_path: Path, capsys) -> None:
    archive = tmp_path / "backup.json"
    archive.write_text('{"format": "reader-archive", "version": 1}', encoding="utf-8")
    assert main(["--db", str(tmp_path / "cli.db"), "import", str(archive)]) == 1
    assert "restore it with `reader import-archive FILE`" in capsys.readouterr().err


def test_parse_reads_a_web_page_by_its_content(tmp_path: Path, capsys) -> None:
    page = tmp_path / "saved.txt"
    page.write_text(news_article_html(), encoding="utf-8")
    assert main(["parse", str(page)]) == 0
    out = capsys.readouterr().out
    assert "read as html): 1 article(s)" in out and "我国科学家取得量子通信新突破" in out


def test_show_gives_a_web_articles_origin(tmp_path: Path, site: str, capsys) -> None:
    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "import", f"{site}/a.html"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "list", "--json"]) == 0
    [article] = json.loads(capsys.readouterr().out)
    assert main(["--db", db, "show", str(article["id"]), "--json"]) == 0
    origin = json.loads(capsys.readouterr().out)["origin"]
    assert origin == {
        "kind": "url",
        "site": "新华网",
        "url": "https://www.example.cn/tech/2019-10/15/c_1125.htm",
        "title": "我国科学家取得量子通信新突破",
        "published": "2019-10-15",
    }
    assert main(["--db", db, "show", str(article["id"])]) == 0
    assert "新华网 · 2019-10-15 · https://www.example.cn/" in capsys.readouterr().out
