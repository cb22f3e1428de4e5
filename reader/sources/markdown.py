"""Markdown files → one article: the first heading is its title, other headings stay
as subheadings in the body, paragraphs are kept as written.

A tiny block reader is enough: what matters is where blocks start and end, not how the
text would be rendered. Inline marks (`**`, `_`, links) are reduced to their text so a
highlight matches what the reader sees.
"""

from __future__ import annotations

import re

from reader.errors import InputFileError
from reader.parse.decode import decode_bytes
from reader.parse.model import ParsedArticle, ParsedPage
from reader.sources.document import SourceDocument, SourceKind, source_info

_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LIST_MARK = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])\s+")
_QUOTE_MARK = re.compile(r"^ {0,3}>\s?")
_RULE = re.compile(r"^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def read_markdown(data: bytes, path: str = "") -> SourceDocument:
    """One article from a Markdown file (InputFileError: empty, binary, undecodable)."""
    text, encoding = decode_bytes(data)
    title, blocks = markdown_blocks(text)
    if not title and not blocks:
        raise InputFileError("empty: the Markdown file contains no text")
    article = ParsedArticle(
        headlines=[title] if title else [],
        title=title or blocks[0][:24],
        paragraphs=blocks,
    )
    page = ParsedPage(source_info(data, path, encoding), text, [article])
    metadata = {"title": article.title} if title else {}
    return SourceDocument(SourceKind.MARKDOWN, data, metadata, page)


def markdown_blocks(text: str) -> tuple[str, list[str]]:
    """(title, body blocks): the first level-1 heading (or the first heading before any
    text) is the title; a paragraph's lines are joined (no space between CJK)."""
    title = ""
    blocks: list[str] = []
    lines: list[str] = []
    in_fence = False

    def close() -> None:
        if lines:
            blocks.append(_inline(_join(lines)))
            lines.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if _FENCE.match(raw):
            close()
            in_fence = not in_fence
            continue
        if in_fence:
            if raw.strip():
                blocks.append(raw.rstrip())
            continue
        heading = _HEADING.match(raw)
        setext = _SETEXT.match(raw) if lines else None  # `text` over `===`/`---`
        if heading or setext:
            if setext:
                words = _inline(_join(lines))
                lines.clear()
                level = 1 if setext.group(1)[0] == "=" else 2
            else:
                close()
                words = _inline(heading.group(2)) if heading else ""
                level = len(heading.group(1)) if heading else 1
            if words and not title and not blocks and level <= 2:
                title = words
            elif words:
                blocks.append(words)
            continue
        if not raw.strip() or _RULE.match(raw):
            close()
            continue
        item = _LIST_MARK.match(raw)
        if item:
            close()
            raw = raw[item.end() :]
        raw = _QUOTE_MARK.sub("", raw)
        lines.append(raw.strip())
    close()
    return title, [block for block in blocks if block]


def _join(lines: list[str]) -> str:
    joined = lines[0]
    for line in lines[1:]:
        if not line:
            continue
        between = "" if _CJK.match(joined[-1:]) and _CJK.match(line[:1]) else " "
        joined = joined + between + line if joined else line
    return joined


def _inline(text: str) -> str:
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    return _EMPHASIS.sub(r"\2", text).strip()
