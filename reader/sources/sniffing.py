"""Which reader a file needs, judged by its content: names lie (a web page saved as
`.txt`, a PDF without a suffix), bytes do not.

Only Markdown is recognised by its suffix: Markdown is plain text that any text page
could also be, and reading a page as Markdown would change nothing but its headings.
"""

from __future__ import annotations

import codecs
import re
from pathlib import PurePath

from reader.errors import InputFileError
from reader.sources.document import SourceKind

#: How much of the start of a file is looked at (a PDF header may sit after up to 1 KiB
#: of junk; an HTML page's first tag comes after a comment or an XML declaration).
_HEAD_BYTES = 8192
_MARKDOWN_SUFFIXES = frozenset((".md", ".markdown", ".mdown", ".mkd"))
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|article)\b", re.I)
#: What may stand before a page's first tag: a comment, an XML declaration, another doctype.
_HTML_PREAMBLE = re.compile(rb"<!--.*?-->|<\?xml[^>]*>|<!doctype(?!\s+html)[^>]*>", re.S | re.I)
_ARCHIVE = re.compile(rb'"format"\s*:\s*"reader-archive"')
#: Signatures of files people drop by mistake, named so the refusal says what they are.
_BINARY_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x1f\x8b", "a gzip archive"),
)
_TEXT_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class ArchiveFileError(InputFileError):
    """The file is a reader JSON archive: it restores a library instead of adding a page."""


def sniff(data: bytes, name: str = "") -> SourceKind:
    """The kind of source `data` holds. Raises InputFileError for what no reader takes:
    empty or binary files, and ArchiveFileError for a reader archive."""
    head = data[:_HEAD_BYTES]
    if not head.strip():
        raise InputFileError("empty: the file contains no text")
    if b"%PDF-" in data[:1024]:
        return SourceKind.PDF
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            raise InputFileError(f"binary: this is {what}, not a page or an article")
    text_head = _ascii_view(head)
    if _is_mhtml(text_head):
        return SourceKind.MHTML
    if text_head.lstrip()[:1] == b"{" and _ARCHIVE.search(data[:65536]):
        raise ArchiveFileError(
            "this is a reader archive (a whole library), not a page: "
            "restore it with `reader import-archive FILE`"
        )
    if _is_html(text_head):
        return SourceKind.HTML
    if b"\x00" in text_head:
        raise InputFileError("binary: the file contains NUL bytes (not text)")
    if PurePath(name).suffix.lower() in _MARKDOWN_SUFFIXES:
        return SourceKind.MARKDOWN
    return SourceKind.TEXT


def _ascii_view(head: bytes) -> bytes:
    """The head with UTF-16 turned into bytes the patterns can match (markup is ASCII)."""
    for bom in _TEXT_BOMS:
        if head.startswith(bom):
            codec = "utf-8" if bom == codecs.BOM_UTF8 else "utf-16"
            text = head.decode(codec, "ignore").lstrip("\ufeff")
            return text.encode("utf-8", "ignore")
    return head


def _is_mhtml(head: bytes) -> bool:
    """MIME headers on top (`MIME-Version`, a multipart `Content-Type`): how browsers
    save single-file pages."""
    headers = head.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0].lower()
    return b"content-type: multipart/related" in headers or (
        b"mime-version:" in headers and b"content-type: multipart/" in headers
    )


def _is_html(head: bytes) -> bool:
    """A page starts with markup: `<!doctype html>`, `<html>`, `<head>`…, maybe after
    comments and an XML declaration. Text that merely mentions a tag is still text."""
    rest = head.lstrip()
    while (preamble := _HTML_PREAMBLE.match(rest)) is not None:
        rest = rest[preamble.end() :].lstrip()
    return _HTML_START.match(rest) is not None
