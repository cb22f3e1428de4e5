"""Classified lines → articles: headlines, leads and bylines, paragraphs, captions.

Decisions follow the page conventions of a Chinese daily:
- a line that does not end a sentence continues in the next text line (a column break),
  unless that line is indented (`　　`), which only a new paragraph is;
- headlines (1-3 short lines) can only start after a finished paragraph, a caption or
  credit, or at the top of the page; they belong to a new article when a lead, a byline
  or a subheading follows, or body text at the top of the page (a plain article);
- a single headline-like line followed by a short text that ends in a photo credit or a
  caption is a column label (栏目) over a photo-news item, not a title; so is a fourth
  short line above three headlines;
- every character lands in some field: the title is the only derived field.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.parse.bylines import (
    TRAILING_CREDIT,
    byline_authors,
    credit_authors,
    ordered_authors,
)
from reader.parse.layout import Kind, Line, ends_sentence, join_pieces
from reader.parse.model import Author, ParsedArticle
from reader.parse.punctuation import normalize_punctuation

_MAX_HEADLINES = 3
#: Column pieces a photo-news paragraph may have between its label and its credit.
_PHOTO_NEWS_MAX_LINES = 4
_FALLBACK_TITLE_CHARS = 24


@dataclass
class _Draft:
    section: str | None = None
    headlines: list[str] = field(default_factory=list)
    byline: str | None = None
    authors: list[Author] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)

    @property
    def has_body(self) -> bool:
        return bool(self.paragraphs or self.captions or self.byline)

    def finish(self) -> ParsedArticle:
        return ParsedArticle(
            section=self.section,
            headlines=self.headlines,
            title=_title(self),
            byline=self.byline,
            authors=ordered_authors(self.authors),
            paragraphs=self.paragraphs,
            captions=self.captions,
        )


def _title(draft: _Draft) -> str:
    """kicker/title/subtitle by count: 1 → title; 2 → title + `——subtitle`, else
    kicker + title; 3 → kicker/title/subtitle. No headline: the column label, else the
    start of the first paragraph so that every article can be listed."""
    lines = draft.headlines
    if len(lines) == 1:
        return lines[0]
    if len(lines) == 2:
        return lines[0] if lines[1].startswith("——") else lines[1]
    if len(lines) >= 3:
        return lines[1]
    if draft.section:
        return draft.section
    for text in (*draft.paragraphs, *draft.captions):
        return text[:_FALLBACK_TITLE_CHARS]
    return ""


class _Builder:
    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.articles: list[ParsedArticle] = []
        self.draft: _Draft | None = None
        #: The paragraph being assembled across column breaks (raw text, not normalised).
        self.open_paragraph: str | None = None
        #: True where a headline may start: page top, after a finished paragraph or credit.
        self.headline_allowed = True

    # --- article and paragraph bookkeeping ------------------------------------------
    def current(self) -> _Draft:
        if self.draft is None:
            self.draft = _Draft()
        return self.draft

    def new_article(self) -> _Draft:
        self.close_paragraph()
        if self.draft is not None:
            self.articles.append(self.draft.finish())
        self.draft = _Draft()
        return self.draft

    def close_paragraph(self) -> None:
        if self.open_paragraph is not None:
            self.current().paragraphs.append(normalize_punctuation(self.open_paragraph))
            self.open_paragraph = None

    def add_text(self, text: str) -> None:
        if self.open_paragraph is None:
            self.open_paragraph = text
        else:
            self.open_paragraph = join_pieces(self.open_paragraph, text)
        if ends_sentence(text):
            self.close_paragraph()
            self.headline_allowed = True
        else:
            self.headline_allowed = False

    # --- the walk ------------------------------------------------------------------
    def build(self) -> list[ParsedArticle]:
        lines = self.lines
        index = 0
        while index < len(lines):
            line = lines[index]
            if self.open_paragraph is not None and line.kind is Kind.TEXT:
                if not line.indented:
                    self.add_text(line.text)
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
        self.close_paragraph()
        if self.draft is not None:
            self.new_article()
        return self.articles

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
        if following.kind is Kind.TEXT:
            if count == 1 and self.photo_news_ahead(end):
                self.new_article().section = normalize_punctuation(lines[start].text)
                return 1
            if self.draft is not None or self.articles or count > _MAX_HEADLINES:
                # Mid-page, a short line followed by text without a lead is far more
                # often the first part of a paragraph cut by a column than a headline.
                return 0
        draft = self.new_article()
        if count > _MAX_HEADLINES:
            # One short line more than an article can have: a column label on top.
            draft.section = normalize_punctuation(lines[start].text)
            start += 1
        draft.headlines = [normalize_punctuation(line.text) for line in lines[start:end]]
        self.headline_allowed = False
        return count

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

    def place(self, line: Line) -> None:
        kind = line.kind
        if kind is Kind.TEXT:
            self.add_text(line.text)
        elif kind is Kind.LEAD:
            self.close_paragraph()
            draft = self.current()
            if draft.has_body:
                draft = self.new_article()
            lead = line.text[: line.lead_end].strip()
            draft.byline = lead
            draft.authors.extend(byline_authors(lead))
            rest = line.text[line.lead_end :].strip()
            self.headline_allowed = False
            if rest:
                self.add_text(rest)
        elif kind is Kind.BYLINE:
            self.close_paragraph()
            draft = self.current()
            if draft.has_body:
                draft = self.new_article()
            draft.byline = line.text
            draft.authors.extend(byline_authors(line.text))
            self.headline_allowed = False
        elif kind is Kind.SUBHEADING:
            self.close_paragraph()
            self.current().paragraphs.append(normalize_punctuation(line.text))
            self.headline_allowed = False
        else:  # caption or credit
            self.close_paragraph()
            draft = self.current()
            draft.captions.append(normalize_punctuation(line.text))
            credit = line.text if kind is Kind.CREDIT else _trailing_credit(line.text)
            if credit:
                draft.authors.extend(credit_authors(credit))
            self.headline_allowed = True


def _trailing_credit(caption: str) -> str | None:
    if "摄" not in caption:
        return None
    match = TRAILING_CREDIT.search(caption)
    return match.group(0) if match else None


def build_articles(lines: list[Line]) -> list[ParsedArticle]:
    """Group classified lines into articles, in page order."""
    return _Builder(lines).build()
