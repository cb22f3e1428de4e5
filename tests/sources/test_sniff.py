"""Files are recognised by what they hold, not by their name."""

from __future__ import annotations

import json

import pytest

from reader.errors import InputFileError
from reader.sources import SourceKind, read_source, read_source_file, sniff
from reader.sources.sniffing import ArchiveFileError
from tests.sources.make_html import news_article_html
from tests.sources.make_pdf import scanned_pdf


def test_a_web_page_saved_as_txt_is_read_as_html() -> None:
    data = news_article_html().encode()
    assert sniff(data, "page.txt") is SourceKind.HTML
    assert read_source(data, "page.txt").articles[0].title == "我国科学家取得量子通信新突破"


@pytest.mark.parametrize(
    "start",
    [
        b"\xef\xbb\xbf<!doctype html><p>x</p>",
        b"<!-- saved from url=(0042)https://example.org -->\n<html><body>x</body></html>",
        b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML'
        b' 1.0//EN" "x.dtd"><html xmlns="http://www.w3.org/1999/xhtml">',
        "<html><body>网页</body></html>".encode("utf-16"),
    ],
    ids=["bom-doctype", "saved-from-comment", "xhtml", "utf-16"],
)
def test_html_starts_are_recognised(start: bytes) -> None:
    assert sniff(start, "x") is SourceKind.HTML


def test_a_text_page_that_mentions_a_tag_is_still_text() -> None:
    data = "人民日报\n本报讯 网页里常见的<p>标签……\n".encode()
    assert sniff(data, "page.txt") is SourceKind.TEXT


def test_a_pdf_is_known_by_its_header_whatever_its_name() -> None:
    assert sniff(scanned_pdf(), "download") is SourceKind.PDF


def test_mhtml_is_known_by_its_mime_headers() -> None:
    data = b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b--'
    assert sniff(data, "page.html") is SourceKind.MHTML


def test_markdown_is_known_by_its_suffix() -> None:
    assert sniff("# 标题\n\n正文。".encode(), "notes.MD") is SourceKind.MARKDOWN


def test_a_reader_archive_is_refused_with_the_command_that_restores_it() -> None:
    archive = json.dumps(
        {"format": "reader-archive", "version": 1, "sources": [], "articles": []}, indent=2
    ).encode()
    with pytest.raises(ArchiveFileError, match="reader import-archive"):
        read_source(archive, "backup.txt")


def test_other_json_is_a_text_page() -> None:
    assert sniff(b'{"format": "something else"}', "data.json") is SourceKind.TEXT


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        (b"\x00\x01\x02\x03binary\x00data", "NUL bytes"),
        (b"", "empty"),
        (b"  \n\t ", "empty"),
    ],
)
def test_binary_and_empty_files_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputFileError, match=reason):
        read_source(data, "file.txt")


def test_files_are_read_from_disk_by_content(tmp_path) -> None:
    saved = tmp_path / "article.txt"
    saved.write_bytes(news_article_html().encode())
    document = read_source_file(saved)
    assert document.kind is SourceKind.HTML
    assert document.page.source.path == str(saved)
    with pytest.raises(InputFileError, match="no such file"):
        read_source_file(tmp_path / "missing.html")
