"""Articles from files that are not plain-text pages: web pages (HTML, MHTML), PDF
pages, Markdown, pasted text and pages fetched from a URL. Pure functions, no Qt, no
database.

Every reader ends in the parser's own model (`ParsedPage` of `ParsedArticle`s) wrapped in
a `SourceDocument` that keeps the raw bytes (so a source can be parsed again by a better
reader later) and what the source says about itself (site, URL, date). `read_source`
recognises a file by its content and picks the reader; `fetch_url`/`read_url` are the
only code here that touches the network, and only when the user asks for a URL.

The names below load lazily (PEP 562): the store can import `reader.sources.document`
without loading the HTML and PDF libraries, which the app's start-up does not need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.sources.document import SourceDocument, SourceKind
    from reader.sources.paste import read_pasted
    from reader.sources.read import read_source, read_source_file
    from reader.sources.sniffing import ArchiveFileError, sniff
    from reader.sources.url import fetch_url, read_url

_HOMES = {
    "SourceDocument": "document",
    "SourceKind": "document",
    "read_source": "read",
    "read_source_file": "read",
    "read_pasted": "paste",
    "read_url": "url",
    "fetch_url": "url",
    "sniff": "sniffing",
    "ArchiveFileError": "sniffing",
}
__all__ = [
    "ArchiveFileError",
    "SourceDocument",
    "SourceKind",
    "fetch_url",
    "read_pasted",
    "read_source",
    "read_source_file",
    "read_url",
    "sniff",
]


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'reader.sources' has no attribute {name!r}")
    return getattr(importlib.import_module(f"reader.sources.{home}"), name)
