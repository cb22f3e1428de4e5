"""HTML elements → text blocks with a role, in document order.

Both the e-paper listing (whose blocks go to the newspaper page parser) and pages the
article extractor cannot read need the page's block structure without boilerplate. A
block ends where a browser would start a new line: at a block element or a `<br>`
(e-paper pages often separate paragraphs with `<br>` only).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from lxml import html as lxml_html

from reader.parse.furniture import page_info
from reader.parse.layout import Kind, classify
from reader.parse.model import ParsedArticle, ParsedPage, SourceInfo
from reader.parse.page import parse_text
from reader.parse.punctuation import normalize_punctuation

#: Never shown as text: code, styles, forms and the site's own chrome.
SKIPPED_TAGS = frozenset(
    (
        "script", "style", "noscript", "template", "head", "nav", "header", "footer",
        "aside", "form", "button", "select", "textarea", "iframe", "object", "svg", "canvas",
    )
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    (
        "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "figure", "figcaption", "pre", "table", "tr", "td", "th", "caption",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "center",
    )
)  # fmt: skip
#: An indent marks a paragraph start for the page parser, so two blocks that do not end a
#: sentence are never joined as one paragraph cut by a column.
_PARAGRAPH_INDENT = "\u3000\u3000"
_SPACE_RUN = re.compile(r"[ \t\r\n\f\v]+")


class Role(Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    ITEM = "item"
    CAPTION = "caption"


_ROLE_OF_TAG = {
    **{f"h{level}": Role.HEADING for level in range(1, 7)},
    "li": Role.ITEM,
    "dt": Role.ITEM,
    "dd": Role.ITEM,
    "blockquote": Role.QUOTE,
    "figcaption": Role.CAPTION,
    "caption": Role.CAPTION,
}


@dataclass(frozen=True, slots=True)
class Block:
    role: Role
    text: str
    #: 1–6 for headings (h1 = 1), 0 otherwise.
    level: int = 0
    #: 1-based index of the outermost `<article>` element around the block, 0 outside any.
    article: int = 0
    #: The block carries on a paragraph from the previous block (the top of a column that
    #: is not indented): the page parser joins it unless the previous one ended a sentence.
    continued: bool = False
    #: How prominent a heading is set (type size in a PDF, 7 − level in HTML): among the
    #: headlines of an article the most prominent one is its title.
    prominence: float = 0.0


def clean_text(text: str) -> str:
    """Whitespace as a browser shows it: runs become one space, ends trimmed; NO-BREAK
    and ideographic spaces are kept (they are the page's own indents and padding)."""
    return _SPACE_RUN.sub(" ", text).strip()


def page_blocks(root: lxml_html.HtmlElement) -> list[Block]:
    """Every text block under `root` outside skipped elements, in reading order."""
    return _Walker().run(root)


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.stack: list[tuple[Role, int]] = [(Role.PARAGRAPH, 0)]
        self.articles_seen = 0
        self.article = 0

    def run(self, root: lxml_html.HtmlElement) -> list[Block]:
        self.walk(root)
        self.flush()
        return self.blocks

    def flush(self) -> None:
        text = clean_text("".join(self.buffer).replace("\u3000", " ").strip(" "))
        self.buffer.clear()
        if text:
            role, level = self.stack[-1]
            prominence = 7.0 - level if role is Role.HEADING else 0.0
            self.blocks.append(Block(role, text, level, self.article, prominence=prominence))

    def walk(self, element: lxml_html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if tag and tag not in SKIPPED_TAGS:
            self.enter(element, tag)
        if element.tail:
            self.buffer.append(element.tail)

    def enter(self, element: lxml_html.HtmlElement, tag: str) -> None:
        if tag == "br":
            self.flush()
            return
        if tag == "img":
            return
        is_block = tag in _BLOCK_TAGS
        outer_article = tag == "article" and self.article == 0
        if is_block:
            self.flush()
            if outer_article:
                self.articles_seen += 1
                self.article = self.articles_seen
            role = _ROLE_OF_TAG.get(tag)
            if role is None:  # a plain block inherits: a <p> inside a <blockquote> quotes
                role, level = self.stack[-1]
            else:
                level = int(tag[1]) if role is Role.HEADING else 0
            self.stack.append((role, level))
        if element.text:
            self.buffer.append(element.text)
        for child in element:
            self.walk(child)
        if is_block:
            self.flush()
            self.stack.pop()
            if outer_article:
                self.article = 0


def split_at_headline_runs(
    blocks: list[Block], starts_article: Callable[[list[Block]], bool]
) -> list[list[Block]]:
    """Cut blocks into article groups before each run of consecutive headings for which
    `starts_article` holds (a kicker above a title and a subtitle below stay with it)."""
    groups: list[list[Block]] = [[]]
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and blocks[end].role is Role.HEADING:
            end += 1
        run = blocks[index:end] or blocks[index : index + 1]
        if end > index and starts_article(run) and groups[-1]:
            groups.append([])
        groups[-1].extend(run)
        index += len(run)
    return groups


def parse_groups(groups: list[list[Block]], source: SourceInfo) -> ParsedPage:
    """The page of article groups, each parsed as a text page of its own: the
    layout already told where articles start, and on one text page the parser would take
    a mid-page headline not followed by a lead for the first half of a column break.
    Captions are captions whatever their wording: those the parser would not recognise
    skip it and join the group's first article. Lines the parser finds to be the page's
    (date and page lines, editor credits) are the page's furniture, as on a text page."""
    texts: list[str] = []
    articles: list[ParsedArticle] = []
    furniture: list[str] = []
    for group in groups:
        own_captions = [b.text for b in group if b.role is Role.CAPTION and not _parser_caption(b)]
        text = "\n\n".join(
            _PARAGRAPH_INDENT + block.text
            if block.role in (Role.PARAGRAPH, Role.QUOTE, Role.ITEM) and not block.continued
            else block.text
            for block in group
            if block.role is not Role.CAPTION or _parser_caption(block)
        )
        parsed_page = parse_text(text) if text else None
        parsed = parsed_page.articles if parsed_page else []
        furniture.extend(parsed_page.furniture if parsed_page else [])
        if own_captions and not parsed:
            parsed = [ParsedArticle(title=own_captions[0][:24])]
        if parsed:
            parsed[0].captions.extend(own_captions)
            _title_by_prominence(parsed[0], group)
        texts.append("\n\n".join([text, *own_captions]).strip())
        articles.extend(parsed)
    return ParsedPage(source, "\n\n".join(texts), articles, page_info(furniture), furniture)


def _parser_caption(block: Block) -> bool:
    """A caption the page parser recognises itself (`图为…`, a photo credit): it goes
    through the parser, which also reads the photographer's name from it."""
    return classify(block.text).kind in (Kind.CAPTION, Kind.CREDIT)


def _title_by_prominence(article: ParsedArticle, group: list[Block]) -> None:
    """The layout knows which headline is the title (the biggest type, the top heading
    level); the text parser can only guess from the count of headline lines, and guesses
    wrong for a kicker over a title with no subtitle below."""
    run = []
    for block in group:
        if block.role is not Role.HEADING:
            break
        run.append(block)
    if len(run) < 2:
        return
    top = max(block.prominence for block in run)
    leading = [block for block in run if block.prominence == top]
    title = normalize_punctuation(leading[0].text)
    if len(leading) == 1 and title in article.headlines:
        article.title = title
