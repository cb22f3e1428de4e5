"""Highlights as Markdown that Obsidian and Logseq users paste into their vaults.

Output is deterministic: the same library gives the same bytes (no export time, records
in a fixed order), so an export can live under version control.

Tags are written `#name`. Neither tool accepts a space in a `#tag` (Logseq's `#[[a b]]`
is a page link to Obsidian), so each run of characters a tag cannot hold (whitespace,
including the full-width space, and punctuation other than `_`, `-`, `/`) becomes one
`-`: "climate policy" → `#climate-policy`, "中国 经济" → `#中国-经济`. Chinese
characters are kept as they are; both tools read them as tag text.

Text from the library is written to be shown as it is (`markdown_text`): a page's own
markup is escaped, never passed on as HTML. The byline reads as in the window
(`reader.article_lines`), and each headline line is a paragraph of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.article_lines import shown_byline
from reader.store.records import ArticleRecord, HighlightRecord

_NOT_IN_TAG = re.compile(r"[^\w/-]+")
#: An `&` that a Markdown renderer would read as the start of an HTML entity.
_ENTITY_START = re.compile(r"&(?=#?\w+;)")


def markdown_text(text: str) -> str:
    """Text from the library written so a renderer shows it literally: markup in a page
    (`<script>`, `<b>`) or an entity (`&amp;`) is text of the page, never HTML of the
    export."""
    return _ENTITY_START.sub("&amp;", text).replace("<", "&lt;")


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
    lines = [f"# {markdown_text(tag)}", "", f"Passages tagged {markdown_tag(tag)}.", ""]
    for article in articles:
        passages = [h for h in article.highlights if tag in h.tags]
        if not passages:
            continue
        lines += [f"## {markdown_text(article.title)}", "", _source_line(article), ""]
        for highlight in passages:
            lines += _highlight_lines(highlight)
    return "\n".join(lines).rstrip("\n") + "\n"


def _article_section(article: ArticleRecord) -> str:
    lines = [f"# {markdown_text(article.title)}", ""]
    others = [h for h in article.headlines if h != article.title]
    # each line a paragraph of its own: renderers join lines without a blank between
    if article.section:
        lines += [f"*{markdown_text(article.section)}*", ""]
    for headline in others:
        lines += [f"**{markdown_text(headline)}**", ""]
    lines.append(_source_line(article))
    origin = article.origin
    said = [value for value in (origin.site, origin.published, origin.url) if value]
    if said:  # a web page, a paste: what it says about itself, its address to go back
        lines.append(f"- From: {markdown_text(' · '.join(said))}")
    if article.byline:
        lines.append(f"- Byline: {markdown_text(shown_byline(article.byline))}")
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
    lines = [f"> {markdown_text(line)}".rstrip() for line in highlight.exact.split("\n")]
    lines.append("")
    if highlight.orphaned:
        lines += ["*(no longer found in the article's text)*", ""]
    if highlight.note:
        lines += [markdown_text(highlight.note.rstrip("\n")), ""]
    meta = [markdown_tag(t) for t in highlight.tags]
    meta.append(f"({highlight.color})")
    lines += [" ".join(meta), ""]
    return lines


def _join(sections: Iterable[str]) -> str:
    return "\n---\n\n".join(s.rstrip("\n") + "\n" for s in sections)
