"""A whole page through the parser: bytes or text in, a `ParsedPage` out.

`read_page` is the parser's only I/O. The raw text is kept in the result so a page can
always be parsed again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from reader.parse.articles import build_articles
from reader.parse.decode import check_size, decode_bytes
from reader.parse.layout import split_lines
from reader.parse.model import ParsedPage, SourceInfo


def parse_text(text: str, *, path: str = "", encoding: str = "utf-8") -> ParsedPage:
    """Parse a decoded page. Never raises on odd text: whatever it is, every non-space
    character ends up in some article field (the sha256 is that of the UTF-8 text)."""
    sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    articles = build_articles(split_lines(text))
    return ParsedPage(SourceInfo(path, encoding, sha256), text, articles)


def parse_bytes(data: bytes, path: str = "") -> ParsedPage:
    """Decode and parse a page file's bytes; SourceInfo.sha256 is that of the raw bytes.
    Raises reader.errors.InputFileError for empty, binary, undecodable or too large input."""
    text, encoding = decode_bytes(data)
    articles = build_articles(split_lines(text))
    source = SourceInfo(path, encoding, hashlib.sha256(data).hexdigest())
    return ParsedPage(source, text, articles)


def read_page(path: str | Path) -> ParsedPage:
    """Read, decode and parse one page file (OSError for unreadable files)."""
    file = Path(path)
    check_size(file.stat().st_size)
    return parse_bytes(file.read_bytes(), str(path))
