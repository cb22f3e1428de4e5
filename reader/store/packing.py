"""How the library keeps each text once: raw pages compressed, paragraphs derived.

An article's text is stored once, plain, in `article.text` (highlights index into it and
the search index reads it); its paragraphs are that text split at the paragraph
separator, so `article.paragraphs` holds "" for them and JSON only for the rare article
whose paragraphs the split would not give back (a paragraph with a newline in it, an
archive's text that differs from its paragraphs). A source's raw page and raw bytes are
kept zlib-compressed, and read back only when a page is shown, parsed again or exported.

Both forms are recognised on reading, so a library is readable at every step of its
shrink (`reader.store.shrink`) and rows written by an older reader still read right.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence

from reader.parse.model import PARAGRAPH_SEPARATOR

#: `article.paragraphs` of an article whose paragraphs are its text split at newlines.
DERIVED_PARAGRAPHS = ""

#: What starts compressed raw bytes (a NUL first: no text, HTML, PDF or Markdown file
#: starts so); older rows hold the bytes as they came.
PACKED_BYTES_MAGIC = b"\x00rz1"

_LEVEL = 6  # zlib's default: level 9 saves < 0.1% on pages, at the same speed


def paragraphs_column(paragraphs: Sequence[str], text: str) -> str:
    """What `article.paragraphs` stores for an article with this text."""
    if paragraphs_of(DERIVED_PARAGRAPHS, text) == list(paragraphs):
        return DERIVED_PARAGRAPHS
    return json.dumps(list(paragraphs), ensure_ascii=False)


def paragraphs_of(column: str | None, text: str) -> list[str]:
    """The paragraphs an `article.paragraphs` value and the article's text stand for."""
    if column:
        return list(json.loads(column))
    return text.split(PARAGRAPH_SEPARATOR) if text else []


def pack_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), _LEVEL)


def unpack_text(value: str | bytes | None) -> str:
    """A raw page as stored: plain text (older rows) or compressed UTF-8."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return zlib.decompress(bytes(value)).decode("utf-8", "surrogatepass")


def pack_bytes(data: bytes) -> bytes:
    return PACKED_BYTES_MAGIC + zlib.compress(data, _LEVEL)


def is_packed_bytes(value: bytes) -> bool:
    return bytes(value[: len(PACKED_BYTES_MAGIC)]) == PACKED_BYTES_MAGIC


def unpack_bytes(value: bytes | None) -> bytes | None:
    """Raw bytes as stored: as they came (older rows) or compressed after the magic."""
    if value is None:
        return None
    data = bytes(value)
    if not is_packed_bytes(data):
        return data
    try:
        return zlib.decompress(data[len(PACKED_BYTES_MAGIC) :])
    except zlib.error:  # a file that merely starts like packed bytes: as it came
        return data
