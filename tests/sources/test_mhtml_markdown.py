"""Single-file web page saves (MHTML) and Markdown files."""

from __future__ import annotations

import base64
import quopri

import pytest

from reader.errors import InputFileError
from reader.sources import SourceKind, read_source
from tests.sources.make_html import NEWS_PARAGRAPHS, news_article_html

_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=="
)


def _mhtml(html: str, *, charset: str = "utf-8") -> bytes:
    """A page saved as one file the way browsers do: quoted-printable HTML, base64 image."""
    body = quopri.encodestring(html.encode(charset)).decode("ascii")
    image = base64.encodebytes(_PNG).decode("ascii")
    return (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://www.example.cn/tech/a.htm\r\n"
        "Subject: =?utf-8?Q?test?=\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----BOUNDARY"\r\n'
        "\r\n"
        "------BOUNDARY\r\n"
        f"Content-Type: text/html; charset={charset}\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://www.example.cn/tech/a.htm\r\n"
        "\r\n"
        f"{body}\r\n"
        "------BOUNDARY\r\n"
        "Content-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://img.example.cn/photo.jpg\r\n"
        "\r\n"
        f"{image}\r\n"
        "------BOUNDARY--\r\n"
    ).encode("ascii")


@pytest.mark.parametrize("charset", ["utf-8", "gb2312"])
def test_mhtml_save_reads_as_its_page(charset: str) -> None:
    data = _mhtml(news_article_html(charset=charset), charset=charset)
    document = read_source(data, "saved.mhtml")
    assert document.kind is SourceKind.MHTML
    article = document.articles[0]
    assert article.title == "我国科学家取得量子通信新突破"
    assert NEWS_PARAGRAPHS[1] in article.paragraphs
    assert document.raw_bytes == data  # the whole save, so it can be read again


def test_mhtml_keeps_the_saved_pictures_by_their_address() -> None:
    document = read_source(_mhtml(news_article_html()), "saved.mht")
    assert document.images == {"https://img.example.cn/photo.jpg": _PNG}


def test_mhtml_without_a_page_is_refused() -> None:
    data = (
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=B\r\n\r\n"
        b"--B\r\nContent-Type: image/png\r\n\r\nxx\r\n--B--\r\n"
    )
    with pytest.raises(InputFileError, match="no HTML part"):
        read_source(data, "broken.mhtml")


MARKDOWN = """# 我国科学家取得新突破

本报记者 张三

第一段文字，讲述实验室里的
工作。**他们**夜以继日。

## 五年攻关

- 成果一：传输距离创新纪录。
- 成果二：设备体积大幅缩小。

> 这是团队共同努力的结果。

See [the paper](https://example.org/paper) for details,
in English.
"""


def test_markdown_file_is_one_article_with_headings_and_paragraphs() -> None:
    document = read_source(MARKDOWN.encode(), "notes.md")
    assert document.kind is SourceKind.MARKDOWN
    [article] = document.articles
    assert article.title == "我国科学家取得新突破"
    assert article.paragraphs == [
        "本报记者 张三",
        "第一段文字，讲述实验室里的工作。他们夜以继日。",
        "五年攻关",
        "成果一：传输距离创新纪录。",
        "成果二：设备体积大幅缩小。",
        "这是团队共同努力的结果。",
        "See the paper for details, in English.",
    ]


def test_the_same_text_without_md_suffix_is_a_text_page() -> None:
    assert read_source(MARKDOWN.encode(), "notes.txt").kind is SourceKind.TEXT


def test_empty_markdown_is_refused() -> None:
    with pytest.raises(InputFileError, match="empty"):
        read_source(b"\n\n   \n", "empty.md")
