"""Sources other than text pages in the `source` table: the columns a read document
fills, and reading a stored source again from its raw bytes (after a reader improves).

A text page stores its decoded text only (`raw_text`), as it always has; every other
kind also keeps the bytes it came as, since a web page's or a PDF's text is what one
reader made of it, and a better reader may make more.
"""

from __future__ import annotations

import re

from reader.parse.model import ParsedPage
from reader.sources.document import SourceDocument, SourceKind
from reader.store.models import Source

#: A date as metadata writes it: `2019-10-22`, `2019-10-22T08:00:00+08:00`,
#: `2019/10/22 08:00`, `2019年10月22日`.
_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def document_columns(document: SourceDocument) -> dict[str, object]:
    """The Source columns a document fills besides the page's: its kind, its bytes (none
    for a text page or pasted plain text: their raw_text is all there was) and its
    metadata (site, URL, title, date)."""
    metadata = document.metadata
    plain_text = document.page.raw_text.encode("utf-8", "surrogatepass") == document.raw_bytes
    keeps_bytes = document.kind is not SourceKind.TEXT and not (
        document.kind is SourceKind.PASTE and plain_text
    )
    return {
        "kind": document.kind.value,
        "raw_bytes": document.raw_bytes if keeps_bytes else None,
        "site": metadata.get("site") or None,
        "url": metadata.get("url") or None,
        "title": metadata.get("title") or None,
        "published": iso_date(metadata.get("date", "")),
    }


def iso_date(value: str) -> str | None:
    """`yyyy-mm-dd` of a metadata date, or None when it is not a date a person would
    recognise (search's after:/before: compare it with ISO dates)."""
    found = _DATE.match(value or "")
    if found is None:
        return None
    year, month, day = (int(part) for part in found.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def read_again(source: Source) -> tuple[ParsedPage, dict[str, object]] | None:
    """The page a stored non-text source gives now, read from its raw bytes by the
    current readers, with its document columns; None for a source that has no bytes (a
    text page, pasted plain text), which is parsed from its raw_text. InputFileError
    when today's reader refuses the bytes."""
    if source.raw_bytes is None:
        return None
    from reader.sources.paste import read_pasted
    from reader.sources.read import read_source

    data = bytes(source.raw_bytes)
    kind = SourceKind(source.kind) if source.kind in _KINDS else SourceKind.TEXT
    if kind is SourceKind.PASTE:
        document = read_pasted(html=data.decode("utf-8", "surrogatepass"))
        document.metadata["date"] = source.published or document.metadata.get("date", "")
    else:
        document = read_source(data, source.path if kind is not SourceKind.URL else "")
        document.kind = kind
        if kind is SourceKind.URL:
            document.metadata.setdefault("url", source.url or source.path)
    return document.page, document_columns(document)


_KINDS = frozenset(kind.value for kind in SourceKind)
