"""A whole page through the parser: bytes or text in, a `ParsedPage` out.

`read_page` is the parser's only I/O. The raw text is kept in the result so a page can
always be parsed again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from reader.errors import InputFileError
from reader.parse.articles import build_articles
from reader.parse.decode import check_size, decode_bytes
from reader.parse.furniture import page_info
from reader.parse.layout import split_lines
from reader.parse.model import ParsedPage, SourceInfo


def parse_text(text: str, *, path: str = "", encoding: str = "utf-8") -> ParsedPage:
    """Parse a decoded page. Never raises on odd text: whatever it is, every non-space
    character ends up in some article field (the sha256 is that of the UTF-8 text)."""
    sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _parsed(SourceInfo(path, encoding, sha256), text)


def parse_bytes(data: bytes, path: str = "") -> ParsedPage:
    """Decode and parse a page file's bytes; SourceInfo.sha256 is that of the raw bytes.
    Raises reader.errors.InputFileError for empty, binary, undecodable or too large input."""
    text, encoding = decode_bytes(data)
    return _parsed(SourceInfo(path, encoding, hashlib.sha256(data).hexdigest()), text)


def _parsed(source: SourceInfo, text: str) -> ParsedPage:
    articles, furniture = build_articles(split_lines(text))
    return ParsedPage(source, text, articles, page_info(furniture), furniture)


def read_page_bytes(path: str | Path) -> bytes:
    """A page file's bytes. InputFileError when there is none to read: no such file,
    a folder, unreadable, too large."""
    file = Path(path)
    try:
        if file.is_dir():
            raise InputFileError("is a folder, not a page")
        check_size(file.stat().st_size)
        return file.read_bytes()
    except FileNotFoundError as error:
        raise InputFileError("no such file") from error
    except OSError as error:
        raise InputFileError(f"unreadable: {error.strerror or error}") from error


def read_page(path: str | Path) -> ParsedPage:
    """Read, decode and parse one page file (InputFileError when it cannot be)."""
    return parse_bytes(read_page_bytes(path), str(path))
