"""Articles from files that are not plain-text pages: web pages (HTML, MHTML), PDF
pages, Markdown, and pages fetched from a URL. Pure functions, no Qt, no database.

Every reader ends in the parser's own model (`ParsedPage` of `ParsedArticle`s) wrapped in
a `SourceDocument` that keeps the raw bytes (so a source can be parsed again by a better
reader later) and what the source says about itself (site, URL, date). `read_source`
recognises a file by its content and picks the reader; `fetch_url` is the only code here
that touches the network, and only when the user asks for a URL.
"""

from reader.sources.document import SourceDocument, SourceKind
from reader.sources.read import read_source, read_source_file
from reader.sources.sniff import sniff

__all__ = ["SourceDocument", "SourceKind", "read_source", "read_source_file", "sniff"]
