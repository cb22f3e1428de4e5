"""What the parser produces: plain data, no I/O, no database.

The JSON contract of `reader parse --json` is `ParsedPage.to_json()`; other tools rely on
its keys, so change them only with a version bump and a note in the README. Keys only
grow: issue 9 added `page` ({paper, date, number, name}), `source.furniture` (the page's
own lines, one a line) and, per article, `kicker`, `subtitle` and `dateline`
({agency, place, date}), each possibly null.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Roles an author can have. A name in a byline before `记者` without a label is a
#: correspondent (通讯员); a photo credit (`徐晶玮 摄`) names a photographer (摄影).
ROLE_REPORTER = "记者"
ROLE_CORRESPONDENT = "通讯员"
ROLE_PHOTOGRAPHER = "摄影"
#: The writer or artist of a piece that names no reporter (a cartoon's `曹一图 吕岩文`).
ROLE_AUTHOR = "作者"
ROLE_ORDER = (ROLE_REPORTER, ROLE_CORRESPONDENT, ROLE_PHOTOGRAPHER, ROLE_AUTHOR)

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


@dataclass(frozen=True)
class Dateline:
    """Where and when a report was filed, as its dateline prints it: `本报北京10月21日电` →
    agency `本报`, place `北京`, date `10月21日` (each None when the dateline omits it)."""

    agency: str | None = None
    place: str | None = None
    date: str | None = None

    def to_json(self) -> dict[str, str | None]:
        return {"agency": self.agency, "place": self.place, "date": self.date}


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
    #: 引题 above the title and 副题 below it (both also in `headlines`); None when absent.
    kicker: str | None = None
    subtitle: str | None = None
    dateline: Dateline | None = None

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
            "kicker": self.kicker,
            "subtitle": self.subtitle,
            "dateline": self.dateline.to_json() if self.dateline else None,
        }


@dataclass(frozen=True)
class SourceInfo:
    path: str
    encoding: str
    sha256: str

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "encoding": self.encoding, "sha256": self.sha256}


@dataclass(frozen=True)
class PageInfo:
    """What the page's furniture says about the printed page: paper name, date (ISO
    `yyyy-mm-dd`), page number (`5`, `A01`) and page name (`评论`); None when not printed."""

    paper: str | None = None
    date: str | None = None
    number: str | None = None
    name: str | None = None

    def to_json(self) -> dict[str, str | None]:
        return {"paper": self.paper, "date": self.date, "number": self.number, "name": self.name}


@dataclass
class ParsedPage:
    """A decoded page: the raw text is kept so a page can always be parsed again.

    `furniture` holds, in page order, the lines that belong to the page rather than to an
    article (date and page lines, `责任编辑：…`, `（相关报道见第九版）`): with the articles'
    printed texts they account for every character of the page.
    """

    source: SourceInfo
    raw_text: str
    articles: list[ParsedArticle]
    page: PageInfo = field(default_factory=PageInfo)
    furniture: list[str] = field(default_factory=list)

    def printed_texts(self) -> list[str]:
        """Every printed text of the page: the furniture, then each article's fields."""
        texts = list(self.furniture)
        for article in self.articles:
            texts.extend(article.printed_texts())
        return texts

    def to_json(self) -> dict[str, object]:
        source = self.source.to_json()
        # The furniture travels with the source (as one string, a line per item): it is
        # what the file printed besides its articles, so JSON consumers that account for
        # every character of the file find it there.
        source["furniture"] = "\n".join(self.furniture)
        return {
            "source": source,
            "page": self.page.to_json(),
            "articles": [a.to_json() for a in self.articles],
        }
