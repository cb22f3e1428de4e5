"""A page as the articles it was cut into: what `reader show --page` prints and a page
view draws (boundaries between articles, each article's labelled lines)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from reader.parse.model import Author
from reader.store.models import Article, Correction, Source
from reader.store.records import CorrectionRecord


@dataclass(frozen=True)
class ArticleSpan:
    """One article of a page: its lines by role, and where it starts and ends in the
    raw page text (`raw_start` -1 when its first line is not verbatim in the raw text;
    `raw_end` is where the next article starts, or the end of the page)."""

    article_id: int
    position: int
    title: str
    kicker: str | None
    subtitle: str | None
    headlines: tuple[str, ...]
    byline: str | None
    authors: tuple[Author, ...]
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    raw_start: int
    raw_end: int


@dataclass(frozen=True)
class PageLayout:
    source_id: int
    path: str
    raw_text: str
    articles: tuple[ArticleSpan, ...]
    corrections: tuple[CorrectionRecord, ...]


def page_layout(source: Source, rows: Sequence[Article]) -> PageLayout:
    raw = str(source.raw_text)
    starts: list[int] = []
    cursor = 0
    for row in rows:
        first = _first_line(row)
        found = raw.find(first, cursor) if first else -1
        starts.append(found)
        if found >= 0:
            cursor = found + len(first)
    spans = []
    for index, row in enumerate(rows):
        later = [s for s in starts[index + 1 :] if s >= 0]
        spans.append(
            ArticleSpan(
                article_id=int(row.id),
                position=int(row.position),
                title=str(row.title),
                kicker=row.kicker,
                subtitle=row.subtitle,
                headlines=tuple(json.loads(row.headlines or "[]")),
                byline=row.byline,
                authors=tuple(
                    Author(a["name"], a["role"]) for a in json.loads(row.authors or "[]")
                ),
                paragraphs=tuple(row.paragraph_list()),
                captions=tuple(json.loads(row.captions or "[]")),
                raw_start=starts[index],
                raw_end=later[0] if later else len(raw),
            )
        )
    corrections = Correction.select().where(Correction.source == source.id)
    return PageLayout(
        int(source.id),
        str(source.path),
        raw,
        tuple(spans),
        tuple(correction_record(c) for c in corrections.order_by(Correction.seq)),
    )


def _first_line(row: Article) -> str:
    """The article's first printed line, cut at a line break (a paragraph the parser
    joined from several raw lines starts like its first one)."""
    for values in (
        json.loads(row.headlines or "[]"),
        row.paragraph_list(),
        json.loads(row.captions or "[]"),
    ):
        if values:
            return str(values[0]).split("\n", 1)[0][:16]
    return str(row.byline or "")[:16]


def correction_record(row: Correction) -> CorrectionRecord:
    return CorrectionRecord(
        id=int(row.id),
        source_id=int(row.source_id),
        seq=int(row.seq),
        kind=str(row.kind),
        quote=str(row.exact),
        value=row.value,
        created_at=row.created_at,
        misfit=row.misfit,
        prefix=str(row.prefix),
        suffix=str(row.suffix),
        page_start=int(row.page_start),
        page_end=int(row.page_end),
        occurrence=int(row.occurrence),
    )
