"""One entry point for every file: recognise it, then hand it to its reader.

The summary of an import says per file what it was read as: that is the returned
document's `kind`.
"""

from __future__ import annotations

from pathlib import Path

from reader.parse import page as text_pages
from reader.parse.page import read_page_bytes
from reader.sources.document import SourceDocument, SourceKind
from reader.sources.sniffing import sniff


def read_source(data: bytes, path: str = "") -> SourceDocument:
    """Read any supported file's bytes (`path` names it and decides only for Markdown).
    Raises reader.errors.InputFileError (ArchiveFileError for a reader archive) with a
    message a person can act on; never anything else for bad input. Each reader is
    loaded on first use: the web-page reader's trafilatura alone takes 115 ms to import,
    which a folder of text pages (and each import worker, `reader.store.page_reading`)
    does not need."""
    kind = sniff(data, Path(path).name if path else "")
    if kind is SourceKind.PDF:
        from reader.sources.pdf import read_pdf

        return read_pdf(data, path)
    if kind is SourceKind.MHTML:
        from reader.sources.mhtml import read_mhtml

        return read_mhtml(data, path)
    if kind is SourceKind.HTML:
        from reader.sources.html import read_html

        return read_html(data, path)
    if kind is SourceKind.MARKDOWN:
        from reader.sources.markdown import read_markdown

        return read_markdown(data, path)
    # Through the module: a text page is read exactly as `parse_bytes` reads it today.
    return SourceDocument(SourceKind.TEXT, data, {}, text_pages.parse_bytes(data, path))


def read_source_file(path: str | Path) -> SourceDocument:
    """Read a file from disk (InputFileError: missing, a folder, unreadable, too large)."""
    return read_source(read_page_bytes(path), str(path))
