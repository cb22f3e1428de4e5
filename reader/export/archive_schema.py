"""The reader archive's format (ARCHIVE.md) as pydantic models, and the checks a schema
cannot say (positions inside the text, ids unique, links resolving).

`archive_problems` lists what is wrong with a loaded archive, each as "where: what"
(`$.annotations[3].target.selector[1].start: Input should be greater than or equal to 0
(got -1)`), so an archive is refused whole, before anything is written, with the first
problems named. Unknown extra fields are allowed and ignored, as a reader of a format
should. `Archive.model_json_schema()` gives the same format as a JSON Schema.

Types are strict: an offset written as `1.0` or `true` is a damaged file, not a number.
Pydantic rather than a JSON Schema interpreter: it checks a 30,000-highlight archive in a
fraction of a second, where walking the schema in Python took longer than the import.
"""

from __future__ import annotations

import base64
import gc
import itertools
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from reader.store.colors import HIGHLIGHT_COLORS
from reader.store.corrections import KINDS
from reader.times import parse_time

#: FORMAT_NAME as a type (a type cannot be made from a variable; a test keeps them equal).
FormatName = Literal["reader-archive"]

#: Positions and offsets fit SQLite's integers with room to spare; no page comes near.
MAX_POSITION = 2**31 - 1
#: How many problems a refusal names.
SHOWN_PROBLEMS = 5
#: A message quotes at most this much of the offending value.
MESSAGE_LIMIT = 120


def _reader_time(value: str) -> str:
    """A time `reader.times.parse_time` reads (ISO 8601; `Z` or an offset; none is UTC)."""
    try:
        parse_time(value)
    except (ValueError, OverflowError):
        raise ValueError("not an ISO 8601 time such as 2026-03-01T08:30:00.000000Z") from None
    return value


def _visible(value: str) -> str:
    """Tags are stored trimmed; a name of spaces only is a mistake."""
    if not value.strip():
        raise ValueError("a tag name cannot be empty")
    return value


def _base64(value: str) -> str:
    """A source's raw bytes, base64-encoded (standard alphabet, padded)."""
    try:
        base64.b64decode(value, validate=True)
    except ValueError:
        raise ValueError("not base64-encoded bytes") from None
    return value


Time = Annotated[str, AfterValidator(_reader_time)]
Offset = Annotated[int, Field(ge=0, le=MAX_POSITION)]
TagName = Annotated[str, AfterValidator(_visible)]
Color = Literal[HIGHLIGHT_COLORS]  # type: ignore[valid-type]  # the tuple's values


class _Part(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")


class Correction(_Part):
    """A user's fix of how the page was cut (`reader.store.corrections`)."""

    kind: Literal[KINDS]  # type: ignore[valid-type]  # the tuple's values
    exact: Annotated[str, Field(min_length=1)]
    prefix: str = ""
    suffix: str = ""
    page_start: Annotated[int, Field(ge=-1, le=MAX_POSITION)] = -1
    page_end: Annotated[int, Field(ge=-1, le=MAX_POSITION)] = -1
    value: str | None = None
    occurrence: Annotated[int, Field(ge=1, le=MAX_POSITION)] = 1
    created: Time


class Source(_Part):
    sha256: Annotated[str, Field(pattern="^[0-9a-f]{64}$")]
    path: str
    encoding: Annotated[str, Field(min_length=1, max_length=32)]
    imported: Time
    raw_text: str
    # Sources other than text pages (added after version 1 began; absent: a text page).
    kind: Literal["text", "html", "mhtml", "pdf", "markdown", "url", "paste"] = "text"
    raw_base64: Annotated[str, AfterValidator(_base64)] | None = None
    site: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    corrections: list[Correction] = []  # absent in archives written before corrections


class Author(_Part):
    name: str
    role: str


class Article(_Part):
    id: Annotated[str, Field(min_length=1)]
    source: str
    position: Offset
    section: str | None
    headlines: list[str]
    title: str
    byline: str | None
    authors: list[Author]
    paragraphs: list[str]
    captions: list[str]
    text: str
    tags: list[TagName] = []
    created: Time
    read: Time | None = None


class QuoteSelector(_Part):
    type: Literal["TextQuoteSelector"]
    exact: Annotated[str, Field(min_length=1)]
    prefix: str = ""
    suffix: str = ""


class PositionSelector(_Part):
    type: Literal["TextPositionSelector"]
    start: Offset
    end: Offset


Selector = Annotated[QuoteSelector | PositionSelector, Field(discriminator="type")]


class Target(_Part):
    source: str
    selector: list[Selector]

    @model_validator(mode="after")
    def _one_of_each(self) -> Target:
        kinds = sorted(s.type for s in self.selector)
        if kinds != ["TextPositionSelector", "TextQuoteSelector"]:
            raise ValueError("needs one TextQuoteSelector and one TextPositionSelector")
        return self


class Body(_Part):
    type: Literal["TextualBody"] = "TextualBody"
    purpose: Literal["commenting", "tagging"]
    value: str
    created: Time | None = None
    modified: Time | None = None

    @model_validator(mode="after")
    def _tag_is_visible(self) -> Body:
        if self.purpose == "tagging":
            _visible(self.value)
        return self


class Annotation(_Part):
    id: Annotated[str, Field(min_length=1)]
    type: Literal["Annotation"] = "Annotation"
    created: Time
    modified: Time | None = None
    body: list[Body] = []
    target: Target
    color: Color = Field("yellow", alias="reader:color")
    orphaned: bool = Field(False, alias="reader:orphaned")


class Archive(_Part):
    format: FormatName
    version: Annotated[int, Field(ge=1)]
    sources: list[Source]
    articles: list[Article]
    annotations: list[Annotation]


def archive_problems(data: Any, limit: int = SHOWN_PROBLEMS + 1) -> list[str]:
    """Up to `limit` problems of the archive, the format's first; empty when valid."""
    try:
        with _collector_paused():
            Archive.model_validate(data)
    except ValidationError as error:
        return [_described(e) for e in error.errors(include_url=False)[:limit]]
    return list(
        itertools.islice(itertools.chain(_link_problems(data), _text_problems(data)), limit)
    )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Validation builds a model object per part and drops them at once; with a large
    archive's millions of live objects, the garbage collector's passes over them took
    three quarters of the time. Nothing here makes reference cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _described(error: Any) -> str:
    """`$.path.to[3].field: what is wrong (got …)` from one pydantic error."""
    path = "$"
    for part in error["loc"]:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part not in ("TextQuoteSelector", "TextPositionSelector"):  # union tags
            path += f".{part}"
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] in ("missing", "model_type", "model_attributes_type"):
        return f"{path}: {message}"
    return f"{path}: {message} (got {_shortened(repr(error['input']))})"


def _link_problems(archive: dict[str, Any]) -> Iterator[str]:
    """What ties the parts together: unique ids, articles on known pages, annotations on
    known articles, a position inside the text it claims to mark."""
    pages = set()
    for i, source in enumerate(archive["sources"]):
        if source["sha256"] in pages:
            yield f"$.sources[{i}].sha256: the page {source['sha256']} is listed twice"
        pages.add(source["sha256"])
    texts: dict[str, str] = {}
    places = set()
    for i, article in enumerate(archive["articles"]):
        where = f"$.articles[{i}]"
        if article["id"] in texts:
            yield f"{where}.id: the article id {_shortened(article['id'])} is used twice"
        texts[article["id"]] = article["text"]
        if article["source"] not in pages:
            yield f"{where}.source: no page {_shortened(article['source'])} in sources"
        place = (article["source"], article["position"])
        if place in places:
            yield f"{where}.position: two articles at position {place[1]} of one page"
        places.add(place)
    annotation_ids = set()
    for i, annotation in enumerate(archive["annotations"]):
        where = f"$.annotations[{i}]"
        if annotation["id"] in annotation_ids:
            yield f"{where}.id: the annotation id {_shortened(annotation['id'])} is used twice"
        annotation_ids.add(annotation["id"])
        target = annotation["target"]["source"]
        if target not in texts:
            yield f"{where}.target.source: no article {_shortened(target)} in articles"
            continue
        for j, selector in enumerate(annotation["target"]["selector"]):
            if selector["type"] == "TextPositionSelector":
                yield from _position_problems(
                    f"{where}.target.selector[{j}]",
                    selector,
                    len(texts[target]),
                    annotation.get("reader:orphaned", False),
                )


def _position_problems(
    where: str, selector: dict[str, Any], text_length: int, orphaned: bool
) -> Iterator[str]:
    start, end = selector["start"], selector["end"]
    if orphaned:  # its last known place, in a text that has changed since: may be empty
        if start > end:
            yield f"{where}: start {start} is after end {end}"
    elif start >= end:
        yield f"{where}: start {start} is not before end {end}"
    elif end > text_length:
        yield f"{where}.end: {end} is beyond the article's text ({text_length} characters)"


def _text_problems(archive: dict[str, Any]) -> Iterator[str]:
    """JSON can escape half of a UTF-16 surrogate pair (`\\ud800`), which is no text:
    SQLite could not store it."""
    try:
        json.dumps(archive, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(error.object[error.start])
        yield f"$: holds \\u{code:04x}, half of a surrogate pair, which is not text"


def _shortened(text: str) -> str:
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"
