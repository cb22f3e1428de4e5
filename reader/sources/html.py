"""Web pages → articles: one article through trafilatura, an e-paper listing through the
newspaper page parser.

A page with one article gets its body from trafilatura (made for telling an article
from a site's boilerplate, and reading title, author, date, site and canonical URL from
the page's metadata). A page that lists several articles — an e-paper (数字报) page —
has no single main text: its blocks, grouped at its headlines, go through
`reader.parse.page.parse_text` like a text page, so bylines, leads and captions are read
the same way. Markup never runs (lxml only parses it) and nothing is fetched: images are
not loaded, links not followed.
"""

from __future__ import annotations

import codecs
import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import Document

from reader.errors import InputFileError
from reader.parse.bylines import byline_authors, is_byline_line
from reader.parse.decode import check_size, decode_bytes
from reader.parse.model import ROLE_REPORTER, Author, ParsedArticle, ParsedPage, SourceInfo
from reader.sources.blocks import (
    SKIPPED_TAGS,
    Block,
    Role,
    clean_text,
    page_blocks,
    parse_groups,
    split_at_headline_runs,
)
from reader.sources.document import SourceDocument, SourceKind, source_info

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
#: A block this long is article text, not a link or a label.
_PARAGRAPH_CHARS = 30
_AUTHOR_SPLIT = re.compile(r"\s*[;；,，、/|]\s*")
_AUTHOR_LABEL = re.compile(r"^(?:作者|文|撰文|记者|编辑|来源|by)\s*[:：|丨]?\s*", re.I)
#: WeChat public-account articles keep their body in `#js_content`, often hidden by a
#: style that the page's scripts lift: extractors that honour the style see nothing.
_WECHAT_BODY = "js_content"


def read_html(
    data: bytes,
    path: str = "",
    *,
    kind: SourceKind = SourceKind.HTML,
    url: str = "",
    images: dict[str, bytes] | None = None,
) -> SourceDocument:
    """Read a web page's bytes. `url` is where it came from (a download), `images` the
    pictures saved with it. InputFileError when there is no page or no text in it."""
    check_size(len(data))
    text, encoding = decode_html(data)
    tree = _parse_tree(text)
    blocks = page_blocks(_body_of(tree))
    if not blocks:
        raise InputFileError("empty: the web page contains no text")
    source = source_info(data, path, encoding)
    metadata = {"url": url} if url else {}
    if _is_listing(blocks):
        page = _listing_page(blocks, source)
        metadata |= _page_metadata(tree)
    else:
        article, found = _single_article(tree, text, url, blocks)
        metadata |= found
        page = ParsedPage(source, "\n\n".join(article.printed_texts()), [article])
    metadata = {key: value for key, value in metadata.items() if value}
    return SourceDocument(kind, data, metadata, page, dict(images or {}))


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's text: a byte-order mark, then the page's own `<meta charset>`, then
    the text-page decoder (strict UTF-8, then detection)."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = _META_CHARSET.search(data[:4096])
        if declared is not None:
            name = declared.group(1).decode("ascii").lower()
            try:
                codec = codecs.lookup("gb18030" if name in ("gb2312", "gbk") else name).name
                return data.decode(codec), codec
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common: let detection decide
    return decode_bytes(data)


def _parse_tree(text: str) -> lxml_html.HtmlElement:
    try:
        return lxml_html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))
    except (etree.ParserError, ValueError) as error:
        raise InputFileError(f"not a readable web page: {error}") from None


def _body_of(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    wechat = tree.get_element_by_id(_WECHAT_BODY, None)
    if wechat is not None:
        return wechat
    body = tree.find("body")
    return body if body is not None else tree


def _is_listing(blocks: list[Block]) -> bool:
    """Several articles on one page: two or more `<article>` elements, or two or more
    headings of the page's top heading level that each head a real paragraph (one
    article has one title, its subheadings sit a level lower; a sidebar's headings head
    lists of links, not paragraphs)."""
    if len({block.article for block in blocks if block.article}) >= 2:
        return True
    levels = [block.level for block in blocks if block.role is Role.HEADING]
    if not levels:
        return False
    top = min(levels)
    headed = 0
    heading_seen = False
    for block in blocks:
        if block.role is Role.HEADING:
            heading_seen = heading_seen or block.level == top
        elif heading_seen and block.role is Role.PARAGRAPH and len(block.text) >= _PARAGRAPH_CHARS:
            headed += 1
            heading_seen = False
    return headed >= 2


# --- one article ---------------------------------------------------------------------
def _single_article(
    tree: lxml_html.HtmlElement, text: str, url: str, blocks: list[Block]
) -> tuple[ParsedArticle, dict[str, str]]:
    metadata = _page_metadata(tree)
    wechat = tree.get_element_by_id(_WECHAT_BODY, None) is not None
    extracted: Document | None = None
    if not wechat:
        result = trafilatura.bare_extraction(
            text,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=True,
        )
        extracted = result if isinstance(result, Document) else None
    if extracted is not None:
        found = {
            "title": extracted.title,
            "author": extracted.author,
            "date": extracted.date,
            "site": extracted.sitename,
            "url": extracted.url,
            "description": extracted.description,
        }
        metadata |= {key: value for key, value in found.items() if value}
    body = _extracted_blocks(extracted.body) if extracted is not None else []
    if not body:
        body = blocks  # nothing extracted (or WeChat): the whole body, minus chrome
    title = metadata.get("title") or next(
        (block.text for block in body if block.role is Role.HEADING), ""
    )
    if body and body[0].role is Role.HEADING and body[0].text == title:
        body = body[1:]
    captions = [block.text for block in body if block.role is Role.CAPTION]
    captions += [c for c in _figure_captions(tree) if c not in captions]
    author = metadata.get("author")
    article = ParsedArticle(
        headlines=[title] if title else [],
        title=title,
        byline=author or None,
        authors=_authors(author or ""),
        paragraphs=[block.text for block in body if block.role is not Role.CAPTION],
        captions=captions,
    )
    if not article.title:
        article.title = (article.paragraphs or captions or [""])[0][:24]
    return article, metadata


def _extracted_blocks(body: etree._Element | None) -> list[Block]:
    """trafilatura's body (`head`, `p`, `quote`, `list/item`, `table/row`) as blocks."""
    if body is None:
        return []
    roles = {"head": Role.HEADING, "quote": Role.QUOTE, "item": Role.ITEM}
    found = []
    for element in body.iter("head", "p", "item", "row", "quote"):
        parent = element.getparent()
        parent_tag = parent.tag if parent is not None else ""
        if (element.tag == "quote" and len(element)) or parent_tag == "item":
            continue  # the quote's paragraphs come as `p`; an item's text is the item's
        if element.tag == "row":
            cells = (clean_text("".join(cell.itertext())) for cell in element)
            text = "\t".join(cell for cell in cells if cell)
        else:
            text = clean_text("".join(element.itertext()))
        role = Role.QUOTE if parent_tag == "quote" else roles.get(element.tag, Role.PARAGRAPH)
        if text:
            found.append(Block(role, text))
    return found


def _figure_captions(tree: lxml_html.HtmlElement) -> list[str]:
    """Figure captions, which the extractor drops with the pictures."""
    captions = []
    for element in tree.iter("figcaption"):
        if not any(a.tag in SKIPPED_TAGS for a in element.iterancestors()):
            text = clean_text("".join(element.itertext()))
            if text:
                captions.append(text)
    return captions


def _authors(author: str) -> list[Author]:
    """Names from a byline: the newspaper byline reader for `本报记者 张三`, else the
    names a site lists (`张三; 李四`, `作者：王五`) as reporters."""
    if not author:
        return []
    if is_byline_line(author):
        return byline_authors(author)
    names = (_AUTHOR_LABEL.sub("", name) for name in _AUTHOR_SPLIT.split(author))
    return [Author(name, ROLE_REPORTER) for name in names if name]


def _page_metadata(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """What a page says about itself in `<head>` and in WeChat's own fields
    (`#activity-name` is the `rich_media_title` heading, `#js_name` the account)."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        value = clean_text(meta.get("content") or "")
        field = _META_FIELDS.get(key)
        if field and value and field not in found:
            found[field] = value
    canonical = tree.find(".//link[@rel='canonical']")
    if canonical is not None and canonical.get("href"):
        found["url"] = canonical.get("href", "")
    for element_id, field in (
        ("activity-name", "title"),
        ("js_name", "site"),
        ("publish_time", "date"),
    ):
        element = tree.get_element_by_id(element_id, None)
        if element is not None:
            found[field] = clean_text(element.text_content())
    if "title" not in found:
        title = tree.find(".//title")
        if title is not None and title.text:
            found["title"] = clean_text(title.text)
    return {field: value for field, value in found.items() if value}


_META_FIELDS = {
    "og:title": "title",
    "og:site_name": "site",
    "og:url": "url",
    "og:description": "description",
    "description": "description",
    "author": "author",
    "article:author": "author",
    "article:published_time": "date",
    "publishdate": "date",
    "date": "date",
}


# --- a listing of several articles -----------------------------------------------------
def _listing_page(blocks: list[Block], source: SourceInfo) -> ParsedPage:
    """Groups at the page's top-level headings (or its `<article>` elements) through the
    page parser."""
    if len({block.article for block in blocks if block.article}) >= 2:
        groups: list[list[Block]] = []
        for block in blocks:
            if not groups or block.article != groups[-1][-1].article:
                groups.append([])
            groups[-1].append(block)
    else:
        top = min(block.level for block in blocks if block.role is Role.HEADING)
        groups = split_at_headline_runs(blocks, lambda run: any(b.level == top for b in run))
    return parse_groups(groups, source)
