"""Text pasted from the clipboard → articles, through the same readers as files.

A clipboard often offers both HTML and plain text of one selection. HTML keeps the
block structure (and, copied from an article page, its headings), so it is preferred
when it holds text; plain text goes through the newspaper page parser like a text page.
"""

from __future__ import annotations

import datetime as dt

from reader.errors import InputFileError
from reader.parse.page import parse_text
from reader.sources.document import SourceDocument, SourceKind, source_info
from reader.sources.html import read_html

#: What `SourceInfo.path` says for pasted text: it came from no file.
PASTED_PATH = "pasted"


def read_pasted(
    text: str = "", html: str = "", *, now: dt.datetime | None = None
) -> SourceDocument:
    """Articles from a paste (InputFileError when it holds no text). The metadata's
    `date` is the day of pasting (UTC), since a paste says nothing about its own."""
    moment = now or dt.datetime.now(dt.UTC)
    document: SourceDocument | None = None
    if html.strip():
        try:
            document = read_html(html.encode("utf-8", "surrogatepass"), PASTED_PATH)
        except InputFileError:
            document = None  # markup without text (a picture): try the plain text
    if document is None:
        if not text.strip():
            raise InputFileError("empty: the clipboard holds no text")
        raw = text.encode("utf-8", "surrogatepass")
        page = parse_text(text, path=PASTED_PATH)
        page.source = source_info(raw, PASTED_PATH, "utf-8")
        document = SourceDocument(SourceKind.PASTE, raw, {}, page)
    document.kind = SourceKind.PASTE
    document.metadata.setdefault("date", moment.date().isoformat())
    return document
