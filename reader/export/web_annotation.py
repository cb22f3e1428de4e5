"""The JSON archive: articles, their pages' raw text and every highlight as a W3C Web
Annotation, enough to rebuild a library (`reader.export.restore`). Format: ARCHIVE.md.

Positions (TextPositionSelector start/end) count Unicode code points of the article's
`text`, not UTF-16 units: `𠮷` is one position.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from reader import __version__
from reader.store.library import Library
from reader.store.records import (
    ArticleRecord,
    CorrectionRecord,
    HighlightRecord,
    NoteRecord,
    SourceRecord,
)

FORMAT_NAME = "reader-archive"
FORMAT_VERSION = 1
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: Namespace of the annotation ids: uuid5 over what identifies a passage for good.
ANNOTATION_NAMESPACE = uuid.UUID("6f1c2a4e-3b7d-5e8f-9a0b-1c2d3e4f5a6b")


def format_time(value: dt.datetime | None) -> str | None:
    """Stored times are naive UTC; the archive says so with a trailing Z."""
    if value is None:
        return None
    return value.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def article_urn(page_sha256: str, position: int) -> str:
    """An article is its page's content plus its place on the page, on any machine."""
    return f"urn:reader:article:{page_sha256}:{position}"


def annotation_urn(article_urn_: str, created_at: dt.datetime, exact: str) -> str:
    """Stable across exports and libraries: a restored highlight keeps its creation time
    and quote, so exporting the restored library gives the same ids."""
    key = f"{article_urn_}\n{format_time(created_at)}\n{exact}"
    return f"urn:uuid:{uuid.uuid5(ANNOTATION_NAMESPACE, key)}"


def build_archive(library: Library, articles: Iterable[ArticleRecord]) -> dict[str, Any]:
    """The archive of `articles` (as `scope.collect` returns them) and their highlights,
    with the fields records do not carry (raw page text, read and note times) read in
    one transaction."""
    articles = list(articles)
    with library.snapshot():
        sources = library.archive.sources({a.source_id for a in articles})
        times = library.articles.times(a.id for a in articles)
        notes = library.highlights.notes(h.id for a in articles for h in a.highlights)
        corrections = library.archive.corrections(s.id for s in sources)
    sha256_of = {source.id: source.sha256 for source in sources}
    archive_articles = []
    annotations = []
    for article in articles:
        sha = sha256_of[article.source_id]
        urn = article_urn(sha, article.position)
        when = times[article.id]
        archive_articles.append(_article_json(article, urn, sha, when.created_at, when.read_at))
        annotations += [_annotation_json(h, urn, notes.get(h.id)) for h in article.highlights]
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generator": f"reader {__version__}",
        "positions": "code points",
        "sources": [_source_json(s, corrections.get(s.id, ())) for s in sources],
        "articles": archive_articles,
        "annotations": annotations,
    }


def dumps(archive: dict[str, Any]) -> str:
    """Readable UTF-8 JSON (Chinese unescaped), keys in a fixed order."""
    return json.dumps(archive, ensure_ascii=False, indent=2) + "\n"


def _source_json(source: SourceRecord, corrections: Sequence[CorrectionRecord]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "sha256": source.sha256,
        "path": source.path,
        "encoding": source.encoding,
        "imported": format_time(source.imported_at),
        "raw_text": source.raw_text,
    }
    origin = source.origin
    if origin.kind != "text" or source.raw_bytes is not None:
        # Sources other than text pages (ARCHIVE.md): what they were read as, what they
        # say about themselves, and their bytes, so they can be read again.
        data["kind"] = origin.kind
        for key in ("site", "url", "title", "published"):
            data[key] = getattr(origin, key)
        if source.raw_bytes is not None:
            data["raw_base64"] = base64.b64encode(source.raw_bytes).decode("ascii")
    if corrections:  # absent when none: archives of uncorrected pages stay as they were
        data["corrections"] = [_correction_json(c) for c in corrections]
    return data


def _correction_json(correction: CorrectionRecord) -> dict[str, Any]:
    return {
        "kind": correction.kind,
        "exact": correction.quote,
        "prefix": correction.prefix,
        "suffix": correction.suffix,
        "page_start": correction.page_start,
        "page_end": correction.page_end,
        "value": correction.value,
        "occurrence": correction.occurrence,
        "created": format_time(correction.created_at),
    }


def _article_json(
    article: ArticleRecord,
    urn: str,
    page_sha256: str,
    created_at: dt.datetime,
    read_at: dt.datetime | None,
) -> dict[str, Any]:
    return {
        "id": urn,
        "source": page_sha256,
        "position": article.position,
        "section": article.section,
        "headlines": list(article.headlines),
        "title": article.title,
        "byline": article.byline,
        "authors": [a.to_json() for a in article.authors],
        "paragraphs": list(article.paragraphs),
        "captions": list(article.captions),
        "text": article.text,
        "tags": list(article.tags),
        "created": format_time(created_at),
        "read": format_time(read_at),
    }


def _annotation_json(
    highlight: HighlightRecord, urn: str, note: NoteRecord | None
) -> dict[str, Any]:
    body: list[dict[str, Any]] = []
    if note is not None:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "format": "text/plain",
                "value": note.body,
                "created": format_time(note.created_at),
                "modified": format_time(note.updated_at),
            }
        )
    body += [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in highlight.tags]
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": annotation_urn(urn, highlight.created_at, highlight.exact),
        "type": "Annotation",
        "created": format_time(highlight.created_at),
        "modified": format_time(highlight.updated_at),
        "body": body,
        "target": {
            "source": urn,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": highlight.exact,
                    "prefix": highlight.prefix,
                    "suffix": highlight.suffix,
                },
                {"type": "TextPositionSelector", "start": highlight.start, "end": highlight.end},
            ],
        },
        "reader:color": highlight.color,
        "reader:orphaned": highlight.orphaned,
    }
