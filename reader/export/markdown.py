"""Highlights as Markdown that Obsidian and Logseq users paste into their vaults.

Output is deterministic: the same library gives the same bytes (no export time, records
in a fixed order), so an export can live under version control.

Tags are written `#name`. Neither tool accepts a space in a `#tag` (Logseq's `#[[a b]]`
is a page link to Obsidian), so each run of characters a tag cannot hold (whitespace,
including the full-width space, and punctuation other than `_`, `-`, `/`) becomes one
`-`: "climate policy" → `#climate-policy`, "中国 经济" → `#中国-经济`. Chinese
characters are kept as they are; both tools read them as tag text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.store.records import ArticleRecord, HighlightRecord

_NOT_IN_TAG = re.compile(r"[^\w/-]+")


def markdown_tag(name: str) -> str:
    """`name` as a `#tag` both Obsidian and Logseq read as one tag (see module doc)."""
    cleaned = _NOT_IN_TAG.sub("-", name).strip("-")
    return "#" + (cleaned or "tag")


def articles_markdown(articles: Iterable[ArticleRecord]) -> str:
    """One section per article: headline block, source, then each highlight quoted."""
    return _join(_article_section(article) for article in articles)


def tag_markdown(tag: str, articles: Iterable[ArticleRecord]) -> str:
    """Every passage carrying `tag`, grouped by article (`articles` as collected for the
    tag scope: each already holds only its passages with the tag)."""
    lines = [f"# {tag}", "", f"Passages tagged {markdown_tag(tag)}.", ""]
    for article in articles:
        passages = [h for h in article.highlights if tag in h.tags]
        if not passages:
            continue
        lines += [f"## {article.title}", "", _source_line(article), ""]
        for highlight in passages:
            lines += _highlight_lines(highlight)
    return "\n".join(lines).rstrip("\n") + "\n"


def _article_section(article: ArticleRecord) -> str:
    lines = [f"# {article.title}", ""]
    others = [h for h in article.headlines if h != article.title]
    if article.section:
        lines.append(f"*{article.section}*")
    lines += [f"**{headline}**" for headline in others]
    if article.section or others:
        lines.append("")
    lines.append(_source_line(article))
    origin = article.origin
    said = [value for value in (origin.site, origin.published, origin.url) if value]
    if said:  # a web page, a paste: what it says about itself, its address to go back
        lines.append(f"- From: {' · '.join(said)}")
    if article.byline:
        lines.append(f"- Byline: {article.byline}")
    if article.tags:
        lines.append("- Tags: " + " ".join(markdown_tag(t) for t in article.tags))
    lines.append("")
    if article.highlights:
        lines += ["## Highlights", ""]
        for highlight in article.highlights:
            lines += _highlight_lines(highlight)
    return "\n".join(lines)


def _source_line(article: ArticleRecord) -> str:
    return f"- Source: `{article.source_path}`, article {article.position + 1}"


def _highlight_lines(highlight: HighlightRecord) -> list[str]:
    """The quote as a `>` block (one `>` line per paragraph), then note, tags, colour."""
    lines = [f"> {line}".rstrip() for line in highlight.exact.split("\n")]
    lines.append("")
    if highlight.orphaned:
        lines += ["*(no longer found in the article's text)*", ""]
    if highlight.note:
        lines += [highlight.note.rstrip("\n"), ""]
    meta = [markdown_tag(t) for t in highlight.tags]
    meta.append(f"({highlight.color})")
    lines += [" ".join(meta), ""]
    return lines


def _join(sections: Iterable[str]) -> str:
    return "\n---\n\n".join(s.rstrip("\n") + "\n" for s in sections)
