"""Encodings, line ends and refused files."""

from __future__ import annotations

import codecs

import pytest

from reader.errors import InputFileError
from reader.parse.decode import MAX_PAGE_BYTES, decode_bytes
from reader.parse.page import parse_bytes, read_page

PAGE = (
    "双向赋能 共创未来\n\n2024常州·深圳开放创新合作交流会举行\n\n"
    "本报讯 (舒泉清 记者 朱梦琪) 昨天, 交流会在深圳市举行, 市委书记陈金虎致辞。\n\n"
    "副市长潘冬铃介绍了常州在以机器人、工业\n\n母机为代表的9个赛道有关情况。\n\n"
    "重点项目 进行时\n\n区重点项目总投资1.5亿元。\n\n徐晶玮 摄\n"
)


def articles_of(data: bytes):
    return [a.to_json() for a in parse_bytes(data).articles]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PAGE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + PAGE.encode("utf-8"), "utf-8-sig"),
        (PAGE.encode("gb18030"), "gb18030"),
        (PAGE.encode("gbk"), "gb18030"),
        (codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"), "utf-16"),
        (PAGE.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
        (PAGE.replace("\n", "\r").encode("gb18030"), "gb18030"),
    ],
)
def test_every_encoding_and_line_end_gives_the_same_articles(data: bytes, encoding: str) -> None:
    page = parse_bytes(data, "page.txt")
    assert page.source.encoding == encoding
    assert articles_of(data) == articles_of(PAGE.encode("utf-8"))
    assert len(page.articles) == 2
    assert "\ufeff" not in page.raw_text


@pytest.mark.parametrize("text", ["常州新闻", "瑞声", "本报讯 昨天上午, 区委召开会议。", "武进"])
def test_short_gbk_text_is_read_as_chinese(text: str) -> None:
    assert decode_bytes(text.encode("gbk")) == (text, "gb18030")


def test_sha256_is_of_the_raw_bytes(tmp_path) -> None:
    import hashlib

    data = PAGE.encode("gb18030")
    (tmp_path / "p.txt").write_bytes(data)
    page = read_page(tmp_path / "p.txt")
    assert page.source.sha256 == hashlib.sha256(data).hexdigest()
    assert page.source.path.endswith("p.txt")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b" \n\r\n\t  \n", "empty"),
        (codecs.BOM_UTF8 + b"\n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "undecodable"),
    ],
)
def test_bad_input_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputFileError, match=reason):
        parse_bytes(data)


def test_too_large_file_is_refused_before_reading(tmp_path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(MAX_PAGE_BYTES + 1)
    with pytest.raises(InputFileError, match="too large"):
        read_page(path)
    with pytest.raises(InputFileError, match="too large"):
        decode_bytes(b"a" * (MAX_PAGE_BYTES + 1))
