"""The common result of every reader: one source, its raw bytes, its metadata, its page.

Metadata lives here and not in `ParsedArticle`, whose fields are the same for every kind
of source (the list, the reading pane, search and export treat all articles alike).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum

from reader.parse.model import ParsedArticle, ParsedPage, SourceInfo


class SourceKind(Enum):
    """What a source was read as; the value is what the store and summaries show."""

    TEXT = "text"
    HTML = "html"
    MHTML = "mhtml"
    PDF = "pdf"
    MARKDOWN = "markdown"
    URL = "url"
    PASTE = "paste"


#: Metadata keys a reader may fill (all optional, all strings): the integration step
#: stores these, so readers use no others.
METADATA_KEYS = ("title", "author", "date", "site", "url", "description", "pages")


@dataclass
class SourceDocument:
    """One imported source. `page.raw_text` is the text the articles were parsed from
    (blocks separated by blank lines); `raw_bytes` is the file (or download) as it was."""

    kind: SourceKind
    raw_bytes: bytes
    metadata: dict[str, str]
    page: ParsedPage
    #: Images saved with the page (MHTML parts), by their URL in the page: shown if
    #: wanted, never fetched.
    images: dict[str, bytes] = field(default_factory=dict)

    @property
    def articles(self) -> list[ParsedArticle]:
        return self.page.articles


def source_info(raw_bytes: bytes, path: str, encoding: str) -> SourceInfo:
    """The page's identity: like text pages, the sha256 of the bytes as they came."""
    return SourceInfo(path, encoding, hashlib.sha256(raw_bytes).hexdigest())
