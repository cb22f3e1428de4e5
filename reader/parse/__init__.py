"""Plain-text newspaper pages → articles. Pure functions; `read_page` is the only I/O.

bytes → text (`decode_bytes`), text → classified lines (`layout`), lines → articles
(`articles`). The raw text is kept in the result so a page can always be parsed again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from reader.parse.articles import build_articles
from reader.parse.decode import MAX_PAGE_BYTES, check_size, decode_bytes
from reader.parse.layout import split_lines
from reader.parse.model import ParsedPage, SourceInfo
from reader.parse.punctuation import normalize_punctuation

__all__ = [
    "MAX_PAGE_BYTES",
    "decode_bytes",
    "normalize_punctuation",
    "parse_bytes",
    "parse_text",
    "read_page",
]


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
