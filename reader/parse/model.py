"""What the parser produces: plain data, no I/O, no database.

The JSON contract of `reader parse --json` is `ParsedPage.to_json()`; other tools rely on
its keys, so change them only with a version bump and a note in the README.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Roles an author can have. A name in a byline before `记者` without a label is a
#: correspondent (通讯员); a photo credit (`徐晶玮 摄`) names a photographer (摄影).
ROLE_REPORTER = "记者"
ROLE_CORRESPONDENT = "通讯员"
ROLE_PHOTOGRAPHER = "摄影"
ROLE_ORDER = (ROLE_REPORTER, ROLE_CORRESPONDENT, ROLE_PHOTOGRAPHER)

#: Paragraphs joined by this separator form the article text that highlights index into
#: (code points). The reading pane shows one paragraph per block, so one separator
#: character per paragraph break keeps offsets simple on both sides.
PARAGRAPH_SEPARATOR = "\n"


@dataclass(frozen=True)
class Author:
    name: str
    role: str

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role}


@dataclass
class ParsedArticle:
    """One article of a page, with every field the reading pane and the index need."""

    section: str | None = None
    headlines: list[str] = field(default_factory=list)
    title: str = ""
    byline: str | None = None
    authors: list[Author] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The article body as highlights see it: paragraphs joined by one newline."""
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    def printed_texts(self) -> list[str]:
        """Every field that holds text printed on the page (the title is derived from
        these): together, over all articles, they hold every character of the page."""
        texts = [self.section] if self.section else []
        texts.extend(self.headlines)
        if self.byline:
            texts.append(self.byline)
        return texts + self.paragraphs + self.captions

    def to_json(self) -> dict[str, object]:
        return {
            "section": self.section,
            "headlines": list(self.headlines),
            "title": self.title,
            "byline": self.byline,
            "authors": [a.to_json() for a in self.authors],
            "paragraphs": list(self.paragraphs),
            "captions": list(self.captions),
        }


@dataclass(frozen=True)
class SourceInfo:
    path: str
    encoding: str
    sha256: str

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "encoding": self.encoding, "sha256": self.sha256}


@dataclass
class ParsedPage:
    """A decoded page: the raw text is kept so a page can always be parsed again."""

    source: SourceInfo
    raw_text: str
    articles: list[ParsedArticle]

    def to_json(self) -> dict[str, object]:
        return {
            "source": self.source.to_json(),
            "articles": [a.to_json() for a in self.articles],
        }
