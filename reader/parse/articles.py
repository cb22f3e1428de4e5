"""Classified lines → articles: headlines, datelines and bylines, paragraphs, captions.

Two ways to find where articles begin, chosen per page by `segments.page_evidence`:
- the page's layout marks them (indented paragraphs, blank lines between articles, page
  furniture, separator lines): each segment is one article, its leading short lines the
  headline block (on a page without indents the trained block model says where that
  block ends; a column label on top is told from a kicker by the label model);
- nothing marks them (a blank line between every block, as pages copied from a PDF have):
  then the content decides, following the page conventions of a Chinese daily —
  headlines (1-3 short lines) can only start after a finished paragraph, a caption or
  credit, or at the top of the page, and belong to a new article when a dateline, a
  byline or a subheading follows, body text at the top of the page, an indented
  paragraph, or when the trained start model (`headline_model`) is fairly sure; a single
  headline-like line followed by a short text ending in a photo credit or a caption is a
  column label (栏目) over a photo-news item, and so is a fourth short line above three
  headlines.
Either way a line that does not end a sentence continues in the next text line (a column
break) unless that line is indented or the line is a short heading, and every character
lands in some field: the title is the only derived field.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.parse.bylines import (
    byline_authors,
    closing_byline,
    credit_authors,
    dateline_of,
    ordered_authors,
    trailing_credit,
)
from reader.parse.headline_model import is_column_label, starts_article, still_headline
from reader.parse.headlines import headline_roles
from reader.parse.layout import (
    HEADLINE_MAX_CHARS,
    Kind,
    Line,
    could_be_headline,
    ends_block,
    ends_sentence,
    join_pieces,
)
from reader.parse.model import Author, Dateline, ParsedArticle
from reader.parse.punctuation import normalize_punctuation
from reader.parse.segments import MAX_BLOCK_LINES, Evidence, page_evidence, split_segments

_MAX_HEADLINES = 3
#: Column pieces a photo-news paragraph may have between its label and its credit.
_PHOTO_NEWS_MAX_LINES = 4
_FALLBACK_TITLE_CHARS = 24
#: A column break joins a few pieces of one paragraph; a run of this many lines with no
#: sentence end is a list or a text without punctuation, whose lines are paragraphs.
_MAX_PIECES = 64
#: No printed article has this many paragraphs: a text that fits no newspaper pattern
#: (a book, a log) is cut into articles of this size rather than one giant one.
_MAX_PARAGRAPHS = 500
#: A second or third headline line this short is a label in the body (`核心阅读`).
_BODY_LABEL_CHARS = 4
#: A column label (栏目) over a headline is a short name: `人民时评`, `动感2019`.
_LABEL_MAX_CHARS = 12


@dataclass
class _Draft:
    section: str | None = None
    headlines: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    dateline: Dateline | None = None
    authors: list[Author] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    #: Headline block roles, when known: (kicker, title, subtitle).
    roles: tuple[str | None, str, str | None] | None = None

    @property
    def has_body(self) -> bool:
        return bool(self.paragraphs or self.captions or self.bylines)

    def add_byline(self, text: str, authors: list[Author], dateline: Dateline | None) -> None:
        self.bylines.append(text)
        self.authors.extend(authors)
        if self.dateline is None:
            self.dateline = dateline

    def finish(self) -> ParsedArticle:
        kicker, title, subtitle = self.roles or headline_roles(self.headlines)
        return ParsedArticle(
            section=self.section,
            headlines=self.headlines,
            title=title or _fallback_title(self),
            byline=" ".join(self.bylines) if self.bylines else None,
            authors=ordered_authors(self.authors),
            paragraphs=self.paragraphs,
            captions=self.captions,
            kicker=kicker,
            subtitle=subtitle,
            dateline=self.dateline,
        )


def _fallback_title(draft: _Draft) -> str:
    """No headline: the column label, else the start of the first paragraph (or caption,
    or byline) so that every article can be listed."""
    if draft.section:
        return draft.section
    for text in (*draft.paragraphs, *draft.captions, *draft.bylines):
        return text[:_FALLBACK_TITLE_CHARS]
    return ""


class _Body:
    """Paragraphs, bylines and captions of the article being built, in page order."""

    def __init__(self) -> None:
        self.articles: list[ParsedArticle] = []
        self.furniture: list[str] = []
        self.draft: _Draft | None = None
        #: The paragraph being assembled across column breaks (raw pieces, not normalised).
        self.open_pieces: list[str] = []
        #: True where a headline may start: page top, after a finished paragraph or credit.
        self.headline_allowed = True

    def current(self) -> _Draft:
        if self.draft is None:
            self.draft = _Draft()
        return self.draft

    def new_article(self) -> _Draft:
        self.finish_article()
        self.draft = _Draft()
        return self.draft

    def finish_article(self) -> None:
        self.close_paragraph()
        if self.draft is not None:
            self.articles.append(self.draft.finish())
        self.draft = None

    @property
    def paragraph_open(self) -> bool:
        return bool(self.open_pieces)

    def close_paragraph(self) -> None:
        if self.open_pieces:
            text = join_pieces(self.open_pieces)
            self.open_pieces = []
            draft = self.current()
            credit = trailing_credit(text)
            if credit is not None:
                # `…年底竣工。刘 昆 摄`: the caption stays a paragraph, the credit is a caption.
                text = text[: text.rfind(credit)].rstrip()
                draft.paragraphs.append(normalize_punctuation(text))
                draft.captions.append(normalize_punctuation(credit))
                draft.authors.extend(credit_authors(credit))
            else:
                draft.paragraphs.append(normalize_punctuation(text))
            if len(draft.paragraphs) >= _MAX_PARAGRAPHS:
                self.finish_article()

    def join_piece(self, text: str) -> None:
        """Add a column piece to the open paragraph (closing it when the run of pieces is
        too long to be column breaks)."""
        self.open_pieces.append(text)
        if len(self.open_pieces) >= _MAX_PIECES:
            self.close_paragraph()

    def add_text(self, text: str, *, whole_line: bool = True) -> None:
        """Start or continue a paragraph; a short whole line without a sentence in it is
        an inner heading and stands alone (the text after a dateline never is)."""
        self.join_piece(text)
        if not self.open_pieces:
            self.headline_allowed = True
        elif ends_block(text) or (whole_line and len(self.open_pieces) == 1 and _is_heading(text)):
            self.close_paragraph()
            self.headline_allowed = True
        else:
            self.headline_allowed = False

    def place(self, line: Line, *, lead_opens_article: bool = True) -> None:
        """Put a body line where it belongs in the current article."""
        kind = line.kind
        if kind is Kind.TEXT:
            self.add_text(line.text)
        elif kind is Kind.LEAD:
            self.close_paragraph()
            draft = self.current()
            if lead_opens_article and draft.has_body:
                # Without layout evidence a dateline opens an article; with it, the
                # layout has said where articles begin (a run of briefs is one item).
                draft = self.new_article()
            lead = line.text[: line.lead_end].strip()
            draft.add_byline(lead, byline_authors(lead), dateline_of(lead))
            rest = line.text[line.lead_end :].strip()
            self.headline_allowed = False
            if rest:
                self.add_text(rest, whole_line=False)
        elif kind is Kind.BYLINE:
            self.close_paragraph()
            draft = self.current()
            if lead_opens_article and draft.has_body:
                draft = self.new_article()
            draft.add_byline(line.text, byline_authors(line.text), None)
            self.headline_allowed = False
        elif kind is Kind.CLOSING:
            self.close_paragraph()
            dateline, authors = closing_byline(line.text) or (None, [])
            self.current().add_byline(line.text, authors, dateline)
            self.headline_allowed = True
        elif kind is Kind.SUBHEADING:
            self.close_paragraph()
            self.current().paragraphs.append(normalize_punctuation(line.text))
            self.headline_allowed = False
        elif kind is Kind.FURNITURE:
            self.close_paragraph()
            self.furniture.append(line.text)
            self.headline_allowed = True
        else:  # caption or credit
            self.close_paragraph()
            draft = self.current()
            draft.captions.append(normalize_punctuation(line.text))
            if kind is Kind.CREDIT:
                draft.authors.extend(credit_authors(line.text))
            else:
                credit = trailing_credit(line.text)
                if credit:
                    draft.authors.extend(credit_authors(credit))
            self.headline_allowed = True


def _is_heading(text: str) -> bool:
    """A headline-length line with no sentence in it: an inner heading (`核心阅读`,
    `平台赋值：用好成果促发展`) stands alone rather than running into the next paragraph."""
    return len(text) - text.count(" ") <= HEADLINE_MAX_CHARS and could_be_headline(text)


class _ContentBuilder(_Body):
    """Articles found from the lines' content alone (no layout evidence on the page)."""

    def __init__(self, lines: list[Line]) -> None:
        super().__init__()
        self.lines = lines

    def build(self) -> None:
        lines = self.lines
        index = 0
        while index < len(lines):
            line = lines[index]
            if self.paragraph_open and line.kind is Kind.TEXT:
                if not line.indented:
                    self.join_piece(line.text)
                    if self.open_pieces and ends_sentence(line.text):
                        self.close_paragraph()
                        self.headline_allowed = True
                    index += 1
                    continue
                self.close_paragraph()  # an indented line always starts a paragraph
            if self.headline_allowed and line.headline_like:
                taken = self.take_headlines(index)
                if taken:
                    index += taken
                    continue
            self.place(line)
            index += 1
        self.finish_article()

    def add_text(self, text: str, *, whole_line: bool = True) -> None:
        # Without layout evidence a short line may be half a paragraph: join as printed.
        self.join_piece(text)
        if not self.open_pieces or ends_sentence(text):
            self.close_paragraph()
            self.headline_allowed = True
        else:
            self.headline_allowed = False

    def take_headlines(self, start: int) -> int:
        """Start an article at `start` if headlines (or a column label) begin there;
        return how many lines were used (0: the line is body text after all)."""
        lines = self.lines
        end = start
        while end < len(lines) and end - start <= _MAX_HEADLINES and lines[end].headline_like:
            end += 1
        count = end - start
        following = lines[end] if end < len(lines) else None
        if following is None or following.kind in (Kind.CAPTION, Kind.CREDIT):
            if count == 1 and following is not None:
                self.new_article().section = normalize_punctuation(lines[start].text)
                return 1
            return 0
        if following.kind in (Kind.TEXT, Kind.FURNITURE, Kind.CLOSING):
            if count == 1 and self.photo_news_ahead(end):
                self.new_article().section = normalize_punctuation(lines[start].text)
                return 1
            mid_page = self.draft is not None or self.articles
            if (mid_page or count > _MAX_HEADLINES) and not self.new_story_at(start, end):
                # Mid-page, a short line followed by text without a lead is far more
                # often an inner heading or the first part of a paragraph cut by a
                # column than a headline (unless that text visibly starts a paragraph,
                # or the trained start model is fairly sure a new story begins).
                return 0
        draft = self.new_article()
        if count > _MAX_HEADLINES:
            # One short line more than an article can have: a column label on top.
            draft.section = normalize_punctuation(lines[start].text)
            start += 1
        draft.headlines = [normalize_punctuation(line.text) for line in lines[start:end]]
        self.headline_allowed = False
        return count

    def new_story_at(self, start: int, end: int) -> bool:
        """Whether the short lines `start:end`, after a finished paragraph and before
        text, head a new story."""
        lines = self.lines
        if end - start > _MAX_HEADLINES:
            return False
        if lines[end].indented:
            return True
        previous = lines[start - 1].text if start else ""
        run = [line.text for line in lines[start:end]]
        return starts_article(run, previous, lines[end].text)

    def photo_news_ahead(self, start: int) -> bool:
        """True when the text from `start` is one paragraph (maybe cut by column breaks)
        directly followed by a caption or a photo credit."""
        lines = self.lines
        for index in range(start, min(start + _PHOTO_NEWS_MAX_LINES, len(lines))):
            line = lines[index]
            if line.kind is not Kind.TEXT:
                return False
            if ends_sentence(line.text):
                following = lines[index + 1] if index + 1 < len(lines) else None
                return following is not None and following.kind in (Kind.CAPTION, Kind.CREDIT)
        return False


class _SegmentBuilder(_Body):
    """Articles from a page cut at the boundaries its layout marks: one per segment."""

    def __init__(self, evidence: Evidence) -> None:
        super().__init__()
        self.evidence = evidence

    def add_segment(self, lines: list[Line]) -> None:
        if len(lines) == 1 and lines[0].kind is Kind.FURNITURE:
            self.close_paragraph()
            self.furniture.append(lines[0].text)
            return
        block = self.headline_block(lines)
        waiting = self.draft is not None and self.draft.headlines and not self.draft.has_body
        if block == 0 and waiting:
            # Headlines alone, then text with none: one article whose blocks the page
            # set apart with the blank lines it uses between articles elsewhere.
            self.add_body(lines)
            return
        draft = self.new_article()
        heads = [normalize_punctuation(line.text) for line in lines[:block]]
        if len(heads) > _MAX_HEADLINES or (len(heads) >= 2 and self.label_on_top(lines, block)):
            draft.section = heads.pop(0)
        draft.headlines = heads
        draft.roles = headline_roles(heads) if heads else None
        self.add_body(lines[block:])

    def add_body(self, lines: list[Line]) -> None:
        for line in lines:
            if self.paragraph_open and line.kind is Kind.TEXT and not line.indented:
                self.join_piece(line.text)
                if self.open_pieces and ends_block(line.text):
                    self.close_paragraph()
                continue
            self.close_paragraph_before(line)
            self.place(line, lead_opens_article=False)

    def close_paragraph_before(self, line: Line) -> None:
        if line.indented or line.kind is not Kind.TEXT:
            self.close_paragraph()

    @staticmethod
    def label_on_top(lines: list[Line], block: int) -> bool:
        """Whether the first of a block's 2-3 lines is a column label (`动感2019`,
        `人民时评`) rather than a kicker: short, not introducing the next line (`——`,
        `：`), and read so by the trained label model, which also weighs whether the
        line recurs in the story (a column name seldom does, a kicker's subject often)."""
        first, second = lines[0].text, lines[1].text
        if len(first) > _LABEL_MAX_CHARS or first.endswith(("——", "：", ":")):
            return False
        recurs = any(first in line.text for line in lines[block:])
        return is_column_label(first, second, recurs)

    def headline_block(self, lines: list[Line]) -> int:
        """How many leading lines of an article's segment are its headline block."""
        indented = self.evidence.indented_paragraphs
        count = 0
        for index, line in enumerate(lines[: MAX_BLOCK_LINES + 1]):
            if line.kind is not Kind.TEXT or line.indented:
                break
            if not could_be_headline(line.text, indented_page=indented):
                break
            if not indented and index:
                if len(line.text) <= _BODY_LABEL_CHARS:
                    break  # `核心阅读` under a headline, in a page without indents
                above = [previous.text for previous in lines[:index]]
                below = lines[index + 1].text if index + 1 < len(lines) else None
                if not still_headline(above, line.text, below):
                    break  # a summary line or the first piece of a cut paragraph
            count += 1
        if count == len(lines) and count > 1 and not indented:
            count = 1  # nothing but short lines: one headline over a short text
        if count > MAX_BLOCK_LINES:
            return 0  # more short lines than any headline block: a list, not headlines
        return count


def build_articles(lines: list[Line]) -> tuple[list[ParsedArticle], list[str]]:
    """Group classified lines into articles, in page order; also return the page
    furniture lines, in page order."""
    evidence = page_evidence(lines)
    if not evidence.any:
        builder = _ContentBuilder(lines)
        builder.build()
        return builder.articles, builder.furniture
    segmented = _SegmentBuilder(evidence)
    for segment in split_segments(lines, evidence):
        segmented.add_segment(segment)
    segmented.finish_article()
    return segmented.articles, segmented.furniture
