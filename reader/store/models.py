"""The library's tables (peewee). Schema changes go through `reader.store.migrations`.

Positions are code points into `Article.text` (paragraphs joined by one newline); Qt
counts UTF-16 units, and the conversion happens only in `reader.ui`.
"""

from __future__ import annotations

from collections.abc import Iterable

import peewee as pw

# Re-exported under their old home: restore, the CLI and the UI still import them from here.
from reader.store.colors import HIGHLIGHT_COLORS as HIGHLIGHT_COLORS
from reader.store.packing import pack_bytes, pack_text, paragraphs_of, unpack_bytes, unpack_text
from reader.times import parse_time as parse_time
from reader.times import utcnow

#: Bound at open time by `reader.store.database.open_database`; never used unbound.
database_proxy = pw.DatabaseProxy()


def author_names_text(names: Iterable[str]) -> str:
    """What `Article.author_names` holds: each name once, in byline order. A reporter
    who also took the photo is listed once, not as "曹雨晴 罗浩 曹雨晴"."""
    return " ".join(dict.fromkeys(name for name in names if name))


class PackedTextField(pw.TextField):
    """A text column written compressed (a BLOB) and read back as text, whichever form
    the row holds."""

    def db_value(self, value: str | None) -> bytes | None:
        return None if value is None else pack_text(str(value))

    def python_value(self, value: str | bytes | None) -> str | None:
        return None if value is None else unpack_text(value)


class PackedBlobField(pw.BlobField):
    """A BLOB column written compressed and read back as the original bytes."""

    def db_value(self, value: bytes | None) -> bytes | None:
        return None if value is None else pack_bytes(bytes(value))

    def python_value(self, value: bytes | None) -> bytes | None:
        return unpack_bytes(value)


class BaseModel(pw.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Source(BaseModel):
    """One imported file. Same sha256 twice is the same page: imports are idempotent."""

    path = pw.TextField(index=True)  # a changed page is found again by its path
    sha256 = pw.CharField(max_length=64, unique=True)
    encoding = pw.CharField(max_length=32)
    raw_text = PackedTextField()  # stored compressed (`reader.store.packing`)
    imported_at = pw.DateTimeField(default=utcnow, index=True)
    # What the page's furniture says (date line, page line); None when not printed.
    paper = pw.TextField(null=True)
    page_date = pw.TextField(null=True, index=True)  # ISO yyyy-mm-dd: search's after:/before:
    page_number = pw.TextField(null=True)
    page_name = pw.TextField(null=True)
    #: `reader.parse.PARSER_VERSION` that cut this page into its articles: a page cut by
    #: an older parser is parsed again on upgrade (`Library.reparse_outdated`).
    parser_version = pw.IntegerField(default=0)
    #: What the source was read as (`reader.sources.SourceKind` value: text, html, mhtml,
    #: pdf, markdown, url, paste) and, for every kind but plain text, its bytes as they
    #: came (a file, a download, a pasted web page), so a better reader can read them
    #: again. A text page's bytes are its raw_text, as before sources existed.
    kind = pw.TextField(default="text")
    raw_bytes = PackedBlobField(null=True)  # stored compressed, like raw_text
    # What the source says about itself (web page metadata); None when it says nothing.
    site = pw.TextField(null=True)
    url = pw.TextField(null=True)
    title = pw.TextField(null=True)
    published = pw.TextField(null=True)  # ISO yyyy-mm-dd: search's dates when no page_date


class Article(BaseModel):
    source = pw.ForeignKeyField(Source, backref="articles", on_delete="CASCADE")
    position = pw.IntegerField()  # 0-based order on its page
    section = pw.TextField(null=True)
    kicker = pw.TextField(null=True)  # 引题, the headline line above the title
    title = pw.TextField()  # 主题
    subtitle = pw.TextField(null=True)  # 副题
    dateline = pw.TextField(null=True)  # JSON {"agency", "place", "date"}
    headlines = pw.TextField(default="[]")  # JSON list of str, page order
    byline = pw.TextField(null=True)
    authors = pw.TextField(default="[]")  # JSON list of {"name", "role"}
    author_names = pw.TextField(default="")  # author_names_text(): for the list filter
    #: "" when the paragraphs are `text` split at newlines (`paragraph_list`), else JSON.
    paragraphs = pw.TextField(default="")
    captions = pw.TextField(default="[]")  # JSON list of str
    text = pw.TextField()  # "\n".join(paragraphs): what highlights index into
    created_at = pw.DateTimeField(default=utcnow)
    read_at = pw.DateTimeField(null=True)  # None: unread

    class Meta:
        indexes = ((("source", "position"), True),)

    def paragraph_list(self) -> list[str]:
        """The article's paragraphs: stored once, in its text."""
        return paragraphs_of(self.paragraphs, self.text)


class Highlight(BaseModel):
    """A passage: position plus the quote and its context, so it can be found again."""

    article = pw.ForeignKeyField(Article, backref="highlights", on_delete="CASCADE")
    start = pw.IntegerField()  # code points into Article.text
    end = pw.IntegerField()
    exact = pw.TextField()
    prefix = pw.TextField(default="")  # about 32 code points before `exact`
    suffix = pw.TextField(default="")  # about 32 code points after `exact`
    color = pw.CharField(max_length=16, default="yellow")
    orphaned = pw.BooleanField(default=False)  # True: no longer found in the text
    created_at = pw.DateTimeField(default=utcnow, index=True)
    updated_at = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("article", "start"), False),)


class Note(BaseModel):
    """The note on a highlight (at most one; an empty note is deleted)."""

    highlight = pw.ForeignKeyField(Highlight, backref="notes", unique=True, on_delete="CASCADE")
    body = pw.TextField()
    created_at = pw.DateTimeField(default=utcnow)
    updated_at = pw.DateTimeField(default=utcnow, index=True)


class Tag(BaseModel):
    name = pw.TextField(unique=True)  # stored trimmed; unique as typed
    created_at = pw.DateTimeField(default=utcnow)


class HighlightTag(BaseModel):
    highlight = pw.ForeignKeyField(Highlight, on_delete="CASCADE")
    tag = pw.ForeignKeyField(Tag, backref="highlight_links", on_delete="CASCADE")

    class Meta:
        primary_key = pw.CompositeKey("highlight", "tag")
        indexes = ((("tag", "highlight"), False),)


class ArticleTag(BaseModel):
    article = pw.ForeignKeyField(Article, on_delete="CASCADE")
    tag = pw.ForeignKeyField(Tag, backref="article_links", on_delete="CASCADE")

    class Meta:
        primary_key = pw.CompositeKey("article", "tag")
        indexes = ((("tag", "article"), False),)


class Correction(BaseModel):
    """A user's fix of how a page was cut into articles (`reader.store.corrections`),
    applied again on top of the parser's articles whenever the page is parsed again."""

    source = pw.ForeignKeyField(Source, backref="corrections", on_delete="CASCADE")
    seq = pw.IntegerField()  # order of application on its page
    kind = pw.TextField()
    exact = pw.TextField()  # the quote, in the text of the article it was made on
    prefix = pw.TextField(default="")
    suffix = pw.TextField(default="")
    page_start = pw.IntegerField(default=-1)  # the quote's first line in raw_text; -1: not verbatim
    page_end = pw.IntegerField(default=-1)
    value = pw.TextField(null=True)  # a title, or authors as JSON
    occurrence = pw.IntegerField(default=1)  # which of the lookalike places, 1-based
    created_at = pw.DateTimeField(default=utcnow)
    #: Why the correction did not fit the page when it was last parsed; None: it fit.
    misfit = pw.TextField(null=True)

    class Meta:
        indexes = ((("source", "seq"), True),)


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Source,
    Article,
    Highlight,
    Note,
    Tag,
    HighlightTag,
    ArticleTag,
    Correction,
)
